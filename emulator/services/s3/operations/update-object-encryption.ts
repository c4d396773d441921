import type { UpdateObjectEncryptionRequest } from '@aws-sdk/client-s3';
import { S3Errors } from '../errors.ts';
import { findVersion } from '../read.ts';
import { requireBucket, type S3Context } from '../registry.ts';

const KMS_KEY_ARN = /^arn:aws[a-zA-Z0-9-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/[a-zA-Z0-9-]+$/;

/**
 * UpdateObjectEncryption: moves an SSE-S3 or SSE-KMS object (a version, when named) to SSE-KMS with the given key and
 * Bucket Key setting, in place: body, metadata, storage class, dates, ETag and checksums stay as they are. SSE-C objects
 * and directory buckets are refused.
 */
export function updateObjectEncryption(input: UpdateObjectEncryptionRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  if (bucket.directory) throw S3Errors.invalidRequest('This operation is not supported for directory buckets.');
  const kms = input.ObjectEncryption?.SSEKMS;
  if (!kms?.KMSKeyArn) throw S3Errors.malformedXml();
  if (!KMS_KEY_ARN.test(kms.KMSKeyArn)) throw S3Errors.invalidArgument('The KMS key ARN is not valid.', 'KMSKeyArn', kms.KMSKeyArn);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'PUT');
  if (object.encryption.SSECustomerAlgorithm) {
    throw S3Errors.invalidRequest('The encryption type of objects encrypted with customer-provided keys (SSE-C) cannot be updated.');
  }
  object.encryption = { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: kms.KMSKeyArn, BucketKeyEnabled: kms.BucketKeyEnabled ?? false };
  return {};
}
