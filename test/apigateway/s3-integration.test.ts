import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import {
  type ContentHandlingStrategy,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { executeHost, http, useApiGateway } from './support.ts';

// An AWS integration with S3 by path and API Gateway's payload encodings, as LocalStack's AWS-validated
// test_apigateway_s3.py recorded them: text is passed on as UTF-8 (invalid bytes replaced), binary media types pass
// bytes unchanged, contentHandling converts between base64 text and binary, and a body that does not convert is a 500.
describe('API Gateway S3 integration and payload encodings', function () {
  this.timeout(30_000);
  const gw = useApiGateway({ services: ['apigateway', 'apigatewayv2', 'sts', 's3', 'iam'] });
  const gzipped = gzipSync(Buffer.from('compressed data, should be invalid UTF-8 string'));
  const bucket = 'apigw-objects';
  let s3: S3Client;

  before(async () => {
    s3 = new S3Client({ ...gw.clientOptions, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  after(() => s3.destroy());

  /** `/{object_path+}` ANY → the bucket's objects, ETag mapped back; the API's binary media types and contentHandling as given. */
  async function objectApi(options: { binaryMediaTypes?: string[]; request?: ContentHandlingStrategy; response?: ContentHandlingStrategy } = {}) {
    const api = await gw.v1.send(new CreateRestApiCommand({ name: 'objects', binaryMediaTypes: options.binaryMediaTypes }));
    const resource = await gw.v1.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: '{object_path+}' }));
    const method = { restApiId: api.id, resourceId: resource.id, httpMethod: 'ANY' };
    await gw.v1.send(new PutMethodCommand({ ...method, authorizationType: 'NONE', requestParameters: { 'method.request.path.object_path': true } }));
    await gw.v1.send(new PutMethodResponseCommand({ ...method, statusCode: '200', responseParameters: { 'method.response.header.ETag': false } }));
    await gw.v1.send(
      new PutIntegrationCommand({
        ...method,
        type: 'AWS',
        integrationHttpMethod: 'ANY',
        uri: `arn:aws:apigateway:us-east-1:s3:path/${bucket}/{object_path}`,
        requestParameters: {
          'integration.request.path.object_path': 'method.request.path.object_path',
          'integration.request.header.Content-Type': 'method.request.header.Content-Type',
          'integration.request.querystring.response-content-type': 'method.request.header.response-content-type',
        },
        contentHandling: options.request,
      }),
    );
    await gw.v1.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseParameters: { 'method.response.header.ETag': 'integration.response.header.ETag' }, contentHandling: options.response }));
    await gw.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'test' }));
    const host = executeHost(gw.aws.endpoint, api.id!);
    return (method: string, key: string, headers: Record<string, string> = {}, body?: string | Buffer) => http(`${gw.aws.endpoint}/test/${key}`, { method, headers: { host, ...headers }, body });
  }

  const stored = async (key: string) => Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray());

  it('passes text on as UTF-8 and binary media types as bytes; CONVERT_TO_TEXT sends binary as base64', async () => {
    const plain = await objectApi();
    assert.equal((await plain('PUT', 'as-text', { 'content-type': 'image/png' }, gzipped)).status, 200);
    assert.deepEqual(await stored('as-text'), Buffer.from(gzipped.toString('utf8')));
    const binary = await objectApi({ binaryMediaTypes: ['image/png'] });
    await binary('PUT', 'as-binary', { 'content-type': 'image/png' }, gzipped);
    assert.deepEqual(await stored('as-binary'), gzipped);
    const toText = await objectApi({ binaryMediaTypes: ['image/png'], request: 'CONVERT_TO_TEXT' });
    await toText('PUT', 'as-base64', { 'content-type': 'image/png' }, gzipped);
    assert.equal((await stored('as-base64')).toString(), gzipped.toString('base64'));
  });

  it('CONVERT_TO_BINARY decodes base64 text, and answers 500 to text that is not base64', async () => {
    const toBinary = await objectApi({ request: 'CONVERT_TO_BINARY' });
    assert.equal((await toBinary('PUT', 'decoded', { 'content-type': 'text/plain' }, gzipped.toString('base64'))).status, 200);
    assert.deepEqual(await stored('decoded'), gzipped);
    const refused = await toBinary('PUT', 'not-base64', { 'content-type': 'text/plain' }, 'this is not base64');
    assert.equal(refused.status, 500);
    await assert.rejects(stored('not-base64'), { name: 'NoSuchKey' });
  });

  it('answers objects converted to what the client accepts, with S3 ETag and error documents', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'gzipped', Body: gzipped }));
    const get = await objectApi({ binaryMediaTypes: ['image/png'] });
    const binary = await get('GET', 'gzipped', { accept: 'image/png', 'response-content-type': 'image/png' });
    assert.deepEqual([binary.status, binary.headers.etag, binary.bytes], [200, put.ETag, gzipped]);
    const asText = await get('GET', 'gzipped', { accept: 'text/plain', 'response-content-type': 'image/png' });
    assert.equal(asText.text, gzipped.toString('base64'));
    // A text payload accepted as binary is base64-decoded: gzip bytes are not base64.
    assert.equal((await get('GET', 'gzipped', { accept: 'image/png' })).status, 500);
    const missing = await get('GET', 'missing');
    assert.equal(missing.status, 200);
    assert.match(missing.text, /^<\?xml[^]*<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist\.<\/Message><Key>missing<\/Key>/);
  });
});
