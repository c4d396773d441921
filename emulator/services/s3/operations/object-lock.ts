import type {
  GetObjectLegalHoldRequest,
  GetObjectLockConfigurationRequest,
  GetObjectRetentionRequest,
  PutObjectLegalHoldRequest,
  PutObjectLockConfigurationRequest,
  PutObjectRetentionRequest,
} from '@aws-sdk/client-s3';
import { AwsError } from '../../../core/errors.ts';
import type { Bucket } from '../bucket.ts';
import { S3Errors } from '../errors.ts';
import { authorizeGovernanceBypass } from '../governance-bypass.ts';
import { findVersion } from '../read.ts';
import { requireBucket, type S3Context } from '../registry.ts';

const isLockMode = (mode: string | undefined) => mode === 'GOVERNANCE' || mode === 'COMPLIANCE';

/** AWS prints the rejected date the way its Java servers do: `Tue Dec 31 16:00:00 PST 2019` (US Pacific time). */
function pacificDate(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles', weekday: 'short', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
      year: 'numeric', hourCycle: 'h23', timeZoneName: 'short',
    }).formatToParts(date).map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.month} ${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName} ${parts.year}`;
}

function requireLockEnabled(bucket: Bucket): void {
  if (!bucket.objectLockEnabled) throw S3Errors.invalidRequest('Bucket is missing Object Lock Configuration');
}

export function putObjectLockConfiguration(input: PutObjectLockConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const config = input.ObjectLockConfiguration;
  if (!config || config.ObjectLockEnabled !== 'Enabled') throw S3Errors.malformedXml();
  if (bucket.versioning !== 'Enabled') {
    throw S3Errors.invalidBucketState("Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
  }
  const rule = config.Rule;
  const retention = rule?.DefaultRetention;
  if (rule && !retention) throw S3Errors.malformedXml();
  if (retention && ((retention.Days === undefined) === (retention.Years === undefined) || !isLockMode(retention.Mode))) throw S3Errors.malformedXml();
  bucket.objectLockEnabled = true;
  bucket.configs.set('objectLock', config);
  return {};
}

export function getObjectLockConfiguration(input: GetObjectLockConfigurationRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const config = bucket.configs.get('objectLock');
  if (!config) {
    throw new AwsError('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', {
      status: 404,
      fields: { BucketName: bucket.name },
    });
  }
  return { ObjectLockConfiguration: config };
}

export async function putObjectRetention(input: PutObjectRetentionRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  requireLockEnabled(bucket);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'PUT');
  if (input.BypassGovernanceRetention) await authorizeGovernanceBypass(ctx, bucket, input.Key ?? '');
  const retention = input.Retention ?? {};
  // A retention is empty (removing it, with the bypass) or complete with a known mode.
  if ((retention.Mode === undefined) !== (retention.RetainUntilDate === undefined)) throw S3Errors.malformedXml();
  if (retention.Mode !== undefined && !isLockMode(retention.Mode)) throw S3Errors.malformedXml();
  const now = ctx.emulator.clock.now();
  if (retention.RetainUntilDate && retention.RetainUntilDate.getTime() <= now) {
    throw S3Errors.invalidArgument('The retain until date must be in the future!', 'RetainUntilDate', pacificDate(retention.RetainUntilDate));
  }
  const current = object.lock;
  const shortens = current.retainUntil && (!retention.RetainUntilDate || retention.RetainUntilDate < current.retainUntil);
  if (current.retainUntil && current.retainUntil.getTime() > now && shortens) {
    if (current.mode === 'COMPLIANCE' || !input.BypassGovernanceRetention) throw new AwsError('AccessDenied', 'Access Denied because object protected by object lock.');
  }
  object.lock = { ...current, mode: retention.Mode, retainUntil: retention.RetainUntilDate };
  return {};
}

export function getObjectRetention(input: GetObjectRetentionRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  requireLockEnabled(bucket);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'GET');
  if (!object.lock.mode) {
    throw new AwsError('NoSuchObjectLockConfiguration', 'The specified object does not have a ObjectLock configuration', { status: 404 });
  }
  return { Retention: { Mode: object.lock.mode, RetainUntilDate: object.lock.retainUntil } };
}

export function putObjectLegalHold(input: PutObjectLegalHoldRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const status = input.LegalHold?.Status;
  if (status !== 'ON' && status !== 'OFF') throw S3Errors.malformedXml();
  requireLockEnabled(bucket);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'PUT');
  object.lock = { ...object.lock, legalHold: status };
  return {};
}

export function getObjectLegalHold(input: GetObjectLegalHoldRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  requireLockEnabled(bucket);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'GET');
  if (!object.lock.legalHold) {
    throw new AwsError('NoSuchObjectLockConfiguration', 'The specified object does not have a ObjectLock configuration', { status: 404 });
  }
  return { LegalHold: { Status: object.lock.legalHold } };
}
