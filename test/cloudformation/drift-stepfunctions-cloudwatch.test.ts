import assert from 'node:assert/strict';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudControlClient, GetResourceCommand } from '@aws-sdk/client-cloudcontrol';
import { CloudWatchClient, PutAlarmMuteRuleCommand, PutAnomalyDetectorCommand, PutCompositeAlarmCommand, PutDashboardCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { SFNClient, UpdateStateMachineAliasCommand, UpdateStateMachineCommand } from '@aws-sdk/client-sfn';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, stackDrift } from './serve.ts';

const machine = (result: string) => ({ StartAt: 'Done', States: { Done: { Type: 'Pass', Result: result, End: true } } });
const ALARM = { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'orders' }], Statistic: 'Maximum' as const, Period: 60, EvaluationPeriods: 1 };

const TEMPLATE = JSON.stringify({
  Resources: {
    Role: {
      Type: 'AWS::IAM::Role',
      Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
    },
    Machine: { Type: 'AWS::StepFunctions::StateMachine', Properties: { RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, Definition: machine('a'), Tags: [{ Key: 'team', Value: 'a' }] } },
    Version: { Type: 'AWS::StepFunctions::StateMachineVersion', Properties: { StateMachineArn: { Ref: 'Machine' }, Description: 'first' } },
    Alias: {
      Type: 'AWS::StepFunctions::StateMachineAlias',
      Properties: { Name: 'live', Description: 'current', RoutingConfiguration: [{ StateMachineVersionArn: { Ref: 'Version' }, Weight: 100 }] },
    },
    Activity: { Type: 'AWS::StepFunctions::Activity', Properties: { Name: 'drifting-activity' } },
    Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { ...ALARM, ComparisonOperator: 'GreaterThanThreshold', Threshold: 10, AlarmDescription: 'deep queue' } },
    Composite: { Type: 'AWS::CloudWatch::CompositeAlarm', Properties: { AlarmRule: { 'Fn::Sub': 'ALARM("${Alarm}")' }, AlarmDescription: 'any' } },
    Mute: {
      Type: 'AWS::CloudWatch::AlarmMuteRule',
      Properties: {
        Name: 'nightly',
        Description: 'maintenance',
        Rule: { Schedule: { Expression: 'cron(0 2 * * *)', Duration: 'PT4H' } },
        MuteTargets: { AlarmNames: [{ Ref: 'Alarm' }] },
        ExpireDate: '2027-01-01T00:00:00Z',
      },
    },
    Dashboard: { Type: 'AWS::CloudWatch::Dashboard', Properties: { DashboardBody: { widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 3, properties: { markdown: 'hello' } }] } } },
    Detector: {
      Type: 'AWS::CloudWatch::AnomalyDetector',
      Properties: {
        SingleMetricAnomalyDetector: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'orders' }], Stat: 'Average' },
        Configuration: { MetricTimeZone: 'UTC', ExcludedTimeRanges: [{ StartTime: '2026-11-26T00:00:00', EndTime: '2026-11-26T23:59:59' }] },
      },
    },
  },
  Outputs: { ...Object.fromEntries(['Machine', 'Version', 'Alias', 'Activity', 'Alarm', 'Composite', 'Dashboard'].map((id) => [id, { Value: { Ref: id } }])) },
});

