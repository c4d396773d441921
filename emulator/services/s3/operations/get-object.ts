import type { GetObjectOutput, GetObjectRequest, HeadObjectOutput, HeadObjectRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import { authorizeOnObject } from '../authorize-object.ts';
import { addChecksumOutput } from '../checksums.ts';
import { usableKmsKeyArn } from '../kms-key.ts';
import { checkReadConditions } from '../conditions.ts';
import { expirationHeader } from '../lifecycle.ts';
import type { S3Object, StoredChecksum } from '../object.ts';
import { checkCustomerKey, findVersion, parseRange } from '../read.ts';
import { getThroughObjectLambda, isThroughObjectLambda } from '../object-lambda.ts';
import { headThroughObjectLambda } from '../object-lambda-actions.ts';
import { requireBucket, s3World, type S3Context } from '../registry.ts';
import { checkResponseOverrides } from '../response-overrides.ts';
import { mailSafeMetadata } from '../metadata-encoding.ts';
import { invalidObjectState, isReadable, restoreHeader } from './restore-object.ts';

type ReadRequest = GetObjectRequest | HeadObjectRequest;
// Expires is the HTTP date as stored or as an override names it (S3's model types the header as a string).
type ReadOutput = Omit<GetObjectOutput, 'Body' | 'Expires'> & { Body?: Buffer | AsyncIterable<Buffer>; Expires?: Date | string };

/** The byte range of a part of a multipart object (`partNumber`), with AWS's errors for a part that is not there. */
function partRange(object: S3Object, partNumber: number): { start: number; end: number } {
  const parts = object.parts ?? [{ size: object.body.size }];
  if (partNumber < 1 || partNumber > 10000) {
    throw new AwsError('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
      status: 400,
      fields: { ArgumentName: 'partNumber', ArgumentValue: partNumber },
    });
  }
  if (partNumber > parts.length) {
    throw new AwsError('InvalidPartNumber', 'The requested partnumber is not satisfiable', { status: 416, fields: { PartNumberRequested: partNumber, ActualPartCount: parts.length } });
  }
  const start = parts.slice(0, partNumber - 1).reduce((n, p) => n + p.size, 0);
  return { start, end: start + parts[partNumber - 1].size - 1 };
}

/** GetObject and HeadObject: the same checks and headers; HEAD has no body. */
function readObject(input: ReadRequest, ctx: S3Context, method: 'GET' | 'HEAD'): ReadOutput {
  checkResponseOverrides(input);
  const bucket = requireBucket(ctx, input);
  const key = input.Key ?? '';
  const object = findVersion(bucket, key, input.VersionId, method);
  const now = ctx.emulator.clock.now();
  if (method === 'GET' && !isReadable(object, now)) throw invalidObjectState(object.storageClass, object.accessTier);
  checkReadConditions(input, object, now);
  checkCustomerKey(object, input);
  const size = object.body.size;
  if (input.PartNumber !== undefined && input.Range !== undefined) {
    throw new AwsError('InvalidRequest', 'Cannot specify both Range header and partNumber query parameter', { status: 400 });
  }
  const range = input.PartNumber !== undefined ? partRange(object, input.PartNumber) : parseRange(input.Range, size);
  const wholeObject = !range || (range.start === 0 && range.end === size - 1 && input.PartNumber === undefined);
  const length = range ? range.end - range.start + 1 : size;
  const output: ReadOutput = {
    AcceptRanges: 'bytes',
    // AWS tells the expiry of the current version only, and not when the request names a version.
    Expiration: input.VersionId === undefined ? expirationHeader(bucket, object) : undefined,
    LastModified: object.lastModified,
    ContentLength: length,
    ETag: object.etag,
    // A part read is ranged even on an object uploaded in one piece (its part 1 is the whole object).
    ContentRange: range && (input.Range !== undefined || input.PartNumber !== undefined) ? `bytes ${range.start}-${range.end}/${size}` : undefined,
    VersionId: bucket.versioning ? object.versionId : undefined,
    ContentType: input.ResponseContentType ?? object.headers.ContentType,
    CacheControl: input.ResponseCacheControl ?? object.headers.CacheControl,
    ContentDisposition: input.ResponseContentDisposition ?? object.headers.ContentDisposition,
    ContentEncoding: input.ResponseContentEncoding ?? object.headers.ContentEncoding,
    ContentLanguage: input.ResponseContentLanguage ?? object.headers.ContentLanguage,
    // An override is echoed as the HTTP date it names.
    Expires: input.ResponseExpires !== undefined ? new Date(input.ResponseExpires).toUTCString() : object.headers.Expires,
    WebsiteRedirectLocation: object.headers.WebsiteRedirectLocation,
    Restore: restoreHeader(object, now),
    Metadata: mailSafeMetadata(object.metadata),
    StorageClass: object.storageClass === 'STANDARD' ? undefined : (object.storageClass as GetObjectOutput['StorageClass']),
    TagCount: object.tags.length || undefined,
    PartsCount: input.PartNumber !== undefined && object.parts ? object.parts.length : undefined,
    ObjectLockMode: object.lock.mode,
    ObjectLockRetainUntilDate: object.lock.retainUntil,
    ObjectLockLegalHoldStatus: object.lock.legalHold,
  };
  // Set on the output built (spreading them into the literal above cost more than the rest of it).
  Object.assign(output, object.encryption);
  // AWS reads the mode without regard to case (`enabled` works as `ENABLED`).
  if (input.ChecksumMode?.toUpperCase() === 'ENABLED') addChecksumOutput(output, wholeObject ? object.checksum : partChecksum(object, input.PartNumber));
  // A HEAD of an object in an Intelligent-Tiering archive tier says which (`x-amz-archive-status`).
  if (method === 'HEAD' && object.accessTier) (output as HeadObjectOutput).ArchiveStatus = object.accessTier;
  if (method === 'GET') {
    output.Body = range ? object.body.read(range.start, range.end) : object.body.read();
    // A read is access: Intelligent-Tiering counts days without one.
    if (object.storageClass === 'INTELLIGENT_TIERING') object.lastAccessedMs = now;
  }
  return output;
}

