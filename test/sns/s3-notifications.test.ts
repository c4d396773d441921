import assert from 'node:assert/strict';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { bucketName, CREDENTIALS, failure, s3Client, startS3 } from '../s3/support.ts';

// AWS's S3 user guide ("Granting permissions to publish event notification messages to a destination"): the topic
// policy must allow s3.amazonaws.com to publish, or S3 refuses the configuration.
describe('S3 event notifications -> SNS topic -> SQS queue', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startS3(['s3', 'sns', 'sqs']);
  });
  after(() => aws?.stop());

  it('needs a topic policy naming S3, then fans the event records out', async () => {
    const client = { endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS };
    const [s3, sns, sqs] = [s3Client(aws), new SNSClient(client), new SQSClient(client)];
    const bucket = bucketName('notify');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const topicArn = (await sns.send(new CreateTopicCommand({ Name: 's3-events' }))).TopicArn!;
    const configure = () =>
      s3.send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: bucket,
          NotificationConfiguration: { TopicConfigurations: [{ Id: 'created', TopicArn: topicArn, Events: ['s3:ObjectCreated:*'] }] },
        }),
      );
    const refused = await failure(configure());
    assert.equal(refused.name, 'InvalidArgument');
    assert.equal(refused.message, 'Unable to validate the following destination configurations');

    const statement = { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'SNS:Publish', Resource: topicArn };
    await sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify({ Statement: [statement] }) }));
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: 's3-events',
        Attributes: { Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }] }) },
      }),
    );
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));
    await configure();
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: 'hello' }));

    const bodies: { Records?: { eventName: string; s3: { bucket: { name: string }; object: { key: string } } }[] }[] = [];
    for (let i = 0; i < 10 && !bodies.some((b) => b.Records); i++) {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      bodies.push(...(Messages ?? []).map((m) => JSON.parse(m.Body!)));
    }
    const record = bodies.find((b) => b.Records)!.Records![0];
    assert.equal(record.eventName, 'ObjectCreated:Put');
    assert.equal(record.s3.bucket.name, bucket);
    assert.equal(record.s3.object.key, 'a.txt');
  });
});
