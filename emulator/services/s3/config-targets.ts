import type { BucketLoggingStatus, ReplicationConfiguration } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { Bucket } from './bucket.ts';
import { S3Errors } from './errors.ts';
import { s3World, type S3Context } from './registry.ts';

/** The bucket configurations that name another bucket: it must exist, in the same region (logging), versioned (replication). */

export function validateLoggingTarget(doc: unknown, bucket: Bucket, ctx: S3Context): void {
  const target = (doc as BucketLoggingStatus).LoggingEnabled?.TargetBucket;
  if (target === undefined) return;
  const found = s3World(ctx.emulator).buckets.get(target);
  if (!found) throw new AwsError('InvalidTargetBucketForLogging', 'The target bucket for logging does not exist', { status: 400, fields: { TargetBucket: target } });
  if (found.region !== bucket.region) {
    // AWS names the source bucket's region too, except for a source in us-east-1 (AWS's spelling of the code).
    const fields = bucket.region === 'us-east-1' ? { TargetBucketLocation: found.region } : { SourceBucketLocation: bucket.region, TargetBucketLocation: found.region };
    throw new AwsError('CrossLocationLoggingProhibitted', 'Cross S3 location logging not allowed. ', { status: 403, fields });
  }
}

export function validateReplication(doc: unknown, bucket: Bucket, ctx: S3Context): void {
  // The schema asks for at least one rule.
  if (!(doc as ReplicationConfiguration).Rules?.length) throw S3Errors.malformedXml();
  if (bucket.versioning !== 'Enabled') throw S3Errors.invalidRequest("Versioning must be 'Enabled' on the bucket to apply a replication configuration");
  for (const rule of (doc as ReplicationConfiguration).Rules ?? []) {
    const arn = rule.Destination?.Bucket ?? '';
    const destination = s3World(ctx.emulator).buckets.get(parseArn(arn)?.resource ?? arn);
    // A destination that does not exist gets the same answer as one that is not versioned.
    if (destination?.versioning !== 'Enabled') throw S3Errors.invalidRequest('Destination bucket must have versioning enabled.');
  }
}

/** S3 names a replication rule given without an ID (a random text, the base64 of a UUID). */
export function withReplicationRuleIds(doc: unknown): unknown {
  const config = doc as ReplicationConfiguration;
  return { ...config, Rules: config.Rules?.map((rule) => (rule.ID === undefined ? { ID: Buffer.from(randomUUID()).toString('base64'), ...rule } : rule)) };
}
