import assert from 'node:assert/strict';
import type { CapturedExchange, RecordingSession } from '../../recorder/capture/exchange.ts';
import { buildContract } from '../../recorder/contract/build.ts';
import { operationOf } from '../../recorder/capture/operation.ts';
import { loadModel } from '../../emulator/models/load.ts';

// Response bodies in the shapes AWS documents for these operations (AWS docs examples, example credentials).
const ACCOUNT = '123456789012';
const HOST = 'sqs.eu-west-1.amazonaws.com';
const QUEUE_URL = `https://${HOST}/${ACCOUNT}/orders-3f9a1c7b2d`;
const RECEIPT = 'AQEBzbVv7yGRo8vkK8P2+0iL+mOjA5xz8rEBJ8whYiUmrRmkhVGkKqtTsvErJ8HLtODc8BBMxAbxgdS1A0ZwXblI/ExAMPLEReceiptHandle==';
const session: RecordingSession = { accountId: ACCOUNT, region: 'eu-west-1', upstream: 'aws', startedAt: new Date('2026-11-24T10:00:00Z') };

function sqsJson(operation: string, input: object, status: number, output: object, headers: Record<string, string> = {}): CapturedExchange {
  return {
    service: 'sqs',
    operation,
    region: 'eu-west-1',
    at: new Date(),
    request: {
      method: 'POST',
      host: HOST,
      path: '/',
      query: '',
      headers: {
        'x-amz-target': `AmazonSQS.${operation}`,
        'content-type': 'application/x-amz-json-1.0',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261124/eu-west-1/sqs/aws4_request, SignedHeaders=host, Signature=abc`,
        'x-amz-date': '20261124T100000Z',
        'x-amz-security-token': 'FwoGZXIvYXdzEXAMPLETOKEN',
      },
      body: Buffer.from(JSON.stringify(input)),
    },
    response: { status, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': '5a9f3bd7-1e4c-5d5a-9e86-4f3f9e5c6a77', ...headers }, body: Buffer.from(JSON.stringify(output)) },
  };
}

describe('recorder: captured exchanges become a redacted contract', () => {
  const exchanges = [
    sqsJson('CreateQueue', { QueueName: 'orders-3f9a1c7b2d' }, 200, { QueueUrl: QUEUE_URL }),
    sqsJson('SendMessage', { QueueUrl: QUEUE_URL, MessageBody: 'hello' }, 200, { MD5OfMessageBody: '5d41402abc4b2a76b9719d911017c592', MessageId: '219f8380-5770-4cc2-8c3e-5c715e145f5e' }),
    sqsJson('ReceiveMessage', { QueueUrl: QUEUE_URL, AttributeNames: ['All'] }, 200, {
      Messages: [
        {
          MessageId: '219f8380-5770-4cc2-8c3e-5c715e145f5e',
          ReceiptHandle: RECEIPT,
          MD5OfBody: '5d41402abc4b2a76b9719d911017c592',
          Body: 'hello',
          Attributes: { SenderId: 'AIDAEXAMPLEUSERID', SentTimestamp: '1764000000000', ApproximateReceiveCount: '1' },
        },
      ],
    }),
    sqsJson('DeleteMessage', { QueueUrl: QUEUE_URL, ReceiptHandle: RECEIPT }, 200, {}),
    sqsJson('GetQueueUrl', { QueueName: 'missing' }, 400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' }, {
      'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender',
    }),
  ];
  const { contract } = buildContract(exchanges, session, { id: 'sqs/unit', client: 'unit-test' });
  const text = JSON.stringify(contract.interactions);
  const meta = contract.interactions.map((i) => i.comments.twinstack);

  it('keeps no signature, token, account id, region or upstream host in the interactions', () => {
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'Signature=', 'FwoGZXIvYXdzEXAMPLETOKEN', '20261124T100000Z', ACCOUNT, HOST, 'eu-west-1"', RECEIPT]) {
      assert.ok(!text.includes(secret), `${secret} leaked`);
    }
    assert.deepEqual(contract.interactions[0].request.headers, { 'x-amz-target': ['AmazonSQS.CreateQueue'], 'content-type': ['application/json'] });
    assert.equal(meta[0].requestContentType, 'application/x-amz-json-1.0');
  });

  it('turns reused response values into captures and generated name parts into {{suffix}}', () => {
    assert.deepEqual(meta[0].captures, [{ name: 'queueUrl', from: '$.QueueUrl' }]);
    assert.deepEqual(meta[2].captures, [{ name: 'receiptHandle', from: '$.Messages[0].ReceiptHandle' }]);
    assert.deepEqual(contract.interactions[0].request.body?.content, { QueueName: 'orders-{{suffix}}' });
    assert.deepEqual(contract.interactions[3].request.body?.content, { QueueUrl: '{{queueUrl}}', ReceiptHandle: '{{receiptHandle}}' });
    assert.deepEqual(meta[0].expect.output, { QueueUrl: '{{endpoint}}/{{accountId}}/orders-{{suffix}}' });
    // A name the user chose stays as it is.
    assert.deepEqual(contract.interactions[4].request.body?.content, { QueueName: 'missing' });
  });

  it('uuids become numbered templates, per-call tokens and timestamps get matchers', () => {
    assert.equal((meta[1].expect.output as { MessageId: string }).MessageId, '{{uuid:1}}');
    const received = meta[2].expect;
    const message = (received.output as { Messages: Record<string, unknown>[] }).Messages[0];
    assert.equal(message.MessageId, '{{uuid:1}}');
    assert.equal(message.Body, 'hello');
    assert.deepEqual(received.matchers, {
      '$.Messages[0].ReceiptHandle': { match: 'type' },
      '$.Messages[0].Attributes.SentTimestamp': { match: 'regex', regex: '\\d+' },
    });
  });

  it('errors are expected by status, normalised code, type and message', () => {
    assert.deepEqual(meta[4].expect, {
      status: 400,
      error: { code: 'AWS.SimpleQueueService.NonExistentQueue', message: 'The specified queue does not exist.', type: 'Sender', shapeName: 'QueueDoesNotExist' },
    });
    assert.deepEqual(contract.interactions[4].response.headers, { 'x-amzn-query-error': ['AWS.SimpleQueueService.NonExistentQueue;Sender'] });
  });

  it('says where it came from', () => {
    assert.deepEqual(contract.metadata.twinstack.provenance, {
      kind: 'aws-recording',
      recordedAt: '2026-11-24T10:00:00.000Z',
      region: 'eu-west-1',
      recorder: 'twinstack-recorder@0.1.0',
      client: 'unit-test',
    });
    assert.equal(contract.metadata.twinstack.id, 'sqs/unit');
    assert.deepEqual(meta.map((m) => m.step), [0, 1, 2, 3, 4]);
  });

  it('query protocol: form values are templated and STS credentials never written', () => {
    const form = (params: Record<string, string>) => Buffer.from(new URLSearchParams(params).toString());
    const assumeRole: CapturedExchange = {
      service: 'sts',
      operation: 'AssumeRole',
      region: 'eu-west-1',
      at: new Date(),
      request: {
        method: 'POST',
        host: 'sts.eu-west-1.amazonaws.com',
        path: '/',
        query: '',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: form({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: `arn:aws:iam::${ACCOUNT}:role/demo`, RoleSessionName: 'testAssumeRoleSession' }),
      },
      response: {
        status: 200,
        headers: { 'content-type': 'text/xml' },
        body: Buffer.from(
          `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>` +
            `<AssumedRoleUser><Arn>arn:aws:sts::${ACCOUNT}:assumed-role/demo/testAssumeRoleSession</Arn><AssumedRoleId>ARO123EXAMPLE123:testAssumeRoleSession</AssumedRoleId></AssumedRoleUser>` +
            `<Credentials><AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY</SecretAccessKey>` +
            `<SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI</SessionToken>` +
            `<Expiration>2026-11-24T11:00:00Z</Expiration></Credentials><PackedPolicySize>6</PackedPolicySize></AssumeRoleResult>` +
            `<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>`,
        ),
      },
    };
    const { contract: sts } = buildContract([assumeRole], session, { id: 'sts/unit' });
    const stsText = JSON.stringify(sts);
    for (const secret of ['ASIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'AQoDYXdzEPT', ACCOUNT]) assert.ok(!stsText.includes(secret), `${secret} leaked`);
    const interaction = sts.interactions[0];
    assert.equal(interaction.request.body?.content, 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3A{{partition}}%3Aiam%3A%3A{{accountId}}%3Arole%2Fdemo&RoleSessionName=testAssumeRoleSession');
    const expect = interaction.comments.twinstack.expect;
    assert.deepEqual(expect.output, {
      Credentials: { AccessKeyId: '<redacted>', SecretAccessKey: '<redacted>', SessionToken: '<redacted>', Expiration: '2026-11-24T11:00:00.000Z' },
      AssumedRoleUser: { AssumedRoleId: '<redacted>', Arn: 'arn:{{partition}}:sts::{{accountId}}:assumed-role/demo/testAssumeRoleSession' },
      PackedPolicySize: 6,
    });
    assert.deepEqual(expect.matchers?.['$.Credentials.AccessKeyId'], { match: 'regex', regex: '(?:AKIA|ASIA)[A-Z0-9]{16}' });
    assert.deepEqual(expect.matchers?.['$.Credentials.Expiration'], { match: 'timestamp' });
  });
});

describe('recorder: operation detection', () => {
  const req = (method: string, path: string, query = '', headers: Record<string, string> = {}, body = '') => ({
    method,
    path,
    query: new URLSearchParams(query),
    headers,
    body: Buffer.from(body),
  });
  it('AWS JSON target, query Action in body or URL', () => {
    assert.equal(operationOf(loadModel('sqs'), req('POST', '/', '', { 'x-amz-target': 'AmazonSQS.SendMessage' })), 'SendMessage');
    assert.equal(operationOf(loadModel('sqs'), req('POST', '/1/q', '', { 'content-type': 'application/x-www-form-urlencoded' }, 'Action=DeleteQueue&Version=2012-11-05')), 'DeleteQueue');
    assert.equal(operationOf(loadModel('sts'), req('GET', '/', 'Action=GetCallerIdentity&Version=2011-06-15')), 'GetCallerIdentity');
  });
  it('REST: the most specific requestUri template wins', () => {
    const s3 = loadModel('s3');
    assert.equal(operationOf(s3, req('PUT', '/b')), 'CreateBucket');
    assert.equal(operationOf(s3, req('PUT', '/b/some/key.txt')), 'PutObject');
    assert.equal(operationOf(s3, req('GET', '/b', 'list-type=2&prefix=a')), 'ListObjectsV2');
    assert.equal(operationOf(s3, req('GET', '/b')), 'ListObjects');
    assert.equal(operationOf(s3, req('POST', '/b/k', 'uploads')), 'CreateMultipartUpload');
    assert.equal(operationOf(s3, req('GET', '/k', 'tagging'), '/b'), 'GetObjectTagging');
    assert.equal(operationOf(loadModel('lambda'), req('POST', '/2015-03-31/functions/f/invocations')), 'Invoke');
  });
});
