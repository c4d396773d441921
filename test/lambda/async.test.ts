import assert from 'node:assert/strict';
import { AddPermissionCommand, InvokeCommand, PutFunctionConcurrencyCommand, PutFunctionEventInvokeConfigCommand, type LambdaServiceException } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createFunction, CREDENTIALS, uniqueName, useLambda } from './support.ts';

const FAILING = 'def handler(event, context):\n    if event.get("fail"):\n        raise Exception("intentional failure")\n    return {"ok": event}\n';

describe('Lambda asynchronous invocation: retries, destinations, dead-letter queues', function () {
  this.timeout(60_000);
  const saved = process.env.LAMBDA_RETRY_BASE_DELAY_SECONDS;
  before(() => {
    process.env.LAMBDA_RETRY_BASE_DELAY_SECONDS = '0.2';
  });
  after(() => {
    if (saved === undefined) delete process.env.LAMBDA_RETRY_BASE_DELAY_SECONDS;
    else process.env.LAMBDA_RETRY_BASE_DELAY_SECONDS = saved;
  });
  const context = useLambda(['lambda', 'sts', 'sqs', 'sns']);
  let sqs: SQSClient;
  before(() => {
    sqs = new SQSClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
  });
  after(() => sqs.destroy());

  async function queue() {
    const name = uniqueName('q');
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
    const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    return { url: QueueUrl!, arn: attributes.Attributes!.QueueArn! };
  }
  async function receiveOne(url: string) {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 10, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['AWSTraceHeader'] }));
    assert.equal(out.Messages?.length, 1, 'one message expected');
    return out.Messages![0];
  }

  it('Event invocations answer 202 and send the invocation record to the OnSuccess destination', async () => {
    const destination = await queue();
    const name = await createFunction(context.lambda, { 'handler.py': FAILING });
    await context.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, DestinationConfig: { OnSuccess: { Destination: destination.arn } } }));
    const out = await context.lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: Buffer.from('{"n":1}') }));
    assert.equal(out.StatusCode, 202);
    assert.equal(out.$metadata.httpStatusCode, 202);
    const record = JSON.parse((await receiveOne(destination.url)).Body!);
    assert.deepEqual({ ...record, timestamp: undefined }, {
      version: '1.0',
      timestamp: undefined,
      requestContext: { requestId: out.$metadata.requestId, functionArn: `arn:aws:lambda:us-east-1:000000000000:function:${name}:$LATEST`, condition: 'Success', approximateInvokeCount: 1 },
      requestPayload: { n: 1 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      responsePayload: { ok: { n: 1 } },
    });
  });

  it('failed events are retried (MaximumRetryAttempts) and then sent to OnFailure with RetriesExhausted', async () => {
    const destination = await queue();
    const name = await createFunction(context.lambda, { 'handler.py': FAILING });
    await context.lambda.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: destination.arn } } }),
    );
    await context.lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: Buffer.from('{"fail":true}') }));
    const record = JSON.parse((await receiveOne(destination.url)).Body!);
    assert.equal(record.requestContext.condition, 'RetriesExhausted');
    assert.equal(record.requestContext.approximateInvokeCount, 2);
    assert.equal(record.responseContext.functionError, 'Unhandled');
    assert.equal(record.responsePayload.errorMessage, 'intentional failure');
    assert.equal(record.responsePayload.errorType, 'Exception');
  });

  it('reserved concurrency 0: the Event is accepted (202), never run, and sent to OnFailure as ZeroReservedConcurrency', async () => {
    const destination = await queue();
    const name = await createFunction(context.lambda, { 'handler.py': FAILING });
    await context.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: name, ReservedConcurrentExecutions: 0 }));
    await context.lambda.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: destination.arn } } }),
    );
    const out = await context.lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event' }));
    assert.equal(out.StatusCode, 202);
    const message = await receiveOne(destination.url);
    // Lambda's destination messages carry an X-Ray trace header (AWS-recorded test_reserved_concurrency).
    assert.match(message.Attributes?.AWSTraceHeader ?? '', /^Root=1-[0-9a-f]{8}-[0-9a-f]{24};/);
    const record = JSON.parse(message.Body!);
    assert.deepEqual({ ...record, timestamp: undefined }, {
      version: '1.0',
      timestamp: undefined,
      requestContext: { requestId: out.$metadata.requestId, functionArn: `arn:aws:lambda:us-east-1:000000000000:function:${name}:$LATEST`, condition: 'ZeroReservedConcurrency', approximateInvokeCount: 0 },
      requestPayload: {},
    });
  });

  it('MaximumEventAgeInSeconds: an event too old to retry goes to OnFailure as EventAgeExceeded', async () => {
    const destination = await queue();
    const name = await createFunction(context.lambda, { 'handler.py': FAILING });
    await context.lambda.send(
      new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumEventAgeInSeconds: 60, DestinationConfig: { OnFailure: { Destination: destination.arn } } }),
    );
    await context.lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: Buffer.from('{"fail":true}') }));
    // Move the emulator's clock past the event's maximum age before the first retry.
    await new Promise((resolve) => setTimeout(resolve, 50));
    context.aws.emulator.clock.advance(61_000);
    const record = JSON.parse((await receiveOne(destination.url)).Body!);
    assert.equal(record.requestContext.condition, 'EventAgeExceeded');
  });

  it('without a failure destination, a failed event goes to the dead-letter queue with AWS\'s attributes', async () => {
    const dlq = await queue();
    const name = await createFunction(context.lambda, { 'handler.py': FAILING }, { DeadLetterConfig: { TargetArn: dlq.arn } });
    await context.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name, MaximumRetryAttempts: 0 }));
    const out = await context.lambda.send(new InvokeCommand({ FunctionName: name, InvocationType: 'Event', Payload: Buffer.from('{"fail":1}') }));
    const message = await receiveOne(dlq.url);
    assert.deepEqual(JSON.parse(message.Body!), { fail: 1 });
    assert.deepEqual(message.MessageAttributes, {
      RequestID: { DataType: 'String', StringValue: out.$metadata.requestId },
      ErrorCode: { DataType: 'Number', StringValue: '200' },
      ErrorMessage: { DataType: 'String', StringValue: 'intentional failure' },
    });
  });

  it('event invoke config validation', async () => {
    const name = await createFunction(context.lambda, { 'handler.py': FAILING });
    await assert.rejects(
      context.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: name })),
      (e: LambdaServiceException) => e.message === 'You must specify at least one of error handling or destination setting.',
    );
    await assert.rejects(
      context.lambda.send(
        new PutFunctionEventInvokeConfigCommand({ FunctionName: name, DestinationConfig: { OnFailure: { Destination: `arn:aws:lambda:us-east-1:000000000000:function:${name}` } } }),
      ),
      (e: LambdaServiceException) => e.message === "You can't specify the function as a destination for itself.",
    );
  });

  it('SNS delivers to a subscribed function once its resource policy lets sns.amazonaws.com invoke it', async () => {
    const sns = new SNSClient({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    const results = await queue();
    const source = 'import boto3, json, os\ndef handler(event, context):\n    boto3.client("sqs").send_message(QueueUrl=os.environ["RESULTS"], MessageBody=json.dumps(event))\n';
    const name = await createFunction(context.lambda, { 'handler.py': source }, { Environment: { Variables: { RESULTS: results.url } }, Timeout: 10 });
    const functionArn = `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: uniqueName('topic') }));
    await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'lambda', Endpoint: functionArn }));
    await sns.send(new PublishCommand({ TopicArn, Message: 'denied' }));
    await context.lambda.send(
      new AddPermissionCommand({ FunctionName: name, StatementId: 'sns', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com', SourceArn: TopicArn }),
    );
    await sns.send(new PublishCommand({ TopicArn, Message: 'hello', Subject: 'greeting' }));
    const event = JSON.parse((await receiveOne(results.url)).Body!);
    const [record] = event.Records;
    assert.equal(record.EventSource, 'aws:sns');
    assert.equal(record.Sns.Message, 'hello');
    assert.equal(record.Sns.Subject, 'greeting');
    assert.equal(record.Sns.TopicArn, TopicArn);
    sns.destroy();
  });
});
