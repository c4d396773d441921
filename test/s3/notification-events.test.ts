import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteObjectTaggingCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type Event,
  type NotificationConfiguration,
  type S3Client,
} from '@aws-sdk/client-s3';
import { AddPermissionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { createFunction } from '../lambda/support.ts';
import { allowPublicAccess, bucketName, CREDENTIALS, failure, s3Client, startS3 } from './support.ts';

interface EventRecord {
  eventVersion: string;
  eventName: string;
  s3: { object: Record<string, unknown> };
}

describe('S3 event notifications: tagging and ACL events, destination validation', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let s3: S3Client;
  let sqs: SQSClient;
  const options = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  before(async () => {
    aws = await startS3(['s3', 'sqs', 'lambda']);
    s3 = s3Client(aws);
    sqs = new SQSClient(options());
  });
  after(() => aws.stop());

  /** A bucket and a queue S3 may send to; `records()` reads the event records that arrived (test events left out). */
  async function bucketWithQueue(events: Event[]) {
    const bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: bucketName('q') }));
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const Policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn }] });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy } }));
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: { QueueConfigurations: [{ QueueArn: arn, Events: events }] } }));
    const records = async () => {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      return (Messages ?? []).flatMap((m) => (JSON.parse(m.Body!) as { Records?: EventRecord[] }).Records ?? []);
    };
    return { bucket, arn, records };
  }

  it('sends ObjectTagging and ObjectAcl events (2.3 records with the ETag, no size or sequencer), and no ACL event when the ACL stays', async () => {
    const { bucket, records } = await bucketWithQueue(['s3:ObjectTagging:*', 's3:ObjectAcl:Put']);
    await allowPublicAccess(s3, bucket);
    const { ETag } = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'body' }));
    await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'k', Tagging: { TagSet: [{ Key: 'a', Value: 'b' }] } }));
    await s3.send(new DeleteObjectTaggingCommand({ Bucket: bucket, Key: 'k' }));
    await s3.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'k', ACL: 'private' }));
    await s3.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'k', ACL: 'public-read' }));
    const received = [...(await records()), ...(await records())];
    assert.deepEqual(received.map((r) => r.eventName).sort(), ['ObjectAcl:Put', 'ObjectTagging:Delete', 'ObjectTagging:Put']);
    for (const record of received) {
      assert.equal(record.eventVersion, '2.3');
      assert.deepEqual(record.s3.object, { key: 'k', eTag: ETag!.replace(/"/g, '') });
    }
  });

  it('checks the whole document before any destination, then names every destination that fails, numbered', async () => {
    const bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const missing = (name: string) => `arn:aws:sqs:us-east-1:000000000000:${name}`;
    const put = (NotificationConfiguration: NotificationConfiguration) => failure(s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration })));
    const unparsable = await put({
      QueueConfigurations: [
        { QueueArn: missing('first'), Events: ['s3:ObjectCreated:*'] },
        { QueueArn: 'not-an-arn', Events: ['s3:ObjectCreated:*'] },
      ],
    });
    assert.deepEqual([unparsable.message, unparsable.raw.ArgumentName, unparsable.raw.ArgumentValue], ['The ARN could not be parsed', 'Queue', 'not-an-arn']);
    const bothMissing = await put({
      QueueConfigurations: [
        { QueueArn: missing('first'), Events: ['s3:ObjectCreated:*'] },
        { QueueArn: missing('second'), Events: ['s3:ObjectRemoved:*'] },
      ],
    });
    assert.equal(bothMissing.message, 'Unable to validate the following destination configurations');
    assert.deepEqual(
      [bothMissing.raw.ArgumentName1, bothMissing.raw.ArgumentValue1, bothMissing.raw.ArgumentName2],
      [missing('first'), 'The destination queue does not exist', missing('second')],
    );
  });

  it('checks a function by its resource policy (an Invoke DryRun), and stores filter rule names as Prefix and Suffix', async () => {
    const lambda = new LambdaClient(options());
    const name = bucketName('fn');
    await createFunction(lambda, { 'index.py': 'def handler(event, context):\n    raise Exception("must not run")\n' }, { FunctionName: name, Handler: 'index.handler' });
    const FunctionArn = (await lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration!.FunctionArn!;
    const bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const config: NotificationConfiguration = {
      LambdaFunctionConfigurations: [
        { Id: 'fn', LambdaFunctionArn: FunctionArn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'in/' }] } } },
      ],
    };
    const refused = await failure(s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: config })));
    assert.deepEqual([refused.raw.ArgumentName1, refused.raw.ArgumentValue1], [`${FunctionArn}, null`, `Not authorized to invoke function [${FunctionArn}]`]);
    await lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 's3', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' }));
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: config }));
    const stored = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    assert.deepEqual(stored.LambdaFunctionConfigurations?.[0].Filter?.Key?.FilterRules, [{ Name: 'Prefix', Value: 'in/' }]);
  });
});
