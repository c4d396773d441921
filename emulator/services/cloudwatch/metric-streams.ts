import type { MetricStreamFilter } from '@aws-sdk/client-cloudwatch';
import { ClockWatcher } from '../../core/clock-watcher.ts';
import type { Emulator } from '../../core/emulator.ts';
import { roleSession } from '../../delivery/role.ts';
import { sampleGauges } from './gauges.ts';
import { aggregateByPeriod, statistic, type Aggregate, type StoredMetric } from './metrics.ts';
import type { CloudWatchState, MetricStream } from './state.ts';

const MINUTE_MS = 60_000;
/** A Firehose record holds at most 1,000 KiB: the newline-delimited metric records are split below that. */
const MAX_RECORD_BYTES = 1000 * 1024;

const watchers = new WeakMap<CloudWatchState, ClockWatcher>();

const matches = (filter: MetricStreamFilter, metric: StoredMetric) =>
  (filter.Namespace === undefined || filter.Namespace === metric.namespace) && (!filter.MetricNames?.length || filter.MetricNames.includes(metric.name));

/** Whether a stream's filters take a metric: any include filter, else no exclude filter. */
function streams(stream: MetricStream, metric: StoredMetric): boolean {
  if (stream.includeFilters.length) return stream.includeFilters.some((f) => matches(f, metric));
  return !stream.excludeFilters.some((f) => matches(f, metric));
}

/** The additional statistics a stream's configurations ask for this metric (e.g. p99). */
function additionalStatistics(stream: MetricStream, metric: StoredMetric): string[] {
  return stream.statisticsConfigurations
    .filter((c) => c.IncludeMetrics?.some((m) => m.Namespace === metric.namespace && m.MetricName === metric.name))
    .flatMap((c) => c.AdditionalStatistics ?? []);
}

/**
 * One minute of one metric in the JSON output format ("Metric streams output in JSON format", CloudWatch User Guide):
 * the stream, account and region, the metric, the minute's timestamp, and its minimum, maximum, sum and sample count,
 * with any additional statistics beside them.
 */
function jsonRecord(state: CloudWatchState, stream: MetricStream, metric: StoredMetric, minute: number, aggregate: Aggregate): string {
  const value: Record<string, number> = { max: aggregate.max, min: aggregate.min, sum: aggregate.sum, count: aggregate.sampleCount };
  for (const stat of additionalStatistics(stream, metric)) {
    const v = statistic(aggregate, stat);
    if (v !== undefined) value[stat] = v;
  }
  return JSON.stringify({
    metric_stream_name: stream.name,
    account_id: state.accountId,
    region: state.region,
    namespace: metric.namespace,
    metric_name: metric.name,
    dimensions: Object.fromEntries(metric.dimensions.map((d) => [d.Name, d.Value])),
    timestamp: minute,
    value,
    unit: aggregate.unit,
  });
}

/** Sends a stream's complete minutes since it last streamed to its Firehose delivery stream, as its role. */
function streamMinutes(state: CloudWatchState, emulator: Emulator, stream: MetricStream, until: number): void {
  const from = stream.streamedUntil;
  stream.streamedUntil = until;
  // The OpenTelemetry formats are protobuf messages; only the JSON format is written here (the others stream nothing).
  if (from >= until || stream.outputFormat !== 'json') return;
  sampleGauges(state, emulator, stream.includeFilters.map((f) => f.Namespace));
  const lines: string[] = [];
  for (const metric of state.metrics.values()) {
    if (!streams(stream, metric)) continue;
    for (const [minute, aggregate] of aggregateByPeriod(metric.samples, from, until, MINUTE_MS)) lines.push(jsonRecord(state, stream, metric, minute, aggregate));
  }
  const source = {
    servicePrincipal: 'streams.metrics.cloudwatch.amazonaws.com',
    sourceArn: state.metricStreamArn(stream.name),
    accountId: state.accountId,
    region: state.region,
    asCaller: roleSession(stream.roleArn, 'CloudWatchMetricStream'),
  };
  let batch = '';
  const send = () => {
    if (batch) emulator.deliverInBackground(stream.firehoseArn, { body: batch }, source, { onFailure: () => undefined });
    batch = '';
  };
  for (const line of lines) {
    if (Buffer.byteLength(batch) + Buffer.byteLength(line) + 1 > MAX_RECORD_BYTES) send();
    batch += `${line}\n`;
  }
  send();
}

/**
 * Streams the running metric streams of a state each minute on the emulator clock: every complete minute of data
 * their filters take goes to their Firehose stream once. The watcher runs only while a stream is running.
 */
export function watchMetricStreams(state: CloudWatchState, emulator: Emulator): void {
  let watcher = watchers.get(state);
  if (!watcher) {
    const running = () => [...state.metricStreams.values()].filter((s) => s.state === 'running');
    watcher = new ClockWatcher(
      emulator.clock,
      () => (running().length ? (Math.floor(emulator.clock.now() / MINUTE_MS) + 1) * MINUTE_MS : undefined),
      (now) => {
        const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
        for (const stream of running()) streamMinutes(state, emulator, stream, minute);
      },
    );
    watchers.set(state, watcher);
  }
  watcher.poke();
}

export function stopMetricStreams(state: CloudWatchState): void {
  watchers.get(state)?.stop();
}
