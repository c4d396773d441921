import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { DescribeTypeCommand, ListTypesCommand } from '@aws-sdk/client-cloudformation';
import { GetFunctionRecursionConfigCommand, GetRuntimeManagementConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { creationFailure, deploy, output, serveWithClients } from './serve.ts';

/**
 * AWS's resource schemas as aws-cdk-lib's L1 classes carry them (generated from the CloudFormation registry's
 * schemas): each class renders every property of its type, so rendering intrinsic placeholders gives the full set.
 */
const cdk = createRequire(import.meta.url)('aws-cdk-lib');
const placeholders = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? { Ref: 'X' } : undefined) });

function schemaProperties(typeName: string): string[] | undefined {
  const namespace = cdk[`aws_${typeName.split('::')[1].toLowerCase()}`];
  const l1 = namespace && Object.values(namespace).find((c) => typeof c === 'function' && (c as { CFN_RESOURCE_TYPE_NAME?: string }).CFN_RESOURCE_TYPE_NAME === typeName);
  if (!l1) return undefined;
  const instance = Object.create((l1 as { prototype: object }).prototype) as { renderProperties(props: object): Record<string, unknown> };
  return Object.keys(instance.renderProperties(placeholders)).sort();
}

/**
 * Types that take any property: a custom resource's properties go to its provider (AWS's schema allows others), and
 * CDK's bookkeeping type has no schema of AWS's.
 */
const ANY_PROPERTY = new Set(['AWS::CDK::Metadata', 'AWS::CloudFormation::CustomResource']);

/**
 * The properties of AWS's schema that twinstack does not make: a template setting one fails with "Encountered
 * unsupported property" rather than having it ignored. A type that learns one should leave the list.
 */
const NOT_MADE: Record<string, string[]> = {
  'AWS::ApiGateway::BasePathMapping': ['Id'],
  'AWS::ApiGateway::DomainNameV2': ['EndpointAccessMode'],
  'AWS::ApiGatewayV2::Stage': ['AccessPolicyId'],
  'AWS::DynamoDB::GlobalTable': ['GlobalTableSourceArn', 'TableType'],
  'AWS::DynamoDB::Table': ['ImportSourceSpecification'],
  'AWS::Events::Connection': ['InvocationConnectivityParameters'],
  'AWS::IAM::SAMLProvider': ['AddPrivateKey', 'AssertionEncryptionMode', 'PrivateKeyList', 'RemovePrivateKey'],
  'AWS::IAM::User': ['LoginProfile'],
  'AWS::Kinesis::Stream': ['DesiredShardLevelMetrics', 'MaxRecordSizeInKiB', 'RecordDistributionStrategy', 'WarmThroughputMiBps'],
  'AWS::Lambda::Function': ['AcceleratorConfig', 'FunctionScalingConfig', 'PublishToLatestPublished', 'RuntimeConfig'],
  'AWS::Lambda::Version': ['FunctionScalingConfig', 'RuntimePolicy'],
  'AWS::Logs::LogGroup': ['BearerTokenAuthenticationEnabled', 'DataProtectionPolicy', 'DeletionProtectionEnabled', 'FieldIndexPolicies', 'ResourcePolicyDocument'],
  'AWS::S3::Bucket': [
    'AbacStatus',
    'AccelerateConfiguration',
    'AnalyticsConfigurations',
    'BucketNamePrefix',
    'BucketNamespace',
    'IntelligentTieringConfigurations',
    'InventoryConfigurations',
    'LoggingConfiguration',
    'MetadataConfiguration',
    'MetadataTableConfiguration',
    'MetricsConfigurations',
    'ReplicationConfiguration',
  ],
  'AWS::SecretsManager::RotationSchedule': ['ExternalSecretRotationMetadata', 'ExternalSecretRotationRoleArn', 'HostedRotationLambda'],
  'AWS::SecretsManager::Secret': ['ReplicaRegions', 'Type'],
  'AWS::SNS::Topic': ['MaximumMessageSize'],
  'AWS::SSM::Association': ['AssociationDispatchAssumeRole', 'Tags', 'WaitForSuccessTimeoutSeconds'],
  'AWS::StepFunctions::StateMachineAlias': ['StateMachineArn'],
};

