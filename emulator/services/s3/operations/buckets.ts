import type {
  CreateBucketRequest,
  CreateBucketOutput,
  DeleteBucketRequest,
  GetBucketLocationRequest,
  GetBucketLocationOutput,
  HeadBucketRequest,
  HeadBucketOutput,
  ListBucketsRequest,
  ListBucketsOutput,
} from '@aws-sdk/client-s3';
import { isThroughAccessPointAlias } from '../access-point-alias.ts';
import { AwsError } from '../../../core/errors.ts';
import { buildArn, isListedRegion } from '../../../core/arn.ts';
import { Bucket } from '../bucket.ts';
import { S3Errors } from '../errors.ts';
import { canonicalUserId, ownerFullControl, s3Now } from '../object.ts';
import { requireBucket, requester, s3World, wrongSigningRegion, type S3Context } from '../registry.ts';
import { aclWithEnforcedOwnership, ANONYMOUS, checkGrantsAccepted } from '../access.ts';
import { accountBlockOf } from '../account-block.ts';
import { grantsFromHeaders } from '../acl.ts';
import { validateTags } from '../tags.ts';
import { isObjectOwnership } from './bucket-configs.ts';
import { createdDirectoryBucket, directoryBucketArn, directoryLocation } from './directory-buckets.ts';
import { isDirectoryBucketName } from '../directory-names.ts';
import { createBucketActions } from '../iam-actions.ts';

const US_EAST_1 = 'us-east-1';

/** AWS's naming rules for general purpose buckets. */
export function isValidBucketName(name: string): boolean {
  return (
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(name) &&
    !/^(xn--|sthree-|amzn-s3-demo-)/.test(name) &&
    !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(name)
  );
}

