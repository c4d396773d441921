import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { executeHost, http } from '../apigateway/support.ts';

const KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** A REST API answering GET /dev/ping with {"pong": true} through a MOCK integration; returns its id. */
async function pingApi(apigw: APIGatewayClient): Promise<string> {
  const apiId = (await apigw.send(new CreateRestApiCommand({ name: 'open' }))).id!;
  const root = (await apigw.send(new GetResourcesCommand({ restApiId: apiId }))).items!.find((r) => r.path === '/')!.id!;
  const resourceId = (await apigw.send(new CreateResourceCommand({ restApiId: apiId, parentId: root, pathPart: 'ping' }))).id!;
  const method = { restApiId: apiId, resourceId, httpMethod: 'GET' };
  await apigw.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
  await apigw.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
  await apigw.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
  await apigw.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': '{"pong": true}' } }));
  await apigw.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev' }));
  return apiId;
}

/**
 * Strict signatures refuse unsigned API calls, but an API Gateway invoke URL is called without a signature on AWS
 * (a method's authorizer, not SigV4, guards it), as is a Lambda function URL of AuthType NONE: such requests still
 * reach the deployed API or the function URL, which judge them.
 */
describe('Strict signatures: unsigned execute-api (invoke URL) requests pass', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let apigw: APIGatewayClient;
  let apiId: string;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway', 'lambda'], strictSignatures: true, credentials: [{ ...KEY, accountId: '123456789012' }] });
    apigw = new APIGatewayClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: KEY, maxAttempts: 1 });
    apiId = await pingApi(apigw);
  });
  after(async () => {
    apigw.destroy();
    await aws.stop();
  });

  it('answers the invoke URL by host name and by the _aws/execute-api path without a signature', async () => {
    const byHost = await http(`${aws.endpoint}/dev/ping`, { headers: { host: executeHost(aws.endpoint, apiId) } });
    assert.equal(byHost.status, 200, byHost.text);
    assert.deepEqual(byHost.json(), { pong: true });
    const byPath = await http(`${aws.endpoint}/_aws/execute-api/${apiId}/dev/ping`);
    assert.equal(byPath.status, 200, byPath.text);
  });

  it('leaves an unsigned Lambda function URL request to Lambda, whose URL auth type judges it', async () => {
    const host = `${'a'.repeat(32)}.lambda-url.us-east-1.localhost.localstack.cloud:${new URL(aws.endpoint).port}`;
    const answer = await http(`${aws.endpoint}/`, { headers: { host } });
    assert.equal(answer.status, 403);
    assert.doesNotMatch(answer.text, /Missing Authentication Token/);
  });

  it('still refuses unsigned calls to the API Gateway API itself', async () => {
    const answer = await http(`${aws.endpoint}/restapis/${apiId}`);
    assert.equal(answer.status, 403, answer.text);
  });
});

describe('Execute-api invoke URLs are routed by host first, whatever service the request was signed for', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let apigw: APIGatewayClient;
  let apiId: string;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway', 'lambda'] });
    apigw = new APIGatewayClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: KEY, maxAttempts: 1 });
    apiId = await pingApi(apigw);
  });
  after(async () => {
    apigw.destroy();
    await aws.stop();
  });

  for (const service of ['lambda', 'dynamodb', 'kinesisvideo']) {
    it(`a request signed for ${service} (${service === 'lambda' ? 'served' : 'not served'}) reaches the deployed API`, async () => {
      const authorization = `AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/20261206/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
      const answer = await http(`${aws.endpoint}/dev/ping`, { headers: { host: executeHost(aws.endpoint, apiId), authorization, 'x-amz-date': '20261206T120000Z' } });
      assert.equal(answer.status, 200, answer.text);
      assert.deepEqual(answer.json(), { pong: true });
    });
  }
});
