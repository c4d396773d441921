import type { MetricTransformation } from '@aws-sdk/client-cloudwatch-logs';
import { buildArn } from '../../core/arn.ts';
import type { ClockWatcher } from '../../core/clock-watcher.ts';
import { RecordBatches } from '../../persistence/batches.ts';
import type { FilterPattern } from './filter-pattern/index.ts';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Position in the stream's arrival order, for tokens and event ids. */
  seq: number;
  /** The message as a data protection policy masked it at ingestion (absent when nothing was masked). */
  masked?: string;
  /** The message as the group's transformer turned it at ingestion (absent without a transformer). */
  transformed?: string;
}

/** The text a metric or subscription filter reads: the transformed event where the filter asks for it and there is one. */
export function filteredText(event: LogEvent, filter: { applyOnTransformedLogs: boolean }): string {
  return filter.applyOnTransformedLogs ? (event.transformed ?? event.message) : event.message;
}

/** A log stream. Its events are persisted batch by batch, as they were put (a write logs its batch alone). */
export class LogStream {
  /** Kept ordered by timestamp (then arrival), as GetLogEvents returns them; rebuilt from `stored` on restore. */
  events: LogEvent[] = [];
  private readonly stored = new RecordBatches<LogEvent>();
  lastIngestionTime?: number;
  nextSeq = 0;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly created: number,
  ) {}

  /** Adds a batch of accepted events (in chronological order, as PutLogEvents requires). */
  add(accepted: LogEvent[]): void {
    this.stored.append(accepted);
    if (!accepted.length) return;
    // Concurrent writers' batches may carry earlier timestamps than events already stored: merge the batch in after
    // the last event not newer than its first, moving only the newer ones (a whole re-sort per batch grew with the
    // stream). Stored events arrived first, so they stay ahead of the batch's at equal timestamps.
    const events = this.events;
    const first = accepted[0].timestamp;
    let at = events.length;
    if (at && events[at - 1].timestamp > first) {
      let low = 0;
      while (low < at) {
        const middle = (low + at) >>> 1;
        if (events[middle].timestamp > first) at = middle;
        else low = middle + 1;
      }
    }
    const newer = events.splice(at);
    let i = 0;
    let j = 0;
    while (i < newer.length && j < accepted.length) events.push(newer[i].timestamp <= accepted[j].timestamp ? newer[i++] : accepted[j++]);
    while (i < newer.length) events.push(newer[i++]);
    while (j < accepted.length) events.push(accepted[j++]);
  }

  /** Removes the events older than `oldest` (retention). */
  dropBefore(oldest: number): void {
    if (!this.events.length || this.events[0].timestamp >= oldest) return;
    this.events = this.events.filter((e) => e.timestamp >= oldest);
    this.stored.retain((e) => e.timestamp >= oldest);
  }

  /** Rebuilds the ordered view from the persisted batches. */
  rebuild(): void {
    this.events = this.stored.items();
    this.sort();
  }

  private sort(): void {
    this.events.sort((a, b) => a.timestamp - b.timestamp || a.seq - b.seq);
  }
}

export interface MetricFilter {
  name: string;
  pattern: string;
  compiled: FilterPattern;
  transformations: MetricTransformation[];
  created: number;
  applyOnTransformedLogs: boolean;
  /** Kept and answered as given; twinstack's events carry no system fields to select by or emit. */
  fieldSelectionCriteria?: string;
  emitSystemFieldDimensions?: string[];
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
  /** Kept and answered as given; twinstack's events carry no system fields to select by or emit. */
  fieldSelectionCriteria?: string;
  emitSystemFields?: string[];
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
  /** PutDataProtectionPolicy's document, masking what its identifiers find in events read back. */
  dataProtection?: GroupPolicy;
  /** PutIndexPolicy's document: the fields indexed. */
  indexPolicy?: GroupPolicy;
  transformer?: Transformer;
  bearerTokenAuthentication?: boolean;
}

/** A document set on one log group (data protection, index policy). */
export interface GroupPolicy {
  document: string;
  lastUpdated: number;
}