export function bucketArn(name: string, region: string): string {
  return buildArn({ service: 's3', region: '', accountId: '', resource: name, partitionRegion: region });
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The region a CreateBucket request puts the bucket in, or AWS's error for its location constraint. */
function targetRegion(requestRegion: string, constraint: string | undefined): string {
  const wanted = constraint === 'EU' ? 'eu-west-1' : constraint || undefined;
  if (requestRegion === US_EAST_1) {
    // us-east-1 is named by no constraint; a constraint must name a region.
    if (wanted === US_EAST_1 || (wanted !== undefined && !REGION_NAME.test(wanted))) {
      throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', {
        status: 400,
        fields: { LocationConstraint: constraint },
      });
    }
    // The us-east-1 endpoint creates buckets in any region its constraint names.
    return wanted ?? US_EAST_1;
  }
  if (wanted !== requestRegion) {
    throw new AwsError(
      'IllegalLocationConstraintException',
      `The ${constraint || 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
      { status: 400 },
    );
  }
  return requestRegion;
}

export async function createBucket(input: CreateBucketRequest, ctx: S3Context): Promise<CreateBucketOutput> {
  if (requester(ctx) === ANONYMOUS) throw S3Errors.accessDenied();
  if (ctx.region === 'aws-global') throw wrongSigningRegion(ctx.region, US_EAST_1);
  const name = input.Bucket ?? '';
  // ACL, Object Lock, ownership and tag headers need their own permissions on the new bucket (CreateBucket's Permissions).
  if (!isDirectoryBucketName(name)) for (const action of createBucketActions(input)) await ctx.emulator.authorizeAction(ctx, action, bucketArn(name, ctx.region));
  const directory = isDirectoryBucketName(name) || input.CreateBucketConfiguration?.Bucket?.Type === 'Directory' ? directoryLocation(input) : undefined;
  if (!directory && !isValidBucketName(name)) throw S3Errors.invalidBucketName(name);
  // A directory bucket lives in the zone its name names, in the region of the request.
  const region = directory ? ctx.region : targetRegion(ctx.region, input.CreateBucketConfiguration?.LocationConstraint);
  if (input.ObjectOwnership !== undefined && !isObjectOwnership(input.ObjectOwnership)) {
    throw S3Errors.invalidArgument(`Invalid x-amz-object-ownership header: ${input.ObjectOwnership}`, 'x-amz-object-ownership');
  }
  const tags = input.CreateBucketConfiguration?.Tags?.length ? validateTags(input.CreateBucketConfiguration.Tags, 50, 'NewBucket', ctx.caller) : undefined;
  const world = s3World(ctx.emulator);
  const existing = world.buckets.get(name);
  if (existing) {
    if (existing.accountId !== ctx.accountId) {
      throw new AwsError(
        'BucketAlreadyExists',
        'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
        { fields: { BucketName: name } },
      );
    }
    // For legacy compatibility, us-east-1 answers 200 to re-creating a bucket you own there (unless tags come with it).
    if (existing.region !== US_EAST_1 || region !== US_EAST_1 || directory || tags) {
      throw new AwsError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', {
        fields: { BucketName: name },
      });
    }
    return { Location: `/${name}`, BucketArn: bucketArn(name, region) };
  }
  const grants = grantsFromHeaders(input, ctx.accountId);
  const bucket = new Bucket(name, ctx.accountId, region, s3Now(ctx.emulator.clock.now()), grants ?? ownerFullControl(ctx.accountId));
  // New buckets are private by default since April 2023: ACLs disabled and all public access blocked, so an ACL given
  // here needs another ownership setting, and a public one is refused (AWS: set it after lifting the block).
  bucket.configs.set('ownership', { Rules: [{ ObjectOwnership: input.ObjectOwnership ?? 'BucketOwnerEnforced' }] });
  bucket.configs.set('publicAccessBlock', { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true });
  if (grants) checkGrantsAccepted(bucket, grants, accountBlockOf(ctx, ctx.accountId), aclWithEnforcedOwnership);
  if (input.ObjectLockEnabledForBucket) {
    bucket.objectLockEnabled = true;
    bucket.versioning = 'Enabled';
    bucket.configs.set('objectLock', { ObjectLockEnabled: 'Enabled' });
  }
  bucket.tags = tags;
  if (input.CreateBucketConfiguration?.LocationConstraint === 'EU') bucket.locationAlias = 'EU';
  world.buckets.set(name, bucket);
  if (directory) {
    bucket.directory = directory;
    return createdDirectoryBucket(bucket);
  }
  const location = region === US_EAST_1 ? `/${name}` : `http://${name}.s3.amazonaws.com/`;
  return { Location: location, BucketArn: bucketArn(name, region) };
}

export function deleteBucket(input: DeleteBucketRequest, ctx: S3Context): void {
  const bucket = requireBucket(ctx, input);
  if (!bucket.isEmpty()) {
    const versioned = bucket.versioning !== undefined;
    throw new AwsError('BucketNotEmpty', versioned ? 'The bucket you tried to delete is not empty. You must delete all versions in the bucket.' : 'The bucket you tried to delete is not empty', {
      status: 409,
      fields: { BucketName: bucket.name },
    });
  }
  s3World(ctx.emulator).buckets.delete(bucket.name);
}

export function headBucket(input: HeadBucketRequest, ctx: S3Context): HeadBucketOutput {
  const bucket = requireBucket(ctx, input);
  if (bucket.directory) {
    return { BucketRegion: bucket.region, BucketLocationType: bucket.directory.type, BucketLocationName: bucket.directory.name, BucketArn: directoryBucketArn(bucket) } as HeadBucketOutput;
  }
  return { BucketRegion: bucket.region, AccessPointAlias: isThroughAccessPointAlias(ctx), BucketArn: bucketArn(bucket.name, bucket.region) } as HeadBucketOutput;
}

export function getBucketLocation(input: GetBucketLocationRequest, ctx: S3Context): GetBucketLocationOutput {
  const bucket = requireBucket(ctx, input);
  return { LocationConstraint: bucket.region === US_EAST_1 ? undefined : ((bucket.locationAlias ?? bucket.region) as GetBucketLocationOutput['LocationConstraint']) };
}

export function listBuckets(input: ListBucketsRequest, ctx: S3Context): ListBucketsOutput {
  if (requester(ctx) === ANONYMOUS) throw S3Errors.accessDenied();
  const max = input.MaxBuckets ?? 10000;
  if (max < 1 || max > 10000) throw S3Errors.invalidArgument('Argument max-buckets must be an integer between 1 and 10000', 'max-buckets', max);
  if (input.BucketRegion !== undefined && !(REGION_NAME.test(input.BucketRegion) && isListedRegion(input.BucketRegion))) {
    throw new AwsError('InvalidArgument', `Argument value ${input.BucketRegion} is not a valid AWS Region`, { status: 400, fields: { ArgumentName: 'bucket-region' } });
  }
  const mine = [...s3World(ctx.emulator).buckets.values()]
    .filter((b) => b.accountId === ctx.accountId && !b.directory)
    .filter((b) => !input.Prefix || b.name.startsWith(input.Prefix))
    .filter((b) => !input.BucketRegion || b.region === input.BucketRegion)
    .filter((b) => !input.ContinuationToken || b.name > input.ContinuationToken)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const page = mine.slice(0, max);
  return {
    Buckets: page.map((b) => ({
      Name: b.name,
      CreationDate: b.created,
      BucketRegion: b.region,
      BucketArn: bucketArn(b.name, b.region),
    })),
    Owner: { ID: canonicalUserId(ctx.accountId) },
    ContinuationToken: mine.length > max ? page[page.length - 1].name : undefined,
    Prefix: input.Prefix,
  };
}