describe('CloudFormation: drift of Step Functions and CloudWatch resources', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let endpoint: string;
  serveCloudFormation((aws, c) => {
    cfn = c;
    endpoint = aws.endpoint;
  });

  it('finds them in sync, then each change made through the services as property differences', async () => {
    const sfn = new SFNClient({ endpoint, ...CLIENT_CONFIG });
    const cloudwatch = new CloudWatchClient({ endpoint, ...CLIENT_CONFIG });
    const control = new CloudControlClient({ endpoint, ...CLIENT_CONFIG });
    const stack = await deploy(cfn, 'sfn-cw-drift', TEMPLATE);
    const out = (name: string) => output(stack, name);

    const first = await stackDrift(cfn, 'sfn-cw-drift');
    assert.deepEqual(
      Object.values(first.resources).filter((d) => d.StackResourceDriftStatus !== 'IN_SYNC').map((d) => [d.LogicalResourceId, d.StackResourceDriftStatus, d.PropertyDifferences]),
      [],
    );

    await sfn.send(new UpdateStateMachineCommand({ stateMachineArn: out('Machine'), definition: JSON.stringify(machine('b')) }));
    await sfn.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: out('Alias'), description: 'moved' }));
    await cloudwatch.send(new PutMetricAlarmCommand({ AlarmName: out('Alarm'), ...ALARM, ComparisonOperator: 'GreaterThanThreshold', Threshold: 20, AlarmDescription: 'deep queue' }));
    await cloudwatch.send(new PutCompositeAlarmCommand({ AlarmName: out('Composite'), AlarmRule: `ALARM("${out('Alarm')}")`, AlarmDescription: 'all' }));
    await cloudwatch.send(new PutDashboardCommand({ DashboardName: out('Dashboard'), DashboardBody: JSON.stringify({ widgets: [] }) }));
    await cloudwatch.send(
      new PutAlarmMuteRuleCommand({ Name: 'nightly', Description: 'maintenance', Rule: { Schedule: { Expression: 'cron(0 2 * * *)', Duration: 'PT6H' } }, MuteTargets: { AlarmNames: [out('Alarm')] } }),
    );
    await cloudwatch.send(
      new PutAnomalyDetectorCommand({
        SingleMetricAnomalyDetector: { Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'orders' }], Stat: 'Average' },
        Configuration: { MetricTimezone: 'Europe/Paris', ExcludedTimeRanges: [{ StartTime: new Date('2026-11-26T00:00:00Z'), EndTime: new Date('2026-11-26T23:59:59Z') }] },
      }),
    );

    const second = await stackDrift(cfn, 'sfn-cw-drift');
    assert.equal(second.status, 'DRIFTED');
    const differences = (id: string) => second.resources[id].PropertyDifferences!.map((d) => [d.PropertyPath, d.ExpectedValue, d.ActualValue, d.DifferenceType]);
    assert.deepEqual(differences('Machine'), [['/Definition/States/Done/Result', 'a', 'b', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Alias'), [['/Description', 'current', 'moved', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Alarm'), [['/Threshold', '10', '20', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Composite'), [['/AlarmDescription', 'any', 'all', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Dashboard'), [['/DashboardBody/widgets/0', JSON.stringify(JSON.parse(TEMPLATE).Resources.Dashboard.Properties.DashboardBody.widgets[0]), 'null', 'REMOVE']]);
    assert.deepEqual(differences('Detector'), [['/Configuration/MetricTimeZone', 'UTC', 'Europe/Paris', 'NOT_EQUAL']]);
    assert.deepEqual(differences('Mute'), [
      ['/ExpireDate', '2027-01-01T00:00:00Z', 'null', 'REMOVE'],
      ['/Rule/Schedule/Duration', 'PT4H', 'PT6H', 'NOT_EQUAL'],
    ]);
    for (const id of ['Version', 'Activity']) assert.equal(second.resources[id].StackResourceDriftStatus, 'IN_SYNC', id);

    const read = async (TypeName: string, Identifier: string) => JSON.parse((await control.send(new GetResourceCommand({ TypeName, Identifier }))).ResourceDescription!.Properties!);
    const alias = await read('AWS::StepFunctions::StateMachineAlias', out('Alias'));
    assert.deepEqual([alias.Name, alias.Description, alias.RoutingConfiguration], ['live', 'moved', [{ StateMachineVersionArn: out('Version'), Weight: 100 }]]);
    const alarm = await read('AWS::CloudWatch::Alarm', out('Alarm'));
    assert.deepEqual([alarm.AlarmName, alarm.Threshold, alarm.Dimensions], [out('Alarm'), 20, [{ Name: 'QueueName', Value: 'orders' }]]);
    const mute = await read('AWS::CloudWatch::AlarmMuteRule', first.resources.Mute.PhysicalResourceId!);
    assert.deepEqual([mute.Name, mute.Rule, mute.MuteTargets], ['nightly', { Schedule: { Expression: 'cron(0 2 * * *)', Duration: 'PT6H' } }, { AlarmNames: [out('Alarm')] }]);
    for (const client of [sfn, cloudwatch, control]) client.destroy();
  });
});
