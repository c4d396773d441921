import type { MetricTransformation } from '@aws-sdk/client-cloudwatch-logs';
import { buildArn } from '../../core/arn.ts';
import type { FilterPattern } from './filter-pattern/index.ts';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Position in the stream's arrival order, for tokens and event ids. */
  seq: number;
}

export interface LogStream {
  name: string;
  arn: string;
  created: number;
  /** Kept ordered by timestamp (then arrival), as GetLogEvents returns them. */
  events: LogEvent[];
  lastIngestionTime?: number;
  nextSeq: number;
}

export interface MetricFilter {
  name: string;
  pattern: string;
  compiled: FilterPattern;
  transformations: MetricTransformation[];
  created: number;
  applyOnTransformedLogs: boolean;
}

export interface SubscriptionFilter {
  name: string;
  pattern: string;
  compiled: FilterPattern;
  destinationArn: string;
  roleArn?: string;
  distribution: string;
  created: number;
  applyOnTransformedLogs: boolean;
}

export interface LogGroup {
  name: string;
  created: number;
  retentionInDays?: number;
  kmsKeyId?: string;
  logGroupClass: string;
  deletionProtection: boolean;
  tags: Map<string, string>;
  streams: Map<string, LogStream>;
  metricFilters: Map<string, MetricFilter>;
  subscriptionFilters: Map<string, SubscriptionFilter>;
}

export interface ResourcePolicy {
  policyName: string;
  policyDocument: string;
  lastUpdatedTime: number;
}

export interface InsightsQuery {
  queryId: string;
  queryString: string;
  logGroupNames: string[];
  startTime: number;
  endTime: number;
  createTime: number;
  status: 'Complete' | 'Cancelled' | 'Failed';
  results: { field: string; value: string }[][];
  statistics: { recordsMatched: number; recordsScanned: number; bytesScanned: number };
}

/** A subscription destination: what other accounts' subscription filters deliver to, forwarded to its target. */
export interface LogDestination {
  name: string;
  arn: string;
  targetArn: string;
  roleArn: string;
  accessPolicy?: string;
  created: number;
  tags: Map<string, string>;
}

export interface ExportTask {
  taskId: string;
  taskName?: string;
  logGroupName: string;
  logStreamNamePrefix?: string;
  from: number;
  to: number;
  destination: string;
  destinationPrefix: string;
  status: 'PENDING' | 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';
  message?: string;
  created: number;
  completed?: number;
}

/** CloudWatch Logs' state for one account and region. */
export class LogsState {
  readonly groups = new Map<string, LogGroup>();
  readonly resourcePolicies = new Map<string, ResourcePolicy>();
  readonly queries = new Map<string, InsightsQuery>();
  readonly destinations = new Map<string, LogDestination>();
  readonly exportTasks = new Map<string, ExportTask>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  groupArn(name: string): string {
    return buildArn({ service: 'logs', region: this.region, accountId: this.accountId, resource: `log-group:${name}` });
  }
}