export interface Transformer {
  config: object[];
  created: number;
  lastModified: number;
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

export interface AccountPolicy {
  policyName: string;
  policyType: string;
  policyDocument: string;
  scope: 'ALL';
  selectionCriteria?: string;
  lastUpdatedTime: number;
}

export interface AnomalyDetector {
  arn: string;
  name?: string;
  logGroupArns: string[];
  evaluationFrequency?: string;
  filterPattern?: string;
  kmsKeyId?: string;
  anomalyVisibilityTime: number;
  enabled: boolean;
  created: number;
  lastModified: number;
  tags: Map<string, string>;
}

export interface LookupTable {
  name: string;
  arn: string;
  description?: string;
  body: string;
  kmsKeyId?: string;
  lastUpdated: number;
  tags: Map<string, string>;
}

export interface ScheduledQueryRun {
  queryId: string;
  executionStatus: 'Running' | 'InvalidQuery' | 'Complete' | 'Failed' | 'Timeout';
  triggeredTimestamp: number;
  errorMessage?: string;
  destinations: { destinationType: 'S3'; destinationIdentifier: string; status: 'IN_PROGRESS' | 'CLIENT_ERROR' | 'FAILED' | 'COMPLETE'; processedIdentifier?: string; errorMessage?: string }[];
}

export interface ScheduledQuery {
  id: string;
  arn: string;
  name: string;
  description?: string;
  queryLanguage: string;
  queryString: string;
  logGroupIdentifiers?: string[];
  scheduleExpression: string;
  timezone?: string;
  startTimeOffset?: number;
  destination?: { destinationIdentifier: string; roleArn: string; ownerAccountId?: string; kmsKeyId?: string };
  scheduleStartTime?: number;
  scheduleEndTime?: number;
  executionRoleArn: string;
  state: 'ENABLED' | 'DISABLED';
  created: number;
  lastUpdated: number;
  nextFireMs?: number;
  lastTriggered?: number;
  history: ScheduledQueryRun[];
  tags: Map<string, string>;
}

export interface QueryDefinition {
  id: string;
  name: string;
  queryString: string;
  queryLanguage: string;
  logGroupNames?: string[];
  parameters?: { name: string; defaultValue?: string; description?: string }[];
  lastModified: number;
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

export interface DeliverySource {
  name: string;
  arn: string;
  resourceArn: string;
  service: string;
  logType: string;
  configuration?: Record<string, string>;
  tags: Map<string, string>;
}

export interface DeliveryDestination {
  name: string;
  arn: string;
  type: 'S3' | 'CWL' | 'FH' | 'XRAY';
  outputFormat?: string;
  resourceArn?: string;
  policy?: string;
  tags: Map<string, string>;
}

export interface Delivery {
  id: string;
  arn: string;
  sourceName: string;
  destinationArn: string;
  destinationType: DeliveryDestination['type'];
  recordFields?: string[];
  fieldDelimiter?: string;
  s3?: { suffixPath?: string; enableHiveCompatiblePath?: boolean };
  tags: Map<string, string>;
}

/** An integration with OpenSearch Service (the only kind AWS has): its configuration and status, kept here. */
export interface Integration {
  name: string;
  type: 'OPENSEARCH';
  status: 'PROVISIONING' | 'ACTIVE' | 'FAILED';
  openSearch: { dataSourceRoleArn: string; dashboardViewerPrincipals: string[]; retentionDays: number; kmsKeyArn?: string; applicationArn?: string };
  created: number;
}

/** An import from a CloudTrail Lake event data store into a managed log group. */
export interface ImportTask {
  id: string;
  sourceArn: string;
  destinationArn: string;
  filter?: { startEventTime?: number; endEventTime?: number };
  status: 'IN_PROGRESS' | 'CANCELLED' | 'COMPLETED' | 'FAILED';
  bytesImported: number;
  created: number;
  lastUpdated: number;
  errorMessage?: string;
}

/** A data source associated with an S3 Tables integration (an Observability Admin resource). */
export interface S3TableSource {
  identifier: string;
  integrationArn: string;
  dataSource: { name: string; type?: string };
  created: number;
}

/** CloudWatch Logs' state for one account and region. */
export class LogsState {
  readonly groups = new Map<string, LogGroup>();
  readonly resourcePolicies = new Map<string, ResourcePolicy>();
  readonly queries = new Map<string, InsightsQuery>();
  readonly destinations = new Map<string, LogDestination>();
  readonly exportTasks = new Map<string, ExportTask>();
  /** Keyed by `type/name`. */
  readonly accountPolicies = new Map<string, AccountPolicy>();
  readonly queryDefinitions = new Map<string, QueryDefinition>();
  readonly anomalyDetectors = new Map<string, AnomalyDetector>();
  readonly lookupTables = new Map<string, LookupTable>();
  /** Keyed by name. */
  readonly scheduledQueries = new Map<string, ScheduledQuery>();
  /** Fires due scheduled queries on the emulator clock (not state: armed again on restore). */
  scheduleWatcher?: ClockWatcher;
  readonly deliverySources = new Map<string, DeliverySource>();
  readonly deliveryDestinations = new Map<string, DeliveryDestination>();
  readonly deliveries = new Map<string, Delivery>();
  /** Names of delivery sources deleted: AWS words a later lookup of one differently (a doubled full stop). */
  readonly deletedDeliverySources = new Set<string>();
  /** Keyed by name. */
  readonly integrations = new Map<string, Integration>();
  readonly importTasks = new Map<string, ImportTask>();
  /** Keyed by identifier. */
  readonly s3TableSources = new Map<string, S3TableSource>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  groupArn(name: string): string {
    return buildArn({ service: 'logs', region: this.region, accountId: this.accountId, resource: `log-group:${name}` });
  }
}
