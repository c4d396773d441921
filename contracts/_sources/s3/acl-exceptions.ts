// LocalStack's AWS-validated ACL exception tests (github.com/localstack/localstack, tests/aws/services/s3/test_s3.py,
// TestS3::test_s3_bucket_acl_exceptions and test_s3_object_acl_exceptions, Apache-2.0) reproduced as request
// sequences. The bucket is a new one (it enforces bucket ownership): AWS validates the grants before refusing ACLs.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { createBucket, onBucket } from './common.ts';

const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const FAKE_GROUP = 'http://acs.amazonaws.com/groups/s3/FakeGroup';
/** `list_buckets()["Owner"]`: the caller's canonical id (AWS no longer sends a DisplayName). */
const listOwner: SourceStep = { op: 'ListBuckets', params: {}, capture: { ownerId: '$.Owner.ID' } };
const OWNER = { ID: '{{ownerId}}' };

/** The test's AccessControlPolicy documents, in its order, by the suffix of their snapshot keys. */
const POLICIES: [string, unknown][] = [
  ['acp-acl-1', { Grants: [{ Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'WRITE' }] }],
  ['acp-acl-2', { Owner: OWNER, Grants: [{ Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'WRONG-PERMISSION' }] }],
  ['acp-acl-3', { Owner: { ID: 'wrong-id' }, Grants: [{ Grantee: { URI: LOG_DELIVERY, Type: 'Group' }, Permission: 'FULL_CONTROL' }] }],
  ['acp-acl-4', { Owner: OWNER, Grants: [{ Grantee: { URI: FAKE_GROUP, Type: 'Group' }, Permission: 'FULL_CONTROL' }] }],
  ['acp-acl-5', { Owner: OWNER, Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'wrong-id' }, Permission: 'FULL_CONTROL' }] }],
  ['acp-acl-6', { Owner: OWNER, Grants: [{ Grantee: { Type: 'BadType', ID: 'wrong-id' }, Permission: 'FULL_CONTROL' }] }],
];
const OWNER_POLICY = { Owner: OWNER, Grants: [{ Grantee: { ID: '{{ownerId}}', Type: 'CanonicalUser' }, Permission: 'FULL_CONTROL' }] };

/** The same sequence on a bucket (PutBucketAcl, `put-bucket-…`) or an object (PutObjectAcl, `put-object-…`). */
function aclExceptions(target: 'bucket' | 'object'): SourceStep[] {
  const op = target === 'bucket' ? 'PutBucketAcl' : 'PutObjectAcl';
  const on = target === 'bucket' ? {} : { Key: 'object-key-acl' };
  const acl = (snapshot: string, params: Record<string, unknown> = {}) => onBucket(op, `put-${target}-${snapshot}`, { ...on, ...params });
  return [
    listOwner,
    createBucket(),
    ...(target === 'object'
      ? [onBucket('PutObject', undefined, { Key: 'object-key-acl' }), onBucket('PutObject', 'put-object-canned-acl', { Key: 'object-key-acl', ACL: 'fake-acl' })]
      : []),
    acl(target === 'bucket' ? 'canned-acl' : 'acl-canned-acl', { ACL: 'fake-acl' }),
    acl('grant-acl-fake-uri', { GrantWrite: `uri="${FAKE_GROUP}"` }),
    acl('grant-acl-fake-key', { GrantWrite: 'fakekey="1234"' }),
    acl('grant-acl-wrong-id', { GrantWrite: 'id="wrong-id"' }),
    ...POLICIES.map(([snapshot, AccessControlPolicy]) => acl(snapshot, { AccessControlPolicy })),
    acl('empty-acp', { AccessControlPolicy: {} }),
    acl(target === 'bucket' ? 'empty' : 'acl-empty'),
    acl('two-type-acl', { ACL: 'private', GrantRead: `uri="${LOG_DELIVERY}"` }),
    acl('two-type-acl-acp', { ACL: 'private', AccessControlPolicy: OWNER_POLICY }),
  ];
}

export const aclExceptionScenarios: SourceScenario[] = [
  { test: 'TestS3::test_s3_bucket_acl_exceptions', steps: aclExceptions('bucket') },
  { test: 'TestS3::test_s3_object_acl_exceptions', steps: aclExceptions('object') },
];
