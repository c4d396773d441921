import assert from 'node:assert/strict';
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteUserCommand,
  DetachRolePolicyCommand,
  GetGroupCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  SetDefaultPolicyVersionCommand,
  TagRoleCommand,
  ListRoleTagsCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError, type SdkError } from '../support/aws-error.ts';

// Expected shapes and messages come from the AWS-recorded IAM snapshots (test_iam.snapshot.json: create/get/list
// role forms, attach errors, DeleteConflict, NoSuchEntity wording) and the IAM API reference (quotas, defaults).
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' } }],
});
const S3_PUT = JSON.stringify({ Version: '2012-10-17', Statement: { Sid: '', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' } });

describe('IAM through the AWS SDK v3', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let iam: IAMClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['iam', 'sts'] });
    iam = new IAMClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  after(() => aws.stop());

  it('roles: each operation returns the fields AWS returns, trust policies come back as sent', async () => {
    const created = await iam.send(
      new CreateRoleCommand({ RoleName: 'app-role', Path: '/svc/', AssumeRolePolicyDocument: TRUST, Tags: [{ Key: 'test', Value: 'value' }] }),
    );
    assert.equal(created.Role!.Arn, 'arn:aws:iam::000000000000:role/svc/app-role');
    assert.match(created.Role!.RoleId!, /^AROA[A-Z2-7]{17}$/);
    assert.equal(created.Role!.MaxSessionDuration, undefined);
    assert.equal(decodeURIComponent(created.Role!.AssumeRolePolicyDocument!), TRUST);
    const got = (await iam.send(new GetRoleCommand({ RoleName: 'APP-ROLE' }))).Role!;
    assert.equal(got.MaxSessionDuration, 3600);
    assert.deepEqual(got.RoleLastUsed, {});
    assert.deepEqual(got.Tags, [{ Key: 'test', Value: 'value' }]);
    const listed = (await iam.send(new ListRolesCommand({ PathPrefix: '/svc/' }))).Roles!;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].Tags, undefined);
    assert.equal(listed[0].RoleLastUsed, undefined);
    await assert.rejects(
      iam.send(new CreateRoleCommand({ RoleName: 'app-role', AssumeRolePolicyDocument: TRUST })),
      expectError('EntityAlreadyExistsException', 409, 'Role with name app-role already exists.'),
    );
    await assert.rejects(
      iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: '{"Version":' })),
      expectError('MalformedPolicyDocumentException', 400, 'This policy contains invalid Json'),
    );
    await assert.rejects(
      iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: 100 })),
      expectError('ValidationError', 400),
    );
    await iam.send(new TagRoleCommand({ RoleName: 'app-role', Tags: [{ Key: 'TEST', Value: 'v2' }, { Key: 'team', Value: 'a' }] }));
    assert.deepEqual((await iam.send(new ListRoleTagsCommand({ RoleName: 'app-role' }))).Tags, [
      { Key: 'test', Value: 'v2' },
      { Key: 'team', Value: 'a' },
    ]);
  });

  it('managed policies: attachment counts, AWS managed policies by ARN, DeleteConflict until detached', async () => {
    const policy = (await iam.send(new CreatePolicyCommand({ PolicyName: 'put-objects', PolicyDocument: S3_PUT }))).Policy!;
    assert.equal(policy.DefaultVersionId, 'v1');
    assert.equal(policy.AttachmentCount, 0);
    await iam.send(new CreateRoleCommand({ RoleName: 'attach-role', AssumeRolePolicyDocument: TRUST }));
    await assert.rejects(
      iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: 'put-objects-not-an-arn' })),
      expectError('ValidationError', 400, 'Invalid ARN:  Could not be parsed!'),
    );
    await assert.rejects(
      iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: `${policy.Arn}123` })),
      expectError('NoSuchEntityException', 404, `Policy ${policy.Arn}123 does not exist or is not attachable.`),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: policy.Arn }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
    assert.deepEqual((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'attach-role' }))).AttachedPolicies, [
      { PolicyName: 'put-objects', PolicyArn: policy.Arn },
      { PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' },
    ]);
    assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: policy.Arn }))).Policy!.AttachmentCount, 1);
    const lambdaBasic = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', VersionId: 'v1' }),
    );
    assert.deepEqual(JSON.parse(decodeURIComponent(lambdaBasic.PolicyVersion!.Document!)).Statement[0].Action, [
      'logs:CreateLogGroup',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    const attachedOnly = await iam.send(new ListPoliciesCommand({ OnlyAttached: true }));
    assert.deepEqual(attachedOnly.Policies!.map((p) => p.PolicyName), ['AWSLambdaBasicExecutionRole', 'put-objects']);
    assert.deepEqual((await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policy.Arn }))).PolicyRoles!.map((r) => r.RoleName), ['attach-role']);
    await assert.rejects(
      iam.send(new DeleteRoleCommand({ RoleName: 'attach-role' })),
      expectError('DeleteConflictException', 409, 'Cannot delete entity, must detach all policies first.'),
    );
    await assert.rejects(iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn })), expectError('DeleteConflictException', 409));
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: policy.Arn }));
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'attach-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'attach-role' }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: policy.Arn }));
    await assert.rejects(
      iam.send(new DeletePolicyCommand({ PolicyArn: 'arn:aws:iam::000000000000:policy/non-existent-policy' })),
      expectError('NoSuchEntityException', 404, 'Policy arn:aws:iam::000000000000:policy/non-existent-policy was not found.'),
    );
  });

  it("AWS's whole catalog of managed policies: any of them attaches, with AWS's id, version and document", async () => {
    const arn = 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess';
    await iam.send(new CreateRoleCommand({ RoleName: 'catalog-role', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'catalog-role', PolicyArn: arn }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'catalog-role', PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaExecute' }));
    const policy = (await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!;
    assert.equal(policy.PolicyId, 'ANPAINUGF2JSOSUY76KYA');
    assert.equal(policy.Path, '/');
    assert.equal(policy.AttachmentCount, 1);
    const execute = await iam.send(new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaExecute', VersionId: 'v1' }));
    assert.deepEqual(JSON.parse(decodeURIComponent(execute.PolicyVersion!.Document!)).Statement[1], {
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::*',
      Effect: 'Allow',
    });
    const serviceRoles = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', PathPrefix: '/service-role/', MaxItems: 1000 }));
    assert.ok(serviceRoles.Policies!.length > 200);
    assert.ok(serviceRoles.Policies!.some((p) => p.PolicyName === 'AWSLambdaSQSQueueExecutionRole'));
    await assert.rejects(
      iam.send(new AttachRolePolicyCommand({ RoleName: 'catalog-role', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchManagedPolicy' })),
      expectError('NoSuchEntityException', 404, 'Policy arn:aws:iam::aws:policy/NoSuchManagedPolicy does not exist or is not attachable.'),
    );
  });

  it('policy versions: up to five, new default, the default cannot be deleted', async () => {
    const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'versioned', PolicyDocument: S3_PUT }))).Policy!.Arn!;
    for (let i = 0; i < 4; i++) await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: S3_PUT, SetAsDefault: i === 3 }));
    await assert.rejects(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: S3_PUT })),
      expectError('LimitExceededException', 409),
    );
    const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions!;
    assert.deepEqual(versions.map((v) => [v.VersionId, v.IsDefaultVersion]), [
      ['v5', true],
      ['v4', false],
      ['v3', false],
      ['v2', false],
      ['v1', false],
    ]);
    await assert.rejects(
      iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' })),
      expectError('DeleteConflictException', 409, 'Cannot delete the default version of a policy.'),
    );
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' }));
    // Version ids are never reused.
    assert.equal((await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: S3_PUT }))).PolicyVersion!.VersionId, 'v6');
  });

  it('policy documents: IAM grammar errors with its messages, inline quotas', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'inline-role', AssumeRolePolicyDocument: TRUST }));
    const bad = async (document: object) => {
      const error = await iam
        .send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'p', PolicyDocument: JSON.stringify(document) }))
        .then(() => undefined, (e: SdkError) => e);
      assert.equal(error?.name, 'MalformedPolicyDocumentException');
      return error.message;
    };
    assert.equal(await bad({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] }), 'Policy statement must contain actions.');
    assert.equal(await bad({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:x' }] }), 'Policy statement must contain resources.');
    assert.equal(await bad({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 's3:x', Resource: '*' }] }), 'Syntax errors in policy.');
    assert.equal(await bad({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x', Resource: '*' }] }), 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.');
    assert.equal(
      await bad({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:x', Resource: '*' }] }),
      'Policy document should not specify a principal.',
    );
    assert.equal(await bad({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:x', Resource: 'bucket' }] }), 'Resource bucket must be in ARN format or "*".');
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['apigatway:PUT'], Resource: ['arn:aws:apigateway:us-east-1::/tags/arn%3Aaws%3A'] }] });
    await iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'p', PolicyDocument: doc }));
    assert.equal(decodeURIComponent((await iam.send(new GetRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'p' }))).PolicyDocument!), doc);
    const huge = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 600 }, (_, i) => `arn:aws:s3:::b/${i}`) }] });
    await assert.rejects(
      iam.send(new PutRolePolicyCommand({ RoleName: 'inline-role', PolicyName: 'huge', PolicyDocument: huge })),
      expectError('LimitExceededException', 409, 'Maximum policy size of 10240 bytes exceeded for role inline-role'),
    );
  });

  it('users, groups, boundaries and instance profiles; Marker pagination', async () => {
    for (const name of ['ua', 'ub', 'uc']) await iam.send(new CreateUserCommand({ UserName: name, Path: '/team/' }));
    const first = await iam.send(new ListUsersCommand({ PathPrefix: '/team/', MaxItems: 2 }));
    assert.deepEqual(first.Users!.map((u) => u.UserName), ['ua', 'ub']);
    assert.equal(first.IsTruncated, true);
    const second = await iam.send(new ListUsersCommand({ PathPrefix: '/team/', MaxItems: 2, Marker: first.Marker }));
    assert.deepEqual(second.Users!.map((u) => u.UserName), ['uc']);
    assert.equal(second.IsTruncated, false);
    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'ua' }));
    assert.deepEqual((await iam.send(new GetGroupCommand({ GroupName: 'devs' }))).Users!.map((u) => u.UserName), ['ua']);
    await assert.rejects(
      iam.send(new DeleteUserCommand({ UserName: 'ua' })),
      expectError('DeleteConflictException', 409, 'Cannot delete entity, must remove users from group first.'),
    );
    await iam.send(new AttachUserPolicyCommand({ UserName: 'ub', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'bounded', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    assert.deepEqual((await iam.send(new GetRoleCommand({ RoleName: 'bounded' }))).Role!.PermissionsBoundary, {
      PermissionsBoundaryType: 'Policy' as never,
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    });
    const boundary = (await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }))).Policy!;
    assert.equal(boundary.PermissionsBoundaryUsageCount, 1);
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'bounded' }));
    assert.deepEqual((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile!.Roles!.map((r) => r.RoleName), ['bounded']);
    await assert.rejects(
      iam.send(new DeleteRoleCommand({ RoleName: 'bounded' })),
      expectError('DeleteConflictException', 409, 'Cannot delete entity, must remove roles from instance profile first.'),
    );
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'bounded' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'bounded' }));
  });

  it('access keys act as their user for every service until deleted or deactivated', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'key-user' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'key-user' }))).AccessKey!;
    assert.match(key.AccessKeyId!, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(key.SecretAccessKey!.length, 40);
    const asUser = new STSClient({ endpoint: aws.endpoint, region: 'eu-west-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
    const identity = await asUser.send(new GetCallerIdentityCommand({}));
    assert.equal(identity.Arn, 'arn:aws:iam::000000000000:user/key-user');
    assert.match(identity.UserId!, /^AIDA/);
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'key-user', AccessKeyId: key.AccessKeyId, Status: 'Inactive' }));
    assert.equal((await asUser.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::000000000000:root');
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'key-user', AccessKeyId: key.AccessKeyId, Status: 'Active' }));
    assert.equal((await asUser.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::000000000000:user/key-user');
    await assert.rejects(iam.send(new DeleteUserCommand({ UserName: 'key-user' })), expectError('DeleteConflictException', 409));
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'key-user', AccessKeyId: key.AccessKeyId }));
    await iam.send(new DeleteUserCommand({ UserName: 'key-user' }));
  });

  it('partition from the region: a China-region client gets arn:aws-cn ARNs', async () => {
    const cn = new IAMClient({ endpoint: aws.endpoint, region: 'cn-north-1', credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } });
    const role = await cn.send(new CreateRoleCommand({ RoleName: 'cn-role', AssumeRolePolicyDocument: TRUST }));
    assert.equal(role.Role!.Arn, 'arn:aws-cn:iam::111122223333:role/cn-role');
  });
});
