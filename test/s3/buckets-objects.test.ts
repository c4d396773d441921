import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { runBoto3Script } from '../support/boto3.ts';
import { bucketName, CREDENTIALS, failure, s3Client, s3Fixture } from './support.ts';

// Expected values follow the S3 API reference and the AWS-recorded snapshots in shared/reference/aws-snapshots/s3.
describe('S3 buckets and objects through the AWS SDK v3', function () {
  this.timeout(30_000);
  const env = s3Fixture();

  it('creates, heads, lists, locates and deletes buckets with AWS errors for names and owners', async () => {
    const name = bucketName();
    const created = await env.s3.send(new CreateBucketCommand({ Bucket: name }));
    assert.equal(created.Location, `/${name}`);
    assert.match(created.BucketArn!, new RegExp(`^arn:aws:s3:::${name}$`));
    // us-east-1 answers 200 to re-creating your own bucket (legacy behaviour); other regions BucketAlreadyOwnedByYou.
    await env.s3.send(new CreateBucketCommand({ Bucket: name }));
    const head = await env.s3.send(new HeadBucketCommand({ Bucket: name }));
    assert.equal(head.BucketRegion, 'us-east-1');
    const location = await env.s3.send(new GetBucketLocationCommand({ Bucket: name }));
    assert.equal(location.LocationConstraint, undefined);
    const list = await env.s3.send(new ListBucketsCommand({}));
    assert.ok(list.Buckets!.some((b) => b.Name === name && b.BucketRegion === 'us-east-1'));
    assert.match(list.Owner!.ID!, /^[0-9a-f]{64}$/);

    const other = s3Client(env.aws, { accountKey: '111111111111' });
    const taken = await failure(other.send(new CreateBucketCommand({ Bucket: name })));
    assert.equal(taken.name, 'BucketAlreadyExists');
    assert.equal(taken.status, 409);
    assert.equal((await failure(other.send(new HeadBucketCommand({ Bucket: name })))).status, 403);

    const invalid = await failure(env.s3.send(new CreateBucketCommand({ Bucket: 'Bad_Name' })));
    assert.equal(invalid.name, 'InvalidBucketName');
    const usEast = await failure(env.s3.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } })));
    assert.equal(usEast.name, 'InvalidLocationConstraint');
    const west = s3Client(env.aws, { region: 'us-west-2' });
    const elsewhere = await failure(west.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })));
    assert.equal(elsewhere.name, 'IllegalLocationConstraintException');
    assert.equal(elsewhere.message, 'The eu-west-1 location constraint is incompatible for the region specific endpoint this request was sent to.');
    // EU is the legacy name of eu-west-1: it creates there, is named as given in errors, and GetBucketLocation answers it.
    const euAlias = await failure(west.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: 'EU' } })));
    assert.equal(euAlias.message, 'The EU location constraint is incompatible for the region specific endpoint this request was sent to.');
    const ireland = s3Client(env.aws, { region: 'eu-west-1' });
    const euName = bucketName();
    await ireland.send(new CreateBucketCommand({ Bucket: euName, CreateBucketConfiguration: { LocationConstraint: 'EU' } }));
    assert.equal((await ireland.send(new GetBucketLocationCommand({ Bucket: euName }))).LocationConstraint, 'EU');
    assert.equal((await ireland.send(new ListBucketsCommand({ Prefix: euName }))).Buckets![0].BucketRegion, 'eu-west-1');
    assert.deepEqual((await ireland.send(new ListBucketsCommand({ Prefix: euName, BucketRegion: 'eu-central-1' }))).Buckets, []);
    const badRegion = await failure(env.s3.send(new ListBucketsCommand({ BucketRegion: 'eu-east-1' })));
    assert.deepEqual([badRegion.name, badRegion.status, badRegion.message, badRegion.raw.ArgumentName], ['InvalidArgument', 400, 'Argument value eu-east-1 is not a valid AWS Region', 'bucket-region']);
    const westName = bucketName();
    await west.send(new CreateBucketCommand({ Bucket: westName, CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }));
    assert.equal((await west.send(new GetBucketLocationCommand({ Bucket: westName }))).LocationConstraint, 'us-west-2');
    assert.equal((await failure(west.send(new CreateBucketCommand({ Bucket: westName, CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } })))).name, 'BucketAlreadyOwnedByYou');

    // A request signed for another region than the bucket's is redirected as AWS does; clients that follow redirects get there.
    const redirected = await failure(env.s3.send(new PutObjectCommand({ Bucket: westName, Key: 'k', Body: 'x' })));
    assert.deepEqual([redirected.name, redirected.status, redirected.raw.Endpoint, redirected.raw.Bucket], ['PermanentRedirect', 301, `${westName}.s3.us-west-2.amazonaws.com`, westName]);
    assert.equal(redirected.message, 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.');
    const headRedirect = await failure(env.s3.send(new HeadBucketCommand({ Bucket: westName })));
    assert.equal(headRedirect.status, 301);
    assert.equal((headRedirect.raw.$response as { headers: Record<string, string> }).headers['x-amz-bucket-region'], 'us-west-2');
    const following = new S3Client({ endpoint: env.aws.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS, followRegionRedirects: true });
    await following.send(new PutObjectCommand({ Bucket: westName, Key: 'k', Body: 'x' }));
    assert.equal(await (await west.send(new GetObjectCommand({ Bucket: westName, Key: 'k' }))).Body!.transformToString(), 'x');
    await west.send(new DeleteObjectCommand({ Bucket: westName, Key: 'k' }));
    assert.deepEqual(await runBoto3Script(new URL('./region-redirects.py', import.meta.url), env.aws.endpoint), { body: 'redirected', region: 'us-west-2', keys: ['k'] });

    await env.s3.send(new PutObjectCommand({ Bucket: name, Key: 'k', Body: 'x' }));
    const notEmpty = await failure(env.s3.send(new DeleteBucketCommand({ Bucket: name })));
    assert.equal(notEmpty.name, 'BucketNotEmpty');
    assert.equal(notEmpty.status, 409);
    await env.s3.send(new DeleteObjectCommand({ Bucket: name, Key: 'k' }));
    await env.s3.send(new DeleteBucketCommand({ Bucket: name }));
    const gone = await failure(env.s3.send(new HeadBucketCommand({ Bucket: name })));
    assert.equal(gone.status, 404);
    const missing = await failure(env.s3.send(new GetBucketLocationCommand({ Bucket: name })));
    assert.equal(missing.name, 'NoSuchBucket');
    assert.equal(missing.raw.BucketName, name);
  });

  it('stores objects with metadata, content headers, MD5 ETags and checksums, and reads them back with ranges', async () => {
    const bucket = bucketName();
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const body = 'hello, twinstack';
    const put = await env.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'dir/a b.txt', Body: body, ContentType: 'text/plain', Metadata: { Color: 'blue' }, CacheControl: 'no-cache' }),
    );
    assert.equal(put.ETag, `"${createHash('md5').update(body).digest('hex')}"`);
    assert.ok(put.ChecksumCRC32, 'the SDK sends CRC32 by default and S3 echoes it');
    assert.equal(put.ServerSideEncryption, 'AES256');
    const got = await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/a b.txt', ChecksumMode: 'ENABLED' }));
    assert.equal(await got.Body!.transformToString(), body);
    assert.equal(got.ContentType, 'text/plain');
    assert.equal(got.CacheControl, 'no-cache');
    assert.deepEqual(got.Metadata, { color: 'blue' });
    assert.equal(got.ChecksumCRC32, put.ChecksumCRC32);
    assert.equal(got.ContentLength, body.length);

    const ranged = await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/a b.txt', Range: 'bytes=0-4' }));
    assert.equal(ranged.$metadata.httpStatusCode, 206);
    assert.equal(ranged.ContentRange, `bytes 0-4/${body.length}`);
    assert.equal(await ranged.Body!.transformToString(), 'hello');
    const suffix = await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/a b.txt', Range: 'bytes=-5' }));
    assert.equal(await suffix.Body!.transformToString(), 'stack');
    const unsatisfiable = await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'dir/a b.txt', Range: 'bytes=100-200' })));
    assert.equal(unsatisfiable.name, 'InvalidRange');
    assert.equal(unsatisfiable.status, 416);

    const head = await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'dir/a b.txt' }));
    assert.equal(head.ContentLength, body.length);
    assert.equal(head.ETag, put.ETag);
    const headMissing = await failure(env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'nope' })));
    assert.equal(headMissing.name, 'NotFound');
    assert.equal(headMissing.status, 404);
    const getMissing = await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'nope' })));
    assert.equal(getMissing.name, 'NoSuchKey');
    assert.equal(getMissing.raw.Key, 'nope');

    const empty = await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'empty', Body: '' }));
    assert.equal(empty.ETag, '"d41d8cd98f00b204e9800998ecf8427e"');
  });

  it('answers conditional reads with 304 and 412, and conditional writes with If-None-Match and If-Match', async () => {
    const bucket = bucketName();
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const { ETag } = await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v1' }));
    const notModified = await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', IfNoneMatch: ETag })));
    assert.equal(notModified.status, 304);
    const failed = await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', IfMatch: '"0000"' })));
    assert.equal(failed.name, 'PreconditionFailed');
    assert.equal(failed.raw.Condition, 'If-Match');
    const since = await failure(env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', IfModifiedSince: new Date() })));
    assert.equal(since.status, 304);
    // AWS ignores an If-Modified-Since date in the future (test_s3_get_object_preconditions).
    assert.equal((await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', IfModifiedSince: new Date(Date.now() + 60_000) }))).ETag, ETag);
    assert.equal((await env.s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'k', IfMatch: ETag }))).ETag, ETag);

    const exists = await failure(env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v2', IfNoneMatch: '*' })));
    assert.equal(exists.name, 'PreconditionFailed');
    assert.equal(exists.status, 412);
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'fresh', Body: 'v', IfNoneMatch: '*' }));
    const stale = await failure(env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v2', IfMatch: '"abc"' })));
    assert.equal(stale.name, 'PreconditionFailed');
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: 'v2', IfMatch: ETag }));
    const noKey = await failure(env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'absent', Body: 'v', IfMatch: ETag })));
    assert.equal(noKey.name, 'NoSuchKey');
  });

  it('copies objects (metadata directives, copy-to-self rule, conditions) and deletes in batches', async () => {
    const bucket = bucketName();
    await env.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await env.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'src', Body: 'data', Metadata: { a: '1' }, ContentType: 'text/x' }));
    const copy = await env.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: `${bucket}/src` }));
    assert.equal(copy.CopyObjectResult!.ETag, `"${createHash('md5').update('data').digest('hex')}"`);
    const copied = await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'dst' }));
    assert.deepEqual(copied.Metadata, { a: '1' });
    assert.equal(copied.ContentType, 'text/x');
    await env.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: `${bucket}/src`, MetadataDirective: 'REPLACE', Metadata: { b: '2' } }));
    assert.deepEqual((await env.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'dst' }))).Metadata, { b: '2' });
    const toSelf = await failure(env.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'src', CopySource: `${bucket}/src` })));
    assert.equal(toSelf.name, 'InvalidRequest');
    const condition = await failure(env.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'x', CopySource: `${bucket}/src`, CopySourceIfMatch: '"nope"' })));
    assert.equal(condition.raw.Condition, 'x-amz-copy-source-If-Match');
    const missing = await failure(env.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'x', CopySource: `${bucket}/absent` })));
    assert.equal(missing.name, 'NoSuchKey');

    const deleted = await env.s3.send(
      new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: 'src' }, { Key: 'dst' }, { Key: 'never-existed' }] } }),
    );
    assert.deepEqual(deleted.Deleted!.map((d) => d.Key).sort(), ['dst', 'never-existed', 'src']);
    assert.equal(deleted.Errors, undefined);
  });
});
