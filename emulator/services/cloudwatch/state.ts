import type { AnomalyDetector, Dimension, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { buildArn } from '../../core/arn.ts';
import type { ClockWatcher } from '../../core/clock-watcher.ts';
import type { StoredMetric } from './metrics.ts';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

interface AlarmCommon {
  name: string;
  arn: string;
  description?: string;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  state: AlarmState;
  stateReason: string;
  stateReasonData?: string;
  stateUpdated: number;
  stateTransitioned: number;
  configurationUpdated: number;
}

export interface MetricAlarm extends AlarmCommon {
  kind: 'MetricAlarm';
  metricName?: string;
  namespace?: string;
  statistic?: string;
  extendedStatistic?: string;
  dimensions: Dimension[];
  period?: number;
  unit?: string;
  evaluationPeriods: number;
  datapointsToAlarm?: number;
  threshold?: number;
  comparisonOperator: string;
  treatMissingData?: string;
  evaluateLowSampleCountPercentile?: string;
  metrics?: MetricDataQuery[];
}

export interface CompositeAlarm extends AlarmCommon {
  kind: 'CompositeAlarm';
  rule: string;
  actionsSuppressor?: string;
}

export type Alarm = MetricAlarm | CompositeAlarm;

export interface HistoryItem {
  AlarmName: string;
  AlarmType: 'MetricAlarm' | 'CompositeAlarm';
  Timestamp: Date;
  HistoryItemType: 'ConfigurationUpdate' | 'StateUpdate' | 'Action';
  HistorySummary: string;
  HistoryData: string;
}

export interface Dashboard {
  name: string;
  body: string;
  lastModified: number;
}

/** CloudWatch's state for one account and region. */
export class CloudWatchState {
  readonly metrics = new Map<string, StoredMetric>();
  readonly alarms = new Map<string, Alarm>();
  readonly history: HistoryItem[] = [];
  readonly dashboards = new Map<string, Dashboard>();
  readonly tags = new Map<string, Map<string, string>>();
  /** Anomaly detectors by their metric (or metric math queries). */
  readonly anomalyDetectors = new Map<string, AnomalyDetector>();
  /** Evaluates metric alarms on the emulator clock (stopped in disposeState). */
  watcher?: ClockWatcher;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  alarmArn(name: string): string {
    return buildArn({ service: 'cloudwatch', region: this.region, accountId: this.accountId, resource: `alarm:${name}` });
  }

  dashboardArn(name: string): string {
    return buildArn({ service: 'cloudwatch', region: '', accountId: this.accountId, resource: `dashboard/${name}`, partitionRegion: this.region });
  }
}
