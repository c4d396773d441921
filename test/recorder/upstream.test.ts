import assert from 'node:assert/strict';
import { loadModel } from '../../emulator/models/load.ts';
import { bucketFromHost, resolveAwsEndpoint, resolveUpstream } from '../../recorder/upstream/endpoint.ts';
import { stripClientSignature } from '../../recorder/upstream/sign.ts';

describe('recorder: real AWS endpoint resolution', () => {
  it('regional endpoints from the endpoint prefix, signed with the signing name', () => {
    assert.deepEqual(resolveAwsEndpoint(loadModel('sqs'), 'eu-west-1', '/'), {
      origin: 'https://sqs.eu-west-1.amazonaws.com',
      path: '/',
      signingRegion: 'eu-west-1',
      signingName: 'sqs',
    });
    const streams = resolveAwsEndpoint(loadModel('dynamodbstreams'), 'us-west-2', '/');
    assert.equal(streams.origin, 'https://streams.dynamodb.us-west-2.amazonaws.com');
    assert.equal(streams.signingName, 'dynamodb');
    assert.equal(resolveAwsEndpoint(loadModel('sts'), 'ap-southeast-2', '/').origin, 'https://sts.ap-southeast-2.amazonaws.com');
  });

  it('partition DNS suffixes: China and GovCloud', () => {
    assert.equal(resolveAwsEndpoint(loadModel('kinesis'), 'cn-north-1', '/').origin, 'https://kinesis.cn-north-1.amazonaws.com.cn');
    assert.equal(resolveAwsEndpoint(loadModel('sqs'), 'us-gov-west-1', '/').origin, 'https://sqs.us-gov-west-1.amazonaws.com');
  });

  it('global endpoints for the aws-global pseudo-region are signed for us-east-1', () => {
    assert.deepEqual(resolveAwsEndpoint(loadModel('sts'), 'aws-global', '/'), {
      origin: 'https://sts.amazonaws.com',
      path: '/',
      signingRegion: 'us-east-1',
      signingName: 'sts',
    });
    assert.equal(resolveAwsEndpoint(loadModel('s3'), 'aws-global', '/k', 'b').origin, 'https://b.s3.amazonaws.com');
  });

  it('S3 virtual-hosted buckets keep their host; dotted bucket names go path-style', () => {
    assert.deepEqual(resolveAwsEndpoint(loadModel('s3'), 'eu-central-1', '/photos/a.jpg', 'my-bucket'), {
      origin: 'https://my-bucket.s3.eu-central-1.amazonaws.com',
      path: '/photos/a.jpg',
      signingRegion: 'eu-central-1',
      signingName: 's3',
    });
    const dotted = resolveAwsEndpoint(loadModel('s3'), 'eu-central-1', '/a.jpg', 'my.bucket');
    assert.equal(dotted.origin, 'https://s3.eu-central-1.amazonaws.com');
    assert.equal(dotted.path, '/my.bucket/a.jpg');
    assert.equal(resolveAwsEndpoint(loadModel('s3'), 'eu-central-1', '/my-bucket/a.jpg').origin, 'https://s3.eu-central-1.amazonaws.com');
  });

  it('finds the bucket of virtual-hosted requests to local and AWS hosts', () => {
    assert.equal(bucketFromHost('my-bucket.localhost:4567'), 'my-bucket');
    assert.equal(bucketFromHost('my-bucket.s3.localhost.localstack.cloud:4566'), 'my-bucket');
    assert.equal(bucketFromHost('my-bucket.s3.eu-west-1.amazonaws.com'), 'my-bucket');
    assert.equal(bucketFromHost('my-bucket.s3.amazonaws.com'), 'my-bucket');
    assert.equal(bucketFromHost('s3.eu-west-1.amazonaws.com'), undefined);
    assert.equal(bucketFromHost('localhost:4567'), undefined);
    assert.equal(bucketFromHost('127.0.0.1:4567'), undefined);
  });

  it('an explicit upstream replaces AWS; S3 buckets are then addressed path-style', () => {
    const target = resolveUpstream(loadModel('s3'), 'eu-west-1', '/k', 'b', new URL('https://127.0.0.1:9443'));
    assert.deepEqual(target, { origin: 'https://127.0.0.1:9443', path: '/b/k', signingRegion: 'eu-west-1', signingName: 's3' });
    assert.equal(resolveUpstream(loadModel('sqs'), 'eu-west-1', '/', undefined).origin, 'https://sqs.eu-west-1.amazonaws.com');
  });
});

describe('recorder: the client signature is removed before signing again', () => {
  it('drops signature headers and presigned query parameters, keeps unsigned-payload markers', () => {
    const stripped = stripClientSignature({
      method: 'GET',
      origin: 'https://s3.eu-west-1.amazonaws.com',
      path: '/b/k',
      query: 'versionId=3&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20261124%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Signature=abc',
      headers: { authorization: 'AWS4-HMAC-SHA256 ...', 'x-amz-date': '20261124T000000Z', 'x-amz-security-token': 't', host: 'localhost', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: 'bytes=0-1' },
      body: Buffer.alloc(0),
    });
    assert.equal(stripped.query, 'versionId=3');
    assert.deepEqual(stripped.headers, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', range: 'bytes=0-1' });
  });

  it('decodes signed aws-chunked uploads, whose chunk signatures chain from the client key', () => {
    const headers: Record<string, string> = {
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': '11',
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    };
    const body = Buffer.from('6;chunk-signature=aa\r\nhello \r\n5;chunk-signature=bb\r\nworld\r\n0;chunk-signature=cc\r\n\r\n');
    const stripped = stripClientSignature({ method: 'PUT', origin: 'https://s3.eu-west-1.amazonaws.com', path: '/b/k', query: '', headers, body });
    assert.equal(stripped.body.toString(), 'hello world');
    assert.deepEqual(stripped.headers, { 'content-length': '11' });
  });
});
