import assert from 'node:assert/strict';
import {
  AddUserToGroupCommand,
  ChangePasswordCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GenerateServiceLastAccessedDetailsCommand,
  GetAccessKeyLastUsedCommand,
  GetLoginProfileCommand,
  GetRoleCommand,
  GetServiceLastAccessedDetailsCommand,
  GetServiceLastAccessedDetailsWithEntitiesCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateQueueCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';

// Service last accessed data is what the emulator saw each principal do while --enforce-iam judged its requests:
// per service the last attempt (date, region, entity), per IAM/Lambda action at ACTION_LEVEL, listed for every service
// the entity's permissions policies allow (IAM API Reference, GetServiceLastAccessedDetails); the same requests set
// access key last used and role last used. ChangePassword: the caller's own password, checked against the old one
// and the account's password policy.
const ACCOUNT = '000000000000';
const ROOT = { accessKeyId: 'test', secretAccessKey: 'test' };
const allow = (action: string | string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

describe('IAM service last accessed data, access key and role last used, ChangePassword', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let iam: IAMClient;
  const client = <C>(Client: new (config: object) => C, credentials: object = ROOT, region = 'us-east-1'): C =>
    new Client({ endpoint: aws.endpoint, region, credentials });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['iam', 'sts', 'sqs'], enforceIam: true });
    iam = client(IAMClient);
  });
  after(() => aws.stop());

  async function keysFor(user: string) {
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: user }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  }

  it('a group report lists the services its policies allow, with the member that last tried each; denied attempts count', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'devs', PolicyName: 'p', PolicyDocument: allow(['sqs:ListQueues', 'iam:Get*', 'kms:*']) }));
    for (const name of ['ann', 'ben']) {
      await iam.send(new CreateUserCommand({ UserName: name }));
      await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: name }));
    }
    const ann = await keysFor('ann');
    const ben = await keysFor('ben');
    const start = aws.emulator.clock.now();
    await client(SQSClient, ann).send(new ListQueuesCommand({}));
    aws.emulator.clock.advance(60_000);
    // A denied attempt is an attempt: ben's CreateQueue counts for SQS.
    await assert.rejects(client(SQSClient, ben, 'eu-west-1').send(new CreateQueueCommand({ QueueName: 'q' })), expectError('AccessDenied', 403));

    const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${ACCOUNT}:group/devs` }));
    const report = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    assert.equal(report.JobStatus, 'COMPLETED');
    assert.equal(report.JobType, 'SERVICE_LEVEL');
    assert.deepEqual(
      report.ServicesLastAccessed!.map((s) => [s.ServiceNamespace, s.ServiceName, s.TotalAuthenticatedEntities]),
      [
        ['iam', 'AWS Identity and Access Management', 0],
        ['kms', 'AWS Key Management Service', 0],
        ['sqs', 'Amazon Simple Queue Service', 2],
      ],
    );
    const sqs = report.ServicesLastAccessed![2];
    assert.equal(sqs.LastAuthenticatedEntity, `arn:aws:iam::${ACCOUNT}:user/ben`);
    assert.equal(sqs.LastAuthenticatedRegion, 'eu-west-1');
    const when = sqs.LastAuthenticated!.getTime();
    assert.ok(when >= start + 60_000 && when <= aws.emulator.clock.now(), `LastAuthenticated ${when} after the clock moved`);
    assert.equal(report.ServicesLastAccessed![0].LastAuthenticated, undefined);

    const entities = await iam.send(new GetServiceLastAccessedDetailsWithEntitiesCommand({ JobId, ServiceNamespace: 'sqs' }));
    assert.deepEqual(
      entities.EntityDetailsList!.map((e) => [e.EntityInfo!.Name, e.EntityInfo!.Type, e.EntityInfo!.Path]),
      [
        ['ben', 'USER', '/'],
        ['ann', 'USER', '/'],
      ],
    );
    const paged = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId, MaxItems: 2 }));
    assert.equal(paged.IsTruncated, true);
    const rest = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId, Marker: paged.Marker }));
    assert.deepEqual(rest.ServicesLastAccessed!.map((s) => s.ServiceNamespace), ['sqs']);

    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: ben.accessKeyId }));
    assert.deepEqual({ ...used.AccessKeyLastUsed, LastUsedDate: undefined }, { LastUsedDate: undefined, ServiceName: 'sqs', Region: 'eu-west-1' });

    await assert.rejects(
      iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${ACCOUNT}:user/nobody` })),
      expectError('NoSuchEntityException', 404, 'The user with name nobody cannot be found.'),
    );
    await assert.rejects(iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: 'a'.repeat(36) })), expectError('NoSuchEntityException', 404));
  });

  it('a role report names the role for its sessions, with tracked IAM actions at ACTION_LEVEL; the role was last used', async () => {
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    await iam.send(new CreateRoleCommand({ RoleName: 'auditor', AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'auditor', PolicyName: 'p', PolicyDocument: allow('iam:GetRole') }));
    const c = (await client(STSClient).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/auditor`, RoleSessionName: 'audit' }))).Credentials!;
    const session = client(IAMClient, { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken });
    await session.send(new GetRoleCommand({ RoleName: 'auditor' }));
    const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: `arn:aws:iam::${ACCOUNT}:role/auditor`, Granularity: 'ACTION_LEVEL' }));
    const report = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId }));
    assert.equal(report.JobType, 'ACTION_LEVEL');
    const [service] = report.ServicesLastAccessed!;
    assert.equal(service.ServiceNamespace, 'iam');
    assert.equal(service.LastAuthenticatedEntity, `arn:aws:iam::${ACCOUNT}:role/auditor`);
    assert.deepEqual(
      service.TrackedActionsLastAccessed!.map((a) => [a.ActionName, a.LastAccessedEntity, a.LastAccessedRegion]),
      [['GetRole', `arn:aws:iam::${ACCOUNT}:role/auditor`, 'us-east-1']],
    );
    const role = (await iam.send(new GetRoleCommand({ RoleName: 'auditor' }))).Role!;
    assert.equal(role.RoleLastUsed!.Region, 'us-east-1');
    assert.ok(role.RoleLastUsed!.LastUsedDate);
  });

  it('ChangePassword: own credentials, the old password, the password policy (reuse prevention); root is refused', async () => {
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10, RequireNumbers: true, PasswordReusePrevention: 2, AllowUsersToChangePassword: true }));
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    await iam.send(new CreateLoginProfileCommand({ UserName: 'carol', Password: 'first-pass-1', PasswordResetRequired: true }));
    // AllowUsersToChangePassword lets a user with no policy of its own change its password.
    const carol = client(IAMClient, await keysFor('carol'));
    await assert.rejects(carol.send(new ChangePasswordCommand({ OldPassword: 'wrong-pass-1', NewPassword: 'second-pass-2' })), expectError('AccessDenied', 403));
    await assert.rejects(
      carol.send(new ChangePasswordCommand({ OldPassword: 'first-pass-1', NewPassword: 'short-1' })),
      expectError('PasswordPolicyViolationException', 400, 'Password does not conform to the account password policy.'),
    );
    await assert.rejects(
      carol.send(new ChangePasswordCommand({ OldPassword: 'first-pass-1', NewPassword: 'first-pass-1' })),
      expectError('PasswordPolicyViolationException', 400),
    );
    await carol.send(new ChangePasswordCommand({ OldPassword: 'first-pass-1', NewPassword: 'second-pass-2' }));
    assert.equal((await iam.send(new GetLoginProfileCommand({ UserName: 'carol' }))).LoginProfile!.PasswordResetRequired, false);
    await carol.send(new ChangePasswordCommand({ OldPassword: 'second-pass-2', NewPassword: 'third-pass-3' }));
    // Two passwords are remembered: the first is free again.
    await carol.send(new ChangePasswordCommand({ OldPassword: 'third-pass-3', NewPassword: 'first-pass-1' }));
    await assert.rejects(iam.send(new ChangePasswordCommand({ OldPassword: 'x', NewPassword: 'y' })), expectError('InvalidUserTypeException', 400));
  });
});
