import { AwsError } from '../../../core/errors.ts';
import type { PutObjectOutput, PutObjectRequest } from '@aws-sdk/client-s3';
import { authorizeWriteHeaders } from '../authorize-object.ts';
import { checkWriteConditions } from '../conditions.ts';
import { addChecksumOutput, providedChecksum, storedChecksum, uploadAlgorithm } from '../checksums.ts';
import { usableKmsKeyArn } from '../kms-key.ts';
import { expirationHeader } from '../lifecycle.ts';
import { notify } from '../notifications.ts';
import { type S3Object, newVersionOutput, s3Now } from '../object.ts';
import type { Received } from '../body.ts';
import { etagFor } from '../customer-keys.ts';
import { requireBucket, s3World, type S3Context } from '../registry.ts';
import { objectSettings, validateKey } from '../write.ts';

type PutInput = Omit<PutObjectRequest, 'Body'> & { Body?: unknown };

export function putObject(input: PutInput, ctx: S3Context): Promise<PutObjectOutput> {
  return storeObject(input, ctx, 's3:ObjectCreated:Put');
}

/** A PutObject Content-MD5 mismatch names the expected digest in hex (UploadPart keeps the base64 sent). */
function expectedDigestInHex(error: unknown): unknown {
  if (!(error instanceof AwsError) || error.code !== 'BadDigest' || typeof error.fields?.ExpectedDigest !== 'string') return error;
  const ExpectedDigest = Buffer.from(error.fields.ExpectedDigest, 'base64').toString('hex');
  return new AwsError(error.code, error.message, { status: error.status, fields: { ...error.fields, ExpectedDigest } });
}

/**
 * PutObject and browser POST uploads (`s3:ObjectCreated:Post`): validates everything first, then stores the body as
 * it streams in (the 5 GiB limit is enforced while it does).
 */
export async function storeObject(input: PutInput, ctx: S3Context, eventName: string): Promise<PutObjectOutput> {
  const bucket = requireBucket(ctx, input);
  const key = input.Key ?? '';
  validateKey(key);
  const headerPermissions = authorizeWriteHeaders(ctx, bucket, key, input, input.Tagging !== undefined);
  if (headerPermissions) await headerPermissions;
  checkWriteConditions(input, key, bucket.current(key));
  const settings = objectSettings(input, bucket, ctx, eventName === 's3:ObjectCreated:Post');
  if (settings.encryption.ServerSideEncryption === 'aws:kms') settings.encryption.SSEKMSKeyId = await usableKmsKeyArn(ctx, settings.encryption.SSEKMSKeyId, input.SSEKMSKeyId);
  const provided = providedChecksum(input);
  const algorithm = uploadAlgorithm(input, ctx.headers, provided);
  let received: Received;
  try {
    // A body that had arrived whole is stored at once: no turn to wait for.
    const storing = s3World(ctx.emulator).bodies.receive(input.Body, algorithm);
    received = storing instanceof Promise ? await storing : storing;
  } catch (error) {
    throw expectedDigestInHex(error);
  }
  // Another writer may have won while the body streamed in: conditional writes are judged again at commit.
  try {
    checkWriteConditions(input, key, bucket.current(key));
  } catch (error) {
    received.body.release();
    throw error;
  }
  // Members named one by one: spreading the settings and outputs into literals cost more than the rest of the record.
  const { encryption } = settings;
  const object: S3Object = {
    key,
    versionId: bucket.nextVersionId(),
    deleteMarker: false,
    body: received.body,
    etag: etagFor(encryption, received.md5),
    lastModified: s3Now(ctx.emulator.clock.now()),
    checksum: storedChecksum(input, algorithm, received.checksum!, provided),
    headers: settings.headers,
    metadata: settings.metadata,
    storageClass: settings.storageClass,
    encryption,
    tags: settings.tags,
    acl: settings.acl,
    lock: settings.lock,
  };
  bucket.store(object);
  notify(ctx, bucket, eventName, object);
  const output: PutObjectOutput = { ETag: object.etag, Expiration: expirationHeader(bucket, object), VersionId: newVersionOutput(object) };
  addChecksumOutput(output, object.checksum);
  return Object.assign(output, encryption);
}
