import assert from 'node:assert/strict';
import { DetectStackResourceDriftCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DescribeParametersCommand, GetServiceSettingCommand, PutParameterCommand, SSMClient, UpdateServiceSettingCommand } from '@aws-sdk/client-ssm';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, creationFailure, deleteStack, deploy, output, serveCloudFormation } from '../cloudformation/serve.ts';

const TIER = '/ssm/parameter-store/default-parameter-tier';
const template = (value: string) =>
  JSON.stringify({
    Resources: { Tier: { Type: 'AWS::SSM::ServiceSetting', Properties: { SettingId: TIER, SettingValue: value } } },
    Outputs: { Ref: { Value: { Ref: 'Tier' } }, Arn: { Value: { 'Fn::GetAtt': ['Tier', 'Arn'] } }, Status: { Value: { 'Fn::GetAtt': ['Tier', 'Status'] } }, User: { Value: { 'Fn::GetAtt': ['Tier', 'LastModifiedUser'] } } },
  });

describe('CloudFormation: AWS::SSM::ServiceSetting (UpdateServiceSetting, reset on deletion)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let ssm: SSMClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
    ssm = new SSMClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => ssm.destroy());

  const setting = async () => (await ssm.send(new GetServiceSettingCommand({ SettingId: TIER }))).ServiceSetting!;

  it('sets the default parameter tier (which PutParameter then uses), updates it in place, detects drift and resets it on deletion', async () => {
    const stack = await deploy(cfn, 'tier-setting', template('Advanced'));
    const arn = 'arn:aws:ssm:us-east-1:000000000000:servicesetting/ssm/parameter-store/default-parameter-tier';
    assert.deepEqual([output(stack, 'Ref'), output(stack, 'Arn'), output(stack, 'Status'), output(stack, 'User')], [arn, arn, 'Customized', 'arn:aws:iam::000000000000:root']);
    assert.equal((await setting()).SettingValue, 'Advanced');
    await ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'v', Type: 'String' }));
    const { Parameters } = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['tiered'] }] }));
    assert.equal(Parameters![0].Tier, 'Advanced');

    const updated = await deploy(cfn, 'tier-setting', template('Intelligent-Tiering'), {}, true);
    assert.equal(output(updated, 'Ref'), arn);
    assert.equal((await setting()).SettingValue, 'Intelligent-Tiering');
    const drift = async () => (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'tier-setting', LogicalResourceId: 'Tier' }))).StackResourceDrift!;
    assert.equal((await drift()).StackResourceDriftStatus, 'IN_SYNC');
    await ssm.send(new UpdateServiceSettingCommand({ SettingId: TIER, SettingValue: 'Standard' }));
    assert.deepEqual((await drift()).PropertyDifferences, [{ PropertyPath: '/SettingValue', ExpectedValue: 'Intelligent-Tiering', ActualValue: 'Standard', DifferenceType: 'NOT_EQUAL' }]);

    await deleteStack(cfn, updated);
    assert.deepEqual([(await setting()).SettingValue, (await setting()).Status], ['Standard', 'Default']);
  });

  it("fails the resource with SSM's error for a value the setting does not take", async () => {
    assert.match(
      await creationFailure(cfn, 'bad-tier', template('Premium'), 'Tier'),
      /^Resource handler returned message: "The value Premium is not valid for the setting \/ssm\/parameter-store\/default-parameter-tier\. Valid values are: Standard, Advanced, Intelligent-Tiering\." /,
    );
    assert.equal((await setting()).Status, 'Default');
  });
});
