import assert from 'node:assert/strict';
import { DescribeStackEventsCommand, DescribeStacksCommand, UpdateStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeStateMachineAliasCommand, ListStateMachineVersionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';
import { CLIENT_CONFIG, creationFailure, deploy, output, deleteStack, serveCloudFormation, settled } from './serve.ts';

/** A machine answering `word`, a version of its current revision and an alias on it, routed as `alias` says. */
const template = (word: string, alias: object) =>
  JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
      },
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, Definition: { StartAt: 'Done', States: { Done: { Type: 'Pass', Result: word, End: true } } } },
      },
      Version: {
        Type: 'AWS::StepFunctions::StateMachineVersion',
        Properties: { StateMachineArn: { Ref: 'Machine' }, StateMachineRevisionId: { 'Fn::GetAtt': ['Machine', 'StateMachineRevisionId'] }, Description: word },
      },
      Alias: { Type: 'AWS::StepFunctions::StateMachineAlias', Properties: { Name: 'live', ...alias } },
    },
    Outputs: {
      Machine: { Value: { Ref: 'Machine' } },
      Version: { Value: { Ref: 'Version' } },
      VersionArn: { Value: { 'Fn::GetAtt': ['Version', 'Arn'] } },
      Alias: { Value: { Ref: 'Alias' } },
      AliasArn: { Value: { 'Fn::GetAtt': ['Alias', 'Arn'] } },
    },
  });

const preference = (Type: string, more: object = {}) => ({ DeploymentPreference: { StateMachineVersionArn: { Ref: 'Version' }, Type, ...more } });

