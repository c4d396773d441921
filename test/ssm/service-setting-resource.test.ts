import assert from 'node:assert/strict';
import { DetectStackResourceDriftCommand } from '@aws-sdk/client-cloudformation';
import { DescribeParametersCommand, GetServiceSettingCommand, PutParameterCommand, SSMClient, UpdateServiceSettingCommand } from '@aws-sdk/client-ssm';
import { creationFailure, deleteStack, deploy, output, serveWithClients } from '../cloudformation/serve.ts';

const TIER = '/ssm/parameter-store/default-parameter-tier';
const template = (value: string) =>
  JSON.stringify({
    Resources: { Tier: { Type: 'AWS::SSM::ServiceSetting', Properties: { SettingId: TIER, SettingValue: value } } },
    Outputs: { Ref: { Value: { Ref: 'Tier' } }, Arn: { Value: { 'Fn::GetAtt': ['Tier', 'Arn'] } }, Status: { Value: { 'Fn::GetAtt': ['Tier', 'Status'] } }, User: { Value: { 'Fn::GetAtt': ['Tier', 'LastModifiedUser'] } } },
  });

describe('CloudFormation: AWS::SSM::ServiceSetting (UpdateServiceSetting, reset on deletion)', function () {
  this.timeout(30_000);
  const served = serveWithClients({ ssm: SSMClient });

  const setting = async () => (await served.ssm.send(new GetServiceSettingCommand({ SettingId: TIER }))).ServiceSetting!;

  it('sets the default parameter tier (which PutParameter then uses), updates it in place, detects drift and resets it on deletion', async () => {
    const stack = await deploy(served.cfn, 'tier-setting', template('Advanced'));
    const arn = 'arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/parameter-store/default-parameter-tier';
    assert.deepEqual([output(stack, 'Ref'), output(stack, 'Arn'), output(stack, 'Status'), output(stack, 'User')], [arn, arn, 'Customized', 'arn:aws:iam::000000000000:root']);
    assert.equal((await setting()).SettingValue, 'Advanced');
    await served.ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'v', Type: 'String' }));
    const { Parameters } = await served.ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['tiered'] }] }));
    assert.equal(Parameters![0].Tier, 'Advanced');

    const updated = await deploy(served.cfn, 'tier-setting', template('Intelligent-Tiering'), {}, true);
    assert.equal(output(updated, 'Ref'), arn);
    assert.equal((await setting()).SettingValue, 'Intelligent-Tiering');
    const drift = async () => (await served.cfn.send(new DetectStackResourceDriftCommand({ StackName: 'tier-setting', LogicalResourceId: 'Tier' }))).StackResourceDrift!;
    assert.equal((await drift()).StackResourceDriftStatus, 'IN_SYNC');
    await served.ssm.send(new UpdateServiceSettingCommand({ SettingId: TIER, SettingValue: 'Standard' }));
    assert.deepEqual((await drift()).PropertyDifferences, [{ PropertyPath: '/SettingValue', ExpectedValue: 'Intelligent-Tiering', ActualValue: 'Standard', DifferenceType: 'NOT_EQUAL' }]);

    await deleteStack(served.cfn, updated);
    assert.deepEqual([(await setting()).SettingValue, (await setting()).Status], ['Standard', 'Default']);
  });

  it("fails the resource with SSM's error for a value the setting does not take", async () => {
    assert.match(
      await creationFailure(served.cfn, 'bad-tier', template('Premium'), 'Tier'),
      /^Resource handler returned message: "The value Premium is not valid for the setting \/ssm\/parameter-store\/default-parameter-tier\. Valid values are: Standard, Advanced, Intelligent-Tiering\." /,
    );
    assert.equal((await setting()).Status, 'Default');
  });
});
