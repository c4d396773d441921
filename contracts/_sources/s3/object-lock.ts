// Object Lock tests of LocalStack's AWS-validated suite (github.com/localstack/localstack, tests/aws/services/s3/
// test_s3_api.py TestS3ObjectLock and test_s3.py TestS3ObjectLockRetention / TestS3ObjectLockLegalHold, Apache-2.0)
// reproduced as request sequences. The tests lock objects until "now + 10 minutes"; a contract cannot compute "now",
// so those dates are fixed ones in the future (the snapshots redact them, only their effect is judged).
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BUCKET, createBucket, onBucket, put, versioning } from './common.ts';

const LOCKED = { ObjectLockEnabledForBucket: true };
const FUTURE = '2030-01-01T00:00:00Z';
const LATER = '2030-06-01T00:00:00Z';
const EARLIER = '2029-01-01T00:00:00Z';
const OTHER_BUCKET = 'bucket2-{{suffix}}';
const MISSING_BUCKET = 'non-existing-bucket-{{suffix}}-x';
const governance = (RetainUntilDate = FUTURE) => ({ Mode: 'GOVERNANCE', RetainUntilDate });
const lockConfig = (ObjectLockConfiguration: unknown, snapshot?: string) => onBucket('PutObjectLockConfiguration', snapshot, { ObjectLockConfiguration });
const ENABLED = { ObjectLockEnabled: 'Enabled' };
const DEFAULT_RETENTION = { ...ENABLED, Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } };
const withVersion = (step: SourceStep, name = 'version'): SourceStep => ({ ...step, capture: { [name]: '$.VersionId' } });
const legalHold = (Status: string, snapshot?: string, VersionId = '{{version}}') =>
  onBucket('PutObjectLegalHold', snapshot, { Key: 'locked-object', VersionId, LegalHold: { Status } });

/** TestS3ObjectLock of test_s3_api.py. */
export const apiObjectLockScenarios: SourceScenario[] = [
  {
    test: 'TestS3ObjectLock::test_put_object_lock_configuration_on_existing_bucket',
    steps: [
      createBucket(),
      onBucket('GetObjectLockConfiguration', 'get-object-lock-existing-bucket-no-config'),
      lockConfig(ENABLED, 'put-object-lock-existing-bucket-no-versioning'),
      { ...versioning('Suspended'), snapshot: 'suspended-versioning' },
      lockConfig(ENABLED, 'put-object-lock-existing-bucket-versioning-disabled'),
      { ...versioning('Enabled'), snapshot: 'enabled-versioning' },
      lockConfig(ENABLED, 'put-object-lock-existing-bucket-enabled'),
      onBucket('GetObjectLockConfiguration', 'get-object-lock-existing-bucket-enabled'),
    ],
  },
  {
    test: 'TestS3ObjectLock::test_get_put_object_lock_configuration',
    steps: [
      createBucket(BUCKET, LOCKED),
      onBucket('GetObjectLockConfiguration', 'get-lock-config-start'),
      lockConfig(DEFAULT_RETENTION, 'put-lock-config'),
      onBucket('GetObjectLockConfiguration', 'get-lock-config'),
      lockConfig(ENABLED, 'put-lock-config-enabled'),
      onBucket('GetObjectLockConfiguration', 'get-lock-config-only-enabled'),
    ],
  },
  {
    test: 'TestS3ObjectLock::test_put_object_lock_configuration_exc',
    steps: [
      createBucket(BUCKET, LOCKED),
      lockConfig({ Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } }, 'put-lock-config-no-enabled'),
      lockConfig({}, 'put-lock-config-empty'),
      lockConfig({ ...ENABLED, Rule: {} }, 'put-lock-config-empty-rule'),
      lockConfig({ ...ENABLED, Rule: { DefaultRetention: {} } }, 'put-lock-config-empty-retention'),
      lockConfig({ ...ENABLED, Rule: { DefaultRetention: { Mode: 'GOVERNANCE' } } }, 'put-lock-config-no-days'),
      lockConfig({ ...ENABLED, Rule: { DefaultRetention: { Mode: 'BAD-VALUE', Days: 1 } } }, 'put-lock-config-bad-mode'),
      lockConfig({ ...ENABLED, Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1, Years: 1 } } }, 'put-lock-config-both-days-years'),
    ],
  },
  {
    test: 'TestS3ObjectLock::test_get_object_lock_configuration_exc',
    steps: [
      createBucket(),
      onBucket('GetObjectLockConfiguration', 'get-lock-config-no-enabled'),
      { op: 'GetObjectLockConfiguration', params: { Bucket: MISSING_BUCKET }, snapshot: 'get-lock-config-bucket-not-exists' },
    ],
  },
  {
    test: 'TestS3ObjectLock::test_disable_versioning_on_locked_bucket',
    steps: [
      createBucket(BUCKET, LOCKED),
      { ...versioning('Suspended'), snapshot: 'disable-versioning-on-locked-bucket' },
      { ...versioning('Enabled'), snapshot: 'enable-versioning-again-on-locked-bucket' },
    ],
  },
  {
    test: 'TestS3ObjectLock::test_delete_object_with_no_locking',
    steps: [
      createBucket(),
      put('test-delete-no-lock', 'test'),
      onBucket('DeleteObject', 'delete-object-bypass-no-lock', { Key: 'test-delete-no-lock', BypassGovernanceRetention: true }),
      onBucket('DeleteObject', 'delete-object-bypass-no-lock-false', { Key: 'test-delete-no-lock', BypassGovernanceRetention: false }),
      onBucket('DeleteObjects', 'delete-objects-bypass-no-lock', { Delete: { Objects: [{ Key: 'test-delete-no-lock' }] }, BypassGovernanceRetention: true }),
    ],
  },
];

