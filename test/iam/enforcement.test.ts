import assert from 'node:assert/strict';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  IAMClient,
  PutRolePermissionsBoundaryCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateQueueCommand, ListQueuesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
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
    aws = await startTwinstack({ port: 0, services: ['iam', 'sts', 'sqs', 'dynamodb'], enforceIam: true });
    iam = client(IAMClient);
  });
  after(() => aws.stop());

  async function userWithPolicy(name: string, policy: string, tags?: Array<{ Key: string; Value: string }>) {
    await iam.send(new CreateUserCommand({ UserName: name, Tags: tags }));
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  }

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
});
