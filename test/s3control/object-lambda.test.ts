import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  DeleteObjectCommand,
  GetBucketAclCommand,
  GetBucketCorsCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutBucketPolicyCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateAccessPointCommand,
  CreateAccessPointForObjectLambdaCommand,
  DeleteAccessPointPolicyCommand,
  DeleteAccessPointForObjectLambdaCommand,
  GetAccessPointCommand,
  GetAccessPointConfigurationForObjectLambdaCommand,
  GetAccessPointForObjectLambdaCommand,
  GetAccessPointPolicyForObjectLambdaCommand,
  ListAccessPointsForObjectLambdaCommand,
  PutAccessPointConfigurationForObjectLambdaCommand,
  PutAccessPointPolicyCommand,
  PutAccessPointPolicyForObjectLambdaCommand,
  S3ControlClient,
  type ObjectLambdaConfiguration,
} from '@aws-sdk/client-s3-control';
import { AddPermissionCommand } from '@aws-sdk/client-lambda';
import { CREDENTIALS, createFunction, useLambda } from '../lambda/support.ts';
import { runBoto3Script } from '../support/boto3.ts';
import { localhostNames } from '../support/localhost-names.ts';

const ACCOUNT = '000000000000';
type Failure = Error & { $metadata: { httpStatusCode: number } };

/** Handlers that answer GetObject through the SDK of their managed runtime, reaching twinstack through the environment. */
const UPPERCASE = `const { S3Client, WriteGetObjectResponseCommand } = require('@aws-sdk/client-s3');
exports.handler = async (event) => {
  const { inputS3Url, outputRoute, outputToken } = event.getObjectContext;
  const original = await (await fetch(inputS3Url)).text();
  const body = event.userRequest.url.endsWith('/event.json') ? JSON.stringify(event) : original.toUpperCase() + event.configuration.payload;
  await new S3Client({}).send(new WriteGetObjectResponseCommand({
    RequestRoute: outputRoute, RequestToken: outputToken, Body: body, ContentType: 'text/plain', Metadata: { transformed: 'yes' },
  }));
  return { statusCode: 200 };
};`;
const REFUSE = `const { S3Client, WriteGetObjectResponseCommand } = require('@aws-sdk/client-s3');
exports.handler = async (event) => {
  const { outputRoute, outputToken } = event.getObjectContext;
  await new S3Client({}).send(new WriteGetObjectResponseCommand({
    RequestRoute: outputRoute, RequestToken: outputToken, StatusCode: 403, ErrorCode: 'NoSecretsHere', ErrorMessage: 'this object is redacted',
  }));
};`;
const SILENT = `exports.handler = async () => ({ statusCode: 200 });`;

