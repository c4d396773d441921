import assert from 'node:assert/strict';
import { APIGatewayClient, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

/**
 * A null map value in a REST JSON request is a value, as AWS takes it: PutIntegrationResponse with
 * `responseTemplates: {"application/json": null}` is answered 201 with the null kept (recorded from AWS in LocalStack's
 * test_put_integration_response_templates). The AWS SDK v3 drops null map values before sending, so the request
 * goes as raw JSON, the way the AWS CLI, CloudFormation or Terraform send it.
 */
describe('rest-json: null map values', () => {
  let aws: Twinstack;
  let client: APIGatewayClient;
  let path: string;
  const authorization = 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0';

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['apigateway'], ui: false });
    client = new APIGatewayClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const api = await client.send(new CreateRestApiCommand({ name: 'nulls' }));
    const resource = await client.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'pets' }));
    await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', type: 'MOCK' }));
    path = `/restapis/${api.id}/resources/${resource.id}/methods/GET/integration/responses/200`;
  });
  after(async () => {
    client.destroy();
    await aws.stop();
  });

  const put = (body: string) => fetch(`${aws.endpoint}${path}`, { method: 'PUT', body, headers: { authorization, 'content-type': 'application/json' } });

  it('takes a null template and answers it back, as AWS does', async () => {
    const response = await put('{"selectionPattern":"","responseTemplates":{"application/json":null}}');
    assert.equal(response.status, 201);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(body.responseTemplates, { 'application/json': null });
    assert.equal(body.statusCode, '200');
  });

  it('answers an empty template as null too (AWS recorded both)', async () => {
    const response = await put('{"selectionPattern":"","responseTemplates":{"application/json":""}}');
    assert.equal(response.status, 201);
    assert.deepEqual(((await response.json()) as Record<string, unknown>).responseTemplates, { 'application/json': null });
  });

  it('still refuses a value of another type in a map of strings', async () => {
    const response = await put('{"responseTemplates":{"application/json":5}}');
    assert.equal(response.status, 400);
  });

  it("refuses a boolean where a string belongs with AWS's deserializer message", async () => {
    const response = await put('{"responseTemplates":{"application/json":true}}');
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('x-amzn-errortype')?.split(':')[0], 'SerializationException');
    assert.equal(((await response.json()) as { message: string }).message, 'class java.lang.Boolean can not be converted to an String');
  });
});