describe('CloudFormation: AWS::StepFunctions::StateMachineVersion and StateMachineAlias', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  let sfn: SFNClient;
  let cloudwatch: CloudWatchClient;
  serveCloudFormation((a, client) => {
    aws = a;
    cfn = client;
    sfn = new SFNClient({ endpoint: a.endpoint, ...CLIENT_CONFIG });
    cloudwatch = new CloudWatchClient({ endpoint: a.endpoint, ...CLIENT_CONFIG });
  });
  after(() => {
    sfn?.destroy();
    cloudwatch?.destroy();
  });

  const routes = async (stateMachineAliasArn: string) =>
    Object.fromEntries((await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn }))).routingConfiguration!.map((r) => [r.stateMachineVersionArn, r.weight]));
  const versions = async (stateMachineArn: string) => (await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn }))).stateMachineVersions!.map((v) => v.stateMachineVersionArn);

  it('publishes a version (Ref its ARN) routed by an alias (Ref its ARN); a new revision publishes a new version the alias follows', async () => {
    const created = await deploy(cfn, 'sfn-routing', template('one', { RoutingConfiguration: [{ StateMachineVersionArn: { Ref: 'Version' }, Weight: 100 }] }));
    const machine = output(created, 'Machine');
    assert.deepEqual(['Version', 'VersionArn', 'Alias', 'AliasArn'].map((k) => output(created, k)), [`${machine}:1`, `${machine}:1`, `${machine}:live`, `${machine}:live`]);
    assert.deepEqual(await routes(`${machine}:live`), { [`${machine}:1`]: 100 });

    const updated = await deploy(cfn, 'sfn-routing', template('two', { RoutingConfiguration: [{ StateMachineVersionArn: { Ref: 'Version' }, Weight: 100 }] }), {}, true);
    assert.equal(output(updated, 'Version'), `${machine}:2`);
    assert.equal(output(updated, 'Alias'), `${machine}:live`);
    assert.deepEqual(await routes(`${machine}:live`), { [`${machine}:2`]: 100 });
    // The replaced version is deleted once the alias no longer routes to it.
    assert.deepEqual(await versions(machine), [`${machine}:2`]);

    await deleteStack(cfn, created);
    await assert.rejects(sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: `${machine}:live` })), expectError('ResourceNotFound', 400));
  });

  it("shifts a LINEAR deployment's traffic by Percentage every Interval minutes of the emulator clock", async () => {
    const linear = preference('LINEAR', { Percentage: 50, Interval: 5 });
    const created = await deploy(cfn, 'sfn-linear', template('one', linear));
    const alias = output(created, 'Alias');
    const machine = output(created, 'Machine');
    assert.deepEqual(await routes(alias), { [`${machine}:1`]: 100 });

    await cfn.send(new UpdateStackCommand({ StackName: 'sfn-linear', TemplateBody: template('two', linear), Capabilities: ['CAPABILITY_IAM'] }));
    while (Object.keys(await routes(alias)).length < 2) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(await routes(alias), { [`${machine}:2`]: 50, [`${machine}:1`]: 50 });
    assert.equal((await cfn.send(new DescribeStacksCommand({ StackName: 'sfn-linear' }))).Stacks![0].StackStatus, 'UPDATE_IN_PROGRESS');
    aws.advanceClock('5m');
    assert.equal((await settled(cfn, 'sfn-linear')).StackStatus, 'UPDATE_COMPLETE');
    assert.deepEqual(await routes(alias), { [`${machine}:2`]: 100 });
    assert.deepEqual(await versions(machine), [`${machine}:2`]);
    await deleteStack(cfn, created);
  });

  it('rolls the alias back and fails the update when an alarm of the deployment is in ALARM', async () => {
    await cloudwatch.send(
      new PutMetricAlarmCommand({ AlarmName: 'sfn-errors', Namespace: 'AWS/States', MetricName: 'ExecutionsFailed', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' }),
    );
    const allAtOnce = preference('ALL_AT_ONCE', { Alarms: ['sfn-errors'] });
    const created = await deploy(cfn, 'sfn-alarm', template('one', allAtOnce));
    const alias = output(created, 'Alias');
    const machine = output(created, 'Machine');
    await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'sfn-errors', StateValue: 'ALARM', StateReason: 'test' }));

    await cfn.send(new UpdateStackCommand({ StackName: 'sfn-alarm', TemplateBody: template('two', allAtOnce), Capabilities: ['CAPABILITY_IAM'] }));
    assert.equal((await settled(cfn, 'sfn-alarm')).StackStatus, 'UPDATE_ROLLBACK_COMPLETE');
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: 'sfn-alarm' }));
    const failed = StackEvents!.find((e) => e.LogicalResourceId === 'Alias' && e.ResourceStatus === 'UPDATE_FAILED')!;
    assert.equal(failed.ResourceStatusReason, 'The deployment was rolled back: alarm(s) [sfn-errors] went into the ALARM state.');
    assert.deepEqual(await routes(alias), { [`${machine}:1`]: 100 });
    assert.deepEqual(await versions(machine), [`${machine}:1`]);
    await deleteStack(cfn, created);
  });

  it('fails an alias given both RoutingConfiguration and DeploymentPreference, and a version of a revision that is not current', async () => {
    const both = { RoutingConfiguration: [{ StateMachineVersionArn: { Ref: 'Version' }, Weight: 100 }], ...preference('ALL_AT_ONCE') };
    assert.equal(
      await creationFailure(cfn, 'sfn-both', template('one', both), 'Alias'),
      'RoutingConfiguration and DeploymentPreference are mutually exclusive properties. You must define only one of these properties.',
    );
    const stale = JSON.parse(template('one', {}));
    stale.Resources.Version.Properties.StateMachineRevisionId = 'not-the-revision';
    delete stale.Resources.Alias;
    delete stale.Outputs.Alias;
    delete stale.Outputs.AliasArn;
    assert.match(
      await creationFailure(cfn, 'sfn-stale', JSON.stringify(stale), 'Version'),
      /^Resource handler returned message: "Failed to publish the State Machine version for revision not-the-revision. The current State Machine revision is INITIAL." \(RequestToken: [-0-9a-f]+, HandlerErrorCode: AlreadyExists\)$/,
    );
  });
});
