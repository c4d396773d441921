import assert from 'node:assert/strict';
import type { Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { startS3 } from './support.ts';

describe('S3 deprecated forms and the less common operations', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startS3(['s3', 'sqs']);
  });
  after(() => aws.stop());

  it('boto3: the deprecated lifecycle and notification calls read and write the same configuration as the current ones', async () => {
    type ErrorSeen = { code: string; message: string; status: number } | null;
    type Observed = Record<string, unknown> & { errors: Record<string, ErrorSeen> };
    const o = await runBoto3Script<Observed>(new URL('./deprecated-boto3.py', import.meta.url), aws.endpoint);
    assert.deepEqual(o.errors.get_missing, { code: 'NoSuchLifecycleConfiguration', message: 'The lifecycle configuration does not exist', status: 404 });
    assert.deepEqual(o.old_rules, [
      { ID: 'old', Prefix: 'logs/', Status: 'Enabled', Expiration: { Days: 30 }, Transition: { Days: 10, StorageClass: 'GLACIER' } },
    ]);
    assert.deepEqual(o.current_rules, [
      { ID: 'old', Prefix: 'logs/', Status: 'Enabled', Expiration: { Days: 30 }, Transitions: [{ Days: 10, StorageClass: 'GLACIER' }] },
    ]);
    assert.deepEqual(o.errors.mixed, { code: 'InvalidRequest', message: 'Filter element can only be used in Lifecycle V2.', status: 400 });
    assert.deepEqual(o.errors.newer_noncurrent_v1, {
      code: 'InvalidRequest',
      message: 'NewerNoncurrentVersions element can only be used in Lifecycle V2.',
      status: 400,
    });
    assert.deepEqual(o.empty_notification, {});
    assert.deepEqual(o.old_notification, { Id: 'legacy-queue', Events: ['s3:ObjectCreated:*'], Event: 's3:ObjectCreated:*', Queue: (o.old_notification as { Queue: string }).Queue });
    assert.match((o.old_notification as { Queue: string }).Queue, /^arn:aws:sqs:us-east-1:\d{12}:legacy-/);
    assert.deepEqual(o.current_notification, [{ Id: 'legacy-queue', QueueArn: (o.old_notification as { Queue: string }).Queue, Events: ['s3:ObjectCreated:*'] }]);
    assert.deepEqual(o.delivered, ['ObjectCreated:Put', 's3:TestEvent']);
  });
});
