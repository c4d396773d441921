import { AwsError } from '../../../core/errors.ts';
import { accountRootArn } from '../../../core/arn.ts';
import { httpsEndpoint } from '../../../server/tls.ts';
import type { ResourceRequest } from '../provider.ts';

/**
 * The account that owns the buckets custom resources and wait condition handles answer into: on AWS it is one of
 * AWS's own, so the stack's account never sees it.
 */
const RESPONSE_ACCOUNT = '999999999999';
/** How often a waiting resource looks for answers. */
export const POLL_MS = 100;

function options(region: string) {
  return { caller: { accountId: RESPONSE_ACCOUNT, arn: accountRootArn(RESPONSE_ACCOUNT, region), accessKeyId: RESPONSE_ACCOUNT }, region };
}

/** A response bucket of the stack's region (made on first use), versioned when several answers may share a key. */
export async function responseBucket(request: ResourceRequest, purpose: string, versioned = false): Promise<string> {
  const bucket = `cloudformation-${purpose}-${request.region.replace(/-/g, '')}`;
  try {
    await request.emulator.call('s3', 'CreateBucket', { Bucket: bucket }, options(request.region));
    if (versioned) await request.emulator.call('s3', 'PutBucketVersioning', { Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }, options(request.region));
  } catch (error) {
    if (!(error instanceof AwsError && error.code === 'BucketAlreadyOwnedByYou')) throw error;
  }
  return bucket;
}

/** A presigned PUT URL for an object of a response bucket, signed as the bucket's owner, valid for `expiresIn` seconds. */
export async function presignedPutUrl(request: ResourceRequest, bucket: string, key: string, expiresIn = 7200): Promise<string> {
  const [{ Hash }, { SignatureV4 }] = await Promise.all([import('@smithy/hash-node'), import('@smithy/signature-v4')]);
  const signer = new SignatureV4({
    service: 's3',
    region: request.region,
    sha256: Hash.bind(null, 'sha256'),
    credentials: { accessKeyId: RESPONSE_ACCOUNT, secretAccessKey: 'cloudformation' },
  });
  // HTTPS as on AWS (CDK's provider framework answers with https.request), when the emulator serves it.
  const endpoint = new URL(httpsEndpoint(request.emulator) ?? request.emulator.endpoint);
  const path = `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const signed = await signer.presign(
    { method: 'PUT', protocol: endpoint.protocol, hostname: endpoint.hostname, port: Number(endpoint.port) || undefined, path, headers: { host: endpoint.host }, query: {} },
    { expiresIn, signingDate: request.emulator.clock.date() },
  );
  const query = new URLSearchParams(signed.query as Record<string, string>).toString();
  return `${endpoint.protocol}//${endpoint.host}${path}?${query}`;
}

async function text(body: unknown): Promise<string> {
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The answer put at a key (and removes it), or undefined while there is none. */
export async function takeAnswer(request: ResourceRequest, bucket: string, key: string): Promise<string | undefined> {
  const call = (operation: string, input: object) => request.emulator.call<{ Body?: unknown }>('s3', operation, input, options(request.region));
  try {
    const object = await call('GetObject', { Bucket: bucket, Key: key });
    await call('DeleteObject', { Bucket: bucket, Key: key });
    return await text(object.Body);
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NoSuchKey') return undefined;
    throw error;
  }
}

/** Every answer put at a key of a versioned bucket so far, oldest first. */
export async function allAnswers(request: ResourceRequest, bucket: string, key: string): Promise<string[]> {
  const call = <T>(operation: string, input: object) => request.emulator.call<T>('s3', operation, input, options(request.region));
  const { Versions = [] } = await call<{ Versions?: { Key: string; VersionId: string; LastModified: Date }[] }>('ListObjectVersions', { Bucket: bucket, Prefix: key });
  const mine = Versions.filter((v) => v.Key === key).reverse();
  return Promise.all(mine.map(async (v) => text((await call<{ Body: unknown }>('GetObject', { Bucket: bucket, Key: key, VersionId: v.VersionId })).Body)));
}
