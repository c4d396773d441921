import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  GetBucketAbacCommand,
  GetBucketPolicyStatusCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketAbacCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  PutBucketWebsiteCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  RestoreObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { allowPublicAccess, bucketName, failure, s3Client, s3Fixture, startS3, withHost } from './support.ts';

/** AWS's error page (recorded in the AWS-validated website hosting snapshots), with this response's request ids. */
function awsErrorPage(title: string, items: string[], ids: Record<string, unknown>, nested = ''): string {
  const li = [...items, `RequestId: ${ids['x-amz-request-id']}`, `HostId: ${ids['x-amz-id-2']}`].map((i) => `<li>${i}</li>\n`).join('');
  return `<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<ul>\n${li}</ul>\n${nested}<hr/>\n</body>\n</html>\n`;
}

const publicRead = (bucket: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] });

describe('S3 website endpoints', function () {
  this.timeout(60_000);
  const env = s3Fixture();

  async function websiteBucket(configuration: object): Promise<{ bucket: string; get: (path: string, method?: string) => ReturnType<typeof withHost> }> {
    const bucket = bucketName('site');
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await allowPublicAccess(env.s3, bucket);
    await env.s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' }));
    await env.s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: configuration }));
    return { bucket, get: (path, method = 'GET') => withHost(env.aws, `${bucket}.s3-website-us-east-1.amazonaws.com`, method, path) };
  }

  it('serves index documents, error documents and AWS error pages', async () => {
    const { bucket, get } = await websiteBucket({ IndexDocument: { Suffix: 'index.html' } });
    const missing = await get('/');
    assert.equal(missing.status, 404);
    assert.equal(missing.body, awsErrorPage('404 Not Found', ['Code: NoSuchKey', 'Message: The specified key does not exist.', 'Key: index.html'], missing.headers));

    await env.s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
    const noCustom = await get('/');
    assert.equal(noCustom.status, 404);
    const nested =
      '<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>\n<ul>\n<li>Code: NoSuchKey</li>\n' +
      '<li>Message: The specified key does not exist.</li>\n<li>Key: error.html</li>\n</ul>\n';
    assert.equal(noCustom.body, awsErrorPage('404 Not Found', ['Code: NoSuchKey', 'Message: The specified key does not exist.', 'Key: index.html'], noCustom.headers, nested));

    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'error.html', Body: 'error', ContentType: 'text/html', ACL: 'public-read' }));
    const custom = await get('/nothing-here');
    assert.deepEqual([custom.status, custom.body, custom.headers['content-type']], [404, 'error', 'text/html']);

    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'index.html', Body: 'home', ContentType: 'text/html', ACL: 'public-read' }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/index.html', Body: 'docs', ContentType: 'text/html', ACL: 'public-read' }));
    assert.deepEqual([(await get('/')).status, (await get('/')).body], [200, 'home']);
    const folder = await get('/docs');
    assert.deepEqual([folder.status, folder.headers.location], [302, '/docs/']);
    assert.equal((await get('/docs/')).body, 'docs');
    const head = await get('/docs/', 'HEAD');
    assert.deepEqual([head.status, head.body, head.headers['content-length']], [200, '', '4']);

    // A private object is refused (its error document served with the 403); a public bucket policy opens it.
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'private.html', Body: 'secret' }));
    assert.deepEqual([(await get('/private.html')).status, (await get('/private.html')).body], [403, 'error']);
    await env.s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) }));
    assert.equal((await get('/private.html')).body, 'secret');

    const post = await get('/', 'POST');
    assert.equal(post.status, 405);
    assert.equal(
      post.body,
      awsErrorPage('405 Method Not Allowed', ['Code: MethodNotAllowed', 'Message: The specified method is not allowed against this resource.', 'Method: POST', 'ResourceType: OBJECT'], post.headers),
    );
  });

  it('answers missing buckets and configurations on every website host form', async () => {
    const bucket = bucketName('site');
    const absent = await withHost(env.aws, `${bucket}.s3-website.localhost.localstack.cloud:4566`, 'GET', '/');
    assert.equal(absent.status, 404);
    assert.equal(absent.body, awsErrorPage('404 Not Found', ['Code: NoSuchBucket', 'Message: The specified bucket does not exist', `BucketName: ${bucket}`], absent.headers));
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const unconfigured = await withHost(env.aws, `${bucket}.s3-website.us-east-1.amazonaws.com`, 'GET', '/key');
    assert.equal(
      unconfigured.body,
      awsErrorPage('404 Not Found', ['Code: NoSuchWebsiteConfiguration', 'Message: The specified bucket does not have a website configuration', `BucketName: ${bucket}`], unconfigured.headers),
    );
  });

  it('redirects by routing rules, RedirectAllRequestsTo and WebsiteRedirectLocation', async () => {
    const { bucket, get } = await websiteBucket({
      IndexDocument: { Suffix: 'index.html' },
      RoutingRules: [
        { Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'new/' } },
        { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'example.com', Protocol: 'https', ReplaceKeyPrefixWith: 'report-404/', HttpRedirectCode: '302' } },
      ],
    });
    const moved = await get('/old/page.html');
    assert.deepEqual([moved.status, moved.headers.location], [301, `http://${bucket}.s3-website-us-east-1.amazonaws.com/new/page.html`]);
    const lost = await get('/missing.html');
    assert.deepEqual([lost.status, lost.headers.location], [302, 'https://example.com/report-404/missing.html']);
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'go', Body: '', WebsiteRedirectLocation: '/elsewhere', ACL: 'public-read' }));
    const go = await get('/go');
    assert.deepEqual([go.status, go.headers.location], [301, '/elsewhere']);

    await env.s3.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { RedirectAllRequestsTo: { HostName: 'example.org', Protocol: 'https' } } }));
    const all = await get('/a/b');
    assert.deepEqual([all.status, all.headers.location], [301, 'https://example.org/a/b']);
  });
});

