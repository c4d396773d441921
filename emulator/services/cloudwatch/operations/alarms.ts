import type {
  CompositeAlarm as CompositeAlarmShape,
  DeleteAlarmsInput,
  DescribeAlarmHistoryInput,
  DescribeAlarmHistoryOutput,
  DescribeAlarmsForMetricInput,
  DescribeAlarmsForMetricOutput,
  DescribeAlarmsInput,
  DescribeAlarmsOutput,
  DisableAlarmActionsInput,
  EnableAlarmActionsInput,
  MetricAlarm as MetricAlarmShape,
  PutCompositeAlarmInput,
  PutMetricAlarmInput,
  SetAlarmStateInput,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { scheduleEvaluation, watchAlarms } from '../alarm-evaluation.ts';
import { addHistory, changeState, evaluateComposite } from '../alarm-state.ts';
import { parseAlarmRule } from '../composite-rule.ts';
import { invalidValue, missingParameter, resourceNotFound } from '../errors.ts';
import { isStatistic } from '../metrics.ts';
import { page } from '../pages.ts';
import type { Alarm, CloudWatchState, CompositeAlarm, MetricAlarm } from '../state.ts';
import { setTags, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<CloudWatchState>;

const INITIAL_REASON = 'Unchecked: Initial alarm creation';

function common(ctx: Ctx, name: string, input: PutMetricAlarmInput | PutCompositeAlarmInput, existing: Alarm | undefined) {
  const now = ctx.emulator.clock.now();
  return {
    name,
    arn: ctx.state.alarmArn(name),
    description: input.AlarmDescription,
    actionsEnabled: input.ActionsEnabled ?? true,
    okActions: input.OKActions ?? [],
    alarmActions: input.AlarmActions ?? [],
    insufficientDataActions: input.InsufficientDataActions ?? [],
    state: existing?.state ?? ('INSUFFICIENT_DATA' as const),
    stateReason: existing?.stateReason ?? INITIAL_REASON,
    stateReasonData: existing?.stateReasonData,
    stateUpdated: existing?.stateUpdated ?? now,
    stateTransitioned: existing?.stateTransitioned ?? now,
    configurationUpdated: now,
  };
}

function recordConfiguration(ctx: Ctx, alarm: Alarm, created: boolean): void {
  addHistory(
    ctx.state,
    {
      AlarmName: alarm.name,
      AlarmType: alarm.kind,
      HistoryItemType: 'ConfigurationUpdate',
      HistorySummary: `Alarm "${alarm.name}" ${created ? 'created' : 'updated'}`,
      HistoryData: JSON.stringify({ version: '1.0', type: created ? 'Create' : 'Update' }),
    },
    ctx.emulator.clock.now(),
  );
}

export function putMetricAlarm(input: PutMetricAlarmInput, ctx: Ctx): object {
  checkTagKeys(input.Tags, ctx.caller);
  if (!input.Metrics && (!input.MetricName || !input.Namespace)) throw missingParameter('The parameter MetricName is required.');
  if (input.EvaluationPeriods === undefined) throw missingParameter('The parameter EvaluationPeriods is required.');
  if (!input.ComparisonOperator) throw missingParameter('The parameter ComparisonOperator is required.');
  if (input.Statistic && input.ExtendedStatistic) {
    throw new AwsError('InvalidParameterCombinationException', 'Statistic and ExtendedStatistic cannot both be specified.');
  }
  if (input.ExtendedStatistic !== undefined && !isStatistic(input.ExtendedStatistic)) {
    throw invalidValue(`The value ${input.ExtendedStatistic} for parameter ExtendedStatistic is invalid.`);
  }
  const existing = ctx.state.alarms.get(input.AlarmName!);
  const alarm: MetricAlarm = {
    kind: 'MetricAlarm',
    ...common(ctx, input.AlarmName!, input, existing),
    metricName: input.MetricName,
    namespace: input.Namespace,
    statistic: input.Statistic,
    extendedStatistic: input.ExtendedStatistic,
    dimensions: input.Dimensions ?? [],
    period: input.Period,
    unit: input.Unit,
    evaluationPeriods: input.EvaluationPeriods,
    datapointsToAlarm: input.DatapointsToAlarm,
    threshold: input.Threshold,
    comparisonOperator: input.ComparisonOperator,
    treatMissingData: input.TreatMissingData,
    evaluateLowSampleCountPercentile: input.EvaluateLowSampleCountPercentile,
    metrics: input.Metrics,
  };
  ctx.state.alarms.set(alarm.name, alarm);
  setTags(ctx.state, alarm.arn, input.Tags);
  recordConfiguration(ctx, alarm, !existing);
  scheduleEvaluation(alarm, ctx.emulator.clock.now());
  watchAlarms(ctx.state, ctx.emulator);
  return {};
}

export function putCompositeAlarm(input: PutCompositeAlarmInput, ctx: Ctx): object {
  checkTagKeys(input.Tags, ctx.caller);
  parseAlarmRule(input.AlarmRule!);
  const existing = ctx.state.alarms.get(input.AlarmName!);
  const alarm: CompositeAlarm = {
    kind: 'CompositeAlarm',
    ...common(ctx, input.AlarmName!, input, existing),
    rule: input.AlarmRule!,
    actionsSuppressor: input.ActionsSuppressor,
  };
  ctx.state.alarms.set(alarm.name, alarm);
  setTags(ctx.state, alarm.arn, input.Tags);
  recordConfiguration(ctx, alarm, !existing);
  evaluateComposite(ctx.state, ctx.emulator, alarm);
  return {};
}

function metricAlarmShape(a: MetricAlarm): MetricAlarmShape {
  return {
    AlarmName: a.name,
    AlarmArn: a.arn,
    AlarmDescription: a.description,
    AlarmConfigurationUpdatedTimestamp: new Date(a.configurationUpdated),
    ActionsEnabled: a.actionsEnabled,
    OKActions: a.okActions,
    AlarmActions: a.alarmActions,
    InsufficientDataActions: a.insufficientDataActions,
    StateValue: a.state,
    StateReason: a.stateReason,
    StateReasonData: a.stateReasonData,
    StateUpdatedTimestamp: new Date(a.stateUpdated),
    MetricName: a.metricName,
    Namespace: a.namespace,
    Statistic: a.statistic as MetricAlarmShape['Statistic'],
    ExtendedStatistic: a.extendedStatistic,
    Dimensions: a.dimensions,
    Period: a.period,
    Unit: a.unit as MetricAlarmShape['Unit'],
    EvaluationPeriods: a.evaluationPeriods,
    DatapointsToAlarm: a.datapointsToAlarm,
    Threshold: a.threshold,
    ComparisonOperator: a.comparisonOperator as MetricAlarmShape['ComparisonOperator'],
    TreatMissingData: a.treatMissingData,
    EvaluateLowSampleCountPercentile: a.evaluateLowSampleCountPercentile,
    Metrics: a.metrics,
    StateTransitionedTimestamp: new Date(a.stateTransitioned),
  };
}

function compositeShape(a: CompositeAlarm): CompositeAlarmShape {
  return {
    ActionsEnabled: a.actionsEnabled,
    AlarmActions: a.alarmActions,
    AlarmArn: a.arn,
    AlarmConfigurationUpdatedTimestamp: new Date(a.configurationUpdated),
    AlarmDescription: a.description,
    AlarmName: a.name,
    AlarmRule: a.rule,
    InsufficientDataActions: a.insufficientDataActions,
    OKActions: a.okActions,
    StateReason: a.stateReason,
    StateReasonData: a.stateReasonData,
    StateUpdatedTimestamp: new Date(a.stateUpdated),
    StateValue: a.state,
    StateTransitionedTimestamp: new Date(a.stateTransitioned),
    ActionsSuppressor: a.actionsSuppressor,
  };
}

export function describeAlarms(input: DescribeAlarmsInput, ctx: Ctx): DescribeAlarmsOutput {
  const types = input.AlarmTypes?.length ? input.AlarmTypes : ['MetricAlarm'];
  let alarms = [...ctx.state.alarms.values()]
    .filter((a) => types.includes(a.kind))
    .filter((a) => !input.AlarmNames?.length || input.AlarmNames.includes(a.name))
    .filter((a) => !input.AlarmNamePrefix || a.name.startsWith(input.AlarmNamePrefix))
    .filter((a) => !input.StateValue || a.state === input.StateValue)
    .filter((a) => !input.ActionPrefix || [...a.alarmActions, ...a.okActions, ...a.insufficientDataActions].some((x) => x.startsWith(input.ActionPrefix!)));
  if (input.ChildrenOfAlarmName) {
    const parent = ctx.state.alarms.get(input.ChildrenOfAlarmName);
    const children = parent?.kind === 'CompositeAlarm' ? parseAlarmRule(parent.rule).children : [];
    alarms = alarms.filter((a) => children.includes(a.name) || children.includes(a.arn));
  }
  if (input.ParentsOfAlarmName) {
    const child = input.ParentsOfAlarmName;
    alarms = alarms.filter((a) => a.kind === 'CompositeAlarm' && parseAlarmRule(a.rule).children.some((c) => c === child || c.endsWith(`:alarm:${child}`)));
  }
  alarms.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    MetricAlarms: alarms.filter((a): a is MetricAlarm => a.kind === 'MetricAlarm').map(metricAlarmShape),
    CompositeAlarms: alarms.filter((a): a is CompositeAlarm => a.kind === 'CompositeAlarm').map(compositeShape),
  };
}

export function describeAlarmsForMetric(input: DescribeAlarmsForMetricInput, ctx: Ctx): DescribeAlarmsForMetricOutput {
  const wanted = JSON.stringify([...(input.Dimensions ?? [])].sort((a, b) => (a.Name! < b.Name! ? -1 : 1)));
  const alarms = [...ctx.state.alarms.values()].filter(
    (a): a is MetricAlarm =>
      a.kind === 'MetricAlarm' &&
      a.metricName === input.MetricName &&
      a.namespace === input.Namespace &&
      (!input.Statistic || a.statistic === input.Statistic) &&
      (!input.Period || a.period === input.Period) &&
      (!input.Unit || a.unit === input.Unit) &&
      (input.Dimensions === undefined || JSON.stringify([...a.dimensions].sort((x, y) => (x.Name! < y.Name! ? -1 : 1))) === wanted),
  );
  return { MetricAlarms: alarms.map(metricAlarmShape) };
}

export function deleteAlarms(input: DeleteAlarmsInput, ctx: Ctx): object {
  const missing = input.AlarmNames!.filter((n) => !ctx.state.alarms.has(n));
  if (missing.length) throw resourceNotFound(`${missing.join(', ')} not found`);
  // A name may be given twice: it is deleted once.
  for (const name of new Set(input.AlarmNames)) {
    const alarm = ctx.state.alarms.get(name)!;
    ctx.state.alarms.delete(name);
    ctx.state.tags.delete(alarm.arn);
  }
  return {};
}

export function setAlarmState(input: SetAlarmStateInput, ctx: Ctx): object {
  const alarm = ctx.state.alarms.get(input.AlarmName!);
  // AWS names nothing in this error (recorded: an empty message).
  if (!alarm) throw resourceNotFound();
  if (input.StateReasonData !== undefined) {
    try {
      JSON.parse(input.StateReasonData);
    } catch {
      throw new AwsError('InvalidFormatFault', 'Invalid JSON for StateReasonData.');
    }
  }
  changeState(ctx.state, ctx.emulator, alarm, input.StateValue!, input.StateReason!, input.StateReasonData);
  return {};
}

function setActions(names: string[], ctx: Ctx, enabled: boolean): object {
  for (const name of names) {
    const alarm = ctx.state.alarms.get(name);
    if (alarm) alarm.actionsEnabled = enabled;
  }
  return {};
}

export const enableAlarmActions = (input: EnableAlarmActionsInput, ctx: Ctx) => setActions(input.AlarmNames!, ctx, true);
export const disableAlarmActions = (input: DisableAlarmActionsInput, ctx: Ctx) => setActions(input.AlarmNames!, ctx, false);

export function describeAlarmHistory(input: DescribeAlarmHistoryInput, ctx: Ctx): DescribeAlarmHistoryOutput {
  const types = input.AlarmTypes?.length ? input.AlarmTypes : ['MetricAlarm', 'CompositeAlarm'];
  let items = ctx.state.history.filter(
    (h) =>
      (!input.AlarmName || h.AlarmName === input.AlarmName) &&
      types.includes(h.AlarmType) &&
      (!input.HistoryItemType || h.HistoryItemType === input.HistoryItemType) &&
      (!input.StartDate || h.Timestamp >= new Date(input.StartDate)) &&
      (!input.EndDate || h.Timestamp <= new Date(input.EndDate)),
  );
  items = input.ScanBy === 'TimestampAscending' ? items : [...items].reverse();
  const max = input.MaxRecords ?? 100;
  if (max < 1) throw invalidValue('The parameter MaxRecords must be greater than 0.');
  const { items: pageItems, nextToken } = page(items, input.NextToken, max);
  return { AlarmHistoryItems: pageItems, NextToken: nextToken };
}
