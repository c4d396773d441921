import { KMSClient } from '@aws-sdk/client-kms';
import { useTwinstack } from '../support/twinstack.ts';

/** Starts twinstack with KMS around a mocha suite, with a KMS client of the default account. */
export function useKms() {
  return useTwinstack({ services: ['kms'] }, { kms: (settings) => new KMSClient(settings) });
}
