// Helpers shared by the S3 sources: the test bucket and the calls on it (LocalStack's s3_bucket fixtures).
import type { SourceStep } from '../../../verifier/port/source-types.ts';

export const BUCKET = 'bucket-{{suffix}}';
/** A call on the test bucket, with the snapshot entry its response is judged by (if AWS recorded one). */
export const onBucket = (op: string, snapshot?: string, params: Record<string, unknown> = {}): SourceStep => ({
  op,
  params: { Bucket: BUCKET, ...params },
  ...(snapshot ? { snapshot } : {}),
});
/** The `s3_bucket` / `s3_create_bucket` fixtures: a bucket in the test's region (us-east-1). */
export const createBucket = (Bucket = BUCKET, extra: Record<string, unknown> = {}): SourceStep => ({ op: 'CreateBucket', params: { Bucket, ...extra } });
export const put = (Key: string, Body: string, snapshot?: string, extra: Record<string, unknown> = {}): SourceStep => onBucket('PutObject', snapshot, { Key, Body, ...extra });
export const versioning = (Status: string): SourceStep => onBucket('PutBucketVersioning', undefined, { VersioningConfiguration: { Status } });
