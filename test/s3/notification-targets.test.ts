import assert from 'node:assert/strict';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { bucketName, CREDENTIALS, s3Client, startS3 } from './support.ts';

/** A policy letting one AWS service principal call one action on a resource (what AWS requires of S3's destinations). */
const allowService = (service: string, action: string, resource: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: action, Resource: resource }] });

describe('S3 event notifications to SNS topics and to EventBridge', function () {
  this.timeout(30_000);
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
});
