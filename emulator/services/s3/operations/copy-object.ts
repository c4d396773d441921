import type { CopyObjectRequest } from '@aws-sdk/client-s3';
import { authorizeWriteHeaders } from '../authorize-object.ts';
import { digestBody } from '../body.ts';
import { checksumOutput, parseAlgorithm } from '../checksums.ts';
import { checkWriteConditions } from '../conditions.ts';
import { resolveCopySource } from '../copy-source.ts';
import { usableKmsKeyArn } from '../kms-key.ts';
import { S3Errors } from '../errors.ts';
import { notify } from '../notifications.ts';
import { NULL_VERSION, type S3Object, newVersionOutput, s3Now } from '../object.ts';
import { etagFor } from '../customer-keys.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { tagsFromHeader } from '../tags.ts';
import { objectSettings, validateKey } from '../write.ts';

function invalidDirective(name: string, value: string | undefined): void {
  if (value !== undefined && value !== 'COPY' && value !== 'REPLACE') {
    throw S3Errors.invalidArgument(`Unknown ${name}`, `x-amz-${name.toLowerCase()}-directive`, value);
  }
}

export async function copyObject(input: CopyObjectRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const key = input.Key ?? '';
  validateKey(key);
  invalidDirective('metadata', input.MetadataDirective);
  invalidDirective('tagging', input.TaggingDirective);
  const headerPermissions = authorizeWriteHeaders(ctx, bucket, key, input, input.TaggingDirective === 'REPLACE' && input.Tagging !== undefined);
  if (headerPermissions) await headerPermissions;
  const { bucket: sourceBucket, object: source } = await resolveCopySource(input, ctx);
  const replaceMetadata = input.MetadataDirective === 'REPLACE';
  const changesSomething =
    replaceMetadata ||
    input.StorageClass !== undefined ||
    input.WebsiteRedirectLocation !== undefined ||
    input.ServerSideEncryption !== undefined ||
    input.SSECustomerAlgorithm !== undefined ||
    input.SSEKMSKeyId !== undefined ||
    // A bucket with its own default encryption re-encrypts the copy, which counts as a change; so does a KMS-encrypted
    // source, as the copy falls back to SSE-S3.
    bucket.configs.has('encryption') ||
    (source.encryption.ServerSideEncryption !== undefined && source.encryption.ServerSideEncryption !== 'AES256');
  if (sourceBucket === bucket && source.key === key && bucket.current(key) === source && !changesSomething) {
    throw S3Errors.invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  checkWriteConditions(input, key, bucket.current(key));
  const settings = objectSettings(
    replaceMetadata ? input : { ...source.headers, ...input, ...pickContent(source), Metadata: source.metadata, Tagging: undefined },
    bucket,
    ctx,
  );
  if (settings.encryption.ServerSideEncryption === 'aws:kms') settings.encryption.SSEKMSKeyId = await usableKmsKeyArn(ctx, settings.encryption.SSEKMSKeyId, input.SSEKMSKeyId);
  if (input.TaggingDirective !== 'REPLACE') settings.tags = source.tags.map((t) => ({ ...t }));
  else settings.tags = tagsFromHeader(input.Tagging, ctx.caller);
  // Directory buckets hold no tags: a copy that would write any into one is 501 (CopyObject's Tagging documentation).
  if (bucket.directory && settings.tags.length > 0) throw S3Errors.notImplementedHeader(input.TaggingDirective === 'REPLACE' ? 'x-amz-tagging' : 'x-amz-tagging-directive', null);
  const algorithm = parseAlgorithm(input.ChecksumAlgorithm) ?? source.checksum?.algorithm ?? 'CRC64NVME';
  // The copy is one object: a plain MD5 ETag and a full-object checksum, reused from the source where they apply.
  const sourceMd5 =
    /^"[0-9a-f]{32}"$/.test(source.etag) && !source.encryption.SSECustomerKeyMD5 ? source.etag.slice(1, -1) : (await digestBody(source.body, 'md5')).toString('hex');
  const reusable = source.checksum?.algorithm === algorithm && source.checksum.type === 'FULL_OBJECT';
  const checksum = reusable ? source.checksum!.value : (await digestBody(source.body, algorithm)).toString('base64');
  const object: S3Object = {
    key,
    versionId: bucket.nextVersionId(),
    deleteMarker: false,
    body: source.body.retain(),
    etag: etagFor(settings.encryption, sourceMd5),
    lastModified: s3Now(ctx.emulator.clock.now()),
    checksum: { algorithm, value: checksum, type: 'FULL_OBJECT' },
    ...settings,
  };
  bucket.store(object);
  notify(ctx, bucket, 's3:ObjectCreated:Copy', object);
  return {
    CopyObjectResult: { ETag: object.etag, LastModified: object.lastModified, ...checksumOutput(object.checksum) },
    CopySourceVersionId: sourceBucket.versioning && source.versionId !== NULL_VERSION ? source.versionId : undefined,
    // Unlike PutObject, a copy into a suspended bucket names its `null` version.
    VersionId: bucket.versioning ? object.versionId : newVersionOutput(object),
    ...object.encryption,
  };
}

/** With the COPY directive the content headers come from the source; the request may not override them. */
function pickContent(source: S3Object) {
  return {
    ContentType: source.headers.ContentType,
    CacheControl: source.headers.CacheControl,
    ContentDisposition: source.headers.ContentDisposition,
    ContentEncoding: source.headers.ContentEncoding,
    ContentLanguage: source.headers.ContentLanguage,
    Expires: source.headers.Expires,
  };
}
