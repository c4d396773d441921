import { buildArn } from '../../../core/arn.ts';
import { anomalyDetector } from './anomaly-detector.ts';
import { AwsError } from '../../../core/errors.ts';
import { jsonText, resourceTags, templateJson, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { givenMembers, templateOrder, timeAsGiven } from '../../cloudformation/read-back.ts';
import { readAlarm, readTags } from './read.ts';

const NUMBERS = ['Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold'];

function alarmInput(request: ResourceRequest, name: string): Properties {
  const p = request.properties;
  const input: Properties = { AlarmName: name };
  for (const [key, value] of Object.entries(p)) {
    if (key === 'Tags') continue;
    input[key] = NUMBERS.includes(key) ? Number(value) : key === 'ActionsEnabled' ? String(value) === 'true' : value;
  }
  return input;
}

/** `AWS::CloudWatch::Alarm`: Ref is the alarm name; GetAtt Arn. */
const alarm: ResourceType = {
  properties: [
    'ActionConfiguration',
    'ActionsEnabled',
    'AlarmActions',
    'AlarmDescription',
    'AlarmName',
    'ComparisonOperator',
    'DatapointsToAlarm',
    'Dimensions',
    'EvaluateLowSampleCountPercentile',
    'EvaluationCriteria',
    'EvaluationInterval',
    'EvaluationPeriods',
    'EvaluationWindow',
    'ExtendedStatistic',
    'InsufficientDataActions',
    'MetricName',
    'Metrics',
    'Namespace',
    'OKActions',
    'Period',
    'Statistic',
    'Tags',
    'Threshold',
    'ThresholdMetricId',
    'TreatMissingData',
    'Unit',
    'WarmUpConfiguration',
  ],
  async create(request) {
    const name: string = request.properties.AlarmName ?? request.physicalName({ maxLength: 255 });
    await request.call('cloudwatch', 'PutMetricAlarm', { ...alarmInput(request, name), Tags: resourceTags(request) });
    const { MetricAlarms } = await request.call('cloudwatch', 'DescribeAlarms', { AlarmNames: [name] });
    return { physicalId: name, attributes: { Arn: MetricAlarms[0].AlarmArn } };
  },
  async update(request) {
    await request.call('cloudwatch', 'PutMetricAlarm', alarmInput(request, request.physicalId));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteAlarms', { AlarmNames: [request.physicalId] });
  },
  read: (request) => readAlarm(request, false),
  createOnly: ['AlarmName'],
};

const bool = (value: unknown) => (value === undefined ? undefined : String(value) === 'true');

/** `AWS::CloudWatch::CompositeAlarm`: Ref is the alarm name; GetAtt Arn. */
const compositeAlarm: ResourceType = {
  properties: [
    'ActionConfiguration',
    'ActionsEnabled',
    'ActionsSuppressor',
    'ActionsSuppressorExtensionPeriod',
    'ActionsSuppressorWaitPeriod',
    'AlarmActions',
    'AlarmDescription',
    'AlarmName',
    'AlarmRule',
    'InsufficientDataActions',
    'OKActions',
    'Tags',
  ],
  async create(request) {
    const name: string = request.properties.AlarmName ?? request.physicalName({ maxLength: 255 });
    await request.call('cloudwatch', 'PutCompositeAlarm', { ...compositeInput(request, name), Tags: resourceTags(request) });
    const { CompositeAlarms } = await request.call('cloudwatch', 'DescribeAlarms', { AlarmNames: [name], AlarmTypes: ['CompositeAlarm'] });
    return { physicalId: name, attributes: { Arn: CompositeAlarms[0].AlarmArn } };
  },
  async update(request) {
    await request.call('cloudwatch', 'PutCompositeAlarm', compositeInput(request, request.physicalId));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteAlarms', { AlarmNames: [request.physicalId] });
  },
  read: (request) => readAlarm(request, true),
  createOnly: ['AlarmName'],
};

function compositeInput(request: ResourceRequest, name: string): Properties {
  const { Tags: _tags, ActionsEnabled, ActionsSuppressorWaitPeriod, ActionsSuppressorExtensionPeriod, ...rest } = request.properties;
  return {
    ...rest,
    AlarmName: name,
    ActionsEnabled: bool(ActionsEnabled),
    ActionsSuppressorWaitPeriod: ActionsSuppressorWaitPeriod === undefined ? undefined : Number(ActionsSuppressorWaitPeriod),
    ActionsSuppressorExtensionPeriod: ActionsSuppressorExtensionPeriod === undefined ? undefined : Number(ActionsSuppressorExtensionPeriod),
  };
}

/** `AWS::CloudWatch::Dashboard`: Ref is the dashboard name; the body may be given as JSON text or an object. */
const dashboard: ResourceType = {
  properties: ['DashboardBody', 'DashboardName', 'Tags'],
  async create(request) {
    const name: string = request.properties.DashboardName ?? request.physicalName({ maxLength: 255 });
    await request.call('cloudwatch', 'PutDashboard', { DashboardName: name, DashboardBody: jsonText(request.properties.DashboardBody) });
    return { physicalId: name, attributes: {} };
  },
  async update(request) {
    await request.call('cloudwatch', 'PutDashboard', { DashboardName: request.physicalId, DashboardBody: jsonText(request.properties.DashboardBody) });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteDashboards', { DashboardNames: [request.physicalId] });
  },
  async read(request) {
    const { DashboardName, DashboardBody } = await request.call('cloudwatch', 'GetDashboard', { DashboardName: request.physicalId });
    return { DashboardName, DashboardBody: templateJson(request.properties.DashboardBody, DashboardBody) };
  },
  createOnly: ['DashboardName'],
};

/** `AWS::CloudWatch::InsightRule`: Ref is the rule's ARN; GetAtt Arn and RuleName. */
const insightRule: ResourceType = {
  properties: ['ApplyOnTransformedLogs', 'RuleBody', 'RuleName', 'RuleState', 'Tags'],
  async create(request) {
    const p = request.properties;
    const name: string = p.RuleName;
    await request.call('cloudwatch', 'PutInsightRule', {
      RuleName: name,
      RuleState: p.RuleState,
      RuleDefinition: jsonText(p.RuleBody),
      ApplyOnTransformedLogs: bool(p.ApplyOnTransformedLogs),
      Tags: resourceTags(request),
    });
    const arn = buildArn({ service: 'cloudwatch', region: request.region, accountId: request.accountId, resource: `insight-rule/${name}` });
    return { physicalId: arn, attributes: { Arn: arn, RuleName: name } };
  },
  async update(request) {
    const p = request.properties;
    await request.call('cloudwatch', 'PutInsightRule', { RuleName: p.RuleName, RuleState: p.RuleState, RuleDefinition: jsonText(p.RuleBody), ApplyOnTransformedLogs: bool(p.ApplyOnTransformedLogs) });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteInsightRules', { RuleNames: [request.attributes.RuleName] });
  },
  async read(request) {
    const name = request.physicalId.slice(request.physicalId.indexOf(':insight-rule/') + ':insight-rule/'.length);
    let NextToken: string | undefined;
    do {
      const page = await request.call('cloudwatch', 'DescribeInsightRules', { NextToken, MaxResults: 500 });
      const rule = (page.InsightRules as Properties[]).find((r) => r.Name === name);
      if (rule) {
        return {
          RuleName: rule.Name,
          RuleState: rule.State,
          RuleBody: templateJson(request.properties.RuleBody, rule.Definition),
          ApplyOnTransformedLogs: rule.ApplyOnTransformedLogs,
          Tags: await readTags(request, request.physicalId),
        };
      }
      NextToken = page.NextToken;
    } while (NextToken);
    throw new AwsError('ResourceNotFoundException', `Insight rule ${name} does not exist.`);
  },
  createOnly: ['RuleName'],
};

function streamInput(request: ResourceRequest, name: string): Properties {
  const { Tags: _tags, IncludeLinkedAccountsMetrics, ...rest } = request.properties;
  return { ...rest, Name: name, IncludeLinkedAccountsMetrics: bool(IncludeLinkedAccountsMetrics) };
}

/** `AWS::CloudWatch::MetricStream`: Ref is the stream name; GetAtt Arn, CreationDate, LastUpdateDate, State. */
const metricStream: ResourceType = {
  properties: ['ExcludeFilters', 'FirehoseArn', 'IncludeFilters', 'IncludeLinkedAccountsMetrics', 'Name', 'OutputFormat', 'RoleArn', 'StatisticsConfigurations', 'Tags'],
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 255 });
    await request.call('cloudwatch', 'PutMetricStream', { ...streamInput(request, name), Tags: resourceTags(request) });
    return { physicalId: name, attributes: await streamAttributes(request, name) };
  },
  async update(request) {
    await request.call('cloudwatch', 'PutMetricStream', streamInput(request, request.physicalId));
    return { physicalId: request.physicalId, attributes: await streamAttributes(request, request.physicalId) };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteMetricStream', { Name: request.physicalId });
  },
  async read(request) {
    const s = await request.call('cloudwatch', 'GetMetricStream', { Name: request.physicalId });
    return {
      Name: s.Name,
      FirehoseArn: s.FirehoseArn,
      RoleArn: s.RoleArn,
      OutputFormat: s.OutputFormat,
      IncludeFilters: s.IncludeFilters,
      ExcludeFilters: s.ExcludeFilters,
      StatisticsConfigurations: s.StatisticsConfigurations,
      IncludeLinkedAccountsMetrics: s.IncludeLinkedAccountsMetrics,
      Tags: await readTags(request, s.Arn),
    };
  },
  createOnly: ['Name'],
};

