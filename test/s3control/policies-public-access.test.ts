import assert from 'node:assert/strict';
import { CreateBucketCommand, GetBucketTaggingCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateAccessPointCommand,
  CreateAccessPointForObjectLambdaCommand,
  DeleteAccessPointPolicyCommand,
  DeletePublicAccessBlockCommand,
  GetAccessPointPolicyCommand,
  GetAccessPointPolicyStatusCommand,
  GetAccessPointPolicyStatusForObjectLambdaCommand,
  GetPublicAccessBlockCommand,
  ListTagsForResourceCommand,
  PutAccessPointPolicyCommand,
  PutAccessPointPolicyForObjectLambdaCommand,
  PutPublicAccessBlockCommand,
  S3ControlClient,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-s3-control';
import type { Twinstack } from '../../emulator/index.ts';
import { startS3, CREDENTIALS } from '../s3/support.ts';
import { localhostNames } from '../support/localhost-names.ts';

const ACCOUNT = '000000000000';
type Failure = Error & { $metadata: { httpStatusCode: number } };
const failureOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    const e = error as Failure;
    return [e.name, e.message, e.$metadata.httpStatusCode];
  }
  throw new Error('expected the call to fail');
};

describe('S3 Control: access point policies and their status, the account public access block, resource tags (SDK v3)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let control: S3ControlClient;
  const controlIn = (region: string) => new S3ControlClient({ ...localhostNames(aws.endpoint), region, credentials: CREDENTIALS });
  before(async () => {
    aws = await startS3(['s3', 's3control']);
    control = controlIn('us-east-1');
    const s3 = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'ap-policy-bucket' }));
    s3.destroy();
    await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'policy-ap', Bucket: 'ap-policy-bucket' }));
  });
  after(() => aws.stop());

  const policy = (principal: unknown, condition?: object) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/policy-ap/object/*`, ...(condition ? { Condition: condition } : {}) }],
    });

  it('stores, returns and deletes an access point policy, and says whether it is public', async () => {
    const missing = await failureOf(control.send(new GetAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap' })));
    assert.deepEqual(missing, ['NoSuchAccessPointPolicy', 'The specified accesspoint policy does not exist', 404]);
    assert.deepEqual(await failureOf(control.send(new GetAccessPointPolicyStatusCommand({ AccountId: ACCOUNT, Name: 'policy-ap' }))), missing);

    await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap', Policy: policy('*') }));
    assert.equal((await control.send(new GetAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap' }))).Policy, policy('*'));
    assert.deepEqual((await control.send(new GetAccessPointPolicyStatusCommand({ AccountId: ACCOUNT, Name: 'policy-ap' }))).PolicyStatus, { IsPublic: true });

    await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap', Policy: policy({ AWS: ACCOUNT }) }));
    assert.deepEqual((await control.send(new GetAccessPointPolicyStatusCommand({ AccountId: ACCOUNT, Name: 'policy-ap' }))).PolicyStatus, { IsPublic: false });

    await control.send(new DeleteAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap' }));
    assert.deepEqual(await failureOf(control.send(new GetAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap' }))), missing);
    const bad = await failureOf(control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap', Policy: 'not json' })));
    assert.equal(bad[0], 'MalformedPolicy');
  });

  it('tells the policy status of an Object Lambda access point', async () => {
    await control.send(
      new CreateAccessPointForObjectLambdaCommand({
        AccountId: ACCOUNT,
        Name: 'policy-olap',
        Configuration: {
          SupportingAccessPoint: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/policy-ap`,
          TransformationConfigurations: [{ Actions: ['GetObject'], ContentTransformation: { AwsLambda: { FunctionArn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f` } } }],
        },
      }),
    );
    const status = () => control.send(new GetAccessPointPolicyStatusForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'policy-olap' }));
    assert.equal((await failureOf(status()))[0], 'NoSuchAccessPointPolicy');
    await control.send(new PutAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'policy-olap', Policy: policy('*', { Bool: { 'aws:SecureTransport': 'true' } }) }));
    assert.deepEqual((await status()).PolicyStatus, { IsPublic: false });
    await control.send(new PutAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'policy-olap', Policy: policy({ AWS: '*' }) }));
    assert.deepEqual((await status()).PolicyStatus, { IsPublic: true });
  });

  it("keeps one public access block for the whole account, with AWS's answers (AWS-recorded TestS3ControlPublicAccessBlock)", async () => {
    const get = (client = control) => client.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }));
    assert.deepEqual(await failureOf(get()), ['NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404]);
    await control.send(new PutPublicAccessBlockCommand({ AccountId: ACCOUNT, PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false } }));
    const expected = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
    assert.deepEqual((await get()).PublicAccessBlockConfiguration, expected);
    const elsewhere = controlIn('eu-west-1');
    assert.deepEqual((await get(elsewhere)).PublicAccessBlockConfiguration, expected);
    elsewhere.destroy();
    const empty = await failureOf(control.send(new PutPublicAccessBlockCommand({ AccountId: ACCOUNT, PublicAccessBlockConfiguration: {} })));
    assert.deepEqual(empty, ['InvalidRequest', 'Must specify at least one configuration.', 400]);
    const deleted = await control.send(new DeletePublicAccessBlockCommand({ AccountId: ACCOUNT }));
    assert.equal(deleted.$metadata.httpStatusCode, 204);
    assert.equal((await failureOf(get()))[0], 'NoSuchPublicAccessBlockConfiguration');
    assert.equal((await control.send(new DeletePublicAccessBlockCommand({ AccountId: ACCOUNT }))).$metadata.httpStatusCode, 204);
  });

  it("tags a bucket (its own tag set) and an access point, with AWS's validation (AWS-recorded TestS3ControlTagging)", async () => {
    const ResourceArn = 'arn:aws:s3:::ap-policy-bucket';
    const list = (arn = ResourceArn) => control.send(new ListTagsForResourceCommand({ AccountId: ACCOUNT, ResourceArn: arn }));
    assert.deepEqual((await list()).Tags, []);
    const tagged = await control.send(new TagResourceCommand({ AccountId: ACCOUNT, ResourceArn, Tags: [{ Key: 'key1', Value: 'value1' }, { Key: 'key2', Value: 'value2' }] }));
    assert.equal(tagged.$metadata.httpStatusCode, 204);
    await control.send(new TagResourceCommand({ AccountId: ACCOUNT, ResourceArn, Tags: [{ Key: 'key3', Value: 'value3' }] }));
    assert.deepEqual((await list()).Tags?.map((t) => t.Key), ['key1', 'key2', 'key3']);
    await control.send(new UntagResourceCommand({ AccountId: ACCOUNT, ResourceArn, TagKeys: ['key3'] }));
    assert.equal((await control.send(new UntagResourceCommand({ AccountId: ACCOUNT, ResourceArn, TagKeys: ['key3'] }))).$metadata.httpStatusCode, 204);
    const s3 = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    assert.deepEqual((await s3.send(new GetBucketTaggingCommand({ Bucket: 'ap-policy-bucket' }))).TagSet, [
      { Key: 'key1', Value: 'value1' },
      { Key: 'key2', Value: 'value2' },
    ]);
    s3.destroy();

    const refused = (Tags: { Key: string; Value: string }[]) => failureOf(control.send(new TagResourceCommand({ AccountId: ACCOUNT, ResourceArn, Tags })));
    assert.deepEqual((await refused([{ Key: 'aws:test', Value: 'v' }])).slice(0, 1), ['InvalidTag']);
    assert.equal((await refused([{ Key: 'k', Value: 'v' }, { Key: 'k', Value: 'v' }]))[1], 'There are duplicate tag keys in your request. Remove the duplicate tag keys and try again.');
    assert.match(String((await refused([{ Key: 'test', Value: 'value1,value2' }]))[1]), /^This request contains a tag key or value that isn't valid/);
    const missing = await failureOf(list('arn:aws:s3:::no-such-bucket-here'));
    assert.deepEqual(missing, ['NoSuchResource', "The specified resource doesn't exist.", 404]);

    const accessPoint = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/policy-ap`;
    await control.send(new TagResourceCommand({ AccountId: ACCOUNT, ResourceArn: accessPoint, Tags: [{ Key: 'team', Value: 'data' }] }));
    assert.deepEqual((await list(accessPoint)).Tags, [{ Key: 'team', Value: 'data' }]);
  });

  it('exports, resets and imports its state: access points, their policies and tags, the public access block', async () => {
    const accessPoint = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/policy-ap`;
    await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap', Policy: policy('*') }));
    await control.send(new PutPublicAccessBlockCommand({ AccountId: ACCOUNT, PublicAccessBlockConfiguration: { BlockPublicPolicy: true } }));
    const exported = aws.exportState() as { services: Record<string, unknown> };
    assert.ok(exported.services.s3control, 's3control was exported');
    await aws.reset();
    assert.equal((await failureOf(control.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }))))[0], 'NoSuchPublicAccessBlockConfiguration');
    await aws.importState(JSON.parse(JSON.stringify(exported)));
    assert.equal((await control.send(new GetAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'policy-ap' }))).Policy, policy('*'));
    assert.deepEqual((await control.send(new ListTagsForResourceCommand({ AccountId: ACCOUNT, ResourceArn: accessPoint }))).Tags, [{ Key: 'team', Value: 'data' }]);
    assert.equal((await control.send(new GetPublicAccessBlockCommand({ AccountId: ACCOUNT }))).PublicAccessBlockConfiguration?.BlockPublicPolicy, true);
  });
});