const RETAINED = 'test-retention-locked-object';
const retention = (Retention: unknown, snapshot?: string, extra: Record<string, unknown> = {}) =>
  onBucket('PutObjectRetention', snapshot, { Key: RETAINED, Retention, ...extra });

/** TestS3ObjectLockRetention and TestS3ObjectLockLegalHold of test_s3.py. */
export const objectLockScenarios: SourceScenario[] = [
  {
    test: 'TestS3ObjectLockRetention::test_s3_object_retention_exc',
    steps: [
      createBucket(BUCKET, LOCKED),
      { op: 'PutObjectRetention', params: { Bucket: MISSING_BUCKET, Key: 'fake-key', Retention: governance() }, snapshot: 'put-object-retention-no-bucket' },
      onBucket('PutObjectRetention', 'put-object-retention-no-key', { Key: 'non-existing-key', Retention: governance() }),
      withVersion(put('test-key', 'test')),
      onBucket('GetObjectRetention', 'get-object-retention-never-set', { Key: 'test-key', VersionId: '{{version}}' }),
      onBucket('PutObjectRetention', 'put-object-missing-retention-fields', { Key: 'test-key', Retention: { Mode: 'GOVERNANCE' }, BypassGovernanceRetention: true }),
      onBucket('PutObjectRetention', undefined, { Key: 'test-key', Retention: governance() }),
      onBucket('PutObjectRetention', 'update-retention-no-bypass', { Key: 'test-key', VersionId: '{{version}}', Retention: governance(EARLIER) }),
      onBucket('PutObjectRetention', 'update-retention-past-date', { Key: 'test-key', VersionId: '{{version}}', Retention: governance('2020-01-01T00:00:00Z') }),
      onBucket('PutObjectRetention', 'update-retention-bad-value', { Key: 'test-key', VersionId: '{{version}}', Retention: { Mode: 'BAD-VALUE', RetainUntilDate: FUTURE } }),
      createBucket(OTHER_BUCKET),
      { op: 'PutObject', params: { Bucket: OTHER_BUCKET, Key: 'test-key', Body: 'test' } },
      { op: 'PutObjectRetention', params: { Bucket: OTHER_BUCKET, Key: 'test-key', Retention: governance() }, snapshot: 'put-object-retention-regular-bucket' },
      { op: 'GetObjectRetention', params: { Bucket: OTHER_BUCKET, Key: 'test-key' }, snapshot: 'get-object-retention-regular-bucket' },
    ],
  },
  {
    test: 'TestS3ObjectLockRetention::test_s3_object_retention',
    steps: [
      createBucket(BUCKET, LOCKED),
      withVersion(put(RETAINED, 'test', 'put-obj-locked-1')),
      retention(governance(), 'put-object-retention-on-key-1'),
      onBucket('GetObjectRetention', 'get-object-retention-on-key-1', { Key: RETAINED }),
      onBucket('HeadObject', 'head-object-locked', { Key: RETAINED }),
      onBucket('DeleteObject', 'delete-obj-locked', { Key: RETAINED, VersionId: '{{version}}' }),
      onBucket('DeleteObject', 'delete-obj-locked-bypass', { Key: RETAINED, VersionId: '{{version}}', BypassGovernanceRetention: true }),
      withVersion(put(RETAINED, 'test', 'put-obj-locked-2', { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: FUTURE })),
      retention(governance(EARLIER), 'update-retention-locked-object'),
      retention({}, 'put-object-empty-retention', { BypassGovernanceRetention: true }),
      retention(governance(EARLIER), 'update-retention-object'),
      { ...onBucket('DeleteObject', undefined, { Key: RETAINED, VersionId: '{{version}}' }), fails: true },
    ],
    note: 'the shortened retention (now + 5 s) is a fixed earlier date here; the test’s last deletion after waiting for the retention to pass is left out',
  },
  {
    test: 'TestS3ObjectLockRetention::test_s3_copy_object_retention_lock',
    steps: [
      createBucket(BUCKET, LOCKED),
      put('source-object', '{"key": "value"}', 'put-source-object', { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: FUTURE }),
      onBucket('HeadObject', 'head-source-object', { Key: 'source-object' }),
      onBucket('CopyObject', 'copy-lock', { Key: 'dest-key', CopySource: `${BUCKET}/source-object` }),
      onBucket('HeadObject', 'head-dest-key', { Key: 'dest-key' }),
    ],
  },
  {
    test: 'TestS3ObjectLockRetention::test_bucket_config_default_retention',
    steps: [
      createBucket(BUCKET, LOCKED),
      lockConfig(DEFAULT_RETENTION, 'put-lock-config'),
      put('default-object', 'test-default-lock', 'put-object-default'),
      onBucket('HeadObject', 'head-object-default', { Key: 'default-object' }),
      put('default-object', 'test-put-object-lock', 'put-object-with-lock', { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: FUTURE }),
      onBucket('HeadObject', 'head-object-with-lock', { Key: 'default-object' }),
      put('default-object2', 'test-put-object-lock', 'put-object-with-lock-no-date', { ObjectLockMode: 'GOVERNANCE' }),
    ],
  },
  {
    test: 'TestS3ObjectLockRetention::test_object_lock_delete_markers',
    steps: [
      createBucket(BUCKET, LOCKED),
      put('default-object', 'test-put-object-lock', 'put-object-with-lock', { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: FUTURE }),
      onBucket('HeadObject', 'head-object-with-lock', { Key: 'default-object' }),
      withVersion(onBucket('DeleteObject', 'put-delete-marker', { Key: 'default-object' }), 'marker'),
      onBucket('PutObjectRetention', 'put-object-retention-delete-marker', { Key: 'default-object', VersionId: '{{marker}}', Retention: governance() }),
      onBucket('GetObjectRetention', 'get-object-retention-delete-marker', { Key: 'default-object', VersionId: '{{marker}}' }),
      onBucket('HeadObject', 'head-object-locked-delete-marker', { Key: 'default-object', VersionId: '{{marker}}' }),
    ],
  },
  {
    test: 'TestS3ObjectLockRetention::test_object_lock_extend_duration',
    steps: [
      createBucket(BUCKET, LOCKED),
      withVersion(put('default-object', 'test-put-object-lock', 'put-object-with-lock', { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: FUTURE })),
      onBucket('HeadObject', 'head-object-with-lock', { Key: 'default-object' }),
      onBucket('PutObjectRetention', 'put-object-retention-extend', { Key: 'default-object', VersionId: '{{version}}', Retention: governance(LATER) }),
      onBucket('HeadObject', 'head-object-with-lock-extended', { Key: 'default-object' }),
      onBucket('PutObjectRetention', 'put-object-retention-reduce', { Key: 'default-object', VersionId: '{{version}}', Retention: governance() }),
    ],
  },
  {
    test: 'TestS3ObjectLockRetention::test_s3_object_lock_mode_validation',
    steps: [
      createBucket(BUCKET, LOCKED),
      put('test-retention-validation', 'test', 'put-obj-locked-error-no-retain-date', { ObjectLockMode: 'BAD-VALUE' }),
      put('test-retention-validation', 'test', 'put-obj-locked-error-no-mode', { ObjectLockRetainUntilDate: FUTURE }),
      put('test-retention-validation', 'test', 'put-obj-locked-bad-value', { ObjectLockMode: 'BAD-VALUE', ObjectLockRetainUntilDate: FUTURE }),
      onBucket('CreateMultipartUpload', 'create-mpu-locked-bad-value', { Key: 'test-retention-validation', ObjectLockMode: 'BAD-VALUE', ObjectLockRetainUntilDate: FUTURE }),
    ],
  },
  {
    test: 'TestS3ObjectLockLegalHold::test_put_get_object_legal_hold',
    steps: [
      createBucket(BUCKET, LOCKED),
      withVersion(put('locked-object', 'test', 'put-obj')),
      onBucket('GetObjectLegalHold', 'get-legal-hold-unset', { Key: 'locked-object', VersionId: '{{version}}' }),
      legalHold('ON', 'put-object-legal-hold'),
      onBucket('HeadObject', 'head-object-with-legal-hold', { Key: 'locked-object' }),
      onBucket('GetObjectLegalHold', 'get-legal-hold-set', { Key: 'locked-object', VersionId: '{{version}}' }),
      legalHold('OFF', 'put-object-legal-hold-off'),
    ],
  },
  {
    test: 'TestS3ObjectLockLegalHold::test_put_object_with_legal_hold',
    steps: [
      createBucket(BUCKET, LOCKED),
      withVersion(put('locked-object', 'test', 'put-obj', { ObjectLockLegalHoldStatus: 'ON' })),
      onBucket('HeadObject', 'head-object-with-legal-hold', { Key: 'locked-object' }),
      legalHold('OFF', 'put-object-legal-hold-off'),
    ],
  },
  {
    test: 'TestS3ObjectLockLegalHold::test_put_object_legal_hold_exc',
    steps: [
      createBucket(BUCKET, LOCKED),
      { op: 'PutObjectLegalHold', params: { Bucket: MISSING_BUCKET, Key: 'fake-key', LegalHold: { Status: 'ON' } }, snapshot: 'put-object-legal-hold-no-bucket' },
      onBucket('PutObjectLegalHold', 'put-object-legal-hold-no-key', { Key: 'non-existing-key', LegalHold: { Status: 'ON' } }),
      createBucket(OTHER_BUCKET),
      { op: 'PutObject', params: { Bucket: OTHER_BUCKET, Key: 'test-legal-hold', Body: 'test' } },
      { op: 'PutObjectLegalHold', params: { Bucket: OTHER_BUCKET, Key: 'test-legal-hold', LegalHold: { Status: 'ON' } }, snapshot: 'put-object-retention-regular-bucket' },
      { op: 'PutObjectLegalHold', params: { Bucket: OTHER_BUCKET, Key: 'test-legal-hold' }, snapshot: 'put-object-retention-empty' },
      { op: 'GetObjectLegalHold', params: { Bucket: OTHER_BUCKET, Key: 'test-legal-hold' }, snapshot: 'get-object-retention-regular-bucket' },
    ],
  },
  {
    test: 'TestS3ObjectLockLegalHold::test_delete_locked_object',
    steps: [
      createBucket(BUCKET, LOCKED),
      withVersion(put('test-delete-locked', 'test', 'put-obj')),
      onBucket('PutObjectLegalHold', 'put-object-legal-hold', { Key: 'test-delete-locked', VersionId: '{{version}}', LegalHold: { Status: 'ON' } }),
      onBucket('DeleteObject', 'delete-object-locked', { Key: 'test-delete-locked', VersionId: '{{version}}' }),
      onBucket('DeleteObjects', 'delete-objects-locked', { Delete: { Objects: [{ Key: 'test-delete-locked', VersionId: '{{version}}' }] } }),
      onBucket('PutObjectLegalHold', 'put-object-legal-hold-off', { Key: 'test-delete-locked', VersionId: '{{version}}', LegalHold: { Status: 'OFF' } }),
    ],
  },
  {
    test: 'TestS3ObjectLockLegalHold::test_s3_legal_hold_lock_versioned',
    steps: [
      createBucket(BUCKET, LOCKED),
      withVersion(put('locked-object', 'test', 'put-object')),
      legalHold('ON', 'put-object-legal-hold-ver1'),
      onBucket('HeadObject', 'head-object-ver1', { Key: 'locked-object', VersionId: '{{version}}' }),
      withVersion(put('locked-object', 'test', 'put-object-2'), 'version2'),
      legalHold('ON', 'put-object-legal-hold-ver2', '{{version2}}'),
      onBucket('HeadObject', 'head-object-ver2', { Key: 'locked-object', VersionId: '{{version2}}' }),
      legalHold('OFF', 'remove-object-legal-hold-ver1'),
      onBucket('HeadObject', 'head-object-ver1-no-lock', { Key: 'locked-object', VersionId: '{{version}}' }),
      onBucket('DeleteObject', 'delete-object-ver1', { Key: 'locked-object', VersionId: '{{version}}' }),
      legalHold('OFF', undefined, '{{version2}}'),
    ],
  },
  {
    test: 'TestS3ObjectLockLegalHold::test_s3_copy_object_legal_hold',
    steps: [
      createBucket(BUCKET, LOCKED),
      put('source-object', '{"key": "value"}', 'put-object', { ObjectLockLegalHoldStatus: 'ON' }),
      onBucket('HeadObject', 'head-object', { Key: 'source-object' }),
      onBucket('CopyObject', 'copy-legal-hold', { Key: 'dest-key', CopySource: `${BUCKET}/source-object` }),
      onBucket('HeadObject', 'head-dest-key', { Key: 'dest-key' }),
      onBucket('PutObjectLegalHold', undefined, { Key: 'source-object', LegalHold: { Status: 'OFF' } }),
    ],
  },
];

export const objectLockReasons: Record<string, string> = {
  test_s3_object_retention_compliance_mode:
    'the test sets a COMPLIANCE retention to now + 5 s and waits for it to pass; a contract can only send a fixed date, which on AWS would make the object undeletable until then',
};
