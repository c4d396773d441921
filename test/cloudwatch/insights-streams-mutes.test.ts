import assert from 'node:assert/strict';
import {
  CloudWatchClient,
  DeleteAlarmMuteRuleCommand,
  DeleteInsightRulesCommand,
  DeleteMetricStreamCommand,
  DescribeAlarmContributorsCommand,
  DescribeAlarmHistoryCommand,
  DescribeInsightRulesCommand,
  DisableInsightRulesCommand,
  EnableInsightRulesCommand,
  GetAlarmMuteRuleCommand,
  GetInsightRuleReportCommand,
  GetMetricStreamCommand,
  GetMetricWidgetImageCommand,
  GetOTelEnrichmentCommand,
  ListAlarmMuteRulesCommand,
  ListManagedInsightRulesCommand,
  ListMetricStreamsCommand,
  ListTagsForResourceCommand,
  PutAlarmMuteRuleCommand,
  PutInsightRuleCommand,
  PutManagedInsightRulesCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  PutMetricStreamCommand,
  SetAlarmStateCommand,
  StartMetricStreamsCommand,
  StartOTelEnrichmentCommand,
  StopMetricStreamsCommand,
} from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateDeliveryStreamCommand, FirehoseClient } from '@aws-sdk/client-firehose';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { inflateSync } from 'node:zlib';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { objects } from '../firehose/support.ts';
import { runBoto3Script } from '../support/boto3.ts';

