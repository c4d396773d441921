import { accessDecision } from '../../core/access.ts';
import { isPublicPolicy } from '../../core/policy/public.ts';
import { buildArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { Caller } from '../../core/service.ts';
import type { AccessPointKeys } from './access-point-keys.ts';
import { isPublic } from './acl.ts';
import type { Bucket } from './bucket.ts';
import { canonicalUserId, type Grant } from './object.ts';

/** Who an unsigned request is when signatures are verified: nobody's account, only public grants and policies apply. */
export const ANONYMOUS: Caller = { accountId: '', arn: 'anonymous' };

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

export interface PublicAccessBlock {
  BlockPublicAcls?: boolean;
  IgnorePublicAcls?: boolean;
  BlockPublicPolicy?: boolean;
  RestrictPublicBuckets?: boolean;
}

/**
 * The Block Public Access in force on a bucket: its own setting and its owner account's (S3 Control), the most
 * restrictive combination of both, flag by flag.
 */
function publicAccessBlock(bucket: Bucket, account: PublicAccessBlock): PublicAccessBlock {
  return strictest((bucket.configs.get('publicAccessBlock') as PublicAccessBlock | undefined) ?? {}, account);
}

/** Two Block Public Access settings in force together: each flag on where either has it on. */
export const strictest = (a: PublicAccessBlock, b: PublicAccessBlock): PublicAccessBlock => ({
  BlockPublicAcls: a.BlockPublicAcls || b.BlockPublicAcls,
  IgnorePublicAcls: a.IgnorePublicAcls || b.IgnorePublicAcls,
  BlockPublicPolicy: a.BlockPublicPolicy || b.BlockPublicPolicy,
  RestrictPublicBuckets: a.RestrictPublicBuckets || b.RestrictPublicBuckets,
});

/** Whether the bucket's ownership controls disable ACLs (`BucketOwnerEnforced`, the default for new buckets). */
function aclsDisabled(bucket: Bucket): boolean {
  const ownership = bucket.configs.get('ownership') as { Rules?: { ObjectOwnership?: string }[] } | undefined;
  return ownership?.Rules?.[0]?.ObjectOwnership === 'BucketOwnerEnforced';
}

/** Whether grants give nothing beyond the bucket owner's full control (all a bucket with ACLs disabled may have). */
export const ownerOnly = (grants: Grant[], accountId: string): boolean =>
  grants.every((g) => g.Permission === 'FULL_CONTROL' && g.Grantee.Type === 'CanonicalUser' && g.Grantee.ID === canonicalUserId(accountId));

/** Refused ACLs on a bucket whose ownership is `BucketOwnerEnforced` being created or set so. */
export const aclWithEnforcedOwnership = () =>
  new AwsError('InvalidBucketAclWithObjectOwnership', "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting", { status: 400 });

/**
 * Grants a request sets (PutBucketAcl, PutObjectAcl, ACL headers of a write or of CreateBucket), as the bucket allows
 * them: with ACLs disabled only the owner's full control is accepted (`AccessControlListNotSupported`, or `disabled`'s
 * error); `BlockPublicAcls` refuses public grants.
 */
export function checkGrantsAccepted(
  bucket: Bucket,
  grants: Grant[],
  account: PublicAccessBlock,
  disabled = () => new AwsError('AccessControlListNotSupported', 'The bucket does not allow ACLs', { status: 400 }),
): void {
  if (aclsDisabled(bucket) && !ownerOnly(grants, bucket.accountId)) throw disabled();
  if (publicAccessBlock(bucket, account).BlockPublicAcls && isPublic(grants)) throw new AwsError('AccessDenied', 'Access Denied', { status: 403 });
}

/** A public policy stored on a bucket whose `BlockPublicPolicy` is on is refused, as AWS words it. */
export function checkPolicyAccepted(bucket: Bucket, policy: string, caller: Caller, account: PublicAccessBlock): void {
  if (!publicAccessBlock(bucket, account).BlockPublicPolicy || !isPublicPolicy(policy)) return;
  const resource = buildArn({ service: 's3', region: '', accountId: '', resource: bucket.name, partitionRegion: bucket.region });
  throw new AwsError(
    'AccessDenied',
    `User: ${caller.arn} is not authorized to perform: s3:PutBucketPolicy on resource: "${resource}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    { status: 403 },
  );
}

/** The ACL permission that grants an action, for the actions ACLs can grant (AWS's ACL-to-action mapping). */
function aclPermission(action: string, onObject: boolean): string | undefined {
  if (onObject) {
    if (action === 's3:GetObject' || action === 's3:GetObjectVersion') return 'READ';
    if (action === 's3:GetObjectAcl' || action === 's3:GetObjectVersionAcl') return 'READ_ACP';
    if (action === 's3:PutObjectAcl' || action === 's3:PutObjectVersionAcl') return 'WRITE_ACP';
    return undefined;
  }
  if (action === 's3:ListBucket' || action === 's3:ListBucketVersions' || action === 's3:ListBucketMultipartUploads') return 'READ';
  if (action === 's3:PutObject' || action === 's3:DeleteObject' || action === 's3:DeleteObjectVersion') return 'WRITE';
  if (action === 's3:GetBucketAcl') return 'READ_ACP';
  if (action === 's3:PutBucketAcl') return 'WRITE_ACP';
  return undefined;
}

function grantsAllow(grants: Grant[], caller: Caller, permission: string): boolean {
  const anonymous = caller === ANONYMOUS;
  const id = anonymous ? undefined : canonicalUserId(caller.accountId);
  return grants.some((grant) => {
    if (grant.Permission !== permission && grant.Permission !== 'FULL_CONTROL') return false;
    const grantee = grant.Grantee;
    if (grantee.URI === ALL_USERS) return true;
    if (grantee.URI === AUTHENTICATED_USERS) return !anonymous;
    return grantee.Type === 'CanonicalUser' && grantee.ID === id;
  });
}

/**
 * The bucket owner's own request to a bucket without a policy (nearly every request): allowed whatever the action,
 * ACLs and public access blocks, so `s3Allows` need not be asked.
 */
export function ownerWithoutPolicy(caller: Caller, bucket: Bucket): boolean {
  return caller !== ANONYMOUS && !caller.servicePrincipal && caller.accountId === bucket.accountId && !bucket.configs.has('policy');
}

/**
 * Whether a caller may perform an S3 action on a bucket (or one of its objects, when `objectGrants` is given): the
 * bucket policy through the core's policy engine (an explicit Deny wins, the owner's principals are allowed, another
 * account or an anonymous caller needs an Allow naming it), else the bucket's or object's ACL. Block Public Access
 * (the bucket's and its owner account's, see account-block.ts) takes public ACLs (`IgnorePublicAcls`) and public policies (`RestrictPublicBuckets`) out for callers outside the
 * owner's account. AWS service principals keep acting for the resources they serve (notifications, deliveries).
 * `accessPoint`: the condition keys of a request that came through an access point.
 */
export function s3Allows(
  caller: Caller,
  bucket: Bucket,
  account: PublicAccessBlock,
  action: string,
  key?: string,
  objectGrants?: Grant[],
  accessPoint?: AccessPointKeys,
): boolean {
  if (caller.servicePrincipal) return true;
  const resource = buildArn({ service: 's3', region: '', accountId: '', resource: key === undefined ? bucket.name : `${bucket.name}/${key}`, partitionRegion: bucket.region });
  const block = publicAccessBlock(bucket, account);
  const policy = bucket.configs.get('policy') as string | undefined;
  const outsider = caller === ANONYMOUS || caller.accountId !== bucket.accountId;
  const usablePolicy = outsider && block.RestrictPublicBuckets && policy !== undefined && isPublicPolicy(policy) ? undefined : policy;
  const byPolicy = accessDecision(caller, action, resource, bucket.accountId, usablePolicy, accessPoint);
  if (byPolicy === 'allowed') return true;
  // ACLs only open what no Deny statement closes.
  if (byPolicy === 'explicitDeny') return false;
  const permission = aclPermission(action, key !== undefined && objectGrants !== undefined);
  if (!permission || aclsDisabled(bucket)) return false;
  const grants = key !== undefined && objectGrants !== undefined ? objectGrants : bucket.acl;
  const usableGrants = block.IgnorePublicAcls ? grants.filter((g) => !isPublic([g])) : grants;
  return grantsAllow(usableGrants, caller, permission);
}
