import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

interface Failure {
  status: number;
  code: string;
  message: string;
}

const notImplemented = (service: string, operation: string) => `The operation ${operation} of service ${service} is not implemented by twinstack yet`;

// Services twinstack does not serve answer 501 NotImplemented in their own protocol; served ones are untouched.
describe('services twinstack does not serve', function () {
  this.timeout(90_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sqs', 's3'] });
  });
  after(() => aws?.stop());

  const cli = async (...args: string[]) => {
    try {
      await promisify(execFile)('python3', ['-m', 'awscli', '--endpoint-url', aws.endpoint, ...args], { env: BOTO3_ENV });
    } catch (error) {
      return { code: (error as { code: number }).code, stderr: (error as { stderr: string }).stderr.trim() };
    }
    assert.fail(`aws ${args.join(' ')} succeeded`);
  };

  it('prints a readable NotImplemented with the AWS CLI v1 (query, AWS JSON 1.0, rest-json)', async () => {
    for (const [args, service, operation] of [
      [['ec2', 'describe-instances'], 'ec2', 'DescribeInstances'],
      [['stepfunctions', 'list-state-machines'], 'stepfunctions', 'ListStateMachines'],
      [['apigateway', 'get-rest-apis'], 'apigateway', 'GetRestApis'],
    ] as const) {
      const { code, stderr } = await cli(...args);
      assert.equal(code, 255, stderr);
      assert.equal(stderr, `An error occurred (NotImplemented) when calling the ${operation} operation: ${notImplemented(service, operation)}`);
    }
  });

  it('answers boto3 with status 501 in each protocol, with or without a model of the service', async () => {
    const out = await runBoto3Script<Record<string, Failure | string>>(new URL('./python-unserved.py', import.meta.url), aws.endpoint);
    const expected = (service: string, operation: string) => ({ status: 501, code: 'NotImplemented', message: notImplemented(service, operation) });
    assert.deepEqual(out.ec2, expected('ec2', 'DescribeInstances'));
    assert.deepEqual(out.stepfunctions, expected('stepfunctions', 'ListStateMachines'));
    assert.deepEqual(out.apigateway, expected('apigateway', 'GetRestApis'));
    // No model of Route 53 (rest-xml) or ECS (AWS JSON 1.1) here: the operation comes from the request itself.
    assert.deepEqual(out.route53, expected('route53', 'GET /2013-04-01/hostedzone'));
    assert.deepEqual(out.ecs, expected('ecs', 'ListClusters'));
    assert.equal(out.sqs, 'still served');
    assert.equal(out.s3, 's3 body');
  });

  it('answers the SDK v3 for a modelled service that is not enabled', async () => {
    const kinesis = new KinesisClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    const error = await kinesis.send(new ListStreamsCommand({})).then(
      () => assert.fail('ListStreams succeeded'),
      (e: Error & { $metadata: { httpStatusCode: number } }) => e,
    );
    assert.equal(error.name, 'NotImplemented');
    assert.equal(error.message, notImplemented('kinesis', 'ListStreams'));
    assert.equal(error.$metadata.httpStatusCode, 501);
  });

  it('answers an unsigned AWS JSON request by its X-Amz-Target rather than routing it by path', async () => {
    const response = await fetch(`${aws.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' },
      body: '{}',
    });
    assert.equal(response.status, 501);
    assert.equal(response.headers.get('content-type'), 'application/x-amz-json-1.0');
    assert.deepEqual(await response.json(), { __type: 'NotImplemented', message: notImplemented('stepfunctions', 'ListStateMachines') });
  });

  it('keeps the health check to the served services', async () => {
    const health = (await (await fetch(`${aws.endpoint}/_localstack/health`)).json()) as { services: Record<string, string> };
    assert.deepEqual(Object.keys(health.services).sort(), ['s3', 'sqs']);
  });
});