describe("CloudFormation: every resource type's properties are its AWS schema's", function () {
  this.timeout(120_000);
  const aws = serveWithClients({ lambda: LambdaClient, sns: SNSClient });

  it("lists, for every public type, exactly its schema's properties but those not made here", async () => {
    const names: string[] = [];
    for (const ProvisioningType of ['FULLY_MUTABLE', 'IMMUTABLE'] as const) {
      let NextToken: string | undefined;
      do {
        const page = await aws.cfn.send(new ListTypesCommand({ Visibility: 'PUBLIC', Type: 'RESOURCE', ProvisioningType, NextToken }));
        names.push(...page.TypeSummaries!.map((t) => t.TypeName!));
        NextToken = page.NextToken;
      } while (NextToken);
    }
    assert.ok(names.length > 150, `${names.length} public types`);
    const open: string[] = [];
    const differing: Record<string, { notMade: string[]; unknown: string[] }> = {};
    for (const TypeName of names) {
      const schema = JSON.parse((await aws.cfn.send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName }))).Schema!);
      if (schema.additionalProperties) {
        open.push(TypeName);
        continue;
      }
      const listed = Object.keys(schema.properties);
      const expected = schemaProperties(TypeName);
      assert.ok(expected, `aws-cdk-lib has no schema of ${TypeName}`);
      const notMade = expected.filter((name) => !listed.includes(name));
      const unknown = listed.filter((name) => !expected.includes(name));
      if (unknown.length || JSON.stringify(notMade) !== JSON.stringify(NOT_MADE[TypeName] ?? [])) differing[TypeName] = { notMade, unknown };
    }
    assert.deepEqual(open.sort(), [...ANY_PROPERTY].sort(), 'types taking any property');
    assert.deepEqual(differing, {}, "types whose list is not their schema's (less the ledger's)");
  });

  // One stack per type: a sample of the types given their lists this session, as AWS fails them (the stack event's reason).
  const SAMPLE: [string, string][] = [
    ['AWS::SQS::Queue', 'QueueName: q'],
    ['AWS::SNS::Topic', 'MaximumMessageSize: 2048'],
    ['AWS::KMS::Key', 'Description: k'],
    ['AWS::Events::EventBus', 'Name: bus-x'],
    ['AWS::Logs::QueryDefinition', 'Name: q\n      QueryString: fields @message'],
    ['AWS::StepFunctions::Activity', 'Name: act'],
    ['AWS::ApiGateway::RestApi', 'Name: api'],
    ['AWS::Scheduler::ScheduleGroup', 'Name: group-x'],
    ['AWS::CloudWatch::Dashboard', `DashboardBody: '{"widgets":[]}'`],
    ['AWS::Lambda::Function', 'Runtime: nodejs20.x'],
    ['AWS::CloudFormation::Stack', 'TemplateBody: {}'],
  ];
  for (const [type, properties] of SAMPLE) {
    it(`fails ${type} given a property its schema lacks, with AWS's reason, and rolls the stack back`, async () => {
      const unknown = type === 'AWS::SNS::Topic' || type === 'AWS::CloudFormation::Stack' ? '' : '\n      Colour: blue';
      const template = `Resources:\n  Thing:\n    Type: ${type}\n    Properties:\n      ${properties}${unknown}\n`;
      const stackName = `unknown-${type.split('::').slice(1).join('-').toLowerCase()}`;
      const property = type === 'AWS::SNS::Topic' ? 'MaximumMessageSize' : type === 'AWS::CloudFormation::Stack' ? 'TemplateBody' : 'Colour';
      assert.equal(await creationFailure(aws.cfn, stackName, template, 'Thing'), `Encountered unsupported property ${property}`);
    });
  }

  it('makes the schema properties that were dropped before (Lambda recursion and runtime updates, SNS delivery status logging)', async () => {
    const template = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: { ZipFile: 'exports.handler = async () => 1;' }
      RecursiveLoop: Allow
      RuntimeManagementConfig: { UpdateRuntimeOn: FunctionUpdate }
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DeliveryStatusLogging:
        - { Protocol: sqs, SuccessFeedbackRoleArn: !GetAtt Role.Arn, FailureFeedbackRoleArn: !GetAtt Role.Arn, SuccessFeedbackSampleRate: '50' }
Outputs:
  Fn: { Value: !Ref Fn }
  Topic: { Value: !Ref Topic }
  Role: { Value: !GetAtt Role.Arn }
`;
    const stack = await deploy(aws.cfn, 'schema-properties-made', template);
    const FunctionName = output(stack, 'Fn');
    assert.equal((await aws.lambda.send(new GetFunctionRecursionConfigCommand({ FunctionName }))).RecursiveLoop, 'Allow');
    assert.equal((await aws.lambda.send(new GetRuntimeManagementConfigCommand({ FunctionName }))).UpdateRuntimeOn, 'FunctionUpdate');
    const { Attributes } = await aws.sns.send(new GetTopicAttributesCommand({ TopicArn: output(stack, 'Topic') }));
    assert.equal(Attributes!.SQSSuccessFeedbackRoleArn, output(stack, 'Role'));
    assert.equal(Attributes!.SQSFailureFeedbackRoleArn, output(stack, 'Role'));
    assert.equal(Attributes!.SQSSuccessFeedbackSampleRate, '50');
  });
});
