import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { bucketName, s3Client } from './support.ts';

describe('S3 with --strict-signatures', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['s3'], strictSignatures: true, credentials: [{ accessKeyId: 'test', secretAccessKey: 'test' }] });
  });
  after(() => aws.stop());

  it('accepts SDK v3 requests (aws-chunked streaming uploads included) and refuses wrong keys with S3 errors', async () => {
    const s3 = s3Client(aws);
    const bucket = bucketName('strict');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a b+c', Body: 'strict body' }));
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'a b+c' }));
    assert.equal(await got.Body!.transformToString(), 'strict body');
    const wrong = s3Client(aws, { accountKey: 'AKIAUNKNOWN' });
    await assert.rejects(wrong.send(new GetObjectCommand({ Bucket: bucket, Key: 'a b+c' })), { name: 'InvalidAccessKeyId' });
  });

  it('serves presigned URLs until they expire, with AWS errors for tampered, expired and unsigned requests', async () => {
    type Fetched = { status: number; body: string };
    const o = await runBoto3Script<Record<string, Fetched> & { v2Header: { body: string; tags: unknown[] }; v2WrongSecret: string }>(
      new URL('./strict-presigned.py', import.meta.url),
      aws.endpoint,
    );
    assert.deepEqual(o.valid, { status: 200, body: 'signed' });
    assert.equal(o.tampered.status, 403);
    assert.match(o.tampered.body, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.equal(o.expired.status, 403);
    assert.match(o.expired.body, /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message><X-Amz-Expires>1<\/X-Amz-Expires><Expires>/);
    assert.equal(o.unsigned.status, 403);
    assert.match(o.unsigned.body, /<Code>AccessDenied<\/Code><Message>Access Denied<\/Message>/);

    // Signature Version 2, header and query forms.
    assert.deepEqual(o.v2Header, { body: 'v2 body', tags: [] });
    assert.deepEqual(o.v2Valid, { status: 200, body: 'v2 body' });
    assert.equal(o.v2Tampered.status, 403);
    assert.match(o.v2Tampered.body, /<Code>SignatureDoesNotMatch<\/Code>/);
    // S3 shows what it signed: the key, the string to sign (method, empty MD5 and type, Expires, resource) and its bytes.
    assert.match(o.v2Tampered.body, /<AWSAccessKeyId>test<\/AWSAccessKeyId><StringToSign>GET\n\n\n\d+\n\/strict-[0-9a-f]+\/k<\/StringToSign><SignatureProvided>A[^<]+<\/SignatureProvided><StringToSignBytes>47 45 54 0a 0a 0a /);
    assert.equal(o.v2NoExpires.status, 403);
    assert.match(o.v2NoExpires.body, /<Code>AccessDenied<\/Code><Message>Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters<\/Message>/);
    assert.equal(o.v2Expired.status, 403);
    assert.match(o.v2Expired.body, /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message><Expires>/);
    assert.equal(o.v2WrongSecret, 'SignatureDoesNotMatch');
  });

  it('judges presigned URLs as S3 does: signed headers stay headers, unsigned x-amz-* headers and mismatches get S3’s details (SDK v3 presigner + fetch)', async () => {
    const s3 = s3Client(aws);
    // The presigner's own @smithy/smithy-client release differs from the S3 client's: same shapes, other type identity.
    const presign = (command: PutObjectCommand | GetObjectCommand, options: Parameters<typeof getSignedUrl>[2]) => getSignedUrl(s3 as never, command as never, options);
    const Bucket = bucketName('presign-errors');
    await s3.send(new CreateBucketCommand({ Bucket }));
    // The metadata header signed as a header (as botocore presigns it), not hoisted into the query.
    const url = await presign(new PutObjectCommand({ Bucket, Key: 'k', Metadata: { foo: 'bar' } }), { expiresIn: 60, unhoistableHeaders: new Set(['x-amz-meta-foo']) });
    assert.match(new URL(url).searchParams.get('X-Amz-SignedHeaders')!, /x-amz-meta-foo/);
    const put = (headers: Record<string, string>, target = url) => fetch(target, { method: 'PUT', headers, body: 'content 123' });
    assert.equal((await put({ 'x-amz-meta-foo': 'bar' })).status, 200);
    assert.deepEqual((await s3.send(new HeadObjectCommand({ Bucket, Key: 'k' }))).Metadata, { foo: 'bar' });

    const unsigned = await put({ 'x-amz-meta-foo': 'bar', 'x-amz-meta-wrong': 'wrong' });
    assert.equal(unsigned.status, 403);
    assert.match(await unsigned.text(), /<Code>AccessDenied<\/Code><Message>There were headers present in the request which were not signed<\/Message><HeadersNotSigned>x-amz-meta-wrong<\/HeadersNotSigned>/);

    const mismatch = await put({ 'x-amz-meta-foo': 'other' });
    assert.equal(mismatch.status, 403);
    const body = await mismatch.text();
    assert.match(body, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.match(body, /<AWSAccessKeyId>test<\/AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/s3\/aws4_request\n[0-9a-f]{64}<\/StringToSign>/);
    assert.match(body, /<SignatureProvided>[0-9a-f]{64}<\/SignatureProvided><StringToSignBytes>41 57 53 34 /);
    assert.match(body, /<CanonicalRequest>PUT\n\/[^<]*x-amz-meta-foo:other\n[^<]*UNSIGNED-PAYLOAD<\/CanonicalRequest><CanonicalRequestBytes>50 55 54 0a /);

    // A credential whose slashes were encoded twice is malformed.
    const get = await presign(new GetObjectCommand({ Bucket, Key: 'k' }), { expiresIn: 60 });
    const doubled = await fetch(get.replaceAll('%2F', '%252F'));
    assert.equal(doubled.status, 400);
    assert.match(await doubled.text(), /<Code>AuthorizationQueryParametersError<\/Code><Message>Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting &quot;&lt;YOUR-AKID&gt;\/YYYYMMDD\/REGION\/SERVICE\/aws4_request&quot;.<\/Message>/);
  });
});
