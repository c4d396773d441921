import assert from 'node:assert/strict';
import {
  BatchDescribeTypeConfigurationsCommand,
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeTypeCommand,
  ListTypeVersionsCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { strToU8, zipSync } from 'fflate';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, output, serveCloudFormation, settled, typeSchema } from './serve.ts';

const ACCOUNT = '000000000000';

const SCHEMA = typeSchema('Acme::Registry::Widget');

const FRAGMENT = { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } };

describe('CloudFormation: the registry\'s resource types (versions, default versions, publishers, publication, activation)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let s3: S3Client;
  serveCloudFormation((a, c) => ((aws = a), (cfn = c)));
  before(async () => {
    s3 = new S3Client({ endpoint: aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    await s3.send(new CreateBucketCommand({ Bucket: 'packages' }));
    const upload = (key: string, files: Record<string, string>) =>
      s3.send(new PutObjectCommand({ Bucket: 'packages', Key: key, Body: zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))) }));
    await upload('widget.zip', { 'schema.json': JSON.stringify(SCHEMA), 'ResourceProvider.zip': 'handler code' });
    await upload('hook.zip', { 'schema.json': JSON.stringify({ ...SCHEMA, typeName: 'Acme::Registry::Guard' }) });
    await upload('module.zip', { 'fragments/queue.json': JSON.stringify(FRAGMENT) });
  });
  after(() => s3.destroy());

  async function deployed(name: string, resources: object, outputs: object = {}, update = false) {
    const input = { StackName: name, TemplateBody: JSON.stringify({ Resources: resources, Outputs: outputs }) };
    await cfn.send(update ? new UpdateStackCommand(input) : new CreateStackCommand(input));
    return settled(cfn, name);
  }

  const version = (extra: object = {}) => ({ Type: 'AWS::CloudFormation::ResourceVersion', Properties: { TypeName: 'Acme::Registry::Widget', SchemaHandlerPackage: 's3://packages/widget.zip' }, ...extra });

  it('registers resource type versions, sets the default version in place, and deregisters them on delete', async () => {
    const typeArn = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:type/resource/Acme-Registry-Widget`;
    const resources = (defaultVersion: string) => ({
      V1: version(),
      V2: version({ DependsOn: 'V1' }),
      Default: { Type: 'AWS::CloudFormation::ResourceDefaultVersion', Properties: { TypeName: 'Acme::Registry::Widget', VersionId: defaultVersion }, DependsOn: 'V2' },
    });
    const outputs = {
      V1: { Value: { Ref: 'V1' } },
      V1Type: { Value: { 'Fn::GetAtt': ['V1', 'TypeArn'] } },
      V1Id: { Value: { 'Fn::GetAtt': ['V1', 'VersionId'] } },
      V1Default: { Value: { 'Fn::GetAtt': ['V1', 'IsDefaultVersion'] } },
      V1Provisioning: { Value: { 'Fn::GetAtt': ['V1', 'ProvisioningType'] } },
      V1Visibility: { Value: { 'Fn::GetAtt': ['V1', 'Visibility'] } },
      V2: { Value: { Ref: 'V2' } },
      Default: { Value: { Ref: 'Default' } },
      DefaultArn: { Value: { 'Fn::GetAtt': ['Default', 'Arn'] } },
    };
    const stack = await deployed('widget-versions', resources('00000002'), outputs);
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
    assert.deepEqual(
      Object.fromEntries(Object.keys(outputs).map((key) => [key, output(stack, key)])),
      {
        V1: `${typeArn}/00000001`,
        V1Type: typeArn,
        V1Id: '00000001',
        V1Default: 'true',
        // The package's schema has no update handler.
        V1Provisioning: 'IMMUTABLE',
        V1Visibility: 'PRIVATE',
        V2: `${typeArn}/00000002`,
        Default: `${typeArn}/00000002`,
        DefaultArn: `${typeArn}/00000002`,
      },
    );
    assert.equal((await cfn.send(new DescribeTypeCommand({ Arn: typeArn }))).DefaultVersionId, '00000002');

    const updated = await deployed('widget-versions', resources('00000001'), { Default: outputs.Default }, true);
    assert.equal(updated.StackStatus, 'UPDATE_COMPLETE', updated.StackStatusReason);
    assert.equal(output(updated, 'Default'), `${typeArn}/00000001`);
    assert.equal((await cfn.send(new DescribeTypeCommand({ Arn: typeArn }))).DefaultVersionId, '00000001');

    // V2 (not the default) goes by its ARN, then V1, the default and last version, with the type.
    await cfn.send(new DeleteStackCommand({ StackName: 'widget-versions' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(cfn.send(new ListTypeVersionsCommand({ Type: 'RESOURCE', TypeName: 'Acme::Registry::Widget' })), { name: 'TypeNotFoundException' });
  });

  it('registers hook versions and configures the hook, disabling it when the configuration resource goes', async () => {
    const hookConfiguration = { CloudFormationConfiguration: { HookConfiguration: { TargetStacks: 'ALL', FailureMode: 'FAIL', Properties: {} } } };
    const hookResources = {
      Hook: { Type: 'AWS::CloudFormation::HookVersion', Properties: { TypeName: 'Acme::Registry::Guard', SchemaHandlerPackage: 's3://packages/hook.zip' } },
      Default: { Type: 'AWS::CloudFormation::HookDefaultVersion', Properties: { TypeVersionArn: { Ref: 'Hook' } } },
    };
    const stack = await deployed(
      'hook-version',
      { ...hookResources, Config: { Type: 'AWS::CloudFormation::HookTypeConfig', Properties: { TypeArn: { 'Fn::GetAtt': ['Hook', 'TypeArn'] }, Configuration: JSON.stringify(hookConfiguration) }, DependsOn: 'Default' } },
      { Hook: { Value: { Ref: 'Hook' } }, Type: { Value: { 'Fn::GetAtt': ['Hook', 'TypeArn'] } }, Default: { Value: { Ref: 'Default' } }, Config: { Value: { Ref: 'Config' } } },
    );
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
    const hookArn = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:type/hook/Acme-Registry-Guard`;
    const configArn = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:type-configuration/hook/Acme-Registry-Guard/default`;
    assert.deepEqual([output(stack, 'Hook'), output(stack, 'Type'), output(stack, 'Default'), output(stack, 'Config')], [`${hookArn}/00000001`, hookArn, `${hookArn}/00000001`, configArn]);
    assert.equal((await cfn.send(new DescribeTypeCommand({ Type: 'HOOK', TypeName: 'Acme::Registry::Guard' }))).Type, 'HOOK');
    const configured = async () => {
      const { TypeConfigurations } = await cfn.send(new BatchDescribeTypeConfigurationsCommand({ TypeConfigurationIdentifiers: [{ TypeArn: hookArn }] }));
      return JSON.parse(TypeConfigurations![0].Configuration!);
    };
    assert.deepEqual(await configured(), hookConfiguration);

    const updated = await deployed('hook-version', hookResources, {}, true);
    assert.equal(updated.StackStatus, 'UPDATE_COMPLETE', updated.StackStatusReason);
    assert.deepEqual(await configured(), { CloudFormationConfiguration: { HookConfiguration: { TargetStacks: 'NONE', FailureMode: 'FAIL', Properties: {} } } });
  });

  it('fails a registration whose package does not hold the type as the handler does', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'bad-version', TemplateBody: JSON.stringify({ Resources: { Bad: { Type: 'AWS::CloudFormation::ResourceVersion', Properties: { TypeName: 'Acme::Registry::Other', SchemaHandlerPackage: 's3://packages/widget.zip' } } } }) }));
    assert.equal((await settled(cfn, 'bad-version')).StackStatus, 'ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'bad-version' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'Bad' && e.ResourceStatus === 'CREATE_FAILED')!;
    assert.match(
      failed.ResourceStatusReason!,
      /^Resource handler returned message: "Resource of type 'AWS::CloudFormation::ResourceVersion' with identifier 'arn:aws:cloudformation:us-east-1:000000000000:type\/resource\/Acme-Registry-Other\/00000001' did not stabilize\." \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: NotStabilized\)$/,
    );
  });

  it('registers a module, publishes it under the account\'s publisher and activates it under an alias', async () => {
    const name = 'Acme::Registry::Queue::MODULE';
    const stack = await deployed(
      'module-publication',
      {
        Module: { Type: 'AWS::CloudFormation::ModuleVersion', Properties: { ModuleName: name, ModulePackage: 's3://packages/module.zip' } },
        Default: { Type: 'AWS::CloudFormation::ModuleDefaultVersion', Properties: { Arn: { Ref: 'Module' } } },
        Publisher: { Type: 'AWS::CloudFormation::Publisher', Properties: { AcceptTermsAndConditions: true } },
        Public: { Type: 'AWS::CloudFormation::PublicTypeVersion', Properties: { Type: 'MODULE', TypeName: name }, DependsOn: ['Publisher', 'Default'] },
        Activation: { Type: 'AWS::CloudFormation::TypeActivation', Properties: { PublicTypeArn: { Ref: 'Public' }, TypeNameAlias: 'Acme::Mine::Queue::MODULE', AutoUpdate: false } },
      },
      {
        Module: { Value: { Ref: 'Module' } },
        Schema: { Value: { 'Fn::GetAtt': ['Module', 'Schema'] } },
        Default: { Value: { Ref: 'Default' } },
        Publisher: { Value: { Ref: 'Publisher' } },
        Status: { Value: { 'Fn::GetAtt': ['Publisher', 'PublisherStatus'] } },
        Public: { Value: { Ref: 'Public' } },
        PublicVersion: { Value: { 'Fn::GetAtt': ['Public', 'TypeVersionArn'] } },
        PublishedBy: { Value: { 'Fn::GetAtt': ['Public', 'PublisherId'] } },
        Activation: { Value: { Ref: 'Activation' } },
      },
    );
    assert.equal(stack.StackStatus, 'CREATE_COMPLETE', stack.StackStatusReason);
    const moduleArn = `arn:aws:cloudformation:us-east-1:${ACCOUNT}:type/module/Acme-Registry-Queue-MODULE`;
    const publisherId = output(stack, 'Publisher');
    assert.match(publisherId, /^[0-9a-f]{40}$/);
    const publicArn = `arn:aws:cloudformation:us-east-1::type/module/${publisherId}/Acme-Registry-Queue-MODULE`;
    assert.deepEqual(
      ['Module', 'Default', 'Status', 'Public', 'PublicVersion', 'PublishedBy', 'Activation'].map((key) => output(stack, key)),
      [`${moduleArn}/00000001`, `${moduleArn}/00000001`, 'UNVERIFIED', publicArn, `${publicArn}/1.0.0`, publisherId, `arn:aws:cloudformation:us-east-1:${ACCOUNT}:type/module/Acme-Mine-Queue-MODULE`],
    );
    assert.equal(JSON.parse(output(stack, 'Schema')).typeName, name);
    const activated = await cfn.send(new DescribeTypeCommand({ Type: 'MODULE', TypeName: 'Acme::Mine::Queue::MODULE' }));
    assert.deepEqual([activated.IsActivated, activated.OriginalTypeArn, activated.AutoUpdate], [true, publicArn, false]);

    await cfn.send(new DeleteStackCommand({ StackName: 'module-publication' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(cfn.send(new DescribeTypeCommand({ Type: 'MODULE', TypeName: 'Acme::Mine::Queue::MODULE' })), { name: 'TypeNotFoundException' });
    await assert.rejects(cfn.send(new DescribeTypeCommand({ Type: 'MODULE', TypeName: name })), { name: 'TypeNotFoundException' });
  });
});