describe('S3 bucket policies, ACLs and Block Public Access', function () {
  this.timeout(60_000);
  const OWNER = '111111111111';
  const OTHER = '222222222222';
  let aws: Twinstack;
  let owner: S3Client;
  let other: S3Client;
  before(async () => {
    aws = await startS3();
    owner = s3Client(aws, { accountKey: OWNER });
    other = s3Client(aws, { accountKey: OTHER });
  });
  after(() => aws.stop());

  it('opens another account only as far as the bucket policy or ACL allows, and a Deny wins', async () => {
    const bucket = bucketName('shared');
    await owner.send(new CreateBucketCommand({ Bucket: bucket }));
    await allowPublicAccess(owner, bucket);
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'data/a.txt', Body: 'a' }));
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'secret/b.txt', Body: 'b' }));
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'data/a.txt' })))).name, 'AccessDenied');

    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:GetObject', Resource: [`arn:aws:s3:::${bucket}/data/*`, `arn:aws:s3:::${bucket}/secret/*`] },
        { Effect: 'Deny', Principal: { AWS: OTHER }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/secret/*` },
      ],
    };
    await owner.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    assert.equal(await (await other.send(new GetObjectCommand({ Bucket: bucket, Key: 'data/a.txt' }))).Body!.transformToString(), 'a');
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret/b.txt' })))).name, 'AccessDenied');
    assert.equal((await failure(other.send(new PutObjectCommand({ Bucket: bucket, Key: 'data/c.txt', Body: 'c' })))).name, 'AccessDenied');
    // The Deny binds even where an ACL would open the object; ACLs open what no policy speaks of.
    await owner.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'secret/b.txt', ACL: 'public-read' }));
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'secret/b.txt' })))).name, 'AccessDenied');
    await owner.send(new PutObjectCommand({ Bucket: bucket, Key: 'open.txt', Body: 'o', ACL: 'authenticated-read' }));
    assert.equal(await (await other.send(new GetObjectCommand({ Bucket: bucket, Key: 'open.txt' }))).Body!.transformToString(), 'o');
    await owner.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { IgnorePublicAcls: true } }));
    assert.equal((await failure(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'open.txt' })))).name, 'AccessDenied');
    assert.equal((await owner.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus!.IsPublic, false);
  });

  it('serves unsigned requests in strict mode only where a public policy or ACL allows', async () => {
    const strict = await startTwinstack({ port: 0, services: ['s3'], strictSignatures: true, credentials: [{ accessKeyId: OWNER, secretAccessKey: 'test' }] });
    try {
      const s3 = s3Client(strict, { accountKey: OWNER });
      const bucket = bucketName('anon');
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'public' }));
      const url = `${strict.endpoint}/${bucket}/k`;
      assert.equal((await fetch(url)).status, 403);
      assert.equal((await fetch(strict.endpoint + '/')).status, 403);
      const blocked = await failure(s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) })));
      assert.deepEqual([blocked.name, blocked.status], ['AccessDenied', 403]);
      assert.match(blocked.message, /because public policies are blocked by the BlockPublicPolicy block public access setting\.$/);
      await allowPublicAccess(s3, bucket);
      await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead(bucket) }));
      assert.equal(await (await fetch(url)).text(), 'public');
      assert.equal((await fetch(`${strict.endpoint}/${bucket}?list-type=2`)).status, 403);
      assert.equal((await fetch(url, { method: 'PUT', body: 'x' })).status, 403);
      await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }));
      assert.equal((await fetch(url)).status, 403);
    } finally {
      await strict.stop();
    }
  });
});

describe('S3 archived objects and ABAC status', function () {
  this.timeout(60_000);
  const env = s3Fixture();

  it('restores GLACIER objects for Days on the emulator clock, with AWS errors before and after', async () => {
    const bucket = bucketName('cold');
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'old', Body: 'archived', StorageClass: 'GLACIER' }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'warm', Body: 'standard' }));
    // AWS-recorded (test_put_object_storage_class[GLACIER]): 403 InvalidObjectState naming the storage class.
    const frozen = await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'old' })));
    assert.deepEqual([frozen.name, frozen.status, frozen.message, frozen.raw.StorageClass], ['InvalidObjectState', 403, "The operation is not valid for the object's storage class", 'GLACIER']);
    const notArchived = await failure(env.s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'warm', RestoreRequest: { Days: 1 } })));
    assert.equal(notArchived.name, 'InvalidObjectState');

    const first = await env.s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'old', RestoreRequest: { Days: 2, GlacierJobParameters: { Tier: 'Standard' } } }));
    assert.equal(first.$metadata.httpStatusCode, 202);
    // A Standard restore from GLACIER takes up to 5 hours (AWS docs, "Archive retrieval options"): ongoing until then.
    assert.equal((await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'old' }))).Restore, 'ongoing-request="true"');
    assert.equal((await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'old' })))).name, 'InvalidObjectState');
    const running = await failure(env.s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'old', RestoreRequest: { Days: 2 } })));
    assert.deepEqual([running.name, running.status, running.message], ['RestoreAlreadyInProgress', 409, 'Object restore is already in progress']);
    env.aws.emulator.clock.advance(4 * 3600 * 1000);
    assert.equal((await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'old' }))).Restore, 'ongoing-request="true"');
    env.aws.emulator.clock.advance(3600 * 1000);
    const again = await env.s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'old', RestoreRequest: { Days: 2 } }));
    assert.equal(again.$metadata.httpStatusCode, 200);
    const restored = await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'old' }));
    assert.equal(await restored.Body!.transformToString(), 'archived');
    assert.match(restored.Restore!, /^ongoing-request="false", expiry-date="\w{3}, \d{2} \w{3} \d{4} 00:00:00 GMT"$/);
    const head = await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'old' }));
    assert.equal(head.Restore, restored.Restore);

    env.aws.emulator.clock.advance(3 * 24 * 3600 * 1000);
    assert.equal((await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'old' })))).name, 'InvalidObjectState');
    assert.equal((await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'old' }))).Restore, undefined);
  });

  it('times restores by tier: Expedited from GLACIER in 5 minutes, none from DEEP_ARCHIVE, Bulk from DEEP_ARCHIVE in 48 hours', async () => {
    const bucket = bucketName('tiers');
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'g', Body: 'g', StorageClass: 'GLACIER' }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'd', Body: 'd', StorageClass: 'DEEP_ARCHIVE' }));
    await env.s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'g', RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } }));
    const expedited = await failure(env.s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'd', RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Expedited' } } })));
    assert.equal(expedited.name, 'InvalidArgument');
    await env.s3.send(new RestoreObjectCommand({ Bucket: bucket, Key: 'd', RestoreRequest: { Days: 1, GlacierJobParameters: { Tier: 'Bulk' } } }));
    env.aws.emulator.clock.advance(5 * 60 * 1000);
    assert.equal(await (await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'g' }))).Body!.transformToString(), 'g');
    env.aws.emulator.clock.advance(47 * 3600 * 1000);
    assert.equal((await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'd' }))).Restore, 'ongoing-request="true"');
    env.aws.emulator.clock.advance(3600 * 1000);
    assert.match((await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'd' }))).Restore!, /^ongoing-request="false", expiry-date=/);
  });

  it('stores the bucket ABAC status', async () => {
    const bucket = bucketName('abac');
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    assert.deepEqual((await env.s3.send(new GetBucketAbacCommand({ Bucket: bucket }))).AbacStatus, { Status: 'Disabled' });
    await env.s3.send(new PutBucketAbacCommand({ Bucket: bucket, AbacStatus: { Status: 'Enabled' } }));
    assert.deepEqual((await env.s3.send(new GetBucketAbacCommand({ Bucket: bucket }))).AbacStatus, { Status: 'Enabled' });
    assert.equal((await failure(env.s3.send(new PutBucketAbacCommand({ Bucket: bucket, AbacStatus: { Status: 'On' as never } })))).name, 'MalformedXML');
  });
});
