import { parseArn } from '../../core/arn.ts';
import type { Emulator } from '../../core/emulator.ts';
import { parseAlarmRule } from './composite-rule.ts';
import { isMuted } from './mute-rules.ts';
import { regionName } from './region-names.ts';
import type { Alarm, AlarmState, CloudWatchState, CompositeAlarm, HistoryItem } from './state.ts';

export function addHistory(state: CloudWatchState, item: Omit<HistoryItem, 'Timestamp'>, nowMs: number): void {
  state.history.push({ ...item, Timestamp: new Date(nowMs) });
}

/**
 * Moves an alarm to a new state: records the change in the alarm's history, runs the actions of the new state
 * (notifications to SNS topics through the delivery layer) when actions are enabled, and re-evaluates composite
 * alarms that watch it.
 */
export function changeState(
  state: CloudWatchState,
  emulator: Emulator,
  alarm: Alarm,
  next: AlarmState,
  reason: string,
  reasonData?: string,
): void {
  const now = emulator.clock.now();
  const old = alarm.state;
  alarm.stateReason = reason;
  alarm.stateReasonData = reasonData;
  alarm.stateUpdated = now;
  if (old === next) return;
  alarm.state = next;
  alarm.stateTransitioned = now;
  emulator.changedInBackground('cloudwatch');
  addHistory(
    state,
    {
      AlarmName: alarm.name,
      AlarmType: alarm.kind,
      HistoryItemType: 'StateUpdate',
      HistorySummary: `Alarm updated from ${old} to ${next}`,
      HistoryData: JSON.stringify({
        version: '1.0',
        oldState: { stateValue: old },
        newState: { stateValue: next, stateReason: reason, ...(reasonData ? { stateReasonData: JSON.parse(reasonData) } : {}) },
      }),
    },
    now,
  );
  // An active mute rule silences the actions; the state change itself is still recorded.
  if (alarm.actionsEnabled && !isMuted(state, alarm.name, now)) runActions(state, emulator, alarm, old);
  for (const parent of state.alarms.values()) {
    if (parent.kind === 'CompositeAlarm' && parent !== alarm) evaluateComposite(state, emulator, parent, alarm);
  }
}

function actionsFor(alarm: Alarm): string[] {
  return alarm.state === 'ALARM' ? alarm.alarmActions : alarm.state === 'OK' ? alarm.okActions : alarm.insufficientDataActions;
}

/** AWS's alarm notification, as an SNS message. */
function notification(state: CloudWatchState, alarm: Alarm, old: AlarmState): Record<string, unknown> {
  const common = {
    AlarmName: alarm.name,
    AlarmDescription: alarm.description ?? null,
    AWSAccountId: state.accountId,
    AlarmConfigurationUpdatedTimestamp: new Date(alarm.configurationUpdated).toISOString().replace('Z', '+0000'),
    NewStateValue: alarm.state,
    NewStateReason: alarm.stateReason,
    StateChangeTime: new Date(alarm.stateTransitioned).toISOString().replace('Z', '+0000'),
    Region: regionName(state.region),
    AlarmArn: alarm.arn,
    OldStateValue: old,
    OKActions: alarm.okActions,
    AlarmActions: alarm.alarmActions,
    InsufficientDataActions: alarm.insufficientDataActions,
    // Recorded in AWS's notifications since mute rules came (test_put_metric_alarm, 2026): false for an action run at once.
    ActionExecutedAfterMuteWindow: false,
  };
  if (alarm.kind === 'CompositeAlarm') return { ...common, AlarmRule: alarm.rule };
  return {
    ...common,
    Trigger: {
      MetricName: alarm.metricName,
      Namespace: alarm.namespace,
      StatisticType: alarm.extendedStatistic ? 'ExtendedStatistic' : 'Statistic',
      Statistic: alarm.statistic?.toUpperCase(),
      Unit: alarm.unit ?? null,
      Dimensions: alarm.dimensions.map((d) => ({ value: d.Value, name: d.Name })),
      Period: alarm.period,
      EvaluationPeriods: alarm.evaluationPeriods,
      ComparisonOperator: alarm.comparisonOperator,
      Threshold: alarm.threshold,
      TreatMissingData: alarm.treatMissingData ?? '',
      EvaluateLowSampleCountPercentile: alarm.evaluateLowSampleCountPercentile ?? '',
    },
  };
}

function runActions(state: CloudWatchState, emulator: Emulator, alarm: Alarm, old: AlarmState): void {
  const record = (arn: string, ok: boolean, error?: unknown) =>
    addHistory(
      state,
      {
        AlarmName: alarm.name,
        AlarmType: alarm.kind,
        HistoryItemType: 'Action',
        HistorySummary: `${ok ? 'Successfully executed' : 'Failed to execute'} action ${arn}`,
        HistoryData: JSON.stringify({
          actionState: ok ? 'Succeeded' : 'Failed',
          notificationResource: arn,
          ...(ok ? {} : { error: error instanceof Error ? error.message : String(error) }),
        }),
      },
      emulator.clock.now(),
    );
  for (const arn of actionsFor(alarm)) {
    if (parseArn(arn)?.service !== 'sns') continue;
    emulator
      .deliver(
        arn,
        { body: JSON.stringify(notification(state, alarm, old)), subject: `${alarm.state}: "${alarm.name}" in ${regionName(state.region)}` },
        { servicePrincipal: 'cloudwatch.amazonaws.com', sourceArn: alarm.arn, accountId: state.accountId, region: state.region },
      )
      .then(
        () => record(arn, true),
        (error: unknown) => record(arn, false, error),
      );
  }
}

/**
 * Evaluates a composite alarm's rule after `trigger` changed state (none: the alarm was just put). A change of the
 * composite's state names the alarms behind it in StateReasonData, as AWS does: the child whose change caused it, or
 * every child on the first evaluation.
 */
export function evaluateComposite(state: CloudWatchState, emulator: Emulator, alarm: CompositeAlarm, trigger?: Alarm): void {
  const { rule, children } = parseAlarmRule(alarm.rule);
  const alarmOf = (nameOrArn: string) => state.alarms.get(nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.indexOf(':alarm:') + ':alarm:'.length) : nameOrArn);
  const next: AlarmState = rule((nameOrArn) => alarmOf(nameOrArn)?.state) ? 'ALARM' : 'OK';
  if (next === alarm.state) return;
  const triggering = trigger ? [trigger] : children.map(alarmOf).filter((child): child is Alarm => child !== undefined);
  const reasonData = {
    triggeringAlarms: triggering.map((child) => ({
      arn: child.arn,
      state: { value: child.state, timestamp: new Date(child.stateUpdated).toISOString().replace('Z', '+0000') },
    })),
  };
  // The first evaluation's reason is AWS's recorded one (a CloudFormation-created composite alarm).
  const reason = trigger ? `Composite alarm rule evaluated to ${next === 'ALARM' ? 'TRUE' : 'FALSE'}` : `${alarm.arn} was created and its alarm rule evaluates to ${next}`;
  changeState(state, emulator, alarm, next, reason, JSON.stringify(reasonData));
}

