import assert from 'node:assert/strict';
import { DeactivateTypeCommand, DeleteStackCommand, DeregisterTypeCommand, DetectStackResourceDriftCommand, SetTypeConfigurationCommand, SetTypeDefaultVersionCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { strToU8, zipSync } from 'fflate';
import { CLIENT_CONFIG, deploy, output, serveWithClients, settled, stackDrift, typeSchema } from './serve.ts';


const HOOK_CONFIGURATION = (targets: string) => ({ CloudFormationConfiguration: { HookConfiguration: { TargetStacks: targets, FailureMode: 'FAIL', Properties: {} } } });

const REGISTRY = JSON.stringify({
  Resources: {
    V1: { Type: 'AWS::CloudFormation::ResourceVersion', Properties: { TypeName: 'Acme::Drift::Widget', SchemaHandlerPackage: 's3://packages/widget.zip' } },
    V2: { Type: 'AWS::CloudFormation::ResourceVersion', DependsOn: 'V1', Properties: { TypeName: 'Acme::Drift::Widget', SchemaHandlerPackage: 's3://packages/widget.zip' } },
    Default: { Type: 'AWS::CloudFormation::ResourceDefaultVersion', DependsOn: 'V2', Properties: { TypeName: 'Acme::Drift::Widget', VersionId: '00000002' } },
    Hook: { Type: 'AWS::CloudFormation::HookVersion', Properties: { TypeName: 'Acme::Drift::Guard', SchemaHandlerPackage: 's3://packages/hook.zip' } },
    HookDefault: { Type: 'AWS::CloudFormation::HookDefaultVersion', Properties: { TypeVersionArn: { Ref: 'Hook' } } },
    Config: { Type: 'AWS::CloudFormation::HookTypeConfig', DependsOn: 'HookDefault', Properties: { TypeArn: { 'Fn::GetAtt': ['Hook', 'TypeArn'] }, Configuration: HOOK_CONFIGURATION('ALL') } },
    Module: { Type: 'AWS::CloudFormation::ModuleVersion', Properties: { ModuleName: 'Acme::Drift::Queue::MODULE', ModulePackage: 's3://packages/module.zip' } },
    ModuleDefault: { Type: 'AWS::CloudFormation::ModuleDefaultVersion', Properties: { Arn: { Ref: 'Module' } } },
  },
  Outputs: { Hook: { Value: { 'Fn::GetAtt': ['Hook', 'TypeArn'] } } },
});

const CHILD = JSON.stringify({
  Parameters: { Label: { Type: 'String' }, Zones: { Type: 'CommaDelimitedList' }, Extra: { Type: 'String', Default: 'x' } },
  Resources: { Handle: { Type: 'AWS::CloudFormation::WaitConditionHandle' } },
});

describe('CloudFormation: drift of the registry types and of nested stacks', function () {
  this.timeout(60_000);
  const aws = serveWithClients({});
  before(async () => {
    const s3 = new S3Client({ endpoint: aws.aws.endpoint, forcePathStyle: true, ...CLIENT_CONFIG });
    await s3.send(new CreateBucketCommand({ Bucket: 'packages' }));
    const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
    await s3.send(new PutObjectCommand({ Bucket: 'packages', Key: 'widget.zip', Body: zip({ 'schema.json': JSON.stringify(typeSchema('Acme::Drift::Widget')) }) }));
    await s3.send(new PutObjectCommand({ Bucket: 'packages', Key: 'hook.zip', Body: zip({ 'schema.json': JSON.stringify(typeSchema('Acme::Drift::Guard')) }) }));
    await s3.send(new PutObjectCommand({ Bucket: 'packages', Key: 'module.zip', Body: zip({ 'fragments/queue.json': JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } }) }) }));
    await s3.send(new PutObjectCommand({ Bucket: 'packages', Key: 'child.json', Body: CHILD }));
    s3.destroy();
  });

  it('finds registered versions, default versions and a hook configuration in sync, then changed or deregistered', async () => {
    const stack = await deploy(aws.cfn, 'registry-drift', REGISTRY);
    const first = await stackDrift(aws.cfn, 'registry-drift');
    assert.deepEqual(Object.values(first.resources).filter((d) => d.StackResourceDriftStatus !== 'IN_SYNC').map((d) => [d.LogicalResourceId, d.PropertyDifferences]), []);
    assert.equal(Object.keys(first.resources).length, 8);

    await aws.cfn.send(new SetTypeDefaultVersionCommand({ Type: 'RESOURCE', TypeName: 'Acme::Drift::Widget', VersionId: '00000001' }));
    await aws.cfn.send(new SetTypeConfigurationCommand({ TypeArn: output(stack, 'Hook'), Configuration: JSON.stringify(HOOK_CONFIGURATION('NONE')) }));
    await aws.cfn.send(new DeregisterTypeCommand({ Type: 'MODULE', TypeName: 'Acme::Drift::Queue::MODULE' }));

    const second = await stackDrift(aws.cfn, 'registry-drift');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Default'), [['/VersionId', '00000002', '00000001', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Config'), [['/Configuration/CloudFormationConfiguration/HookConfiguration/TargetStacks', 'ALL', 'NONE', 'NOT_EQUAL']]);
    assert.deepEqual(['Module', 'ModuleDefault'].map((id) => second.resources[id].StackResourceDriftStatus), ['DELETED', 'DELETED']);
    assert.deepEqual(['V1', 'V2', 'Hook', 'HookDefault'].map((id) => second.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC', 'IN_SYNC', 'IN_SYNC']);
  });

  it('finds a publisher, a published module version and its activation in sync, then the activation deactivated', async () => {
    const name = 'Acme::Published::Queue::MODULE';
    const template = JSON.stringify({
      Resources: {
        Module: { Type: 'AWS::CloudFormation::ModuleVersion', Properties: { ModuleName: name, ModulePackage: 's3://packages/module.zip' } },
        Default: { Type: 'AWS::CloudFormation::ModuleDefaultVersion', Properties: { Arn: { Ref: 'Module' } } },
        Publisher: { Type: 'AWS::CloudFormation::Publisher', Properties: { AcceptTermsAndConditions: true } },
        Public: { Type: 'AWS::CloudFormation::PublicTypeVersion', Properties: { Type: 'MODULE', TypeName: name }, DependsOn: ['Publisher', 'Default'] },
        Activation: { Type: 'AWS::CloudFormation::TypeActivation', Properties: { PublicTypeArn: { Ref: 'Public' }, TypeNameAlias: 'Acme::Used::Queue::MODULE', AutoUpdate: false } },
      },
    });
    await deploy(aws.cfn, 'publication-drift', template);
    const first = await stackDrift(aws.cfn, 'publication-drift');
    const checked = ['Publisher', 'Public', 'Activation'].map((id) => [id, first.resources[id].StackResourceDriftStatus, first.resources[id].PropertyDifferences]);
    assert.deepEqual(checked, [
      ['Publisher', 'IN_SYNC', []],
      ['Public', 'IN_SYNC', []],
      ['Activation', 'IN_SYNC', []],
    ]);
    const { StackResourceDrift: activation } = await aws.cfn.send(new DetectStackResourceDriftCommand({ StackName: 'publication-drift', LogicalResourceId: 'Activation' }));
    assert.deepEqual(JSON.parse(activation!.ActualProperties!), { PublicTypeArn: first.resources.Public.PhysicalResourceId, TypeNameAlias: 'Acme::Used::Queue::MODULE' });

    await aws.cfn.send(new DeactivateTypeCommand({ Arn: activation!.PhysicalResourceId }));
    const second = await stackDrift(aws.cfn, 'publication-drift');
    assert.deepEqual(['Publisher', 'Public', 'Activation'].map((id) => second.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC', 'DELETED']);
  });

  it('finds a nested stack in sync, then its parameters changed by an update of its own, then deleted', async () => {
    const template = JSON.stringify({
      Resources: {
        Nested: {
          Type: 'AWS::CloudFormation::Stack',
          Properties: { TemplateURL: `${aws.aws.endpoint}/packages/child.json`, Parameters: { Label: 'first', Zones: ['a', 'b'] }, Tags: [{ Key: 'team', Value: 'a' }], TimeoutInMinutes: 10 },
        },
      },
    });
    await deploy(aws.cfn, 'nested-drift', template);
    const first = await stackDrift(aws.cfn, 'nested-drift');
    assert.deepEqual([first.resources.Nested.StackResourceDriftStatus, first.resources.Nested.PropertyDifferences], ['IN_SYNC', []]);

    const child = first.resources.Nested.PhysicalResourceId!;
    await aws.cfn.send(
      new UpdateStackCommand({
        StackName: child,
        UsePreviousTemplate: true,
        Parameters: [
          { ParameterKey: 'Label', ParameterValue: 'second' },
          { ParameterKey: 'Zones', UsePreviousValue: true },
          { ParameterKey: 'Extra', ParameterValue: 'y' },
        ],
        Tags: [{ Key: 'team', Value: 'a' }],
      }),
    );
    assert.equal((await settled(aws.cfn, child)).StackStatus, 'UPDATE_COMPLETE');
    const second = await stackDrift(aws.cfn, 'nested-drift');
    const differences = second.resources.Nested.PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences, [['/Parameters/Label', 'first', 'second', 'NOT_EQUAL']]);

    await aws.cfn.send(new DeleteStackCommand({ StackName: child }));
    assert.equal((await settled(aws.cfn, child)).StackStatus, 'DELETE_COMPLETE');
    assert.equal((await stackDrift(aws.cfn, 'nested-drift')).resources.Nested.StackResourceDriftStatus, 'DELETED');
  });
});
