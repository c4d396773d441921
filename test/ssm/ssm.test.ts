import assert from 'node:assert/strict';
import { DisableKeyCommand, CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DeleteParametersCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  GetParametersByPathCommand,
  GetParametersCommand,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { useTwinstack } from '../support/twinstack.ts';
import { expectError } from '../support/aws-error.ts';

// Shapes follow the AWS-recorded SSM snapshots (test_ssm.snapshot.json: PutParameter's Tier and Version, GetParameter
// by name and ARN, GetParameters with InvalidParameters); limits and messages follow the Parameter Store user guide.
describe('SSM Parameter Store through the AWS SDK v3', function () {
  this.timeout(30_000);
  const context = useTwinstack({ services: ['ssm', 'kms'], accessKeyId: '111111111111' }, { ssm: (settings) => new SSMClient(settings), kms: (settings) => new KMSClient(settings) });

  it('String parameters by name and by ARN, as AWS records them; versions, overwrite and history', async () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(await context.ssm.send(new PutParameterCommand({ Name: '/app/db/host', Value: '123', Type: 'String' }))).filter(([k]) => k !== '$metadata')),
      { Tier: 'Standard', Version: 1 },
    );
    const byName = (await context.ssm.send(new GetParameterCommand({ Name: '/app/db/host' }))).Parameter!;
    assert.equal(byName.ARN, 'arn:aws:ssm:us-east-1:111111111111:parameter/app/db/host');
    assert.deepEqual({ ...byName, LastModifiedDate: undefined }, {
      ARN: byName.ARN, DataType: 'text', LastModifiedDate: undefined, Name: '/app/db/host', Type: 'String', Value: '123', Version: 1,
    });
    assert.equal((await context.ssm.send(new GetParameterCommand({ Name: byName.ARN }))).Parameter!.Name, '/app/db/host');
    await context.ssm.send(new PutParameterCommand({ Name: 'plain', Value: 'test', Type: 'String' }));
    assert.equal((await context.ssm.send(new GetParameterCommand({ Name: 'plain' }))).Parameter!.ARN, 'arn:aws:ssm:us-east-1:111111111111:parameter/plain');
    await assert.rejects(
      context.ssm.send(new PutParameterCommand({ Name: '/app/db/host', Value: 'x', Type: 'String' })),
      expectError('ParameterAlreadyExists', 400, 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.'),
    );
    assert.equal((await context.ssm.send(new PutParameterCommand({ Name: '/app/db/host', Value: '456', Overwrite: true }))).Version, 2);
    await context.ssm.send(new LabelParameterVersionCommand({ Name: '/app/db/host', ParameterVersion: 1, Labels: ['stable', '1bad'] }));
    assert.equal((await context.ssm.send(new GetParameterCommand({ Name: '/app/db/host:stable' }))).Parameter!.Value, '123');
    assert.equal((await context.ssm.send(new GetParameterCommand({ Name: '/app/db/host:2' }))).Parameter!.Selector, ':2');
    await assert.rejects(
      context.ssm.send(new GetParameterCommand({ Name: '/app/db/host:7' })),
      expectError('ParameterVersionNotFound', 400, 'Systems Manager could not find version 7 of /app/db/host. Verify the version and try again.'),
    );
    const history = (await context.ssm.send(new GetParameterHistoryCommand({ Name: '/app/db/host' }))).Parameters!;
    assert.deepEqual(history.map((h) => [h.Version, h.Value, h.Labels]), [[1, '123', ['stable']], [2, '456', []]]);
    assert.equal(history[0].LastModifiedUser, 'arn:aws:iam::111111111111:root');
    const both = await context.ssm.send(new GetParametersCommand({ Names: ['/app/db/host', 'missing'] }));
    assert.deepEqual([both.Parameters!.map((p) => p.Value), both.InvalidParameters], [['456'], ['missing']]);
    await assert.rejects(context.ssm.send(new GetParameterCommand({ Name: 'missing' })), expectError('ParameterNotFound', 400));
  });

  it('hierarchies: GetParametersByPath recursive or one level, filters, DescribeParameters, tags, deletion', async () => {
    for (const name of ['/svc/a', '/svc/b', '/svc/deep/c', '/other/d']) await context.ssm.send(new PutParameterCommand({ Name: name, Value: name, Type: 'StringList' }));
    const oneLevel = await context.ssm.send(new GetParametersByPathCommand({ Path: '/svc' }));
    assert.deepEqual(oneLevel.Parameters!.map((p) => p.Name), ['/svc/a', '/svc/b']);
    const recursive = await context.ssm.send(new GetParametersByPathCommand({ Path: '/svc/', Recursive: true, MaxResults: 2 }));
    assert.deepEqual(recursive.Parameters!.map((p) => p.Name), ['/svc/a', '/svc/b']);
    const rest = await context.ssm.send(new GetParametersByPathCommand({ Path: '/svc/', Recursive: true, MaxResults: 2, NextToken: recursive.NextToken }));
    assert.deepEqual(rest.Parameters!.map((p) => p.Name), ['/svc/deep/c']);
    await context.ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: '/svc/b', Tags: [{ Key: 'team', Value: 'blue' }] }));
    assert.deepEqual((await context.ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/svc/b' }))).TagList, [{ Key: 'team', Value: 'blue' }]);
    const described = await context.ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'tag:team', Values: ['blue'] }] }));
    assert.deepEqual(described.Parameters!.map((p) => [p.Name, p.Type, p.Tier, p.Version]), [['/svc/b', 'StringList', 'Standard', 1]]);
    const byPath = await context.ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: ['/svc'] }], MaxResults: 50 }));
    assert.deepEqual(byPath.Parameters!.map((p) => p.Name), ['/svc/a', '/svc/b', '/svc/deep/c']);
    const deleted = await context.ssm.send(new DeleteParametersCommand({ Names: ['/other/d', '/other/none'] }));
    assert.deepEqual([deleted.DeletedParameters, deleted.InvalidParameters], [['/other/d'], ['/other/none']]);
    await assert.rejects(context.ssm.send(new DeleteParameterCommand({ Name: '/other/d' })), expectError('ParameterNotFound', 400));
  });

  it('limits and validation: reserved prefixes, 15 levels, 4096 characters for Standard, tiers, allowed patterns', async () => {
    await assert.rejects(context.ssm.send(new PutParameterCommand({ Name: '/aws/mine', Value: 'x', Type: 'String' })), expectError('ValidationException', 400));
    await assert.rejects(
      context.ssm.send(new PutParameterCommand({ Name: `/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`, Value: 'x', Type: 'String' })),
      expectError('HierarchyLevelLimitExceededException', 400),
    );
    await assert.rejects(context.ssm.send(new PutParameterCommand({ Name: 'big', Value: 'x'.repeat(4097), Type: 'String' })), expectError('ValidationException', 400));
    assert.equal((await context.ssm.send(new PutParameterCommand({ Name: 'big', Value: 'x'.repeat(4097), Type: 'String', Tier: 'Intelligent-Tiering' }))).Tier, 'Advanced');
    await assert.rejects(
      context.ssm.send(new PutParameterCommand({ Name: 'digits', Value: 'abc', Type: 'String', AllowedPattern: '^\\d+$' })),
      expectError('ParameterPatternMismatchException', 400, 'Parameter value, cannot be validated against allowedPattern: ^\\d+$'),
    );
    await assert.rejects(context.ssm.send(new PutParameterCommand({ Name: 'untyped', Value: 'x' })), expectError('ValidationException', 400, 'A parameter type is required when you create a parameter.'));
  });

  it('SecureString through KMS: the default aws/ssm key or a customer key, decrypted only WithDecryption', async () => {
    await context.ssm.send(new PutParameterCommand({ Name: '/secret/default', Value: 'p@ss', Type: 'SecureString' }));
    const hidden = (await context.ssm.send(new GetParameterCommand({ Name: '/secret/default' }))).Parameter!;
    assert.notEqual(hidden.Value, 'p@ss');
    assert.ok(Buffer.from(hidden.Value!, 'base64').length > 16);
    assert.equal((await context.ssm.send(new GetParameterCommand({ Name: '/secret/default', WithDecryption: true }))).Parameter!.Value, 'p@ss');
    assert.equal((await context.ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['/secret/default'] }] }))).Parameters![0].KeyId, 'alias/aws/ssm');
    const { kms } = context;
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    await context.ssm.send(new PutParameterCommand({ Name: '/secret/custom', Value: 'mine', Type: 'SecureString', KeyId: key.KeyId }));
    assert.equal((await context.ssm.send(new GetParameterCommand({ Name: '/secret/custom', WithDecryption: true }))).Parameter!.Value, 'mine');
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await assert.rejects(context.ssm.send(new GetParameterCommand({ Name: '/secret/custom', WithDecryption: true })), expectError('DisabledException', 400));
  });

  it('public /aws/service parameters CDK and SAM read resolve to stable AMI ids per region', async () => {
    const name = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
    const first = (await context.ssm.send(new GetParameterCommand({ Name: name }))).Parameter!;
    assert.match(first.Value!, /^ami-[0-9a-f]{17}$/);
    assert.equal(first.ARN, `arn:aws:ssm:us-east-1::parameter${name}`);
    assert.equal((await context.ssm.send(new GetParameterCommand({ Name: name }))).Parameter!.Value, first.Value);
    const ecs = await context.ssm.send(new GetParametersCommand({ Names: ['/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id'] }));
    assert.match(ecs.Parameters![0].Value!, /^ami-/);
  });
});
