import type {
  CreateBucketOutput,
  CreateBucketRequest,
  CreateSessionOutput,
  CreateSessionRequest,
  ListDirectoryBucketsOutput,
  ListDirectoryBucketsRequest,
} from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { AwsError } from '../../../core/errors.ts';
import { buildArn } from '../../../core/arn.ts';
import type { Bucket, DirectoryLocation } from '../bucket.ts';
import { S3Errors } from '../errors.ts';
import { requireBucket, requester, s3World, type S3Context, type S3State } from '../registry.ts';

/** `<base-name>--<zone-id>--x-s3`: lowercase letters, digits and hyphens, 3 to 63 characters in all (AWS's rules for directory bucket names). */
const DIRECTORY_NAME = /^([a-z0-9][a-z0-9-]*?)--([a-z0-9]+(?:-[a-z0-9]+)*-az\d+)--x-s3$/;
/** How long CreateSession's credentials last (AWS: five minutes). */
const SESSION_MS = 5 * 60 * 1000;

export function directoryBucketArn(bucket: Pick<Bucket, 'name' | 'region' | 'accountId'>): string {
  return buildArn({ service: 's3express', region: bucket.region, accountId: bucket.accountId, resource: `bucket/${bucket.name}` });
}

/**
 * The location of a directory bucket being created, from its name and CreateBucketConfiguration: the zone id in the
 * name must be the configuration's Location.Name, and the configuration must say `Directory`.
 */
export function directoryLocation(input: CreateBucketRequest): DirectoryLocation {
  const name = input.Bucket ?? '';
  const match = DIRECTORY_NAME.exec(name);
  if (!match || name.length > 63 || match[1].endsWith('-')) throw S3Errors.invalidBucketName(name);
  const config = input.CreateBucketConfiguration;
  const location = config?.Location;
  if (config?.Bucket?.Type !== 'Directory' || !location?.Name || !location.Type || !['AvailabilityZone', 'LocalZone'].includes(location.Type)) {
    throw S3Errors.invalidRequest('Directory buckets need a CreateBucketConfiguration with Bucket Type Directory and a Location (AvailabilityZone or LocalZone).');
  }
  if (config.LocationConstraint !== undefined) throw S3Errors.invalidRequest('LocationConstraint is not supported for directory buckets.');
  if (location.Name !== match[2]) throw S3Errors.invalidBucketName(name);
  const single = location.Type === 'LocalZone' ? 'SingleLocalZone' : 'SingleAvailabilityZone';
  const redundancy = config.Bucket.DataRedundancy ?? single;
  if (redundancy !== single) throw S3Errors.invalidRequest(`DataRedundancy ${redundancy} is not valid for Location Type ${location.Type}.`);
  return { type: location.Type, name: location.Name, dataRedundancy: redundancy };
}

/** CreateBucket's answer for a directory bucket. */
export function createdDirectoryBucket(bucket: Bucket): CreateBucketOutput {
  return { Location: `/${bucket.name}`, BucketArn: directoryBucketArn(bucket) };
}

/** ListDirectoryBuckets: the caller's directory buckets in this region, by name, up to 1,000 a page. */
export function listDirectoryBuckets(input: ListDirectoryBucketsRequest, ctx: S3Context): ListDirectoryBucketsOutput {
  const max = input.MaxDirectoryBuckets ?? 1000;
  if (!Number.isInteger(max) || max < 0 || max > 1000) {
    throw S3Errors.invalidArgument('Argument max-directory-buckets must be an integer between 0 and 1000', 'max-directory-buckets', max);
  }
  const mine = [...s3World(ctx.emulator).buckets.values()]
    .filter((b) => b.directory && b.accountId === ctx.accountId && b.region === ctx.region)
    .filter((b) => !input.ContinuationToken || b.name > input.ContinuationToken)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = mine.slice(0, max);
  return {
    Buckets: page.map((b) => ({ Name: b.name, CreationDate: b.created, BucketRegion: b.region, BucketArn: directoryBucketArn(b) })),
    ContinuationToken: mine.length > page.length && page.length ? page[page.length - 1].name : undefined,
  };
}

function randomKey(length: number, alphabet: string): string {
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * CreateSession: temporary credentials for a directory bucket, valid five minutes, that later requests sign with
 * (the SDKs send the token as `x-amz-s3session-token`). They act as the caller who created the session; the bucket's
 * own policy and ACL still judge every request made with them, and a `ReadOnly` session's may only read
 * (session-mode.ts).
 */
export function createSession(input: CreateSessionRequest, ctx: S3Context): CreateSessionOutput {
  const name = input.Bucket ?? '';
  // Against a custom endpoint the SDKs (v3, boto3) ask for a session before CreateBucket of a directory bucket, which
  // AWS's control endpoint would not need: a name that is not taken yet gets one too (AWS itself answers NoSuchBucket).
  const taken = s3World(ctx.emulator).buckets.has(name);
  if (!taken && !DIRECTORY_NAME.test(name)) throw S3Errors.noSuchBucket(name);
  if (taken && !requireBucket(ctx, input).directory) throw S3Errors.noSuchBucket(name);
  if (input.SessionMode !== undefined && !['ReadOnly', 'ReadWrite'].includes(input.SessionMode)) {
    throw S3Errors.invalidArgument('Invalid session mode', 'x-amz-create-session-mode', input.SessionMode);
  }
  if (input.ServerSideEncryption !== undefined && !['AES256', 'aws:kms'].includes(input.ServerSideEncryption)) {
    throw new AwsError('InvalidArgument', 'The encryption method specified is not supported', { status: 400 });
  }
  const caller = requester(ctx);
  const expiration = new Date(Math.floor((ctx.emulator.clock.now() + SESSION_MS) / 1000) * 1000);
  const credentials = {
    AccessKeyId: `ASIA${randomKey(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    SecretAccessKey: randomKey(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'),
    SessionToken: randomBytes(96).toString('base64'),
    Expiration: expiration,
  };
  const state = ctx.state as S3State;
  state.sessionKeys.add(credentials.AccessKeyId);
  if (input.SessionMode === 'ReadOnly') state.readOnlySessions.add(credentials.AccessKeyId);
  ctx.emulator.credentials.register({
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    accountId: caller.accountId,
    arn: caller.arn,
    userId: caller.accountId,
    expiration,
  });
  return {
    Credentials: credentials,
    ServerSideEncryption: (input.ServerSideEncryption ?? 'AES256') as CreateSessionOutput['ServerSideEncryption'],
    SSEKMSKeyId: input.SSEKMSKeyId,
    BucketKeyEnabled: input.ServerSideEncryption === 'aws:kms' ? (input.BucketKeyEnabled ?? true) : undefined,
  };
}
