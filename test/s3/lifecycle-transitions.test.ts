import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { bucketName, CREDENTIALS, failure, s3Client, startS3 } from './support.ts';

// Lifecycle rules applied by the sweeper on the emulator clock: transitions down S3's storage classes (objects under
// 128 KB stay unless the bucket's TransitionDefaultMinimumObjectSize or the rule's size filter lets them go), the
// s3:LifecycleTransition event, and NewerNoncurrentVersions keeping the newest noncurrent versions.
const DAY = 86_400_000;
const BIG = Buffer.alloc(200 * 1024, 1);

describe('S3 lifecycle transitions and noncurrent versions kept', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let s3: S3Client;
  let sqs: SQSClient;
  const buckets = { tiers: bucketName('tiers'), varies: bucketName('varies'), versions: bucketName('versions') };
  let queueUrl: string;

  /** The sweeper runs every few seconds on the emulator clock: move it, then give the sweep time to run. */
  async function daysLater(days: number) {
    aws.emulator.clock.advance(days * DAY);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
  }
  const storageClass = async (Bucket: string, Key: string) => (await s3.send(new HeadObjectCommand({ Bucket, Key }))).StorageClass ?? 'STANDARD';

  before(async () => {
    aws = await startS3(['s3', 'sqs']);
    s3 = s3Client(aws);
    sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    for (const Bucket of Object.values(buckets)) await s3.send(new CreateBucketCommand({ Bucket }));

    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `${buckets.tiers}-events` }))).QueueUrl!;
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn }] });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy } }));
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: buckets.tiers,
        NotificationConfiguration: { QueueConfigurations: [{ QueueArn: arn, Events: ['s3:LifecycleTransition'] }] },
      }),
    );

    const tiers = [
      { Days: 30, StorageClass: 'STANDARD_IA' as const },
      { Days: 90, StorageClass: 'GLACIER' as const },
    ];
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: buckets.tiers,
        LifecycleConfiguration: {
          Rules: [
            { ID: 'tiers', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Transitions: tiers },
            // A rule's own size filter overrides the 128 KB default.
            { ID: 'tiny', Status: 'Enabled', Filter: { And: { Prefix: 'tiny/', ObjectSizeGreaterThan: 0 } }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }] },
          ],
        },
      }),
    );
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: buckets.varies,
        TransitionDefaultMinimumObjectSize: 'varies_by_storage_class',
        LifecycleConfiguration: { Rules: [{ ID: 'tiers', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: tiers }] },
      }),
    );
    await s3.send(new PutBucketVersioningCommand({ Bucket: buckets.versions, VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: buckets.versions,
        LifecycleConfiguration: { Rules: [{ ID: 'keep-one', Status: 'Enabled', Filter: { Prefix: '' }, NoncurrentVersionExpiration: { NoncurrentDays: 1, NewerNoncurrentVersions: 1 } }] },
      }),
    );

    await s3.send(new PutObjectCommand({ Bucket: buckets.tiers, Key: 'logs/big', Body: BIG }));
    await s3.send(new PutObjectCommand({ Bucket: buckets.tiers, Key: 'logs/small', Body: 'small' }));
    await s3.send(new PutObjectCommand({ Bucket: buckets.tiers, Key: 'tiny/note', Body: 'small' }));
    await s3.send(new PutObjectCommand({ Bucket: buckets.tiers, Key: 'other/big', Body: BIG }));
    await s3.send(new PutObjectCommand({ Bucket: buckets.varies, Key: 'small', Body: 'small' }));
    for (const version of ['one', 'two', 'three']) await s3.send(new PutObjectCommand({ Bucket: buckets.versions, Key: 'doc', Body: version }));
  });
  after(async () => {
    sqs.destroy();
    await aws.stop();
  });

  type TransitionRecord = { eventName: string; eventVersion: string; s3: { object: { key: string } }; lifecycleEventData?: unknown };
  const records: TransitionRecord[] = [];
  /** The event records the queue holds now (read before the clock moves past the queue's 4-day retention). */
  async function collect(count: number) {
    for (let i = 0; i < 5 && records.length < count; i++) {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const m of Messages ?? []) records.push(...((JSON.parse(m.Body!) as { Records?: TransitionRecord[] }).Records ?? []));
    }
  }

  it('moves objects down the storage classes as their transitions fall due, small ones only where allowed', async () => {
    await daysLater(31);
    await collect(2);
    assert.equal(await storageClass(buckets.tiers, 'logs/big'), 'STANDARD_IA');
    assert.equal(await storageClass(buckets.tiers, 'logs/small'), 'STANDARD', 'under 128 KB: no transition by default');
    assert.equal(await storageClass(buckets.tiers, 'tiny/note'), 'STANDARD_IA', "the rule's size filter lets it go");
    assert.equal(await storageClass(buckets.tiers, 'other/big'), 'STANDARD', 'no rule for its prefix');
    assert.equal(await storageClass(buckets.varies, 'small'), 'STANDARD', 'varies_by_storage_class: not to STANDARD_IA');

    await daysLater(60);
    await collect(3);
    assert.equal(await storageClass(buckets.tiers, 'logs/big'), 'GLACIER');
    assert.equal(await storageClass(buckets.varies, 'small'), 'GLACIER', 'varies_by_storage_class: small objects reach the archive classes');
    // An archived object must be restored before it is read, as any GLACIER object.
    const read = await failure(s3.send(new GetObjectCommand({ Bucket: buckets.tiers, Key: 'logs/big' })));
    assert.deepEqual([read.name, read.status], ['InvalidObjectState', 403]);
  });

  it('sends s3:LifecycleTransition records naming the destination class', () => {
    // Sorted: a standard queue keeps no order.
    const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    const seen = records.map((r) => [r.eventName, r.eventVersion, r.s3.object.key, r.lifecycleEventData]).sort(byText);
    const expected = [
      ['LifecycleTransition', '2.3', 'logs/big', { transitionEventData: { destinationStorageClass: 'STANDARD_IA' } }],
      ['LifecycleTransition', '2.3', 'tiny/note', { transitionEventData: { destinationStorageClass: 'STANDARD_IA' } }],
      ['LifecycleTransition', '2.3', 'logs/big', { transitionEventData: { destinationStorageClass: 'GLACIER' } }],
    ];
    assert.deepEqual(seen, expected.sort(byText));
  });

  it('keeps the newest NewerNoncurrentVersions noncurrent versions when older ones expire', async () => {
    const versions = (await s3.send(new ListObjectVersionsCommand({ Bucket: buckets.versions }))).Versions ?? [];
    const bodies = await Promise.all(versions.map(async (v) => (await s3.send(new GetObjectCommand({ Bucket: buckets.versions, Key: 'doc', VersionId: v.VersionId }))).Body!.transformToString()));
    assert.deepEqual(bodies, ['three', 'two']);
  });
});
