import { accountRootArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';

// Firehose signs its requests to an OpenSearch Service / Elasticsearch domain (service `es`) and to an OpenSearch
// Serverless collection (service `aoss`) with SigV4, as the delivery stream's role (AWS's Firehose developer guide,
// "Grant Firehose access to a public OpenSearch Service destination"): the role is assumed through STS when it runs
// here, and the signature covers the body's SHA-256 (`x-amz-content-sha256`, which OpenSearch Serverless requires).

/** Adds the signature headers to a request to the cluster. */
export type SearchSigner = (url: URL, method: string, headers: Record<string, string>, body: string) => Promise<Record<string, string>>;

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The role's session credentials (STS AssumeRole as firehose.amazonaws.com); without STS or a role, keys of the account. */
async function roleCredentials(emulator: Emulator, roleArn: string | undefined, accountId: string, region: string): Promise<Credentials> {
  if (roleArn && emulator.isEnabled('sts')) {
    try {
      const caller = { accountId, arn: accountRootArn(accountId, region), servicePrincipal: 'firehose.amazonaws.com' };
      const { Credentials: c } = await emulator.call<{ Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }>(
        'sts',
        'AssumeRole',
        { RoleArn: roleArn, RoleSessionName: 'firehose-delivery' },
        { caller, region },
      );
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    } catch {
      // a role STS cannot assume here: the account's own keys below
    }
  }
  return { accessKeyId: accountId, secretAccessKey: 'test' };
}

/** The region an AWS endpoint names (`search-x.eu-west-1.es.amazonaws.com`, `x.us-east-1.aoss.amazonaws.com`), else the stream's. */
export function signingRegion(endpoint: string, streamRegion: string): string {
  return /\.([a-z]{2}(?:-[a-z]+)+-\d)\.(?:es|aoss)\.amazonaws\.com(?:\.cn)?$/.exec(new URL(endpoint).hostname)?.[1] ?? streamRegion;
}

export async function searchSigner(emulator: Emulator, options: { roleArn?: string; accountId: string; streamRegion: string; endpoint: string; serverless: boolean }): Promise<SearchSigner> {
  const [{ Hash }, { SignatureV4 }] = await Promise.all([import('@smithy/hash-node'), import('@smithy/signature-v4')]);
  const region = signingRegion(options.endpoint, options.streamRegion);
  const credentials = await roleCredentials(emulator, options.roleArn, options.accountId, options.streamRegion);
  const signer = new SignatureV4({ service: options.serverless ? 'aoss' : 'es', region, credentials, sha256: Hash.bind(null, 'sha256'), applyChecksum: true });
  return async (url, method, headers, body) => {
    const signed = await signer.sign(
      {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: { ...headers, host: url.host },
        body,
      },
      { signingDate: emulator.clock.date() },
    );
    // fetch sets the host itself.
    const { host: _host, ...rest } = signed.headers;
    return rest;
  };
}
