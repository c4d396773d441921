import assert from 'node:assert/strict';
import { DetectStackResourceDriftCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  GetCapacityProviderCommand,
  GetPolicyCommand,
  GetResourcePolicyCommand,
  LambdaClient,
  ListTagsCommand,
  PublishVersionCommand,
} from '@aws-sdk/client-lambda';
import { expectError } from '../support/aws-error.ts';
import { createFunction } from '../lambda/support.ts';
import { CLIENT_CONFIG, creationFailure, deleteStack, deploy, output, serveCloudFormation } from './serve.ts';

const allow = (sid: string, account: string, resource: string) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${account}:root` },
  Action: 'lambda:InvokeFunction',
  Resource: resource,
});

/** A stack holding only the policy of `resourceArn`, granting `account` Invoke. */
const policyTemplate = (resourceArn: string, account: string) =>
  JSON.stringify({
    Resources: {
      Policy: {
        Type: 'AWS::Lambda::ResourcePolicy',
        Properties: { ResourceArn: resourceArn, PolicyDocument: { Version: '2012-10-17', Statement: [allow('grant', account, resourceArn)] } },
      },
    },
    Outputs: { Policy: { Value: { Ref: 'Policy' } } },
  });

const VPC = { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] };
const PERMISSIONS = { CapacityProviderOperatorRoleArn: 'arn:aws:iam::000000000000:role/lambda-operator' };

/** A stack with one capacity provider of the given extra properties, and its Ref and attributes as outputs. */
const providerTemplate = (properties: object) =>
  JSON.stringify({
    Resources: { Fleet: { Type: 'AWS::Lambda::CapacityProvider', Properties: { VpcConfig: VPC, PermissionsConfig: PERMISSIONS, ...properties } } },
    Outputs: {
      Name: { Value: { Ref: 'Fleet' } },
      Arn: { Value: { 'Fn::GetAtt': ['Fleet', 'Arn'] } },
      State: { Value: { 'Fn::GetAtt': ['Fleet', 'State'] } },
    },
  });

// The resource types of the Lambda features newer than botocore 1.43.11: resource-based policies and capacity providers.
describe('CloudFormation: AWS::Lambda::ResourcePolicy and AWS::Lambda::CapacityProvider', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let lambda: LambdaClient;
  serveCloudFormation((aws, client) => {
    cfn = client;
    lambda = new LambdaClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => lambda?.destroy());

  describe('AWS::Lambda::ResourcePolicy', () => {
    const statements = async (arn: string) => JSON.parse((await lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy!).Statement;

    it('puts the whole policy (Ref is the ResourceArn), changes it in place, moves on a new ResourceArn, deletes it', async () => {
      const name = await createFunction(lambda, { 'handler.py': 'def handler(e, c):\n    return 1\n' });
      await lambda.send(new PublishVersionCommand({ FunctionName: name }));
      await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }));
      const arn = `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
      // What AddPermission wrote before is replaced by the stack's policy.
      await lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'before', Action: 'lambda:InvokeFunction', Principal: 'sns.amazonaws.com' }));

      const created = await deploy(cfn, 'fn-policy', policyTemplate(arn, '111111111111'));
      assert.equal(output(created, 'Policy'), arn);
      assert.deepEqual(await statements(arn), [allow('grant', '111111111111', arn)]);
      const { StackResourceDrift } = await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'fn-policy', LogicalResourceId: 'Policy' }));
      assert.equal(StackResourceDrift!.StackResourceDriftStatus, 'IN_SYNC');

      // A new document is put on the same resource.
      const updated = await deploy(cfn, 'fn-policy', policyTemplate(arn, '222222222222'), {}, true);
      assert.equal(output(updated, 'Policy'), arn);
      assert.deepEqual(await statements(arn), [allow('grant', '222222222222', arn)]);

      // A new ResourceArn replaces it: the alias gets the policy, the function's is deleted.
      const alias = `${arn}:live`;
      const moved = await deploy(cfn, 'fn-policy', policyTemplate(alias, '222222222222'), {}, true);
      assert.equal(output(moved, 'Policy'), alias);
      assert.deepEqual(await statements(alias), [allow('grant', '222222222222', alias)]);
      const nothing = expectError('ResourceNotFoundException', 404, 'The resource you requested does not exist.');
      await assert.rejects(lambda.send(new GetPolicyCommand({ FunctionName: name })), nothing);

      await deleteStack(cfn, moved);
      await assert.rejects(lambda.send(new GetResourcePolicyCommand({ ResourceArn: alias })), nothing);
    });

    it("fails the resource with Lambda's error: a missing function, a document that is no resource policy", async () => {
      const missing = await creationFailure(cfn, 'fn-policy-missing', policyTemplate('arn:aws:lambda:us-east-1:000000000000:function:no-such-function', '111111111111'), 'Policy');
      assert.match(missing, /^Resource handler returned message: "Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function" \(RequestToken: [-0-9a-f]+, HandlerErrorCode: NotFound\)$/);

      const name = await createFunction(lambda, { 'handler.py': 'def handler(e, c):\n    return 1\n' });
      const arn = `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
      const body = JSON.stringify({
        Resources: {
          Policy: {
            Type: 'AWS::Lambda::ResourcePolicy',
            Properties: { ResourceArn: arn, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arn }] } },
          },
        },
      });
      const invalid = await creationFailure(cfn, 'fn-policy-invalid', body, 'Policy');
      assert.match(invalid, /^Resource handler returned message: "The policy is not valid: Missing required field Principal" \(RequestToken: [-0-9a-f]+, HandlerErrorCode: InvalidRequest\)$/);
      await assert.rejects(lambda.send(new GetResourcePolicyCommand({ ResourceArn: arn })), expectError('ResourceNotFoundException', 404));
    });
  });

  describe('AWS::Lambda::CapacityProvider', () => {
    const provider = async (name: string) => (await lambda.send(new GetCapacityProviderCommand({ CapacityProviderName: name }))).CapacityProvider!;

    it('creates the provider (Ref name, GetAtt Arn and State), updates scaling, tag propagation and tags in place, replaces it on new instance requirements', async () => {
      const created = await deploy(
        cfn,
        'fleet',
        providerTemplate({
          PropagateTags: { Mode: 'Explicit', ExplicitTags: [{ Key: 'team', Value: 'platform' }] },
          TelemetryConfig: { LoggingConfig: { LogGroup: '/aws/lambda/capacity-provider/fleet', SystemLogLevel: 'WARN' } },
          Tags: [{ Key: 'env', Value: 'test' }],
        }),
      );
      const name = output(created, 'Name');
      assert.match(name, /^fleet-Fleet-[A-Za-z0-9]+$/);
      assert.equal(output(created, 'Arn'), `arn:aws:lambda:us-east-1:000000000000:capacity-provider:${name}`);
      assert.equal(output(created, 'State'), 'Active');
      const made = await provider(name);
      assert.deepEqual(made.PropagateTags, { Mode: 'Explicit', ExplicitTags: { team: 'platform' } });
      assert.deepEqual(made.TelemetryConfig, { LoggingConfig: { LogGroup: '/aws/lambda/capacity-provider/fleet', SystemLogLevel: 'WARN' } });
      assert.equal((await lambda.send(new ListTagsCommand({ Resource: output(created, 'Arn') }))).Tags!.env, 'test');

      // Scaling, propagation (dropped: turned off) and tags change in place.
      const scaling = { ScalingMode: 'Manual', MaxVCpuCount: 64, ScalingPolicies: [{ PredefinedMetricType: 'LambdaCapacityProviderAverageCPUUtilization', TargetValue: 60 }] };
      const updated = await deploy(cfn, 'fleet', providerTemplate({ CapacityProviderScalingConfig: scaling, Tags: [{ Key: 'env', Value: 'prod' }] }), {}, true);
      assert.equal(output(updated, 'Name'), name);
      const changed = await provider(name);
      assert.deepEqual([changed.CapacityProviderScalingConfig, changed.PropagateTags], [scaling, { Mode: 'None' }]);
      assert.equal((await lambda.send(new ListTagsCommand({ Resource: output(created, 'Arn') }))).Tags!.env, 'prod');

      // Instance requirements are create-only: a new provider, the old one deleted.
      const replaced = await deploy(cfn, 'fleet', providerTemplate({ CapacityProviderScalingConfig: scaling, InstanceRequirements: { Architectures: ['arm64'] } }), {}, true);
      const newName = output(replaced, 'Name');
      assert.notEqual(newName, name);
      assert.deepEqual((await provider(newName)).InstanceRequirements!.Architectures, ['arm64']);
      await assert.rejects(provider(name), expectError('ResourceNotFoundException', 404));

      await deleteStack(cfn, replaced);
      await assert.rejects(provider(newName), expectError('ResourceNotFoundException', 404));
    });

    it("fails the resource with Lambda's error", async () => {
      const reason = await creationFailure(cfn, 'fleet-bad', providerTemplate({ CapacityProviderScalingConfig: { ScalingMode: 'Manual' } }), 'Fleet');
      assert.match(reason, /^Resource handler returned message: "ScalingPolicies must be provided when ScalingMode is Manual\." \(RequestToken: [-0-9a-f]+, HandlerErrorCode: InvalidRequest\)$/);
    });
  });
});
