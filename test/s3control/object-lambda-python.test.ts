import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateAccessPointCommand, CreateAccessPointForObjectLambdaCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { CREDENTIALS, createFunction, useLambda } from '../lambda/support.ts';
import { localhostNames } from '../support/localhost-names.ts';

const ACCOUNT = '000000000000';

/**
 * One Python handler for the three kinds of request: GetObject answered through boto3's WriteGetObjectResponse (sent to
 * `<route>.<endpoint host>`), HeadObject with the headers of a HEAD of `inputS3Url`, ListObjectsV2 with the listing's XML.
 */
const HANDLER = `import urllib.request

import boto3


def handler(event, context):
    if "getObjectContext" in event:
        ctx = event["getObjectContext"]
        original = urllib.request.urlopen(ctx["inputS3Url"]).read()
        boto3.client("s3").write_get_object_response(
            Body=original.upper(), RequestRoute=ctx["outputRoute"], RequestToken=ctx["outputToken"], ContentType="text/plain"
        )
        return {"status_code": 200}
    if "headObjectContext" in event:
        request = urllib.request.Request(event["headObjectContext"]["inputS3Url"], method="HEAD")
        with urllib.request.urlopen(request) as response:
            headers = dict(response.headers)
        headers["x-amz-meta-seen-by"] = "lambda"
        return {"statusCode": 200, "headers": headers}
    listing = urllib.request.urlopen(event["listObjectsV2Context"]["inputS3Url"]).read().decode()
    return {"statusCode": 200, "listResultXml": listing.replace("<Key>hello.txt</Key>", "<Key>HELLO.TXT</Key>")}
`;

describe('S3 Object Lambda with a Python handler: WriteGetObjectResponse through boto3, HeadObject and ListObjectsV2', function () {
  this.timeout(90_000);
  const context = useLambda(['s3', 's3control', 'lambda', 'sts']);
  let s3: S3Client;
  const bucket = 'olap-python-source';
  const olapArn = (name: string) => `arn:aws:s3-object-lambda:us-east-1:${ACCOUNT}:accesspoint/${name}`;

  before(async () => {
    s3 = new S3Client({ ...localhostNames(context.aws.endpoint), region: 'us-east-1', credentials: CREDENTIALS });
    const control = new S3ControlClient({ ...localhostNames(context.aws.endpoint), region: 'us-east-1', credentials: CREDENTIALS });
    const plain = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    await plain.send(new CreateBucketCommand({ Bucket: bucket }));
    await plain.send(new PutObjectCommand({ Bucket: bucket, Key: 'hello.txt', Body: 'hello python', Metadata: { origin: 'bucket' } }));
    plain.destroy();
    const fn = await createFunction(context.lambda, { 'handler.py': HANDLER }, { Timeout: 30 });
    const FunctionArn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${fn}`;
    await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'python-source', Bucket: bucket }));
    const SupportingAccessPoint = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/python-source`;
    const transformation = (Actions: ('GetObject' | 'HeadObject' | 'ListObjectsV2')[]) => [{ Actions, ContentTransformation: { AwsLambda: { FunctionArn } } }];
    await control.send(
      new CreateAccessPointForObjectLambdaCommand({
        AccountId: ACCOUNT,
        Name: 'python-all',
        Configuration: { SupportingAccessPoint, TransformationConfigurations: transformation(['GetObject', 'HeadObject', 'ListObjectsV2']) },
      }),
    );
    await control.send(
      new CreateAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'python-get', Configuration: { SupportingAccessPoint, TransformationConfigurations: transformation(['GetObject']) } }),
    );
    control.destroy();
  });
  after(() => s3.destroy());

  it("answers GetObject with what a boto3 handler writes back to the route's host name", async () => {
    const out = await s3.send(new GetObjectCommand({ Bucket: olapArn('python-all'), Key: 'hello.txt' }));
    assert.equal(await out.Body!.transformToString(), 'HELLO PYTHON');
    assert.equal(out.ContentType, 'text/plain');
  });

  it('answers HeadObject with the headers the function returns, metadata included', async () => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: olapArn('python-all'), Key: 'hello.txt' }));
    assert.equal(head.ContentLength, 12);
    assert.deepEqual(head.Metadata, { origin: 'bucket', 'seen-by': 'lambda' });
    assert.ok(head.LastModified instanceof Date);
  });

  it('answers ListObjectsV2 with the listing the function returns', async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: olapArn('python-all'), Prefix: 'hello' }));
    assert.deepEqual(listed.Contents?.map((c) => [c.Key, c.Size]), [['HELLO.TXT', 12]]);
    assert.equal(listed.Prefix, 'hello');
  });

  it('passes HeadObject and listings without a transformation through to the supporting access point', async () => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: olapArn('python-get'), Key: 'hello.txt' }));
    assert.deepEqual(head.Metadata, { origin: 'bucket' });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: olapArn('python-get') }));
    assert.deepEqual(listed.Contents?.map((c) => c.Key), ['hello.txt']);
  });
});
