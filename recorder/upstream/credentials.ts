import { Agent as HttpsAgent } from 'node:https';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

/** A provider, not fixed keys: temporary credentials (SSO, assumed roles) refresh during a long recording. */
export type RecordingCredentials = ReturnType<typeof fromNodeProviderChain>;

/** How to trust the upstream's TLS certificate when it is not a public AWS endpoint (tests, corporate proxies). */
export interface UpstreamTls {
  /** PEM bundle to trust besides the system CAs. */
  ca?: string;
  /** Accept any certificate (self-signed test upstreams only). */
  insecure?: boolean;
}

export interface RecordingIdentity {
  accountId: string;
  arn: string;
  credentials: RecordingCredentials;
}

/**
 * Resolves the recording credentials from the standard AWS chain (environment, profile, SSO, process, web identity,
 * container, instance metadata) and asks STS who they are: the account id is what the contract must never contain.
 */
export async function recordingIdentity(region: string, upstream: string | undefined, tls: UpstreamTls): Promise<RecordingIdentity> {
  const credentials = fromNodeProviderChain();
  const httpsAgent = new HttpsAgent({ ca: tls.ca, rejectUnauthorized: !tls.insecure });
  const sts = new STSClient({ region, credentials, endpoint: upstream, requestHandler: { httpsAgent } });
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Account || !identity.Arn) throw new Error('STS GetCallerIdentity returned no account');
    return { accountId: identity.Account, arn: identity.Arn, credentials };
  } finally {
    sts.destroy();
    httpsAgent.destroy();
  }
}
