import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, DescribeStackResourcesCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  DescribeInsightRulesCommand,
  GetAlarmMuteRuleCommand,
  GetDashboardCommand,
  GetMetricStreamCommand,
} from '@aws-sdk/client-cloudwatch';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, serveCloudFormation, settled } from '../cloudformation/serve.ts';

// Property names, Ref values and attributes follow the CloudFormation template reference of each type.
const TEMPLATE = `
Resources:
  Board:
    Type: AWS::CloudWatch::Dashboard
    Properties:
      DashboardName: cfn-board
      DashboardBody: '{"widgets":[]}'
  TopIps:
    Type: AWS::CloudWatch::InsightRule
    Properties:
      RuleName: cfn-top-ips
      RuleState: ENABLED
      RuleBody: '{"Schema":{"Name":"CloudWatchLogRule","Version":1},"LogGroupNames":["app*"],"LogFormat":"JSON","Contribution":{"Keys":["$.ip"]},"AggregateOn":"Count"}'
  Stream:
    Type: AWS::CloudWatch::MetricStream
    Properties:
      Name: cfn-stream
      FirehoseArn: arn:aws:firehose:us-east-1:000000000000:deliverystream/metrics
      RoleArn: arn:aws:iam::000000000000:role/metric-stream
      OutputFormat: json
      IncludeFilters: [{ Namespace: AWS/SQS }]
  Child:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: cfn-child
      Namespace: App
      MetricName: Errors
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanThreshold
  Parent:
    Type: AWS::CloudWatch::CompositeAlarm
    Properties:
      AlarmName: cfn-parent
      AlarmRule: !Sub 'ALARM("\${Child}")'
  Mute:
    Type: AWS::CloudWatch::AlarmMuteRule
    Properties:
      Name: cfn-mute
      Rule: { Schedule: { Expression: 'cron(0 2 * * *)', Duration: PT4H } }
      MuteTargets: { AlarmNames: [!Ref Child] }
Outputs:
  RuleRef: { Value: !Ref TopIps }
  StreamArn: { Value: !GetAtt Stream.Arn }
  MuteArn: { Value: !GetAtt Mute.Arn }
`;

describe('CloudWatch resource types through CloudFormation', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it('creates and deletes dashboards, insight rules, metric streams, composite alarms and alarm mute rules', async () => {
    const cw = new CloudWatchClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'cw-types', TemplateBody: TEMPLATE }));
    const stack = await settled(cfn, 'cw-types');
    if (stack.StackStatus !== 'CREATE_COMPLETE') {
      const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'cw-types' }));
      assert.fail(`${stack.StackStatus}: ${JSON.stringify(StackResources!.map((r) => r.ResourceStatusReason).filter(Boolean))}`);
    }
    const outputs = Object.fromEntries(stack.Outputs!.map((o) => [o.OutputKey, o.OutputValue]));
    assert.deepEqual(outputs, {
      RuleRef: 'arn:aws:cloudwatch:us-east-1:000000000000:insight-rule/cfn-top-ips',
      StreamArn: 'arn:aws:cloudwatch:us-east-1:000000000000:metric-stream/cfn-stream',
      MuteArn: 'arn:aws:cloudwatch:us-east-1:000000000000:alarm-mute-rule:cfn-mute',
    });
    assert.equal((await cw.send(new GetDashboardCommand({ DashboardName: 'cfn-board' }))).DashboardBody, '{"widgets":[]}');
    assert.ok((await cw.send(new DescribeInsightRulesCommand({}))).InsightRules!.some((r) => r.Name === 'cfn-top-ips' && r.State === 'ENABLED'));
    assert.deepEqual((await cw.send(new GetMetricStreamCommand({ Name: 'cfn-stream' }))).IncludeFilters, [{ Namespace: 'AWS/SQS' }]);
    const [parent] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['cfn-parent'], AlarmTypes: ['CompositeAlarm'] }))).CompositeAlarms!;
    assert.deepEqual([parent.AlarmRule, parent.StateValue, parent.StateReason], ['ALARM("cfn-child")', 'OK', `${parent.AlarmArn} was created and its alarm rule evaluates to OK`]);
    assert.deepEqual((await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'cfn-mute' }))).MuteTargets, { AlarmNames: ['cfn-child'] });

    await cfn.send(new DeleteStackCommand({ StackName: 'cw-types' }));
    assert.equal((await settled(cfn, StackId!)).StackStatus, 'DELETE_COMPLETE');
    await assert.rejects(cw.send(new GetDashboardCommand({ DashboardName: 'cfn-board' })), { name: 'ResourceNotFound' });
    await assert.rejects(cw.send(new GetMetricStreamCommand({ Name: 'cfn-stream' })), { name: 'ResourceNotFoundException' });
    assert.ok(!(await cw.send(new DescribeInsightRulesCommand({}))).InsightRules!.some((r) => r.Name === 'cfn-top-ips'));
    cw.destroy();
  });
});
