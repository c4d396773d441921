import type {
  BucketLifecycleConfiguration,
  GetBucketLifecycleConfigurationOutput,
  LifecycleRule,
  PutBucketLifecycleConfigurationOutput,
  PutBucketLifecycleConfigurationRequest,
  TransitionDefaultMinimumObjectSize,
} from '@aws-sdk/client-s3';
import { startLifecycleSweeper } from '../lifecycle.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, type S3Context } from '../registry.ts';

/** What S3 stores: the rules and the minimum object size for transitions (AWS's default since September 2024). */
type StoredLifecycle = BucketLifecycleConfiguration & { TransitionDefaultMinimumObjectSize?: TransitionDefaultMinimumObjectSize };

const MINIMUM_SIZES = ['varies_by_storage_class', 'all_storage_classes_128K'];
const DEFAULT_MINIMUM_SIZE = 'all_storage_classes_128K';

/** A Filter holds exactly one condition (several go inside And), as S3's schema has it. */
function validateFilter(filter: NonNullable<LifecycleRule['Filter']>): void {
  const conditions = (['Prefix', 'Tag', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan', 'And'] as const).filter((k) => filter[k] !== undefined);
  if (conditions.length > 1) throw S3Errors.malformedXml();
  const keys = (filter.And?.Tags ?? []).map((tag) => tag.Key);
  if (new Set(keys).size !== keys.length) throw S3Errors.invalidRequest('Duplicate Tag Keys are not allowed.');
}

/** AWS's schema checks on one rule: a Filter (or the old top-level Prefix), one kind of expiration, dates at midnight. */
function validateRule(rule: LifecycleRule): void {
  if (rule.Filter === undefined && rule.Prefix === undefined) throw S3Errors.malformedXml();
  if (rule.Filter) validateFilter(rule.Filter);
  const expiration = rule.Expiration;
  if (expiration) {
    const kinds = [expiration.Date, expiration.Days, expiration.ExpiredObjectDeleteMarker].filter((v) => v !== undefined);
    if (kinds.length !== 1) throw S3Errors.malformedXml();
    const date = expiration.Date === undefined ? undefined : new Date(expiration.Date);
    if (date && date.getTime() % 86_400_000 !== 0) {
      throw S3Errors.invalidArgument("'Date' must be at midnight GMT", 'Date', date.toISOString().replace('.000Z', 'Z'));
    }
  }
  const noncurrent = rule.NoncurrentVersionExpiration;
  if (noncurrent && noncurrent.NoncurrentDays === undefined && noncurrent.NewerNoncurrentVersions === undefined) throw S3Errors.malformedXml();
}

/**
 * A configuration is in the old form (a rule's top-level Prefix) or the current one (a rule's Filter), never both; the
 * old form knows no NewerNoncurrentVersions. AWS's InvalidRequest messages.
 */
function validateLifecycle(doc: BucketLifecycleConfiguration): void {
  const rules = doc.Rules ?? [];
  if (!rules.length) throw S3Errors.malformedXml();
  rules.forEach(validateRule);
  const old = rules.filter((rule) => rule.Prefix !== undefined && rule.Filter === undefined);
  if (old.length && rules.some((rule) => rule.Filter !== undefined)) throw S3Errors.invalidRequest('Filter element can only be used in Lifecycle V2.');
  if (old.some((rule) => rule.NoncurrentVersionExpiration?.NewerNoncurrentVersions !== undefined)) {
    throw S3Errors.invalidRequest('NewerNoncurrentVersions element can only be used in Lifecycle V2.');
  }
}

export function putBucketLifecycleConfiguration(input: PutBucketLifecycleConfigurationRequest, ctx: S3Context): PutBucketLifecycleConfigurationOutput {
  const bucket = requireBucket(ctx, input);
  const minimumSize = input.TransitionDefaultMinimumObjectSize ?? DEFAULT_MINIMUM_SIZE;
  if (!MINIMUM_SIZES.includes(minimumSize)) throw S3Errors.invalidRequest(`Invalid TransitionDefaultMinimumObjectSize found: ${minimumSize}`);
  if (!input.LifecycleConfiguration) throw S3Errors.malformedXml();
  validateLifecycle(input.LifecycleConfiguration);
  const stored: StoredLifecycle = { ...input.LifecycleConfiguration, TransitionDefaultMinimumObjectSize: minimumSize };
  bucket.configs.set('lifecycle', stored);
  startLifecycleSweeper(ctx.emulator);
  return { TransitionDefaultMinimumObjectSize: minimumSize };
}

export function getBucketLifecycleConfiguration(input: { Bucket?: string }, ctx: S3Context): GetBucketLifecycleConfigurationOutput {
  const bucket = requireBucket(ctx, input);
  const stored = bucket.configs.get('lifecycle') as StoredLifecycle | undefined;
  if (!stored) throw S3Errors.noSuchConfiguration('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist', bucket.name);
  return { TransitionDefaultMinimumObjectSize: DEFAULT_MINIMUM_SIZE, ...stored };
}

export function deleteBucketLifecycle(input: { Bucket?: string }, ctx: S3Context): Record<string, never> {
  requireBucket(ctx, input).configs.delete('lifecycle');
  return {};
}
