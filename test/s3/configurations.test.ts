import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  GetBucketTaggingCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  GetPublicAccessBlockCommand,
  HeadObjectCommand,
  PutBucketAclCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import type { JsonValue } from '../../verifier/contract/types.ts';
import { signedPostFields } from '../../verifier/replay/post-form.ts';
import { allowPublicAccess, bucketName, CREDENTIALS, failure, s3Client, startS3 } from './support.ts';

describe('S3 configurations, CORS, POST uploads, lifecycle and notifications', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let s3: S3Client;
  let bucket: string;
  before(async () => {
    aws = await startS3(['s3', 'sqs']);
    s3 = s3Client(aws);
  });
  beforeEach(async () => {
    bucket = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  after(() => aws.stop());

  it('stores, returns and deletes configurations with AWS defaults and not-found errors', async () => {
    const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    assert.equal(encryption.ServerSideEncryptionConfiguration!.Rules![0].ApplyServerSideEncryptionByDefault!.SSEAlgorithm, 'AES256');
    const block = await s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    assert.equal(block.PublicAccessBlockConfiguration!.BlockPublicPolicy, true);

    const noCors = await failure(s3.send(new GetBucketCorsCommand({ Bucket: bucket })));
    assert.equal(noCors.name, 'NoSuchCORSConfiguration');
    assert.equal(noCors.message, 'The CORS configuration does not exist');
    const badMethod = await failure(
      s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['MYMETHOD'], AllowedOrigins: ['*'] }] } })),
    );
    assert.equal(badMethod.message, 'Found unsupported HTTP method in CORS config. Unsupported method is MYMETHOD');

    const noPolicy = await failure(s3.send(new GetBucketPolicyCommand({ Bucket: bucket })));
    assert.equal(noPolicy.name, 'NoSuchBucketPolicy');
    const malformed = await failure(s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: 'nope' })));
    assert.equal(malformed.name, 'MalformedPolicy');
    // New buckets refuse ACLs (ownership BucketOwnerEnforced) and public policies (Block Public Access), as on AWS.
    assert.equal((await failure(s3.send(new PutBucketAclCommand({ Bucket: bucket, ACL: 'public-read' })))).name, 'AccessControlListNotSupported');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] });
    assert.equal((await failure(s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy })))).name, 'AccessDenied');
    await allowPublicAccess(s3, bucket);
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
    assert.equal((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy, policy);
    assert.equal((await s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus!.IsPublic, true);

    const noTags = await failure(s3.send(new GetBucketTaggingCommand({ Bucket: bucket })));
    assert.equal(noTags.name, 'NoSuchTagSet');
    const duplicate = await failure(
      s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] } })),
    );
    assert.equal(duplicate.name, 'InvalidTag');
    await s3.send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'team', Value: 'core' }] } }));
    assert.deepEqual((await s3.send(new GetBucketTaggingCommand({ Bucket: bucket }))).TagSet, [{ Key: 'team', Value: 'core' }]);

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'o', Body: 'x', Tagging: 'a=1&b=two%20words' }));
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'o' }))).ContentLength, 1);
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: 'o' }));
    assert.deepEqual(tags.TagSet, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: 'two words' }]);
    await s3.send(new PutObjectTaggingCommand({ Bucket: bucket, Key: 'o', Tagging: { TagSet: [] } }));
    assert.equal((await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'o' }))).TagCount, undefined);
    await s3.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'o', ACL: 'public-read' }));
    const acl = await s3.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'o' }));
    assert.deepEqual(acl.Grants!.map((g) => [g.Grantee!.Type, g.Permission]), [['CanonicalUser', 'FULL_CONTROL'], ['Group', 'READ']]);
  });

  it('answers CORS preflights from the rules and adds CORS headers to matching requests', async () => {
    const url = `${aws.endpoint}/${bucket}/file`;
    const noOrigin = await fetch(url, { method: 'OPTIONS' });
    assert.equal(noOrigin.status, 400);
    assert.match(await noOrigin.text(), /<Code>BadRequest<\/Code><Message>Insufficient information. Origin request header needed.<\/Message>/);
    // Without a CORS configuration AWS names the bucket as the resource, even for an object's URL.
    const disabled = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://app.test', 'access-control-request-method': 'GET' } });
    assert.equal(disabled.status, 403);
    assert.match(await disabled.text(), /CORSResponse: CORS is not enabled for this bucket.<\/Message><Method>GET<\/Method><ResourceType>BUCKET<\/ResourceType>/);

    await s3.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['https://*.test'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['x-amz-*'], MaxAgeSeconds: 3000 }] },
      }),
    );
    const ok = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.test', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'X-Amz-Meta-A' },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://app.test');
    assert.equal(ok.headers.get('access-control-allow-methods'), 'GET, PUT');
    assert.equal(ok.headers.get('access-control-allow-headers'), 'x-amz-meta-a');
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(ok.headers.get('access-control-max-age'), '3000');
    const refused = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    assert.equal(refused.status, 403);

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'file', Body: 'cors' }));
    const get = await fetch(url, { headers: { origin: 'https://app.test' } });
    assert.equal(await get.text(), 'cors');
    assert.equal(get.headers.get('access-control-allow-origin'), 'https://app.test');
    // S3 names itself in every answer, its own preflight answers included.
    assert.deepEqual([get.headers.get('server'), ok.headers.get('server'), refused.headers.get('server')], ['AmazonS3', 'AmazonS3', 'AmazonS3']);
    // An actual request carrying a preflight's headers is judged by them (AWS's test_cors_match_methods/_headers).
    const allowOrigin = async (headers: Record<string, string>) => (await fetch(url, { headers: { origin: 'https://app.test', ...headers } })).headers.get('access-control-allow-origin');
    assert.equal(await allowOrigin({ 'access-control-request-method': 'DELETE' }), null);
    assert.equal(await allowOrigin({ 'access-control-request-headers': 'content-md5' }), null);
    assert.equal(await allowOrigin({ 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-amz-meta-a' }), 'https://app.test');
    assert.equal(await allowOrigin({ 'content-md5': 'x' }), 'https://app.test');
    await s3.send(new DeleteBucketCorsCommand({ Bucket: bucket }));
    assert.equal((await fetch(url, { headers: { origin: 'https://app.test' } })).headers.get('access-control-allow-origin'), null);
  });

  it('accepts browser POST uploads under a POST policy and refuses those that break it', async () => {
    // The app's server signs each form (SigV4 POST) as botocore's generate_presigned_post does.
    const post = (key: string, conditions: JsonValue[], fields: Record<string, string> = {}, file = 'uploaded') => {
      const form = new FormData();
      const signed = signedPostFields({ bucket, key, fields, conditions, file: { content: file } }, new Map(), { accessKeyId: 'test', secretAccessKey: 'test' }, 'us-east-1', aws.emulator.clock.now());
      for (const [k, v] of signed) form.append(k, v);
      form.append('file', new Blob([file]), 'local.txt');
      return fetch(`${aws.endpoint}/${bucket}`, { method: 'POST', body: form });
    };
    const created = await post(
      'uploads/${filename}',
      [['starts-with', '$key', 'uploads/'], ['content-length-range', 1, 100], { success_action_status: '201' }, ['starts-with', '$x-amz-meta-origin', '']],
      { success_action_status: '201', 'x-amz-meta-origin': 'browser' },
    );
    assert.equal(created.status, 201);
    assert.match(await created.text(), /<PostResponse><Location>.*<\/Location><Bucket>.*<Key>uploads\/local.txt<\/Key><ETag>/);
    const stored = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'uploads/local.txt' }));
    assert.equal(await stored.Body!.transformToString(), 'uploaded');
    assert.deepEqual(stored.Metadata, { origin: 'browser' });

    const refused = await post('elsewhere/x', [['starts-with', '$key', 'uploads/']]);
    assert.equal(refused.status, 403);
    assert.match((await refused.text()).replace(/&quot;/g, '"'), /Invalid according to Policy: Policy Condition failed: \["starts-with", "\$key", "uploads\/"\]/);
    const tooBig = await post('uploads/big', [['content-length-range', 1, 3]]);
    assert.equal(tooBig.status, 400);
    assert.match(await tooBig.text(), /<Code>EntityTooLarge<\/Code>.*<ProposedSize>8<\/ProposedSize>.*<MaxSizeAllowed>3<\/MaxSizeAllowed>/s);
    // A form without a policy needs no signature (a bucket that lets anyone write).
    const form = new FormData();
    form.append('key', 'plain');
    form.append('file', new Blob(['plain']), 'plain.txt');
    assert.equal((await fetch(`${aws.endpoint}/${bucket}`, { method: 'POST', body: form })).status, 204);

    // The file streams into the bucket: bigger than any buffered request (20 MiB), with fields after it ignored.
    const big = Buffer.alloc(24 * 1024 * 1024, 7);
    const bigForm = new FormData();
    bigForm.append('key', 'uploads/big.bin');
    bigForm.append('file', new Blob([big]), 'big.bin');
    bigForm.append('key', 'ignored-after-the-file');
    assert.equal((await fetch(`${aws.endpoint}/${bucket}`, { method: 'POST', body: bigForm })).status, 204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'uploads/big.bin' }));
    assert.deepEqual([head.ContentLength, head.ETag], [big.length, `"${createHash('md5').update(big).digest('hex')}"`]);
  });

  it('expires objects by lifecycle rules on the emulator clock and reports x-amz-expiration', async () => {
    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: bucket,
        LifecycleConfiguration: { Rules: [{ ID: 'tmp', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 } }] },
      }),
    );
    const rules = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    assert.equal(rules.Rules![0].ID, 'tmp');
    const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'tmp/a', Body: 'x' }));
    assert.match(put.Expiration!, /^expiry-date="[^"]+ 00:00:00 GMT", rule-id="tmp"$/);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'keep/a', Body: 'x' }));
    aws.emulator.clock.advance(3 * 86_400_000);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    assert.equal((await failure(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'tmp/a' })))).status, 404);
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'keep/a' }))).ContentLength, 1);
  });

  it('sends the test event and AWS event records to SQS queues, filtered by event and key', async () => {
    const sqs = new SQSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS });
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${bucket}-events` }));
    const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const configure = () =>
      s3.send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: bucket,
          NotificationConfiguration: { QueueConfigurations: [{ QueueArn: arn, Events: ['s3:ObjectCreated:*'] }] },
        }),
      );
    // As on AWS, the queue's policy must let S3 send for this bucket.
    const refused = await failure(configure());
    assert.equal(refused.message, 'Unable to validate the following destination configurations');
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn, Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${bucket}` } } },
      ],
    };
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: JSON.stringify(policy) } }));
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: bucket,
        NotificationConfiguration: {
          QueueConfigurations: [
            { Id: 'created', QueueArn: arn, Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.jpg' }] } } },
            { QueueArn: arn, Events: ['s3:ObjectRemoved:Delete'] },
          ],
        },
      }),
    );
    const stored = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    assert.equal(stored.QueueConfigurations!.length, 2);
    assert.ok(stored.QueueConfigurations![1].Id, 'S3 names configurations that have no Id');
    const receive = async () => {
      const bodies: Record<string, unknown>[] = [];
      for (let i = 0; i < 5 && bodies.length < 3; i++) {
        const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
        bodies.push(...(Messages ?? []).map((m) => JSON.parse(m.Body!)));
      }
      return bodies;
    };
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'photos/a b.jpg', Body: 'img' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes.txt', Body: 'skip' }));
    const messages = await receive();
    const test = messages.find((m) => m.Event === 's3:TestEvent');
    assert.equal(test?.Bucket, bucket);
    type EventRecord = { eventName: string; eventSource: string; s3: { configurationId: string; bucket: { name: string }; object: { key: string; size: number } } };
    const record = (messages.find((m) => m.Records) as { Records: EventRecord[] }).Records[0];
    assert.equal(record.eventName, 'ObjectCreated:Put');
    assert.equal(record.eventSource, 'aws:s3');
    assert.equal(record.s3.configurationId, 'created');
    assert.equal(record.s3.bucket.name, bucket);
    assert.equal(record.s3.object.key, 'photos/a+b.jpg');
    assert.equal(record.s3.object.size, 3);
    assert.equal(messages.filter((m) => m.Records).length, 1, 'notes.txt does not match the suffix filter');

    // A browser POST upload is its own event type.
    const form = new FormData();
    form.append('key', 'photos/posted.jpg');
    form.append('file', new Blob(['posted']), 'posted.jpg');
    assert.equal((await fetch(`${aws.endpoint}/${bucket}`, { method: 'POST', body: form })).status, 204);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 5 }));
    const posted = (JSON.parse(Messages![0].Body!) as { Records: EventRecord[] }).Records[0];
    assert.deepEqual([posted.eventName, posted.s3.object.key, posted.s3.object.size], ['ObjectCreated:Post', 'photos/posted.jpg', 6]);

    const bad = await failure(
      s3.send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: bucket,
          NotificationConfiguration: { QueueConfigurations: [{ QueueArn: arn.replace(/[^:]+$/, 'missing-queue'), Events: ['s3:ObjectCreated:*'] }] },
        }),
      ),
    );
    assert.equal(bad.name, 'InvalidArgument');
    assert.equal(bad.message, 'Unable to validate the following destination configurations');
  });
});