async function streamAttributes(request: ResourceRequest, name: string) {
  const got = await request.call('cloudwatch', 'GetMetricStream', { Name: name });
  return { Arn: got.Arn, CreationDate: new Date(got.CreationDate).toISOString(), LastUpdateDate: new Date(got.LastUpdateDate).toISOString(), State: got.State };
}

function muteInput(request: ResourceRequest, name: string): Properties {
  const { Tags: _tags, ...rest } = request.properties;
  return { ...rest, Name: name };
}

/** `AWS::CloudWatch::AlarmMuteRule`: Ref is the rule's ARN; GetAtt Arn, Status, MuteType, LastUpdatedTimestamp. */
const alarmMuteRule: ResourceType = {
  properties: ['Description', 'ExpireDate', 'MuteTargets', 'Name', 'Rule', 'StartDate', 'Tags'],
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 255 });
    await request.call('cloudwatch', 'PutAlarmMuteRule', { ...muteInput(request, name), Tags: resourceTags(request) });
    const attributes = await muteAttributes(request, name);
    return { physicalId: attributes.Arn, attributes };
  },
  async update(request) {
    const name = request.attributes.Name as string;
    await request.call('cloudwatch', 'PutAlarmMuteRule', muteInput(request, name));
    return { physicalId: request.physicalId, attributes: await muteAttributes(request, name) };
  },
  async delete(request) {
    await request.call('cloudwatch', 'DeleteAlarmMuteRule', { AlarmMuteRuleName: request.attributes.Name });
  },
  async read(request) {
    const p = request.properties;
    // Cloud Control gives only the ARN (`…:alarm-mute-rule:<name>`).
    const name = request.attributes.Name ?? request.physicalId.slice(request.physicalId.indexOf(':alarm-mute-rule:') + ':alarm-mute-rule:'.length);
    const rule = await request.call('cloudwatch', 'GetAlarmMuteRule', { AlarmMuteRuleName: name });
    const schedule = rule.Rule.Schedule;
    return {
      Name: rule.Name,
      Description: rule.Description,
      Rule: { Schedule: givenMembers(p.Rule?.Schedule, { Expression: schedule.Expression, Duration: schedule.Duration, Timezone: schedule.Timezone }) },
      MuteTargets: rule.MuteTargets && { AlarmNames: templateOrder(p.MuteTargets?.AlarmNames, rule.MuteTargets.AlarmNames, String) },
      StartDate: timeAsGiven(p.StartDate, rule.StartDate),
      ExpireDate: timeAsGiven(p.ExpireDate, rule.ExpireDate),
      Tags: await readTags(request, rule.AlarmMuteRuleArn),
    };
  },
  createOnly: ['Name'],
};

async function muteAttributes(request: ResourceRequest, name: string) {
  const got = await request.call('cloudwatch', 'GetAlarmMuteRule', { AlarmMuteRuleName: name });
  return { Arn: got.AlarmMuteRuleArn, Name: name, Status: got.Status, MuteType: got.MuteType, LastUpdatedTimestamp: new Date(got.LastUpdatedTimestamp).toISOString() };
}

/** The CloudFormation resource types of CloudWatch. */
const types: ResourceTypes = {
  'AWS::CloudWatch::Alarm': alarm,
  'AWS::CloudWatch::CompositeAlarm': compositeAlarm,
  'AWS::CloudWatch::Dashboard': dashboard,
  'AWS::CloudWatch::InsightRule': insightRule,
  'AWS::CloudWatch::MetricStream': metricStream,
  'AWS::CloudWatch::AlarmMuteRule': alarmMuteRule,
  'AWS::CloudWatch::AnomalyDetector': anomalyDetector,
};

export default types;
