import { KMSClient } from '@aws-sdk/client-kms';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/** Starts twinstack with KMS around a mocha suite, with a KMS client of the default account. */
export function useKms(): { aws: Twinstack; kms: KMSClient } {
  const context = {} as { aws: Twinstack; kms: KMSClient };
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services: ['kms'] });
    context.kms = new KMSClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(async () => {
    context.kms.destroy();
    await context.aws.stop();
  });
  return context;
}
