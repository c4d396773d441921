import type { GetAccessPointResult } from '@aws-sdk/client-s3-control';
import { buildArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';

/**
 * The condition keys of a request made through an access point ("Configuring IAM policies for using access points"):
 * its ARN, its owner's account and its network origin, which the bucket's policy tests to delegate access control to
 * access points (`"StringEquals": {"s3:DataAccessPointAccount": "<owner>"}`) and the access point's own policy may
 * test too. A request straight to the bucket carries none of them.
 */
export type AccessPointKeys = Record<'s3:DataAccessPointArn' | 's3:DataAccessPointAccount' | 's3:AccessPointNetworkOrigin', string> & {
  /** Set when a service passed the request on (S3 Object Lambda). */
  'aws:CalledVia'?: string[];
};

/** An access point's keys, from what S3 Control's GetAccessPoint says of it (owned by `accountId`). */
export function keysOf(accessPoint: GetAccessPointResult, accountId: string, region: string): AccessPointKeys {
  return {
    's3:DataAccessPointArn': accessPoint.AccessPointArn ?? buildArn({ service: 's3', region, accountId, resource: `accesspoint/${accessPoint.Name}` }),
    's3:DataAccessPointAccount': accountId,
    's3:AccessPointNetworkOrigin': accessPoint.NetworkOrigin ?? 'Internet',
  };
}

/** The access point through which a request reached each bucket it names (its bucket, a copy's source bucket). */
const reached = new WeakMap<RequestContext, Map<string, AccessPointKeys>>();

export function reachedThrough(ctx: RequestContext, bucket: string, keys: AccessPointKeys): void {
  let buckets = reached.get(ctx);
  if (!buckets) reached.set(ctx, (buckets = new Map()));
  buckets.set(bucket, keys);
}

/** The keys the request carries for this bucket: undefined unless it came through an access point. */
export const accessPointKeysFor = (ctx: RequestContext, bucket: string): AccessPointKeys | undefined => reached.get(ctx)?.get(bucket);
