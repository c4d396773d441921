import assert from 'node:assert/strict';
import { AddPermissionCommand, PutFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createFunction, CREDENTIALS, useLambda } from '../lambda/support.ts';

// The event shape is the one the Lambda developer guide documents for SNS ("Using Lambda with Amazon SNS").
const ECHO = 'def handler(event, context):\n    return event\n';

describe('SNS -> Lambda through the delivery layer', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sns', 'sqs', 'sts']);
  let sns: SNSClient;
  let sqs: SQSClient;
  before(() => {
    sns = new SNSClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    sqs = new SQSClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  });
  after(() => {
    sns.destroy();
    sqs.destroy();
  });

  it('invokes a subscribed function asynchronously with the SNS event', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'sns-lambda-results' }));
    const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const name = await createFunction(context.lambda, { 'handler.py': ECHO });
    await context.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, DestinationConfig: { OnSuccess: { Destination: queueArn } } }));
    const topicArn = (await sns.send(new CreateTopicCommand({ Name: 'to-lambda' }))).TopicArn!;
    const functionArn = `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
    // As on AWS, the function's policy must let SNS invoke it for this topic.
    await context.lambda.send(
      new AddPermissionCommand({ FunctionName: name, StatementId: 'sns', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com', SourceArn: topicArn }),
    );
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'lambda', Endpoint: functionArn }));
    await sns.send(
      new PublishCommand({ TopicArn: topicArn, Message: 'to the function', Subject: 'hi', MessageAttributes: { n: { DataType: 'Number', StringValue: '7' } } }),
    );
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    assert.equal(out.Messages?.length, 1);
    const event = JSON.parse(out.Messages![0].Body!).requestPayload;
    const [record] = event.Records;
    assert.equal(record.EventSource, 'aws:sns');
    assert.equal(record.EventVersion, '1.0');
    assert.equal(record.EventSubscriptionArn, SubscriptionArn);
    assert.equal(record.Sns.Type, 'Notification');
    assert.equal(record.Sns.TopicArn, topicArn);
    assert.equal(record.Sns.Subject, 'hi');
    assert.equal(record.Sns.Message, 'to the function');
    assert.equal(record.Sns.SignatureVersion, '1');
    assert.match(record.Sns.SigningCertUrl, /SimpleNotificationService-/);
    assert.deepEqual(record.Sns.MessageAttributes, { n: { Type: 'Number', Value: '7' } });
  });
});