describe('S3 Object Lambda access points (S3 Control) and WriteGetObjectResponse, through AWS SDK v3 and Node.js handlers', function () {
  this.timeout(90_000);
  const context = useLambda(['s3', 's3control', 'lambda', 'sts']);
  let s3: S3Client;
  let control: S3ControlClient;
  const functions: Record<string, string> = {};
  const bucket = 'olap-source';

  const configuration = (fn: string, payload = ''): ObjectLambdaConfiguration => ({
    SupportingAccessPoint: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/source-ap`,
    TransformationConfigurations: [{ Actions: ['GetObject'], ContentTransformation: { AwsLambda: { FunctionArn: functions[fn], FunctionPayload: payload } } }],
  });
  const olapArn = (name: string) => `arn:aws:s3-object-lambda:us-east-1:${ACCOUNT}:accesspoint/${name}`;
  const read = async (name: string, key: string) => {
    const out = await s3.send(new GetObjectCommand({ Bucket: olapArn(name), Key: key }));
    return { out, text: await out.Body!.transformToString() };
  };

  before(async () => {
    s3 = new S3Client({ ...localhostNames(context.aws.endpoint), region: 'us-east-1', credentials: CREDENTIALS });
    control = new S3ControlClient({ ...localhostNames(context.aws.endpoint), region: 'us-east-1', credentials: CREDENTIALS });
    const plain = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    await plain.send(new CreateBucketCommand({ Bucket: bucket }));
    await plain.send(new PutObjectCommand({ Bucket: bucket, Key: 'hello.txt', Body: 'hello world' }));
    await plain.send(new PutObjectCommand({ Bucket: bucket, Key: 'event.json', Body: '{}' }));
    plain.destroy();
    for (const [name, source] of Object.entries({ uppercase: UPPERCASE, refuse: REFUSE, silent: SILENT })) {
      const fn = await createFunction(context.lambda, { 'index.js': source }, { Runtime: 'nodejs20.x', Handler: 'index.handler', Timeout: 30 });
      functions[name] = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${fn}`;
    }
  });
  after(() => {
    s3.destroy();
    control.destroy();
  });

  it('creates an access point and Object Lambda access points, and reads them back', async () => {
    const ap = await control.send(new CreateAccessPointCommand({ AccountId: ACCOUNT, Name: 'source-ap', Bucket: bucket }));
    assert.equal(ap.AccessPointArn, `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/source-ap`);
    assert.match(ap.Alias!, /^source-ap-[a-z0-9]{34}-s3alias$/);
    assert.equal((await control.send(new GetAccessPointCommand({ AccountId: ACCOUNT, Name: 'source-ap' }))).Bucket, bucket);

    for (const [name, fn] of [['upper', 'uppercase'], ['refusing', 'refuse'], ['silent', 'silent']]) {
      const created = await control.send(new CreateAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: name, Configuration: configuration(fn, name === 'upper' ? '!' : '') }));
      assert.equal(created.ObjectLambdaAccessPointArn, olapArn(name));
      assert.match(created.Alias!.Value!, new RegExp(`^${name}-[a-z0-9]{34}--ol-s3$`));
    }
    const got = await control.send(new GetAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'upper' }));
    assert.equal(got.Name, 'upper');
    assert.equal(got.Alias?.Status, 'READY');
    assert.ok(got.CreationDate instanceof Date);
    const listed = await control.send(new ListAccessPointsForObjectLambdaCommand({ AccountId: ACCOUNT }));
    assert.deepEqual(listed.ObjectLambdaAccessPointList?.map((ap) => [ap.Name, ap.ObjectLambdaAccessPointArn]), [
      ['refusing', olapArn('refusing')],
      ['silent', olapArn('silent')],
      ['upper', olapArn('upper')],
    ]);
    const paged = await control.send(new ListAccessPointsForObjectLambdaCommand({ AccountId: ACCOUNT, MaxResults: 2 }));
    assert.equal(paged.ObjectLambdaAccessPointList?.length, 2);
    const rest = await control.send(new ListAccessPointsForObjectLambdaCommand({ AccountId: ACCOUNT, NextToken: paged.NextToken }));
    assert.deepEqual(rest.ObjectLambdaAccessPointList?.map((ap) => ap.Name), ['upper']);
    const stored = await control.send(new GetAccessPointConfigurationForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'upper' }));
    assert.deepEqual(stored.Configuration?.TransformationConfigurations?.[0].ContentTransformation?.AwsLambda?.FunctionArn, functions.uppercase);
  });

  it('answers a GetObject through the access point with what the function writes back', async () => {
    const { out, text } = await read('upper', 'hello.txt');
    assert.equal(text, 'HELLO WORLD!');
    assert.equal(out.ContentType, 'text/plain');
    assert.deepEqual(out.Metadata, { transformed: 'yes' });
    // A range the configuration does not allow (no GetObject-Range feature): AWS's 501.
    const ranged = (await s3.send(new GetObjectCommand({ Bucket: olapArn('upper'), Key: 'hello.txt', Range: 'bytes=0-1' })).catch((e: Failure) => e)) as Failure;
    assert.deepEqual([ranged.name, ranged.$metadata.httpStatusCode, ranged.message], ['NotImplemented', 501, 'Operation Not Implemented.']);
  });

  it("serves the Object Lambda access point's alias (`…--ol-s3`) as a bucket name on the plain S3 endpoint", async () => {
    const alias = (await control.send(new GetAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'upper' }))).Alias!.Value!;
    const plain = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    try {
      const out = await plain.send(new GetObjectCommand({ Bucket: alias, Key: 'hello.txt' }));
      assert.equal(await out.Body!.transformToString(), 'HELLO WORLD!');
      await plain.send(new PutObjectCommand({ Bucket: alias, Key: 'by-alias.txt', Body: 'as is' }));
      assert.equal(await (await plain.send(new GetObjectCommand({ Bucket: bucket, Key: 'by-alias.txt' }))).Body!.transformToString(), 'as is');
      await plain.send(new DeleteObjectCommand({ Bucket: alias, Key: 'by-alias.txt' }));
      assert.equal((await plain.send(new HeadBucketCommand({ Bucket: alias }))).AccessPointAlias, true);
      const refused = (await plain.send(new GetBucketTaggingCommand({ Bucket: alias })).catch((e: Failure) => e)) as Failure;
      assert.deepEqual([refused.name, refused.$metadata.httpStatusCode], ['NotImplemented', 501]);
      const ranged = (await plain.send(new GetObjectCommand({ Bucket: alias, Key: 'hello.txt', Range: 'bytes=0-1' })).catch((e: Failure) => e)) as Failure;
      assert.deepEqual([ranged.name, ranged.$metadata.httpStatusCode], ['NotImplemented', 501]);
      // Another alias of the same form, one random character changed.
      const madeUp = `upper-${alias[6] === 'a' ? 'b' : 'a'}${alias.slice(7)}`;
      const unknown = (await plain.send(new GetObjectCommand({ Bucket: madeUp, Key: 'hello.txt' })).catch((e: Failure) => e)) as Failure;
      assert.deepEqual([unknown.name, unknown.$metadata.httpStatusCode], ['InvalidAccessPointAliasError', 400]);
    } finally {
      plain.destroy();
    }
  });

  it('answers a ranged or part HeadObject and GetObject 501 unless the configuration allows that feature', async () => {
    await control.send(
      new CreateAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'ranged', Configuration: { ...configuration('uppercase'), AllowedFeatures: ['HeadObject-Range', 'GetObject-PartNumber'] } }),
    );
    try {
      const refused = async (command: HeadObjectCommand | GetObjectCommand) => {
        const error = (await s3.send(command as GetObjectCommand).catch((e: Failure) => e)) as Failure;
        // A HEAD answer has no body: the SDK knows the error by its status alone.
        assert.deepEqual([error.name, error.$metadata.httpStatusCode], [command instanceof HeadObjectCommand ? 'Unknown' : 'NotImplemented', 501]);
      };
      await refused(new HeadObjectCommand({ Bucket: olapArn('upper'), Key: 'hello.txt', Range: 'bytes=0-1' }));
      await refused(new HeadObjectCommand({ Bucket: olapArn('upper'), Key: 'hello.txt', PartNumber: 1 }));
      await refused(new HeadObjectCommand({ Bucket: olapArn('ranged'), Key: 'hello.txt', PartNumber: 1 }));
      await refused(new GetObjectCommand({ Bucket: olapArn('ranged'), Key: 'hello.txt', Range: 'bytes=0-1' }));
      // Allowed, and with no HeadObject transformation: the supporting access point's bucket answers the range.
      const head = await s3.send(new HeadObjectCommand({ Bucket: olapArn('ranged'), Key: 'hello.txt', Range: 'bytes=0-1' }));
      assert.deepEqual([head.ContentLength, head.ContentRange], [2, 'bytes 0-1/11']);
      assert.equal((await s3.send(new HeadObjectCommand({ Bucket: olapArn('upper'), Key: 'hello.txt' }))).ContentLength, 11);
    } finally {
      await control.send(new DeleteAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'ranged' }));
    }
  });

  it("serves other object operations untransformed, from the supporting access point's bucket, and refuses bucket operations", async () => {
    const plain = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
    try {
      const put = await s3.send(new PutObjectCommand({ Bucket: olapArn('upper'), Key: 'written.txt', Body: 'written as is' }));
      assert.ok(put.ETag);
      assert.equal(await (await plain.send(new GetObjectCommand({ Bucket: bucket, Key: 'written.txt' }))).Body!.transformToString(), 'written as is');
      await s3.send(new PutObjectTaggingCommand({ Bucket: olapArn('upper'), Key: 'written.txt', Tagging: { TagSet: [{ Key: 'via', Value: 'olap' }] } }));
      assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket: olapArn('upper'), Key: 'written.txt' }))).TagSet, [{ Key: 'via', Value: 'olap' }]);
      await s3.send(new DeleteObjectCommand({ Bucket: olapArn('upper'), Key: 'written.txt' }));
      const gone = await plain.send(new GetObjectCommand({ Bucket: bucket, Key: 'written.txt' })).catch((e: Failure) => e);
      assert.equal((gone as Failure).name, 'NoSuchKey');
      const refused = (await s3.send(new GetBucketTaggingCommand({ Bucket: olapArn('upper') })).catch((e: Failure) => e)) as Failure;
      assert.deepEqual([refused.name, refused.$metadata.httpStatusCode, refused.message], ['NotImplemented', 501, 'Operation Not Implemented.']);
      // The bucket reads access points take are answered by the supporting access point's bucket.
      await plain.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['*'] }] } }));
      const cors = await s3.send(new GetBucketCorsCommand({ Bucket: olapArn('upper') }));
      assert.deepEqual(cors.CORSRules?.[0].AllowedMethods, ['GET']);
      assert.equal((await s3.send(new HeadBucketCommand({ Bucket: olapArn('upper') }))).BucketRegion, 'us-east-1');
      assert.equal((await s3.send(new GetBucketAclCommand({ Bucket: olapArn('upper') }))).Grants?.[0].Permission, 'FULL_CONTROL');
      assert.equal((await s3.send(new GetBucketLocationCommand({ Bucket: olapArn('upper') }))).LocationConstraint, undefined);
      const noPolicy = (await s3.send(new GetBucketPolicyCommand({ Bucket: olapArn('upper') })).catch((e: Failure) => e)) as Failure;
      assert.equal(noPolicy.name, 'NoSuchBucketPolicy');
    } finally {
      plain.destroy();
    }
  });

  it('serves boto3 the same way (GetObject by the access point ARN, S3 Control listings and errors)', async () => {
    const seen = await runBoto3Script<Record<string, unknown>>(new URL('./object-lambda-boto3.py', import.meta.url), context.aws.endpoint, { timeout: 60_000 });
    assert.deepEqual(seen, {
      body: 'HELLO WORLD!',
      metadata: { transformed: 'yes' },
      content_type: 'text/plain',
      names: ['refusing', 'silent', 'upper'],
      missing: ['NoSuchAccessPoint', 404],
    });
  });

  it('gives the function the event AWS documents, with a presigned URL of the original object', async () => {
    const event = JSON.parse((await read('upper', 'event.json')).text);
    assert.equal(event.protocolVersion, '1.00');
    assert.match(event.getObjectContext.inputS3Url, /^http:\/\/127\.0\.0\.1:\d+\/olap-source\/event\.json\?.*X-Amz-Signature=/);
    assert.match(event.getObjectContext.outputRoute, /^io-use1-001$/);
    assert.equal(typeof event.getObjectContext.outputToken, 'string');
    assert.deepEqual(event.configuration, { accessPointArn: olapArn('upper'), supportingAccessPointArn: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/source-ap`, payload: '!' });
    assert.match(event.userRequest.url, /\/event\.json$/);
    assert.equal(event.userRequest.headers.authorization, undefined);
    assert.equal(event.userIdentity.accountId, ACCOUNT);
    assert.equal(typeof event.xAmzRequestId, 'string');
  });

  it('returns the error the function writes, with its status', async () => {
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: olapArn('refusing'), Key: 'hello.txt' })), (error: Failure) => {
      assert.deepEqual([error.name, error.message, error.$metadata.httpStatusCode], ['NoSecretsHere', 'this object is redacted', 403]);
      return true;
    });
  });

  it('answers LambdaResponseNotReceived when the function never calls WriteGetObjectResponse', async () => {
    await assert.rejects(s3.send(new GetObjectCommand({ Bucket: olapArn('silent'), Key: 'hello.txt' })), (error: Failure) => {
      assert.deepEqual([error.name, error.$metadata.httpStatusCode], ['LambdaResponseNotReceived', 500]);
      return true;
    });
  });

  it("applies the Object Lambda access point's policy, then the supporting access point's and the bucket's, also to another account", async () => {
    const OTHER = '111111111111';
    const other = new S3Client({ ...localhostNames(context.aws.endpoint), region: 'us-east-1', credentials: { accessKeyId: OTHER, secretAccessKey: 'test' } });
    const denied = async (request: Promise<unknown>) => {
      const error = (await request.catch((e: Failure) => e)) as Failure;
      assert.equal(error.$metadata?.httpStatusCode, 403, String(error));
    };
    const statement = (Effect: string, AWS: string, Action: string, Resource: string, Condition?: object) => ({ Effect, Principal: { AWS }, Action, Resource, Condition });
    const document = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
    try {
      await control.send(new CreateAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'guarded', Configuration: configuration('uppercase') }));
      assert.equal((await read('guarded', 'hello.txt')).text, 'HELLO WORLD');
      // Its Deny refuses the owner too; a GetObject Deny also covers HeadObject (both are s3-object-lambda:GetObject).
      const deny = document(statement('Deny', '*', 's3-object-lambda:GetObject', olapArn('guarded')));
      await control.send(new PutAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'guarded', Policy: deny }));
      await denied(read('guarded', 'hello.txt'));
      await denied(s3.send(new HeadObjectCommand({ Bucket: olapArn('guarded'), Key: 'hello.txt' })));
      // Another account needs the Object Lambda access point's Allow...
      const allow = document(statement('Allow', OTHER, 's3-object-lambda:GetObject', olapArn('guarded')));
      await control.send(new PutAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'guarded', Policy: allow }));
      assert.equal((await read('guarded', 'hello.txt')).text, 'HELLO WORLD');
      await denied(other.send(new GetObjectCommand({ Bucket: olapArn('guarded'), Key: 'hello.txt' })));
      // ...the supporting access point's, for requests S3 Object Lambda passes on (aws:CalledVia, as AWS's example has it),
      // and the function's, which S3 Object Lambda invokes with the caller's permissions.
      await context.lambda.send(
        new AddPermissionCommand({ FunctionName: functions.uppercase, StatementId: 'other-account', Action: 'lambda:InvokeFunction', Principal: OTHER }),
      );
      const supporting = `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/source-ap`;
      const calledVia = { 'ForAnyValue:StringEquals': { 'aws:CalledVia': ['s3-object-lambda.amazonaws.com'] } };
      await control.send(new PutAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'source-ap', Policy: document(statement('Allow', OTHER, 's3:GetObject', `${supporting}/object/*`, calledVia)) }));
      const transformed = await other.send(new GetObjectCommand({ Bucket: olapArn('guarded'), Key: 'hello.txt' }));
      assert.equal(await transformed.Body!.transformToString(), 'HELLO WORLD');
      // HeadObject has no transformation here: it reaches the bucket, whose policy must let the other account in too,
      // as one delegating access control to its owner's access points does.
      await denied(other.send(new HeadObjectCommand({ Bucket: olapArn('guarded'), Key: 'hello.txt' })));
      const delegation = statement('Allow', '*', '*', `arn:aws:s3:::${bucket}/*`, { StringEquals: { 's3:DataAccessPointAccount': ACCOUNT } });
      const plain = new S3Client({ endpoint: context.aws.endpoint, region: 'us-east-1', credentials: CREDENTIALS, forcePathStyle: true });
      await plain.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: document(delegation) }));
      try {
        assert.equal((await other.send(new HeadObjectCommand({ Bucket: olapArn('guarded'), Key: 'hello.txt' }))).ContentLength, 11);
        // Straight to the bucket the access point keys are absent, and the other account is refused.
        await denied(other.send(new GetObjectCommand({ Bucket: bucket, Key: 'hello.txt' })));
      } finally {
        await plain.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
        plain.destroy();
      }
    } finally {
      await control.send(new DeleteAccessPointPolicyCommand({ AccountId: ACCOUNT, Name: 'source-ap' }));
      other.destroy();
    }
  });

  it('updates the configuration, stores a policy, and deletes the access point', async () => {
    await control.send(new PutAccessPointConfigurationForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'silent', Configuration: configuration('uppercase', '?') }));
    assert.equal((await read('silent', 'hello.txt')).text, 'HELLO WORLD?');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 's3-object-lambda:GetObject', Resource: olapArn('silent') }] });
    await control.send(new PutAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'silent', Policy: policy }));
    assert.equal((await control.send(new GetAccessPointPolicyForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'silent' }))).Policy, policy);
    await control.send(new DeleteAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'silent' }));
    await assert.rejects(control.send(new GetAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'silent' })), { name: 'NoSuchAccessPoint' });
  });

  it("refuses another account's access points and a supporting access point that does not exist", async () => {
    await assert.rejects(control.send(new ListAccessPointsForObjectLambdaCommand({ AccountId: '111111111111' })), { name: 'AccessDenied' });
    const missingSupport = { ...configuration('uppercase'), SupportingAccessPoint: `arn:aws:s3:us-east-1:${ACCOUNT}:accesspoint/missing` };
    await assert.rejects(control.send(new CreateAccessPointForObjectLambdaCommand({ AccountId: ACCOUNT, Name: 'nope', Configuration: missingSupport })), { name: 'InvalidRequest' });
  });
});
