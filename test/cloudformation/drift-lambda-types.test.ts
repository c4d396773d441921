import assert from 'node:assert/strict';
import { CloudControlClient, GetResourceCommand, ListResourcesCommand } from '@aws-sdk/client-cloudcontrol';
import {
  DeleteFunctionCommand,
  LambdaClient,
  RemoveLayerVersionPermissionCommand,
  RemovePermissionCommand,
  UpdateAliasCommand,
  UpdateEventSourceMappingCommand,
  UpdateFunctionEventInvokeConfigCommand,
  UpdateFunctionUrlConfigCommand,
} from '@aws-sdk/client-lambda';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { zip } from '../lambda/support.ts';
import { deploy, output, serveWithClients, stackDrift } from './serve.ts';
import { echoFunction, LAMBDA_ROLE } from './templates.ts';

const TEMPLATE = JSON.stringify({
  Resources: {
    Role: LAMBDA_ROLE,
    Function: echoFunction({ FunctionName: 'drifting' }),
    Version: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Function' }, Description: 'first' } },
    Alias: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Function' }, Name: 'live', FunctionVersion: '$LATEST', Description: 'the live one' } },
    Url: { Type: 'AWS::Lambda::Url', Properties: { TargetFunctionArn: { Ref: 'Function' }, AuthType: 'NONE', Cors: { AllowOrigins: ['https://a.example.com'], MaxAge: 60 } } },
    Async: {
      Type: 'AWS::Lambda::EventInvokeConfig',
      Properties: { FunctionName: { Ref: 'Function' }, Qualifier: '$LATEST', MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 300 },
    },
    Permission: {
      Type: 'AWS::Lambda::Permission',
      Properties: { FunctionName: { Ref: 'Function' }, Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com', SourceAccount: { Ref: 'AWS::AccountId' } },
    },
    Layer: {
      Type: 'AWS::Lambda::LayerVersion',
      Properties: { LayerName: 'shared', Description: 'helpers', CompatibleRuntimes: ['python3.12'], Content: { S3Bucket: 'layers', S3Key: 'lib.zip' } },
    },
    LayerShare: { Type: 'AWS::Lambda::LayerVersionPermission', Properties: { LayerVersionArn: { Ref: 'Layer' }, Action: 'lambda:GetLayerVersion', Principal: '111111111111' } },
    Queue: { Type: 'AWS::SQS::Queue' },
    Mapping: {
      Type: 'AWS::Lambda::EventSourceMapping',
      Properties: { FunctionName: { Ref: 'Function' }, EventSourceArn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, BatchSize: 5, Tags: [{ Key: 'team', Value: 'a' }] },
    },
  },
  Outputs: {
    Version: { Value: { Ref: 'Version' } },
    Alias: { Value: { Ref: 'Alias' } },
    Permission: { Value: { Ref: 'Permission' } },
    LayerShare: { Value: { Ref: 'LayerShare' } },
    Layer: { Value: { Ref: 'Layer' } },
    Mapping: { Value: { Ref: 'Mapping' } },
  },
});

describe("CloudFormation: drift of Lambda's versions, aliases, URLs, permissions, layers and mappings", function () {
  this.timeout(60_000);
  const aws = serveWithClients({ lambda: LambdaClient, control: CloudControlClient });
  before(async () => {
    const s3 = new S3Client({ endpoint: aws.aws.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await s3.send(new CreateBucketCommand({ Bucket: 'layers' }));
    await s3.send(new PutObjectCommand({ Bucket: 'layers', Key: 'lib.zip', Body: zip({ 'python/lib.py': 'VALUE = 1\n' }) }));
    s3.destroy();
  });

  it('finds them in sync, then the changes and deletions made through Lambda; Cloud Control reads them', async () => {
    const { cfn, lambda, control } = aws;
    const stack = await deploy(cfn, 'lambda-types-drift', TEMPLATE);
    const out = (name: string) => output(stack, name);
    const first = await stackDrift(cfn, 'lambda-types-drift');
    const checked = ['Function', 'Version', 'Alias', 'Url', 'Async', 'Permission', 'Layer', 'LayerShare', 'Mapping'];
    assert.deepEqual(
      checked.filter((id) => first.resources[id].StackResourceDriftStatus !== 'IN_SYNC'),
      [],
      JSON.stringify(checked.map((id) => first.resources[id].PropertyDifferences)),
    );
    assert.equal(first.status, 'IN_SYNC');

    // Cloud Control reads them by AWS's identifiers, the compound ones (`a|b`) included.
    const read = async (TypeName: string, Identifier: string) => JSON.parse((await control.send(new GetResourceCommand({ TypeName, Identifier }))).ResourceDescription!.Properties!);
    const alias = await read('AWS::Lambda::Alias', out('Alias'));
    assert.deepEqual([alias.Name, alias.FunctionVersion, alias.Description], ['live', '$LATEST', 'the live one']);
    assert.deepEqual((await read('AWS::Lambda::EventInvokeConfig', 'drifting|$LATEST')).MaximumRetryAttempts, 1);
    const permission = await read('AWS::Lambda::Permission', `drifting|${out('Permission')}`);
    assert.deepEqual([permission.Principal, permission.Action, permission.SourceAccount], ['s3.amazonaws.com', 'lambda:InvokeFunction', '000000000000']);
    const { ResourceDescriptions } = await control.send(new ListResourcesCommand({ TypeName: 'AWS::Lambda::Permission', ResourceModel: JSON.stringify({ FunctionName: 'drifting' }) }));
    assert.deepEqual(ResourceDescriptions!.map((d) => [d.Identifier, JSON.parse(d.Properties!).Principal]), [[`drifting|${out('Permission')}`, 's3.amazonaws.com']]);
    const mapping = await read('AWS::Lambda::EventSourceMapping', out('Mapping'));
    assert.deepEqual([mapping.BatchSize, mapping.Enabled], [5, true]);
    const layer = await read('AWS::Lambda::LayerVersion', out('Layer'));
    assert.deepEqual([layer.LayerName, layer.Description, layer.Content], ['shared', 'helpers', undefined]);

    await lambda.send(new UpdateAliasCommand({ FunctionName: 'drifting', Name: 'live', Description: 'renamed' }));
    await lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'drifting', AuthType: 'AWS_IAM', Cors: { AllowOrigins: ['https://b.example.com'], MaxAge: 60 } }));
    await lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'drifting', Qualifier: '$LATEST', MaximumRetryAttempts: 0 }));
    await lambda.send(new UpdateEventSourceMappingCommand({ UUID: out('Mapping'), BatchSize: 7 }));
    await lambda.send(new RemovePermissionCommand({ FunctionName: 'drifting', StatementId: out('Permission') }));
    const share = out('LayerShare');
    const cut = share.lastIndexOf('#');
    const layerArn = share.slice(0, cut);
    await lambda.send(new RemoveLayerVersionPermissionCommand({ LayerName: layerArn.slice(0, layerArn.lastIndexOf(':')), VersionNumber: Number(layerArn.split(':').pop()), StatementId: share.slice(cut + 1) }));
    await lambda.send(new DeleteFunctionCommand({ FunctionName: out('Version') }));

    const second = await stackDrift(cfn, 'lambda-types-drift');
    assert.equal(second.status, 'DRIFTED');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Alias'), [['/Description', 'the live one', 'renamed', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Url'), [
      ['/AuthType', 'NONE', 'AWS_IAM', 'NOT_EQUAL'],
      ['/Cors/AllowOrigins/0', 'https://a.example.com', 'https://b.example.com', 'NOT_EQUAL'],
    ]);
    assert.deepEqual(differences('Async'), [['/MaximumRetryAttempts', '1', '0', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Mapping'), [['/BatchSize', '5', '7', 'NOT_EQUAL']]);
    assert.deepEqual(['Permission', 'LayerShare', 'Version'].map((id) => second.resources[id].StackResourceDriftStatus), ['DELETED', 'DELETED', 'DELETED']);
    assert.deepEqual(['Function', 'Layer'].map((id) => second.resources[id].StackResourceDriftStatus), ['IN_SYNC', 'IN_SYNC']);
  });
});