// Expected shapes come from AWS-recorded snapshots (test_cloudwatch: test_insight_rule, test_create_metric_stream)
// and the CloudWatch API reference and User Guide (Contributor Insights rule syntax, metric streams JSON format,
// alarm mute rules).
describe('CloudWatch: insight rules, metric streams, alarm mute rules (SDK v3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let cw: CloudWatchClient;
  const options = () => ({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['cloudwatch', 'logs', 'firehose', 's3', 'sns', 'sts', 'iam'] });
    cw = new CloudWatchClient(options());
  });
  after(async () => {
    cw.destroy();
    await aws.stop();
  });

  const CLF_RULE = {
    Schema: { Name: 'CloudWatchLogRule', Version: 1 },
    LogGroupNames: ['API-Gateway-Access-Logs*'],
    LogFormat: 'CLF',
    Fields: { '4': 'IpAddress', '7': 'StatusCode' },
    Contribution: { Keys: ['IpAddress'], Filters: [{ Match: 'StatusCode', EqualTo: 200 }] },
    AggregateOn: 'Count',
  };

  it('insight rule lifecycle as AWS recorded it: describe, disable, enable, an empty report, delete', async () => {
    const RuleName = 'MyInsightRule-lifecycle';
    await cw.send(new PutInsightRuleCommand({ RuleName, RuleState: 'ENABLED', RuleDefinition: JSON.stringify(CLF_RULE) }));
    const described = await cw.send(new DescribeInsightRulesCommand({}));
    const rule = described.InsightRules!.find((r) => r.Name === RuleName)!;
    assert.deepEqual({ ...rule, Definition: JSON.parse(rule.Definition!) }, { ApplyOnTransformedLogs: false, Definition: CLF_RULE, ManagedRule: false, Name: RuleName, Schema: 'CloudWatchLogRule/1', State: 'ENABLED' });
    assert.deepEqual((await cw.send(new DisableInsightRulesCommand({ RuleNames: [RuleName] }))).Failures, []);
    assert.deepEqual((await cw.send(new EnableInsightRulesCommand({ RuleNames: [RuleName] }))).Failures, []);
    const now = aws.emulator.clock.now();
    const report = await cw.send(
      new GetInsightRuleReportCommand({ RuleName, StartTime: new Date(now - 3_600_000), EndTime: new Date(now), Period: 300, MaxContributorCount: 10, Metrics: ['UniqueContributors'] }),
    );
    assert.equal(report.MetricDatapoints!.length, 13);
    assert.deepEqual(report.MetricDatapoints!.map((d) => Object.keys(d).sort()), Array(13).fill(['Timestamp', 'UniqueContributors']));
    assert.deepEqual(
      { ...report, $metadata: undefined, MetricDatapoints: undefined },
      { $metadata: undefined, AggregateValue: 0, AggregationStatistic: 'SampleCount', ApproximateUniqueCount: 0, Contributors: [], KeyLabels: ['IpAddress'], MetricDatapoints: undefined },
    );
    assert.deepEqual((await cw.send(new DeleteInsightRulesCommand({ RuleNames: [RuleName] }))).Failures, []);
    const missing = await cw.send(new DeleteInsightRulesCommand({ RuleNames: [RuleName] }));
    assert.equal(missing.Failures![0].FailureResource, RuleName);
    await assert.rejects(cw.send(new GetInsightRuleReportCommand({ RuleName, StartTime: new Date(now - 60_000), EndTime: new Date(now), Period: 60 })), { name: 'ResourceNotFoundException' });
    await assert.rejects(cw.send(new PutInsightRuleCommand({ RuleName, RuleDefinition: '{"Schema":{"Name":"Other","Version":1}}' })), { name: 'InvalidParameterValueException' });
  });

  it('GetInsightRuleReport evaluates the rule over the log events of the groups it names', async () => {
    const logs = new CloudWatchLogsClient(options());
    const logGroupName = 'API-Gateway-Access-Logs-prod';
    await logs.send(new CreateLogGroupCommand({ logGroupName }));
    await logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName: 's' }));
    const RuleName = 'top-ips';
    await cw.send(new PutInsightRuleCommand({ RuleName, RuleDefinition: JSON.stringify(CLF_RULE) }));
    const now = aws.emulator.clock.now();
    // Space-delimited fields, a [bracketed] and a "quoted" one each counting as one: the IP is the 4th, the status the 7th.
    const line = (ip: string, status: number) => `req-1 [06/Dec/2026:13:00:00 +0000] "GET /x HTTP/1.1" ${ip} - - ${status}`;
    const messages = [line('10.0.0.1', 200), line('10.0.0.1', 200), line('10.0.0.2', 200), line('10.0.0.3', 500), line('10.0.0.1', 200)];
    await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName: 's', logEvents: messages.map((message) => ({ timestamp: now, message })) }));
    const report = await cw.send(
      new GetInsightRuleReportCommand({ RuleName, StartTime: new Date(now - 300_000), EndTime: new Date(now + 60_000), Period: 60, Metrics: ['UniqueContributors', 'SampleCount', 'MaxContributorValue'] }),
    );
    assert.deepEqual(
      report.Contributors!.map((c) => [c.Keys, c.ApproximateAggregateValue]),
      [
        [['10.0.0.1'], 3],
        [['10.0.0.2'], 1],
      ],
    );
    assert.equal(report.AggregateValue, 4);
    assert.equal(report.ApproximateUniqueCount, 2);
    const minute = report.MetricDatapoints!.find((d) => d.SampleCount)!;
    assert.deepEqual([minute.UniqueContributors, minute.SampleCount, minute.MaxContributorValue], [2, 4, 3]);
    // A disabled rule does not see the events that arrive meanwhile.
    await cw.send(new DisableInsightRulesCommand({ RuleNames: [RuleName] }));
    await logs.send(new PutLogEventsCommand({ logGroupName, logStreamName: 's', logEvents: [{ timestamp: now, message: line('10.0.0.9', 200) }] }));
    const after = await cw.send(new GetInsightRuleReportCommand({ RuleName, StartTime: new Date(now - 300_000), EndTime: new Date(now + 60_000), Period: 60 }));
    assert.equal(after.ApproximateUniqueCount, 2);
    logs.destroy();
  });

  it('managed insight rules are listed for their resource', async () => {
    const ResourceARN = 'arn:aws:ec2:us-east-1:000000000000:vpc-endpoint-service/vpce-svc-0123';
    const put = await cw.send(new PutManagedInsightRulesCommand({ ManagedRules: [{ TemplateName: 'VpcEndpointService-NewConnectionsByEndpointId-v1', ResourceARN }] }));
    assert.deepEqual(put.Failures, []);
    const listed = await cw.send(new ListManagedInsightRulesCommand({ ResourceARN }));
    assert.deepEqual(listed.ManagedRules!.map((r) => [r.TemplateName, r.RuleState?.State]), [['VpcEndpointService-NewConnectionsByEndpointId-v1', 'ENABLED']]);
    const described = await cw.send(new DescribeInsightRulesCommand({}));
    assert.equal(described.InsightRules!.find((r) => r.Name === listed.ManagedRules![0].RuleState!.RuleName)!.ManagedRule, true);
  });

  it('metric stream lifecycle as AWS recorded it, and each minute of data delivered to Firehose in the JSON format', async () => {
    const s3 = new S3Client({ ...options(), forcePathStyle: true });
    const firehose = new FirehoseClient(options());
    await s3.send(new CreateBucketCommand({ Bucket: 'metric-stream-out' }));
    const { DeliveryStreamARN } = await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'metrics',
        ExtendedS3DestinationConfiguration: { RoleARN: 'arn:aws:iam::000000000000:role/fh', BucketARN: 'arn:aws:s3:::metric-stream-out', BufferingHints: { IntervalInSeconds: 0, SizeInMBs: 1 } },
      }),
    );
    const Name = 'MyMetricStream-1';
    const RoleArn = 'arn:aws:iam::000000000000:role/metric-stream';
    const created = await cw.send(new PutMetricStreamCommand({ Name, FirehoseArn: DeliveryStreamARN, RoleArn, OutputFormat: 'json', IncludeFilters: [{ Namespace: 'App' }] }));
    assert.equal(created.Arn, `arn:aws:cloudwatch:us-east-1:000000000000:metric-stream/${Name}`);
    const got = await cw.send(new GetMetricStreamCommand({ Name }));
    assert.deepEqual(
      { ...got, $metadata: undefined, CreationDate: undefined, LastUpdateDate: undefined },
      {
        $metadata: undefined,
        Arn: created.Arn,
        CreationDate: undefined,
        FirehoseArn: DeliveryStreamARN,
        IncludeFilters: [{ Namespace: 'App' }],
        IncludeLinkedAccountsMetrics: false,
        LastUpdateDate: undefined,
        Name,
        OutputFormat: 'json',
        RoleArn,
        State: 'running',
      },
    );
    assert.ok((await cw.send(new ListMetricStreamsCommand({}))).Entries!.some((e) => e.Name === Name && e.State === 'running'));

    await cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'Latency', Dimensions: [{ Name: 'Api', Value: 'orders' }], Values: [10, 30], Unit: 'Milliseconds' }] }));
    await cw.send(new PutMetricDataCommand({ Namespace: 'Other', MetricData: [{ MetricName: 'Ignored', Value: 1 }] }));
    const minute = Math.floor(aws.emulator.clock.now() / 60_000) * 60_000;
    aws.emulator.clock.advance(60_000);
    const [object] = await objects(s3, 'metric-stream-out');
    const records = object.body.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(records, [
      {
        metric_stream_name: Name,
        account_id: '000000000000',
        region: 'us-east-1',
        namespace: 'App',
        metric_name: 'Latency',
        dimensions: { Api: 'orders' },
        timestamp: minute,
        value: { max: 30, min: 10, sum: 40, count: 2 },
        unit: 'Milliseconds',
      },
    ]);

    await cw.send(new StartMetricStreamsCommand({ Names: [Name] }));
    await cw.send(new StopMetricStreamsCommand({ Names: [Name] }));
    assert.equal((await cw.send(new GetMetricStreamCommand({ Name }))).State, 'stopped');
    assert.deepEqual((await cw.send(new ListTagsForResourceCommand({ ResourceARN: created.Arn }))).Tags, []);
    await cw.send(new DeleteMetricStreamCommand({ Name }));
    assert.ok(!(await cw.send(new ListMetricStreamsCommand({}))).Entries!.some((e) => e.Name === Name));
    await assert.rejects(cw.send(new GetMetricStreamCommand({ Name })), { name: 'ResourceNotFoundException' });
    await assert.rejects(
      cw.send(new PutMetricStreamCommand({ Name, FirehoseArn: DeliveryStreamARN, RoleArn, OutputFormat: 'json', IncludeFilters: [{ Namespace: 'A' }], ExcludeFilters: [{ Namespace: 'B' }] })),
      { name: 'InvalidParameterCombinationException' },
    );
    s3.destroy();
    firehose.destroy();
  });

  it('an active alarm mute rule silences the alarm actions while the alarm still changes state', async () => {
    const sns = new SNSClient(options());
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'muted-alarms' }));
    const AlarmName = 'muted-alarm';
    await cw.send(
      new PutMetricAlarmCommand({ AlarmName, Namespace: 'App', MetricName: 'Errors', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [TopicArn!] }),
    );
    const now = aws.emulator.clock.now();
    const at = new Date(Math.floor(now / 60_000) * 60_000).toISOString().slice(0, 16);
    await cw.send(new PutAlarmMuteRuleCommand({ Name: 'maintenance', Rule: { Schedule: { Expression: `at(${at})`, Duration: 'PT1H' } }, MuteTargets: { AlarmNames: [AlarmName] } }));
    const rule = await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'maintenance' }));
    assert.deepEqual([rule.Status, rule.MuteType, rule.AlarmMuteRuleArn], ['ACTIVE', 'ONE_TIME', 'arn:aws:cloudwatch:us-east-1:000000000000:alarm-mute-rule:maintenance']);
    await cw.send(new SetAlarmStateCommand({ AlarmName, StateValue: 'ALARM', StateReason: 'test' }));
    await new Promise((r) => setTimeout(r, 100));
    const history = await cw.send(new DescribeAlarmHistoryCommand({ AlarmName }));
    assert.deepEqual(history.AlarmHistoryItems!.map((h) => h.HistoryItemType), ['StateUpdate', 'ConfigurationUpdate']);
    const listed = await cw.send(new ListAlarmMuteRulesCommand({ AlarmName }));
    assert.deepEqual(listed.AlarmMuteRuleSummaries!.map((s) => s.Status), ['ACTIVE']);
    aws.emulator.clock.advance(3_600_000);
    assert.equal((await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'maintenance' }))).Status, 'EXPIRED');
    // A recurring rule: every day at 02:00 UTC for four hours.
    await cw.send(new PutAlarmMuteRuleCommand({ Name: 'nightly', Rule: { Schedule: { Expression: 'cron(0 2 * * *)', Duration: 'PT4H' } } }));
    assert.equal((await cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'nightly' }))).MuteType, 'RECURRING');
    await assert.rejects(cw.send(new PutAlarmMuteRuleCommand({ Name: 'bad', Rule: { Schedule: { Expression: 'sometimes', Duration: 'PT1H' } } })), { name: 'InvalidParameterValueException' });
    await cw.send(new DeleteAlarmMuteRuleCommand({ AlarmMuteRuleName: 'nightly' }));
    await assert.rejects(cw.send(new GetAlarmMuteRuleCommand({ AlarmMuteRuleName: 'nightly' })), { name: 'ResourceNotFoundException' });
    assert.deepEqual((await cw.send(new DescribeAlarmContributorsCommand({ AlarmName }))).AlarmContributors, []);
    sns.destroy();
  });

  it('GetMetricWidgetImage draws the widget metrics as a PNG of the requested size', async () => {
    const now = aws.emulator.clock.now();
    for (let i = 0; i < 6; i++) {
      await cw.send(new PutMetricDataCommand({ Namespace: 'Widget', MetricData: [{ MetricName: 'Load', Value: i * 10, Timestamp: new Date(now - (6 - i) * 300_000) }] }));
    }
    const widget = { metrics: [['Widget', 'Load']], width: 400, height: 250, start: '-PT1H', period: 300, stat: 'Maximum' };
    const { MetricWidgetImage } = await cw.send(new GetMetricWidgetImageCommand({ MetricWidget: JSON.stringify(widget) }));
    const png = Buffer.from(MetricWidgetImage!);
    assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [400, 250]);
    // The first palette colour (#1f77b4) is drawn: the metric's line.
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    let drawn = 0;
    for (let i = 0; i + 2 < raw.length; i++) if (raw[i] === 0x1f && raw[i + 1] === 0x77 && raw[i + 2] === 0xb4) drawn++;
    assert.ok(drawn > 50, `line pixels: ${drawn}`);
    await assert.rejects(cw.send(new GetMetricWidgetImageCommand({ MetricWidget: 'not json' })), { name: 'InvalidParameterValueException' });
  });

  it('boto3: insight rules, metric streams and a widget image over the query protocol', async () => {
    const out = await runBoto3Script<Record<string, unknown>>(new URL('./boto3-insights-streams.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out, {
      rule: { State: 'DISABLED', Schema: 'CloudWatchLogRule/1', ManagedRule: false },
      failures: ['no-such-rule'],
      arn: 'arn:aws:cloudwatch:us-east-1:000000000000:metric-stream/boto-stream',
      stream: { State: 'running', OutputFormat: 'opentelemetry1.0', ExcludeFilters: [{ Namespace: 'AWS/EC2', MetricNames: ['CPUUtilization'] }], IncludeLinkedAccountsMetrics: false },
      png: '89504e470d0a1a0a',
    });
  });

  it('OTel enrichment is Stopped until started', async () => {
    assert.equal((await cw.send(new GetOTelEnrichmentCommand({}))).Status, 'Stopped');
    await cw.send(new StartOTelEnrichmentCommand({}));
    assert.equal((await cw.send(new GetOTelEnrichmentCommand({}))).Status, 'Running');
  });
});
