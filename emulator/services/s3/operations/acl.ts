import type { GetBucketAclRequest, GetObjectAclRequest, PutBucketAclRequest, PutObjectAclRequest } from '@aws-sdk/client-s3';
import { checkGrantsAccepted } from '../access.ts';
import { accountBlockOf } from '../account-block.ts';
import { grantsFromHeaders, grantsFromPolicy, hasAclHeaders } from '../acl.ts';
import { AwsError } from '../../../core/errors.ts';
import { canonicalUserId, type Grant } from '../object.ts';
import { findVersion, methodNotAllowed } from '../read.ts';
import { notify } from '../notifications.ts';
import { requireBucket, type S3Context } from '../registry.ts';

type AclRequest = PutBucketAclRequest | PutObjectAclRequest;

/** The grants of a Put*Acl request: its canned ACL or grant headers, or its AccessControlPolicy document (never both). */
function requestedGrants(input: AclRequest, ownerAccountId: string): Grant[] {
  if (hasAclHeaders(input) && input.AccessControlPolicy) throw new AwsError('UnexpectedContent', 'This request does not support content', { status: 400 });
  const fromHeaders = grantsFromHeaders(input, ownerAccountId);
  if (fromHeaders) return fromHeaders;
  if (!input.AccessControlPolicy) {
    throw new AwsError('MissingSecurityHeader', 'Your request was missing a required header', { status: 400, fields: { MissingHeaderName: 'x-amz-acl' } });
  }
  return grantsFromPolicy(input.AccessControlPolicy as { Owner?: { ID?: string }; Grants?: Grant[] });
}

function aclOutput(grants: Grant[], accountId: string) {
  return { Owner: { ID: canonicalUserId(accountId) }, Grants: grants };
}

export function putBucketAcl(input: PutBucketAclRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const grants = requestedGrants(input, bucket.accountId);
  checkGrantsAccepted(bucket, grants, accountBlockOf(ctx, bucket.accountId));
  bucket.acl = grants;
  return {};
}

export function getBucketAcl(input: GetBucketAclRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  return aclOutput(bucket.acl, bucket.accountId);
}

export function putObjectAcl(input: PutObjectAclRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  // A key whose current version is a delete marker cannot take an ACL (reads of it are NoSuchKey).
  const newest = input.VersionId === undefined ? bucket.versionsOf(input.Key ?? '')[0] : undefined;
  if (newest?.deleteMarker) throw methodNotAllowed(newest, 'PUT');
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'PUT');
  const grants = requestedGrants(input, bucket.accountId);
  checkGrantsAccepted(bucket, grants, accountBlockOf(ctx, bucket.accountId));
  // S3 sends ObjectAcl:Put only for a change: setting the ACL the object has already sends nothing (AWS-recorded test_object_put_acl).
  const changed = JSON.stringify(object.acl) !== JSON.stringify(grants);
  object.acl = grants;
  if (changed) notify(ctx, bucket, 's3:ObjectAcl:Put', object);
  return {};
}

export function getObjectAcl(input: GetObjectAclRequest, ctx: S3Context) {
  const bucket = requireBucket(ctx, input);
  const object = findVersion(bucket, input.Key ?? '', input.VersionId, 'GET');
  return { ...aclOutput(object.acl, bucket.accountId), VersionId: bucket.versioning ? object.versionId : undefined };
}
