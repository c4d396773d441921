import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { executeHost, http } from './support.ts';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const FORM = "'application/x-www-form-urlencoded'";

// AWS integrations call the service's front door with the request the mappings made, read as that service reads it:
// SQS form parameters (MessageAttribute.N, an Accept header asking for XML) or AWS JSON with an X-Amz-Target header
// (the AWS-validated test_apigateway_sqs.py snapshots).
describe('API Gateway AWS service integrations', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let apigw: APIGatewayClient;
  let sqs: SQSClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway', 'sts', 'sqs', 'kinesis'] });
    const options = { endpoint: aws.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    apigw = new APIGatewayClient(options);
    sqs = new SQSClient(options);
  });
  after(async () => {
    apigw.destroy();
    sqs.destroy();
    await aws.stop();
  });

  /** An API whose root POST sends to `queue` with these integration request parameters and template, deployed to `dev`. */
  async function queueApi(queue: string, requestParameters: Record<string, string>, template: string, responseTemplates?: Record<string, string>) {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: queue }));
    const { id, rootResourceId } = await apigw.send(new CreateRestApiCommand({ name: queue }));
    const method = { restApiId: id, resourceId: rootResourceId, httpMethod: 'POST' };
    await apigw.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        ...method,
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:${REGION}:sqs:path/${ACCOUNT}/${queue}`,
        credentials: `arn:aws:iam::${ACCOUNT}:role/apigw`,
        requestParameters,
        requestTemplates: { 'application/json': template },
        passthroughBehavior: 'NEVER',
      }),
    );
    await apigw.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    await apigw.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }));
    const post = (init: Parameters<typeof http>[1]) => http(`${aws.endpoint}/dev/`, { method: 'POST', ...init, headers: { ...init?.headers, host: executeHost(aws.endpoint, id!) } });
    return { queueUrl: QueueUrl!, post };
  }

  it('form parameters reach SQS as its query API reads them: message attributes, an empty body as {}', async () => {
    const template = "Action=SendMessage&MessageBody=$input.body&MessageAttribute.1.Name=agent&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=$input.params('HeaderFoo')";
    const { queueUrl, post } = await queueApi('form-attributes', { 'integration.request.header.Content-Type': FORM }, template);
    const sent = await post({ headers: { 'content-type': 'application/json', HeaderFoo: 'BAR' }, body: '{"foo": "bar"}' });
    assert.equal(sent.status, 200);
    assert.equal(sent.json<{ SendMessageResponse: { SendMessageResult: { MD5OfMessageBody: string } } }>().SendMessageResponse.SendMessageResult.MD5OfMessageBody, '94232c5b8fc9272f6f73a1e36eb68fcf');
    assert.equal((await post({ headers: { HeaderFoo: 'BAZ' } })).status, 200);
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MessageAttributeNames: ['All'], MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    const messages = (received.Messages ?? []).map((m) => [m.Body, m.MessageAttributes?.agent?.StringValue]).sort();
    assert.deepEqual(messages, [['{"foo": "bar"}', 'BAR'], ['{}', 'BAZ']]);
  });

  it('an Accept header of application/xml gets the query API’s XML answer', async () => {
    const { post } = await queueApi('xml-answer', { 'integration.request.header.Content-Type': FORM, 'integration.request.header.Accept': "'application/xml'" }, 'Action=SendMessage&MessageBody=$input.body');
    const sent = await post({ headers: { 'content-type': 'application/json' }, body: '{"a": 1}' });
    assert.equal(sent.status, 200);
    assert.match(sent.text, /^<\?xml version="1.0"\?><SendMessageResponse xmlns="[^"]+"><SendMessageResult>.*<MessageId>[\w-]+<\/MessageId>.*<\/SendMessageResult><ResponseMetadata><RequestId>/);
    assert.match(sent.text, /<MD5OfMessageBody>[0-9a-f]{32}<\/MD5OfMessageBody>/);
  });

  it('an X-Amz-Target header makes the mapped body an AWS JSON request', async () => {
    const { queueUrl, post } = await queueApi(
      'json-target',
      { 'integration.request.header.Content-Type': "'application/x-amz-json-1.0'", 'integration.request.header.X-Amz-Target': "'AmazonSQS.SendMessage'" },
      `{"QueueUrl": "${aws.endpoint}/${ACCOUNT}/json-target", "MessageBody": "$context.httpMethod $context.resourcePath"}`,
      { 'application/json': '{"id": "$input.path(\'$.MessageId\')"}' },
    );
    const sent = await post({});
    assert.equal(sent.status, 200);
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual([received.Messages?.[0].Body, received.Messages?.[0].MessageId], ['POST /', sent.json<{ id: string }>().id]);
  });

  it('an action/ URI with a JSON body is an AWS JSON request: Kinesis PutRecord gets the base64 Data as bytes', async () => {
    const options = { endpoint: aws.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const kinesis = new KinesisClient(options);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'from-api', ShardCount: 1 }));
    await waitUntilStreamExists({ client: kinesis, maxWaitTime: 30 }, { StreamName: 'from-api' });
    const { id, rootResourceId } = await apigw.send(new CreateRestApiCommand({ name: 'kinesis' }));
    const method = { restApiId: id, resourceId: rootResourceId, httpMethod: 'POST' };
    await apigw.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
    await apigw.send(
      new PutIntegrationCommand({
        ...method,
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:${REGION}:kinesis:action/PutRecord`,
        credentials: `arn:aws:iam::${ACCOUNT}:role/apigw`,
        requestTemplates: { 'application/json': '{"StreamName": "from-api", "Data": "$util.base64Encode($input.body)", "PartitionKey": "p"}' },
      }),
    );
    await apigw.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    await apigw.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': "$input.json('$')" } }));
    await apigw.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }));
    const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({ StreamName: 'from-api', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const put = await http(`${aws.endpoint}/dev/`, { method: 'POST', headers: { host: executeHost(aws.endpoint, id!), 'content-type': 'application/json' }, body: '{"k": "v"}' });
    assert.equal(put.status, 200);
    const answer = put.json<{ SequenceNumber: string; ShardId: string }>();
    assert.equal(answer.ShardId, 'shardId-000000000000');
    const { Records } = await kinesis.send(new GetRecordsCommand({ ShardIterator }));
    assert.deepEqual(Records?.map((r) => [Buffer.from(r.Data!).toString(), r.SequenceNumber]), [['{"k": "v"}', answer.SequenceNumber]]);
    kinesis.destroy();
  });
});
