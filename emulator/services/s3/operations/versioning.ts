import type { GetBucketVersioningRequest, PutBucketVersioningRequest } from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';

export function putBucketVersioning(input: PutBucketVersioningRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const status = input.VersioningConfiguration?.Status;
  if (status === undefined) {
    throw new AwsError('IllegalVersioningConfigurationException', 'The Versioning element must be specified', { status: 400 });
  }
  if (status !== 'Enabled' && status !== 'Suspended') throw S3Errors.malformedXml();
  if (status === 'Suspended' && bucket.objectLockEnabled) {
    throw S3Errors.invalidBucketState('An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.');
  }
  bucket.versioning = status;
  if (input.VersioningConfiguration?.MFADelete) bucket.mfaDelete = input.VersioningConfiguration.MFADelete;
  return {};
}

export function getBucketVersioning(input: GetBucketVersioningRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  return { Status: bucket.versioning, MFADelete: bucket.mfaDelete };
}
