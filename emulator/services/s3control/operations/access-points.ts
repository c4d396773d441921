import type {
  CreateAccessPointRequest,
  CreateAccessPointResult,
  DeleteAccessPointRequest,
  GetAccessPointRequest,
  GetAccessPointResult,
  ListAccessPointsRequest,
  ListAccessPointsResult,
} from '@aws-sdk/client-s3-control';
import { AwsError } from '../../../core/errors.ts';
import { accessPointArn, checkAccount, newAlias, page, type S3ControlContext } from '../access.ts';
import { S3ControlErrors } from '../errors.ts';
import type { AccessPointRecord } from '../state.ts';

/** AWS's access point names: 3 to 50 lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
const ACCESS_POINT_NAME = /^[a-z0-9](?:[a-z0-9-]{1,48})[a-z0-9]$/;

/** Every block on: what AWS gives an access point created without a configuration. */
const ALL_BLOCKED = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

export function requireAccessPoint(ctx: S3ControlContext, name: string | undefined): AccessPointRecord {
  const found = ctx.state.accessPoints.get(name ?? '');
  if (!found) throw S3ControlErrors.noSuchAccessPoint(name ?? '');
  return found;
}

export async function createAccessPoint(input: CreateAccessPointRequest, ctx: S3ControlContext): Promise<CreateAccessPointResult> {
  checkAccount(input, ctx);
  const name = input.Name!;
  if (!ACCESS_POINT_NAME.test(name)) throw S3ControlErrors.invalidRequest('Your Amazon S3 AccessPoint name is not valid');
  if (ctx.state.accessPoints.has(name)) throw S3ControlErrors.alreadyOwned();
  // The bucket must exist and be the caller's (or BucketAccountId's): asked through S3's front door.
  try {
    await ctx.emulator.call('s3', 'GetBucketLocation', { Bucket: input.Bucket, ExpectedBucketOwner: input.BucketAccountId }, { caller: ctx.caller, region: ctx.region });
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NoSuchBucket') throw S3ControlErrors.noSuchBucket(input.Bucket!);
    throw error;
  }
  const record: AccessPointRecord = {
    name,
    bucket: input.Bucket!,
    bucketAccountId: input.BucketAccountId ?? ctx.accountId,
    vpcConfiguration: input.VpcConfiguration,
    publicAccessBlock: { ...ALL_BLOCKED, ...input.PublicAccessBlockConfiguration },
    created: ctx.emulator.clock.date(),
    alias: newAlias(name, '-s3alias', ctx.accountId),
  };
  ctx.state.accessPoints.set(name, record);
  return { AccessPointArn: accessPointArn(ctx, name), Alias: record.alias };
}

export function getAccessPoint(input: GetAccessPointRequest, ctx: S3ControlContext): GetAccessPointResult {
  checkAccount(input, ctx);
  const found = requireAccessPoint(ctx, input.Name);
  const host = `${found.name}-${ctx.accountId}.s3-accesspoint`;
  return {
    Name: found.name,
    Bucket: found.bucket,
    NetworkOrigin: found.vpcConfiguration ? 'VPC' : 'Internet',
    VpcConfiguration: found.vpcConfiguration,
    PublicAccessBlockConfiguration: found.publicAccessBlock,
    CreationDate: found.created,
    Alias: found.alias,
    AccessPointArn: accessPointArn(ctx, found.name),
    Endpoints: { ipv4: `${host}.${ctx.region}.amazonaws.com`, dualstack: `${host}.dualstack.${ctx.region}.amazonaws.com` },
    BucketAccountId: found.bucketAccountId,
  };
}

export function listAccessPoints(input: ListAccessPointsRequest, ctx: S3ControlContext): ListAccessPointsResult {
  checkAccount(input, ctx);
  const all = [...ctx.state.accessPoints.values()].filter((ap) => input.Bucket === undefined || ap.bucket === input.Bucket);
  const { items, nextToken } = page(all, (ap) => ap.name, input.NextToken, input.MaxResults);
  return {
    AccessPointList: items.map((ap) => ({
      Name: ap.name,
      NetworkOrigin: ap.vpcConfiguration ? 'VPC' : 'Internet',
      VpcConfiguration: ap.vpcConfiguration,
      Bucket: ap.bucket,
      AccessPointArn: accessPointArn(ctx, ap.name),
      Alias: ap.alias,
      BucketAccountId: ap.bucketAccountId,
    })),
    NextToken: nextToken,
  };
}

export function deleteAccessPoint(input: DeleteAccessPointRequest, ctx: S3ControlContext): Record<string, never> {
  checkAccount(input, ctx);
  requireAccessPoint(ctx, input.Name);
  ctx.state.accessPoints.delete(input.Name!);
  return {};
}
