import assert from 'node:assert/strict';
import { DetectStackResourceDriftCommand } from '@aws-sdk/client-cloudformation';
import { DeleteParameterCommand, DeleteResourcePolicyCommand, GetResourcePoliciesCommand, PutParameterCommand, PutResourcePolicyCommand, SSMClient } from '@aws-sdk/client-ssm';
import { creationFailure, deleteStack, deploy, output, serveWithClients } from '../cloudformation/serve.ts';
import { expectError } from '../support/aws-error.ts';

const OPS_ITEM_GROUP = 'arn:aws:ssm:us-east-1:000000000000:opsitemgroup/default';
const policyFor = (account: string, action = 'ssm:GetOpsItem') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'share', Effect: 'Allow', Principal: { AWS: account }, Action: action, Resource: OPS_ITEM_GROUP }] });

describe('SSM resource policies (PutResourcePolicy, GetResourcePolicies, DeleteResourcePolicy) and AWS::SSM::ResourcePolicy', function () {
  this.timeout(30_000);
  const served = serveWithClients({ ssm: SSMClient });

  it('attaches, updates (naming the current hash) and deletes the OpsItemGroup policy, one at a time', async () => {
    const { PolicyId, PolicyHash } = await served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: OPS_ITEM_GROUP, Policy: policyFor('111111111111') }));
    assert.ok(PolicyId && PolicyHash);
    assert.deepEqual((await served.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: OPS_ITEM_GROUP }))).Policies, [{ PolicyId, PolicyHash, Policy: policyFor('111111111111') }]);
    // One policy per OpsItemGroup; a second needs the first's id and hash.
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: OPS_ITEM_GROUP, Policy: policyFor('222222222222') })), expectError('ResourcePolicyLimitExceededException', 400));
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: OPS_ITEM_GROUP, Policy: policyFor('222222222222'), PolicyId, PolicyHash: 'stale' })), expectError('ResourcePolicyConflictException', 400));
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: OPS_ITEM_GROUP, Policy: policyFor('222222222222'), PolicyId: 'nope', PolicyHash })), expectError('ResourcePolicyNotFoundException', 400));
    const updated = await served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: OPS_ITEM_GROUP, Policy: policyFor('222222222222'), PolicyId, PolicyHash }));
    assert.equal(updated.PolicyId, PolicyId);
    assert.notEqual(updated.PolicyHash, PolicyHash);
    await assert.rejects(served.ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: OPS_ITEM_GROUP, PolicyId, PolicyHash })), expectError('ResourcePolicyConflictException', 400));
    await served.ssm.send(new DeleteResourcePolicyCommand({ ResourceArn: OPS_ITEM_GROUP, PolicyId, PolicyHash: updated.PolicyHash }));
    assert.deepEqual((await served.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: OPS_ITEM_GROUP }))).Policies, []);
  });

  it('shares only advanced parameters, refuses bad documents and other resources, and drops the policies with the parameter', async () => {
    await served.ssm.send(new PutParameterCommand({ Name: '/shared/standard', Value: 'v', Type: 'String' }));
    await served.ssm.send(new PutParameterCommand({ Name: '/shared/advanced', Value: 'v', Type: 'String', Tier: 'Advanced' }));
    const arn = (name: string) => `arn:aws:ssm:us-east-1:000000000000:parameter${name}`;
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'ssm:GetParameter', Resource: arn('/shared/advanced') }] });
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn('/shared/standard'), Policy: policy })), (e: Error & { ParameterNames?: string[] }) => {
      assert.equal(e.name, 'ResourcePolicyInvalidParameterException');
      assert.deepEqual(e.ParameterNames, ['ResourceArn']);
      return true;
    });
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn('/shared/missing'), Policy: policy })), expectError('ResourceNotFoundException', 400));
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: 'arn:aws:ssm:us-east-1:000000000000:document/mine', Policy: policy })), expectError('ResourcePolicyInvalidParameterException', 400));
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: 'arn:aws:ssm:eu-west-1:000000000000:opsitemgroup/default', Policy: policy })), expectError('ResourcePolicyInvalidParameterException', 400));
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn('/shared/advanced'), Policy: 'not json' })), expectError('MalformedResourcePolicyDocumentException', 400));
    await assert.rejects(served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn('/shared/advanced'), Policy: JSON.stringify({ Statement: 'x'.repeat(1024) }) })), expectError('ResourcePolicyLimitExceededException', 400));
    const { PolicyId } = await served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: arn('/shared/advanced'), Policy: policy }));
    assert.deepEqual((await served.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn('/shared/advanced') }))).Policies!.map((p) => p.PolicyId), [PolicyId]);
    await served.ssm.send(new DeleteParameterCommand({ Name: '/shared/advanced' }));
    await served.ssm.send(new PutParameterCommand({ Name: '/shared/advanced', Value: 'again', Type: 'String', Tier: 'Advanced' }));
    assert.deepEqual((await served.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: arn('/shared/advanced') }))).Policies, []);
  });

  it('AWS::SSM::ResourcePolicy: Ref PolicyId|ResourceArn, GetAtt PolicyId and PolicyHash, the policy updated in place, drift, deletion', async () => {
    const template = (account: string) =>
      JSON.stringify({
        Resources: {
          Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/cfn/shared', Type: 'String', Value: 'v', Tier: 'Advanced' } },
          Policy: {
            Type: 'AWS::SSM::ResourcePolicy',
            Properties: {
              ResourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${Param}' },
              Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: account }, Action: 'ssm:GetParameter', Resource: '*' }] },
            },
          },
        },
        Outputs: { Ref: { Value: { Ref: 'Policy' } }, Id: { Value: { 'Fn::GetAtt': ['Policy', 'PolicyId'] } }, Hash: { Value: { 'Fn::GetAtt': ['Policy', 'PolicyHash'] } } },
      });
    const resourceArn = 'arn:aws:ssm:us-east-1:000000000000:parameter/cfn/shared';
    const stack = await deploy(served.cfn, 'ssm-policy', template('111111111111'));
    const id = output(stack, 'Id');
    assert.equal(output(stack, 'Ref'), `${id}|${resourceArn}`);
    const policies = async () => (await served.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: resourceArn }))).Policies!;
    const [created] = await policies();
    assert.deepEqual([created.PolicyId, created.PolicyHash, JSON.parse(created.Policy!).Statement[0].Principal], [id, output(stack, 'Hash'), { AWS: '111111111111' }]);

    const updated = await deploy(served.cfn, 'ssm-policy', template('222222222222'), {}, true);
    assert.equal(output(updated, 'Id'), id);
    const [after] = await policies();
    assert.deepEqual([after.PolicyId, after.PolicyHash, JSON.parse(after.Policy!).Statement[0].Principal], [id, output(updated, 'Hash'), { AWS: '222222222222' }]);
    assert.notEqual(output(updated, 'Hash'), output(stack, 'Hash'));

    const drift = async () => (await served.cfn.send(new DetectStackResourceDriftCommand({ StackName: 'ssm-policy', LogicalResourceId: 'Policy' }))).StackResourceDrift!.StackResourceDriftStatus;
    assert.equal(await drift(), 'IN_SYNC');
    await served.ssm.send(new PutResourcePolicyCommand({ ResourceArn: resourceArn, Policy: policyFor('333333333333', 'ssm:GetParameter'), PolicyId: id, PolicyHash: after.PolicyHash }));
    assert.equal(await drift(), 'MODIFIED');

    await deleteStack(served.cfn, updated);
    await assert.rejects(served.ssm.send(new GetResourcePoliciesCommand({ ResourceArn: resourceArn })), expectError('ResourceNotFoundException', 400));
  });

  it("fails the resource with SSM's error for a standard parameter", async () => {
    const template = JSON.stringify({
      Resources: {
        Param: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/cfn/standard', Type: 'String', Value: 'v' } },
        Policy: { Type: 'AWS::SSM::ResourcePolicy', Properties: { ResourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter${Param}' }, Policy: { Statement: [] } } },
      },
    });
    assert.match(
      await creationFailure(served.cfn, 'ssm-policy-standard', template, 'Policy'),
      /^Resource handler returned message: "One or more parameters specified for the call aren't valid\. Verify the parameters and their values and try again\." \(RequestToken: [0-9a-f-]{36}, HandlerErrorCode: InvalidRequest\)$/,
    );
  });
});