/** A part read's checksum: the part's own in a composite object, the object's when the part is all of it. */
function partChecksum(object: S3Object, partNumber: number | undefined): StoredChecksum | undefined {
  const parts = object.parts ?? [{ size: object.body.size }];
  if (partNumber === undefined || !object.checksum) return undefined;
  const part = parts[partNumber - 1];
  if (object.checksum.type === 'COMPOSITE') return part?.checksum ? { ...object.checksum, value: part.checksum } : undefined;
  return parts.length === 1 ? object.checksum : undefined;
}

/** Whether the requester may perform `action` on the object read (its policies and the bucket's, as a request would be judged). */
async function mayPerform(ctx: S3Context, input: ReadRequest, action: string): Promise<boolean> {
  try {
    await authorizeOnObject(ctx, s3World(ctx.emulator).buckets.get(input.Bucket ?? '')!, action, input.Key ?? '', input.VersionId);
    return true;
  } catch (error) {
    if (error instanceof AwsError && error.code === 'AccessDenied') return false;
    throw error;
  }
}

/**
 * A read answers an object's retention only to a requester with `s3:GetObjectRetention`, and its legal hold only with
 * `s3:GetObjectLegalHold` (HeadObject's and GetObject's ObjectLock* members); the bucket owner without a policy has both.
 */
async function withPermittedLock<T extends ReadOutput | HeadObjectOutput>(ctx: S3Context, input: ReadRequest, output: T): Promise<T> {
  if (output.ObjectLockMode !== undefined && !(await mayPerform(ctx, input, 's3:GetObjectRetention'))) {
    output.ObjectLockMode = undefined;
    output.ObjectLockRetainUntilDate = undefined;
  }
  if (output.ObjectLockLegalHoldStatus !== undefined && !(await mayPerform(ctx, input, 's3:GetObjectLegalHold'))) output.ObjectLockLegalHoldStatus = undefined;
  return output;
}

/** Whether a read's Object Lock members must be judged: only a locked object, read by someone the owner's rights may not cover. */
function lockToJudge(ctx: S3Context, output: ReadOutput | HeadObjectOutput): boolean {
  return (output.ObjectLockMode !== undefined || output.ObjectLockLegalHoldStatus !== undefined) && (ctx.emulator.enforcesIam || ctx.emulator.crossAccount !== 'open');
}

export function getObject(input: GetObjectRequest, ctx: S3Context): ReadOutput | Promise<unknown> {
  if (isThroughObjectLambda(ctx)) return getThroughObjectLambda(input, ctx, (direct) => readObject(direct, ctx, 'GET'));
  const output = readObject(input, ctx, 'GET');
  const answer = () => (lockToJudge(ctx, output) ? withPermittedLock(ctx, input, output) : output);
  // Only an SSE-KMS object needs its key usable: every other read is answered without another turn.
  if (output.ServerSideEncryption !== 'aws:kms') return answer();
  return usableKmsKeyArn(ctx, output.SSEKMSKeyId).then(answer);
}

export function headObject(input: HeadObjectRequest, ctx: S3Context): HeadObjectOutput | Promise<unknown> {
  if (isThroughObjectLambda(ctx)) return headThroughObjectLambda(input, ctx, (direct) => readObject(direct as GetObjectRequest, ctx, 'HEAD'));
  const output = readObject(input, ctx, 'HEAD') as HeadObjectOutput;
  // PartNumber on a HEAD tells the size of that part, as GET would.
  return lockToJudge(ctx, output) ? withPermittedLock(ctx, input, output) : output;
}
