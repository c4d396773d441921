import { AwsError } from '../../../core/errors.ts';
import type { Properties, ResourceDelete } from '../../cloudformation/provider.ts';
import { templateOrder, templateTags } from '../../cloudformation/read-back.ts';

/** The properties of AWS::CloudWatch::Alarm, named as DescribeAlarms answers them. */
const METRIC_ALARM = [
  'AlarmName', 'AlarmDescription', 'ActionsEnabled', 'OKActions', 'AlarmActions', 'InsufficientDataActions', 'MetricName', 'Namespace', 'Statistic',
  'ExtendedStatistic', 'Period', 'Unit', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold', 'ComparisonOperator', 'TreatMissingData',
  'EvaluateLowSampleCountPercentile', 'Metrics', 'ThresholdMetricId',
];
/** The properties of AWS::CloudWatch::CompositeAlarm, named as DescribeAlarms answers them. */
const COMPOSITE_ALARM = [
  'AlarmName', 'AlarmRule', 'AlarmDescription', 'ActionsEnabled', 'OKActions', 'AlarmActions', 'InsufficientDataActions', 'ActionsSuppressor',
  'ActionsSuppressorWaitPeriod', 'ActionsSuppressorExtensionPeriod',
];

/** A taggable CloudWatch resource's tags in the template's form. */
export async function readTags(request: ResourceDelete, arn: string) {
  const { Tags } = await request.call('cloudwatch', 'ListTagsForResource', { ResourceARN: arn });
  return templateTags(request, Tags);
}

/** A metric or composite alarm as the template describes it; gone when DescribeAlarms does not find it. */
export async function readAlarm(request: ResourceDelete, composite: boolean): Promise<Properties> {
  const found = await request.call('cloudwatch', 'DescribeAlarms', { AlarmNames: [request.physicalId], AlarmTypes: [composite ? 'CompositeAlarm' : 'MetricAlarm'] });
  const alarm: Properties | undefined = (composite ? found.CompositeAlarms : found.MetricAlarms)?.[0];
  if (!alarm) throw new AwsError('ResourceNotFound', `Alarm ${request.physicalId} does not exist.`);
  const out: Properties = Object.fromEntries((composite ? COMPOSITE_ALARM : METRIC_ALARM).map((name) => [name, alarm[name]]));
  for (const list of ['OKActions', 'AlarmActions', 'InsufficientDataActions']) out[list] = templateOrder(request.properties[list], alarm[list] ?? [], String);
  if (alarm.Dimensions) out.Dimensions = templateOrder(request.properties.Dimensions, alarm.Dimensions, (d) => (d as Properties).Name);
  return { ...out, Tags: await readTags(request, alarm.AlarmArn) };
}
