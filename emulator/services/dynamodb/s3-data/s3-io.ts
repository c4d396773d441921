import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { DynamoState } from '../state.ts';

type Ctx = RequestContext<DynamoState>;

/** Calls S3 through its front door as the caller of the DynamoDB request (exports write, imports read with its rights). */
function s3<T>(ctx: Ctx, operation: string, input: Record<string, unknown>): Promise<T> {
  if (!ctx.emulator.serviceNames().includes('s3')) {
    throw new AwsError('ValidationException', 'Exports and imports need the S3 service, which is not enabled in this twinstack.');
  }
  return ctx.emulator.call('s3', operation, input, { caller: ctx.caller, region: ctx.region });
}

/** Writes one object; returns its ETag without quotes. */
export async function putObject(ctx: Ctx, bucket: string, key: string, body: Buffer, extra: Record<string, unknown> = {}): Promise<string> {
  const out = await s3<{ ETag?: string }>(ctx, 'PutObject', { Bucket: bucket, Key: key, Body: body, ...extra });
  return (out.ETag ?? '').replace(/"/g, '');
}

/** The keys of every object under a prefix, in key order. */
export async function listKeys(ctx: Ctx, bucket: string, prefix: string, owner?: string): Promise<{ key: string; size: number }[]> {
  const keys: { key: string; size: number }[] = [];
  let token: string | undefined;
  do {
    const page = await s3<{ Contents?: { Key?: string; Size?: number }[]; NextContinuationToken?: string }>(ctx, 'ListObjectsV2', {
      Bucket: bucket, Prefix: prefix, ContinuationToken: token, ExpectedBucketOwner: owner,
    });
    for (const object of page.Contents ?? []) keys.push({ key: object.Key!, size: object.Size ?? 0 });
    token = page.NextContinuationToken;
  } while (token);
  return keys;
}

/** One object's body. */
export async function getObject(ctx: Ctx, bucket: string, key: string, owner?: string): Promise<Buffer> {
  const out = await s3<{ Body?: Buffer | AsyncIterable<Buffer> }>(ctx, 'GetObject', { Bucket: bucket, Key: key, ExpectedBucketOwner: owner });
  if (!out.Body || Buffer.isBuffer(out.Body)) return out.Body ?? Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of out.Body) chunks.push(chunk);
  return Buffer.concat(chunks);
}
