import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  IAMClient,
  TagRoleCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ListQueuesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';

// With --enforce-iam, requests are authorised by the caller's IAM policies with AWS's evaluation logic, and denied
// with the service's AccessDenied naming principal, action and resource (message form of the IAM User Guide's
// "Troubleshoot access denied error messages"); AssumeRole checks the role's trust policy (IAM with STS).
const ACCOUNT = '000000000000';
const ROOT = { accessKeyId: 'test', secretAccessKey: 'test' };
const trust = (principal: object) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const allow = (action: string | string[], resource: string | string[], extra: object = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }] });

describe('IAM policy enforcement (--enforce-iam) and STS trust checks', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let iam: IAMClient;
  const client = <C>(Client: new (config: object) => C, credentials: object = ROOT): C =>
    new Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['iam', 'sts', 'sqs', 'dynamodb', 's3'], enforceIam: true });
    iam = client(IAMClient);
  });
  after(() => aws.stop());

  async function userWithPolicy(name: string, policy: string, tags?: Array<{ Key: string; Value: string }>) {
    await iam.send(new CreateUserCommand({ UserName: name, Tags: tags }));
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  }

  it('aws:SecureTransport is true over HTTPS and false over plain HTTP', async () => {
    const keys = await userWithPolicy('tls-only', allow('sqs:CreateQueue', '*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
    await assert.rejects(client(SQSClient, keys).send(new CreateQueueCommand({ QueueName: 'plain' })), expectError('AccessDenied', 403));
    const ca = readFileSync((await aws.tls!.identity()).caFile, 'utf8');
    const secure = new SQSClient({ endpoint: aws.httpsEndpoint, region: 'us-east-1', credentials: keys, requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca }) }) });
    const { QueueUrl } = await secure.send(new CreateQueueCommand({ QueueName: 'over-tls' }));
    assert.equal(QueueUrl, `${aws.httpsEndpoint}/${ACCOUNT}/over-tls`);
    secure.destroy();
  });

  it('identity policies allow and deny SQS calls; explicit Deny wins; the message names principal, action and resource', async () => {
    const keys = await userWithPolicy('alice', allow(['sqs:CreateQueue', 'sqs:SendMessage', 'sqs:GetQueueUrl'], `arn:aws:sqs:us-east-1:${ACCOUNT}:allowed-*`));
    const sqs = client(SQSClient, keys);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'allowed-q' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hi' }));
    await assert.rejects(
      sqs.send(new CreateQueueCommand({ QueueName: 'other' })),
      expectError(
        'AccessDenied',
        403,
        `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sqs:CreateQueue on resource: arn:aws:sqs:us-east-1:${ACCOUNT}:other because no identity-based policy allows the sqs:CreateQueue action`,
      ),
    );
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'alice',
        PolicyName: 'deny-send',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'sqs:Send*', Resource: '*' }] }),
      }),
    );
    await assert.rejects(
      sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hi' })),
      expectError(
        'AccessDenied',
        403,
        `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:${ACCOUNT}:allowed-q with an explicit deny in an identity-based policy`,
      ),
    );
    // The account root is never limited by identity policies.
    await client(SQSClient).send(new SendMessageCommand({ QueueUrl, MessageBody: 'root' }));
  });

  it('policy variables and aws:PrincipalTag conditions decide DynamoDB access (AccessDeniedException, 400)', async () => {
    const keys = await userWithPolicy('bob', allow('dynamodb:GetItem', `arn:aws:dynamodb:*:${ACCOUNT}:table/\${aws:PrincipalTag/team}-*`), [{ Key: 'team', Value: 'blue' }]);
    const ddb = client(DynamoDBClient, keys);
    // Allowed: the request reaches DynamoDB, which has no such table.
    await assert.rejects(ddb.send(new GetItemCommand({ TableName: 'blue-items', Key: { id: { S: '1' } } })), expectError('ResourceNotFoundException', 400));
    await assert.rejects(
      ddb.send(new GetItemCommand({ TableName: 'red-items', Key: { id: { S: '1' } } })),
      expectError(
        'AccessDeniedException',
        400,
        `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/red-items because no identity-based policy allows the dynamodb:GetItem action`,
      ),
    );
  });

  it('AssumeRole: trust policies, missing roles, MaxSessionDuration; sessions limited by the role permissions boundary', async () => {
    const sts = client(STSClient);
    await assert.rejects(
      sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/missing`, RoleSessionName: 'sess' })),
      expectError('AccessDenied', 403, `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/missing`),
    );
    await iam.send(new CreateRoleCommand({ RoleName: 'lambda-only', AssumeRolePolicyDocument: trust({ Service: 'lambda.amazonaws.com' }) }));
    await assert.rejects(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/lambda-only`, RoleSessionName: 'sess' })), expectError('AccessDenied', 403));

    await iam.send(new CreateRoleCommand({ RoleName: 'bounded', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'bounded', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess' }));
    await assert.rejects(
      sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/bounded`, RoleSessionName: 'sess', DurationSeconds: 7200 })),
      expectError('ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
    );
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/bounded`, RoleSessionName: 'dev' }));
    const roleId = (await iam.send(new GetRoleCommand({ RoleName: 'bounded' }))).Role!.RoleId;
    assert.equal(assumed.AssumedRoleUser!.AssumedRoleId, `${roleId}:dev`);
    const c = assumed.Credentials!;
    const sqs = client(SQSClient, { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
    await sqs.send(new ListQueuesCommand({}));
    await assert.rejects(
      sqs.send(new CreateQueueCommand({ QueueName: 'from-role' })),
      expectError(
        'AccessDenied',
        403,
        `User: arn:aws:sts::${ACCOUNT}:assumed-role/bounded/dev is not authorized to perform: sqs:CreateQueue on resource: arn:aws:sqs:us-east-1:${ACCOUNT}:from-role because no permissions boundary allows the sqs:CreateQueue action`,
      ),
    );
  });

  it('session policies of AssumeRole (inline and managed) intersect with the role policies; session tags are principal tags', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'admin', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    const sts = client(STSClient);
    const session = async (extra: object) => {
      const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/admin`, RoleSessionName: 'narrow', ...extra }))).Credentials!;
      return client(SQSClient, { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
    };
    const inline = await session({ Policy: allow('sqs:ListQueues', '*') });
    await inline.send(new ListQueuesCommand({}));
    await assert.rejects(
      inline.send(new CreateQueueCommand({ QueueName: 'from-session' })),
      expectError(
        'AccessDenied',
        403,
        `User: arn:aws:sts::${ACCOUNT}:assumed-role/admin/narrow is not authorized to perform: sqs:CreateQueue on resource: arn:aws:sqs:us-east-1:${ACCOUNT}:from-session because no session policy allows the sqs:CreateQueue action`,
      ),
    );
    const managed = await session({ PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess' }] });
    await managed.send(new ListQueuesCommand({}));
    await assert.rejects(managed.send(new CreateQueueCommand({ QueueName: 'from-session' })), expectError('AccessDenied', 403));
    await assert.rejects(session({ Policy: JSON.stringify({ Statement: [{ Effect: 'Allow' }] }) }), expectError('MalformedPolicyDocumentException', 400));

    // aws:PrincipalTag: the session's tag overrides the role's tag of the same key.
    await iam.send(new CreateRoleCommand({ RoleName: 'tagged', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) }));
    await iam.send(new TagRoleCommand({ RoleName: 'tagged', Tags: [{ Key: 'team', Value: 'red' }] }));
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'tagged',
        PolicyName: 'by-team',
        PolicyDocument: allow('sqs:CreateQueue', `arn:aws:sqs:*:${ACCOUNT}:\${aws:PrincipalTag/team}-*`),
      }),
    );
    const tagged = async (tags?: Array<{ Key: string; Value: string }>) => {
      const c = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/tagged`, RoleSessionName: 'tagged-session', Tags: tags }))).Credentials!;
      return client(SQSClient, { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
    };
    await (await tagged()).send(new CreateQueueCommand({ QueueName: 'red-q' }));
    const blue = await tagged([{ Key: 'team', Value: 'blue' }]);
    await blue.send(new CreateQueueCommand({ QueueName: 'blue-q' }));
    await assert.rejects(blue.send(new CreateQueueCommand({ QueueName: 'red-q2' })), expectError('AccessDenied', 403));
  });

  it('aws:SourceIp and aws:RequestTag conditions', async () => {
    const local = await userWithPolicy('from-local', allow('sqs:ListQueues', '*', { Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } } }));
    await client(SQSClient, local).send(new ListQueuesCommand({}));
    const office = await userWithPolicy('from-office', allow('sqs:ListQueues', '*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }));
    await assert.rejects(client(SQSClient, office).send(new ListQueuesCommand({})), expectError('AccessDenied', 403));
    const tagger = await userWithPolicy('tagger', allow('sqs:CreateQueue', '*', { Condition: { StringEquals: { 'aws:RequestTag/team': 'blue' } } }));
    const sqs = client(SQSClient, tagger);
    await sqs.send(new CreateQueueCommand({ QueueName: 'tagged-q', tags: { team: 'blue' } }));
    await assert.rejects(sqs.send(new CreateQueueCommand({ QueueName: 'untagged-q' })), expectError('AccessDenied', 403));
  });

  it('same account: a bucket policy naming the user grants what no identity policy does, presigned URLs too; an explicit Deny wins', async () => {
    const root = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials: ROOT, forcePathStyle: true });
    await root.send(new CreateBucketCommand({ Bucket: 'shared-bucket' }));
    await root.send(new PutObjectCommand({ Bucket: 'shared-bucket', Key: 'report.csv', Body: 'a,b' }));
    const keys = await userWithPolicy('reader', allow('sqs:ListQueues', '*'));
    const reader = new S3Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials: keys, forcePathStyle: true });
    await assert.rejects(reader.send(new GetObjectCommand({ Bucket: 'shared-bucket', Key: 'report.csv' })), expectError('AccessDenied', 403));
    const userArn = `arn:aws:iam::${ACCOUNT}:user/reader`;
    await root.send(
      new PutBucketPolicyCommand({
        Bucket: 'shared-bucket',
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: userArn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-bucket/*' },
            { Effect: 'Deny', Principal: { AWS: userArn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-bucket/secret/*' },
          ],
        }),
      }),
    );
    const got = await reader.send(new GetObjectCommand({ Bucket: 'shared-bucket', Key: 'report.csv' }));
    assert.equal(await got.Body!.transformToString(), 'a,b');
    // The presigner is one release ahead of client-s3 (npm serves the AWS packages at different versions): their types differ, not their wire.
    const presign = getSignedUrl as unknown as (client: S3Client, command: GetObjectCommand, options: { expiresIn: number }) => Promise<string>;
    const url = await presign(reader, new GetObjectCommand({ Bucket: 'shared-bucket', Key: 'report.csv' }), { expiresIn: 300 });
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), 'a,b');
    await assert.rejects(
      reader.send(new PutObjectCommand({ Bucket: 'shared-bucket', Key: 'new.csv', Body: 'x' })),
      expectError(
        'AccessDenied',
        403,
        `User: ${userArn} is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::shared-bucket/new.csv" because no identity-based policy allows the s3:PutObject action`,
      ),
    );
    // The user's own identity policy allowing everything does not beat the bucket policy's explicit Deny.
    await iam.send(new PutUserPolicyCommand({ UserName: 'reader', PolicyName: 'all-s3', PolicyDocument: allow('s3:*', '*') }));
    await root.send(new PutObjectCommand({ Bucket: 'shared-bucket', Key: 'secret/x', Body: 's' }));
    await assert.rejects(reader.send(new GetObjectCommand({ Bucket: 'shared-bucket', Key: 'secret/x' })), expectError('AccessDenied', 403));
  });
});
