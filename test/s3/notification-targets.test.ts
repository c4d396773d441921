import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  RestoreObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { bucketName, CREDENTIALS, s3Client, startS3 } from './support.ts';

/** A policy letting one AWS service principal call one action on a resource (what AWS requires of S3's destinations). */
const allowService = (service: string, action: string, resource: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: action, Resource: resource }] });

describe('S3 event notifications to SNS topics and to EventBridge', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let s3: S3Client;
  let sqs: SQSClient;
  const options = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  before(async () => {
    aws = await startS3(['s3', 'sqs', 'sns', 'events']);
    s3 = s3Client(aws);
    sqs = new SQSClient(options());
  });
  after(() => aws.stop());

  /** A queue that the given service may send to, and a function reading the bodies that arrive. */
  async function queueFor(service: string) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: bucketName('q') }));
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: allowService(service, 'sqs:SendMessage', arn) } }));
    const receive = async (count: number) => {
      const bodies: Record<string, unknown>[] = [];
      for (let i = 0; i < 10 && bodies.length < count; i++) {
        const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
        bodies.push(...(Messages ?? []).map((m) => JSON.parse(m.Body!) as Record<string, unknown>));
      }
      return bodies;
    };
    return { arn, receive };
  }

  it('publishes the test event and event records to an SNS topic whose policy allows S3', async () => {
    const sns = new SNSClient(options());
    const bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: bucketName('topic') }));
    await sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'Policy', AttributeValue: allowService('s3.amazonaws.com', 'sns:Publish', TopicArn!) }));
    const queue = await queueFor('sns.amazonaws.com');
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: queue.arn }));
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: bucket,
        NotificationConfiguration: { TopicConfigurations: [{ Id: 'to-sns', TopicArn, Events: ['s3:ObjectCreated:*'] }] },
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'via-sns.txt', Body: 'sns' }));
    const envelopes = await queue.receive(2);
    const messages = envelopes.map((e) => JSON.parse(e.Message as string) as Record<string, unknown>);
    assert.ok(messages.some((m) => m.Event === 's3:TestEvent'));
    const records = messages.find((m) => m.Records) as { Records: { eventName: string; s3: { configurationId: string; object: { key: string } } }[] };
    assert.equal(records.Records[0].eventName, 'ObjectCreated:Put');
    assert.equal(records.Records[0].s3.configurationId, 'to-sns');
    assert.equal(records.Records[0].s3.object.key, 'via-sns.txt');
  });

  it('sends AWS-shaped events to the default event bus when EventBridge is enabled on the bucket', async () => {
    const events = new EventBridgeClient(options());
    const bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const queue = await queueFor('events.amazonaws.com');
    const rules = await events.send(new PutRuleCommand({ Name: `${bucket}-rule`, EventPattern: JSON.stringify({ source: ['aws.s3'], detail: { bucket: { name: [bucket] } } }) }));
    assert.ok(rules.RuleArn);
    await events.send(new PutTargetsCommand({ Rule: `${bucket}-rule`, Targets: [{ Id: 'q', Arn: queue.arn }] }));
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: { EventBridgeConfiguration: {} } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'via-eventbridge.txt', Body: 'eb' }));
    const [event] = (await queue.receive(1)) as { source: string; 'detail-type': string; detail: { bucket: { name: string }; object: { key: string; size: number }; reason: string } }[];
    assert.equal(event.source, 'aws.s3');
    assert.equal(event['detail-type'], 'Object Created');
    assert.equal(event.detail.bucket.name, bucket);
    assert.deepEqual([event.detail.object.key, event.detail.object.size, event.detail.reason], ['via-eventbridge.txt', 2, 'PutObject']);
  });

  it('sends restore events as AWS recorded them (test_restore_object), Completed once the tier time has passed', async () => {
    const events = new EventBridgeClient(options());
    const bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const direct = await queueFor('s3.amazonaws.com');
    const viaBus = await queueFor('events.amazonaws.com');
    const pattern = { source: ['aws.s3'], 'detail-type': [{ prefix: 'Object Restore' }], detail: { bucket: { name: [bucket] } } };
    await events.send(new PutRuleCommand({ Name: `${bucket}-rule`, EventPattern: JSON.stringify(pattern) }));
    await events.send(new PutTargetsCommand({ Rule: `${bucket}-rule`, Targets: [{ Id: 'q', Arn: viaBus.arn }] }));
    const config = { QueueConfigurations: [{ Id: 'restores', QueueArn: direct.arn, Events: ['s3:ObjectRestore:*' as const] }], EventBridgeConfiguration: {} };
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: config }));
    await direct.receive(1); // s3:TestEvent
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'my_key_restore', Body: 'body data', StorageClass: 'GLACIER' }));
    await s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'my_key_restore', RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } }));
    type EventRecord = { eventName: string; userIdentity: { principalId: string }; s3: { bucket: { ownerIdentity: { principalId: string } }; object: Record<string, unknown> }; glacierEventData?: unknown };
    const [posted] = ((await direct.receive(1))[0] as { Records: EventRecord[] }).Records;
    assert.equal(posted.eventName, 'ObjectRestore:Post');
    assert.deepEqual([posted.s3.object.eTag, posted.s3.object.size, posted.glacierEventData], [put.ETag!.replace(/"/g, ''), 9, undefined]);
    const [initiated] = (await viaBus.receive(1)) as { 'detail-type': string; detail: Record<string, unknown> }[];
    assert.equal(initiated['detail-type'], 'Object Restore Initiated');
    assert.deepEqual([initiated.detail['source-storage-class'], initiated.detail.reason, initiated.detail['restore-expiry-time']], ['GLACIER', undefined, undefined]);

    // Moving the clock also makes the messages read so far visible again: look for the new one among them.
    aws.emulator.clock.advance(5 * 60 * 1000);
    const records = (await direct.receive(3)).flatMap((body) => (body as { Records?: EventRecord[] }).Records ?? []);
    const completed = records.find((r) => r.eventName === 'ObjectRestore:Completed')!;
    assert.equal(completed.eventName, 'ObjectRestore:Completed');
    assert.equal(completed.userIdentity.principalId, `AmazonCustomer:${completed.s3.bucket.ownerIdentity.principalId}`);
    const restoreData = (completed.glacierEventData as { restoreEventData: { lifecycleRestorationExpiryTime: string; lifecycleRestoreStorageClass: string } }).restoreEventData;
    assert.equal(restoreData.lifecycleRestoreStorageClass, 'GLACIER');
    assert.match(restoreData.lifecycleRestorationExpiryTime, /T00:00:00\.000Z$/);
    const busEvents = (await viaBus.receive(2)) as { 'detail-type': string; detail: Record<string, unknown> }[];
    const done = busEvents.find((e) => e['detail-type'] === 'Object Restore Completed')!;
    assert.deepEqual([done.detail['source-storage-class'], done.detail['source-ip-address']], ['GLACIER', undefined]);
    assert.match(done.detail['restore-expiry-time'] as string, /T00:00:00Z$/);

    // When the restored copy expires S3 says so: ObjectRestore:Delete, and "Object Restore Expired" on the bus.
    aws.emulator.clock.advance(2 * 86_400_000);
    const later = (await direct.receive(4)).flatMap((body) => (body as { Records?: EventRecord[] }).Records ?? []);
    const expired = later.find((r) => r.eventName === 'ObjectRestore:Delete')!;
    assert.deepEqual([expired.s3.object.eTag, expired.s3.object.size], [put.ETag!.replace(/"/g, ''), 9]);
    const gone = ((await viaBus.receive(3)) as { 'detail-type': string; detail: Record<string, unknown> }[]).find((e) => e['detail-type'] === 'Object Restore Expired')!;
    assert.deepEqual([gone.detail.requester, gone.detail['source-ip-address'], (gone.detail.object as { key: string }).key], ['s3.amazonaws.com', undefined, 'my_key_restore']);
  });

  it('sends "Object Storage Class Changed" when a lifecycle transition moves an object, requested by S3 itself', async () => {
    const events = new EventBridgeClient(options());
    const bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const viaBus = await queueFor('events.amazonaws.com');
    const pattern = { source: ['aws.s3'], 'detail-type': ['Object Storage Class Changed'], detail: { bucket: { name: [bucket] } } };
    await events.send(new PutRuleCommand({ Name: `${bucket}-rule`, EventPattern: JSON.stringify(pattern) }));
    await events.send(new PutTargetsCommand({ Rule: `${bucket}-rule`, Targets: [{ Id: 'q', Arn: viaBus.arn }] }));
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: { EventBridgeConfiguration: {} } }));
    const Rules = [{ ID: 'cold', Status: 'Enabled' as const, Filter: { Prefix: '' }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' as const }] }];
    await s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules } }));
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'big.bin', Body: Buffer.alloc(200 * 1024, 7) }));
    // The sweeper runs every few seconds on the emulator clock: move it, then give the sweep time to run.
    aws.emulator.clock.advance(31 * 86_400_000);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const [changed] = (await viaBus.receive(1)) as { 'detail-type': string; detail: Record<string, unknown> }[];
    assert.equal(changed['detail-type'], 'Object Storage Class Changed');
    assert.deepEqual(changed.detail.object, { key: 'big.bin', size: 200 * 1024, etag: put.ETag!.replace(/"/g, '') });
    assert.deepEqual([changed.detail['destination-storage-class'], changed.detail.requester, changed.detail['source-ip-address']], ['STANDARD_IA', 's3.amazonaws.com', undefined]);
  });
});
