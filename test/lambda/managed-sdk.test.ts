import assert from 'node:assert/strict';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CREDENTIALS, createFunction, decode, useLambda } from './support.ts';

/**
 * AWS's managed runtimes give handlers the AWS SDK (v3 for Node.js, boto3 for Python) with no bundling: handlers here
 * import them the same way and, with nothing configured, reach twinstack through the environment it sets.
 */
describe('Lambda handlers use the SDK their managed runtime provides', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts', 's3']);
  let s3: S3Client;
  const bucket = 'handler-writes';
  before(async () => {
    s3 = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  after(() => s3.destroy());

  const written = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();

  it('Node.js ESM handler: import { S3Client } from "@aws-sdk/client-s3"', async () => {
    const source = `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (event) => {
  await s3.send(new PutObjectCommand({ Bucket: event.bucket, Key: 'from-esm', Body: 'node esm' }));
  return { region: await s3.config.region() };
};`;
    const name = await createFunction(context.lambda, { 'index.mjs': source }, { Runtime: 'nodejs22.x', Handler: 'index.handler' });
    const out = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ bucket }) }));
    assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
    assert.deepEqual(decode(out.Payload), { region: 'us-east-1' });
    assert.equal(await written('from-esm'), 'node esm');
  });

  it('Node.js CommonJS handler: require("@aws-sdk/client-s3")', async () => {
    const source = `const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
exports.handler = async (event) => {
  await new S3Client().send(new PutObjectCommand({ Bucket: event.bucket, Key: 'from-cjs', Body: 'node cjs' }));
  return 'ok';
};`;
    const name = await createFunction(context.lambda, { 'index.js': source }, { Runtime: 'nodejs20.x', Handler: 'index.handler' });
    const out = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ bucket }) }));
    assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
    assert.equal(await written('from-cjs'), 'node cjs');
  });

  it('Python handler: import boto3', async () => {
    const source = `import boto3
s3 = boto3.client("s3")
def handler(event, context):
    s3.put_object(Bucket=event["bucket"], Key="from-python", Body=b"python")
    return {"boto3": boto3.__version__.split(".")[0]}
`;
    const name = await createFunction(context.lambda, { 'handler.py': source });
    const out = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: JSON.stringify({ bucket }) }));
    assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
    assert.deepEqual(decode(out.Payload), { boto3: '1' });
    assert.equal(await written('from-python'), 'python');
  });
});
