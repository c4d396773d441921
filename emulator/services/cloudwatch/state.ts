import type { AnomalyDetector, Dimension, MetricDataQuery, MetricStreamFilter, MetricStreamStatisticsConfiguration } from '@aws-sdk/client-cloudwatch';
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

export interface InsightRule {
  name: string;
  state: string;
  definition: string;
  managed: boolean;
  applyOnTransformedLogs: boolean;
  /** For managed rules: the template and the resource they watch. */
  templateName?: string;
  resourceArn?: string;
  /** When the rule was enabled and disabled: it counts log events ingested while it was ENABLED, as AWS's rules do. */
  enabledSpans: { from: number; to?: number }[];
}

export interface MetricStream {
  name: string;
  firehoseArn: string;
  roleArn: string;
  outputFormat: string;
  includeFilters: MetricStreamFilter[];
  excludeFilters: MetricStreamFilter[];
  statisticsConfigurations: MetricStreamStatisticsConfiguration[];
  includeLinkedAccountsMetrics: boolean;
  state: 'running' | 'stopped';
  created: number;
  updated: number;
  /** The end of the last minute streamed (see metric-streams.ts). */
  streamedUntil: number;
}

export interface AlarmMuteRule {
  name: string;
  description?: string;
  expression: string;
  duration: string;
  timezone?: string;
  alarmNames: string[];
  startDate?: number;
  expireDate?: number;
  updated: number;
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
  readonly insightRules = new Map<string, InsightRule>();
  readonly metricStreams = new Map<string, MetricStream>();
  readonly muteRules = new Map<string, AlarmMuteRule>();
  /** GetOTelEnrichment's status for the account and region. */
  otelEnrichment: 'Running' | 'Stopped' = 'Stopped';
  /** Evaluates metric alarms on the emulator clock (stopped in disposeState). */
  watcher?: ClockWatcher;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  alarmArn(name: string): string {
    return buildArn({ service: 'cloudwatch', region: this.region, accountId: this.accountId, resource: `alarm:${name}` });
  }

  insightRuleArn(name: string): string {
    return buildArn({ service: 'cloudwatch', region: this.region, accountId: this.accountId, resource: `insight-rule/${name}` });
  }

  metricStreamArn(name: string): string {
    return buildArn({ service: 'cloudwatch', region: this.region, accountId: this.accountId, resource: `metric-stream/${name}` });
  }

  muteRuleArn(name: string): string {
    return buildArn({ service: 'cloudwatch', region: this.region, accountId: this.accountId, resource: `alarm-mute-rule:${name}` });
  }

  dashboardArn(name: string): string {
    return buildArn({ service: 'cloudwatch', region: '', accountId: this.accountId, resource: `dashboard/${name}`, partitionRegion: this.region });
  }
}
