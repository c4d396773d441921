import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketIntelligentTieringConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';
import { bucketName, CREDENTIALS, s3Client, startS3 } from './support.ts';

// Intelligent-Tiering's opt-in archive tiers on the emulator clock: an INTELLIGENT_TIERING object of 128 KB or more
// unread for a configuration's Days moves to Archive Access, then Deep Archive Access (x-amz-archive-status), S3 sends
// s3:IntelligentTiering and EventBridge's "Object Access Tier Changed"; a read is then InvalidObjectState until a
// restore (without Days) brings it back to the Frequent Access tier.
const DAY = 86_400_000;
const BIG = Buffer.alloc(200 * 1024, 3);

describe('S3 Intelligent-Tiering archive tiers', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let s3: S3Client;
  let sqs: SQSClient;
  const bucket = bucketName('tiering');
  const queues: Record<'direct' | 'bus', string> = { direct: '', bus: '' };

  async function queueFor(service: string): Promise<{ url: string; arn: string }> {
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: bucketName('q') }))).QueueUrl!;
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sqs:SendMessage', Resource: arn }] });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy } }));
    return { url, arn };
  }
  async function receive(url: string): Promise<Record<string, unknown>[]> {
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    return (Messages ?? []).map((m) => JSON.parse(m.Body!) as Record<string, unknown>);
  }
  /** The sweeper runs every few seconds on the emulator clock: move it, then give the sweep time to run. */
  async function daysLater(days: number) {
    aws.emulator.clock.advance(days * DAY);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
  }

  before(async () => {
    aws = await startS3(['s3', 'sqs', 'events']);
    s3 = s3Client(aws);
    const options = { endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    sqs = new SQSClient(options);
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const direct = await queueFor('s3.amazonaws.com');
    const bus = await queueFor('events.amazonaws.com');
    Object.assign(queues, { direct: direct.url, bus: bus.url });
    const events = new EventBridgeClient(options);
    const pattern = { source: ['aws.s3'], 'detail-type': ['Object Access Tier Changed'], detail: { bucket: { name: [bucket] } } };
    await events.send(new PutRuleCommand({ Name: `${bucket}-rule`, EventPattern: JSON.stringify(pattern) }));
    await events.send(new PutTargetsCommand({ Rule: `${bucket}-rule`, Targets: [{ Id: 'q', Arn: bus.arn }] }));
    const NotificationConfiguration = { QueueConfigurations: [{ QueueArn: direct.arn, Events: ['s3:IntelligentTiering' as const] }], EventBridgeConfiguration: {} };
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration }));
    await receive(direct.url); // s3:TestEvent
    const Tierings = [
      { AccessTier: 'ARCHIVE_ACCESS' as const, Days: 90 },
      { AccessTier: 'DEEP_ARCHIVE_ACCESS' as const, Days: 180 },
    ];
    await s3.send(new PutBucketIntelligentTieringConfigurationCommand({ Bucket: bucket, Id: 'cold', IntelligentTieringConfiguration: { Id: 'cold', Status: 'Enabled', Filter: { Prefix: 'cold/' }, Tierings } }));
    for (const Key of ['cold/read-often', 'cold/forgotten', 'warm/forgotten']) await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: BIG, StorageClass: 'INTELLIGENT_TIERING' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'cold/small', Body: 'tiny', StorageClass: 'INTELLIGENT_TIERING' }));
  });
  after(async () => {
    sqs.destroy();
    await aws.stop();
  });

  const archiveStatus = async (Key: string) => (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key }))).ArchiveStatus;

  it('moves unread objects of the filter to Archive Access, then Deep Archive Access, and says so', async () => {
    await daysLater(60);
    await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cold/read-often' }))).Body!.transformToString();
    await daysLater(31);
    assert.equal(await archiveStatus('cold/forgotten'), 'ARCHIVE_ACCESS');
    assert.equal(await archiveStatus('cold/read-often'), undefined, 'read 31 days ago');
    assert.equal(await archiveStatus('warm/forgotten'), undefined, 'outside the filter');
    assert.equal(await archiveStatus('cold/small'), undefined, 'under 128 KB');
    const [record] = ((await receive(queues.direct))[0] as { Records: Record<string, unknown>[] }).Records;
    assert.deepEqual([record.eventName, record.eventVersion, record.intelligentTieringEventData], ['IntelligentTiering', '2.3', { destinationAccessTier: 'ARCHIVE_ACCESS' }]);
    const [changed] = (await receive(queues.bus)) as { 'detail-type': string; detail: Record<string, unknown> }[];
    assert.equal(changed['detail-type'], 'Object Access Tier Changed');
    assert.deepEqual([changed.detail['destination-access-tier'], changed.detail.requester, (changed.detail.object as { key: string }).key], ['ARCHIVE_ACCESS', 's3.amazonaws.com', 'cold/forgotten']);

    await assert.rejects(
      s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cold/forgotten' })),
      expectError('InvalidObjectState', 403, "The operation is not valid for the object's access tier"),
    );
    await daysLater(90);
    assert.equal(await archiveStatus('cold/forgotten'), 'DEEP_ARCHIVE_ACCESS');
  });

  it('restores an archived object without Days, back to the Frequent Access tier', async () => {
    await assert.rejects(
      s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'cold/forgotten', RestoreRequest: { Days: 1 } })),
      expectError('InvalidArgument', 400, 'INTELLIGENT_TIERING objects are not subject to restore expiry. Do not specify Days when restoring this object'),
    );
    await s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'cold/forgotten', RestoreRequest: {} }));
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'cold/forgotten' }))).Restore, 'ongoing-request="true"');
    // Standard retrieval from Deep Archive Access takes up to 12 hours.
    aws.emulator.clock.advance(12 * 60 * 60 * 1000);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'cold/forgotten' }));
    assert.deepEqual([head.ArchiveStatus, head.Restore, head.StorageClass], [undefined, undefined, 'INTELLIGENT_TIERING']);
    assert.equal((await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'cold/forgotten' }))).Body!.transformToByteArray()).length, BIG.length);
  });
});
