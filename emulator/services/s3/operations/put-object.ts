import type { PutObjectOutput, PutObjectRequest } from '@aws-sdk/client-s3';
import { checkWriteConditions } from '../conditions.ts';
import { checksumOutput, objectChecksum } from '../checksums.ts';
import { S3Errors } from '../errors.ts';
import { notify } from '../notifications.ts';
import { md5Etag, s3Now, type S3Object } from '../object.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { MAX_OBJECT_SIZE, objectSettings, validateKey } from '../write.ts';

export function putObject(input: PutObjectRequest & { Body?: Buffer }, ctx: S3Context): PutObjectOutput {
  const bucket = requireBucket(ctx, input);
  const key = input.Key ?? '';
  validateKey(key);
  const body = input.Body ?? Buffer.alloc(0);
  if (body.length > MAX_OBJECT_SIZE) throw S3Errors.entityTooLarge(body.length, MAX_OBJECT_SIZE);
  checkWriteConditions(input, key, bucket.current(key));
  const checksum = objectChecksum(input, body);
  const object: S3Object = {
    key,
    versionId: bucket.nextVersionId(),
    deleteMarker: false,
    body,
    etag: md5Etag(body),
    lastModified: s3Now(ctx.emulator.clock.now()),
    checksum,
    ...objectSettings(input, bucket, ctx),
  };
  bucket.store(object);
  notify(ctx, bucket, 's3:ObjectCreated:Put', object);
  return {
    ETag: object.etag,
    VersionId: bucket.versioning ? object.versionId : undefined,
    ...checksumOutput(checksum),
    ...object.encryption,
  } as PutObjectOutput;
}
