import type { MetricStreamFilter } from '@aws-sdk/client-cloudwatch';
import { ClockWatcher } from '../../core/clock-watcher.ts';
import type { Emulator } from '../../core/emulator.ts';
import { roleSession } from '../../delivery/role.ts';
import { sampleGauges } from './gauges.ts';
import { aggregateByPeriod, statistic, type Aggregate, type StoredMetric } from './metrics.ts';
import { encodeMetric, exportRequestType, type OtlpVersion, type SummaryMinute } from './otlp.ts';
import type { CloudWatchState, MetricStream } from './state.ts';

const MINUTE_MS = 60_000;
/** A Firehose record holds at most 1,000 KiB: the metric records are split below that. */
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

/** One minute of a metric as the OpenTelemetry formats summarise it: minimum, maximum and the stream's percentiles. */
function summaryMinute(stream: MetricStream, metric: StoredMetric, minute: number, aggregate: Aggregate): SummaryMinute {
  const percentiles = additionalStatistics(stream, metric).flatMap((stat) => {
    const value = /^p\d+(\.\d+)?$/.test(stat) ? statistic(aggregate, stat) : undefined;
    return value === undefined ? [] : [{ quantile: Number(stat.slice(1)) / 100, value }];
  });
  const quantiles = [{ quantile: 0, value: aggregate.min }, ...percentiles, { quantile: 1, value: aggregate.max }].sort((a, b) => a.quantile - b.quantile);
  return { startMs: minute, endMs: minute + MINUTE_MS, count: aggregate.sampleCount, sum: aggregate.sum, quantiles };
}

/** A stream's records in its output format: JSON lines, or length-prefixed OTLP messages (one per metric). */
async function records(state: CloudWatchState, stream: MetricStream, from: number, until: number): Promise<Uint8Array[]> {
  const otel = stream.outputFormat === 'opentelemetry0.7' || stream.outputFormat === 'opentelemetry1.0' ? (stream.outputFormat as OtlpVersion) : undefined;
  const type = otel && (await exportRequestType(otel));
  const resource = { accountId: state.accountId, region: state.region, streamArn: state.metricStreamArn(stream.name) };
  const out: Uint8Array[] = [];
  for (const metric of state.metrics.values()) {
    if (!streams(stream, metric)) continue;
    const minutes = aggregateByPeriod(metric.samples, from, until, MINUTE_MS);
    if (!type) {
      for (const [minute, aggregate] of minutes) out.push(Buffer.from(`${jsonRecord(state, stream, metric, minute, aggregate)}\n`));
      continue;
    }
    const summaries = [...minutes].map(([minute, aggregate]) => summaryMinute(stream, metric, minute, aggregate));
    if (!summaries.length) continue;
    const unit = [...minutes.values()][0].unit;
    out.push(encodeMetric(type, otel, resource, { namespace: metric.namespace, name: metric.name, dimensions: metric.dimensions, unit, minutes: summaries }));
  }
  return out;
}

/** Sends a stream's complete minutes since it last streamed to its Firehose delivery stream, as its role. */
async function streamMinutes(state: CloudWatchState, emulator: Emulator, stream: MetricStream, until: number): Promise<void> {
  const from = stream.streamedUntil;
  stream.streamedUntil = until;
  if (from >= until) return;
  sampleGauges(state, emulator, stream.includeFilters.map((f) => f.Namespace));
  const parts = await records(state, stream, from, until);
  const source = {
    servicePrincipal: 'streams.metrics.cloudwatch.amazonaws.com',
    sourceArn: state.metricStreamArn(stream.name),
    accountId: state.accountId,
    region: state.region,
    asCaller: roleSession(stream.roleArn, 'CloudWatchMetricStream'),
  };
  // Records of up to 1,000 KiB, each holding whole metric records (JSON lines or OTLP messages).
  let batch: Uint8Array[] = [];
  let size = 0;
  const send = () => {
    if (!batch.length) return;
    const data = Buffer.concat(batch);
    emulator.deliverInBackground(stream.firehoseArn, stream.outputFormat === 'json' ? { body: data.toString('utf8') } : { body: '', data }, source, { onFailure: () => undefined });
    batch = [];
    size = 0;
  };
  for (const part of parts) {
    if (size + part.length > MAX_RECORD_BYTES) send();
    batch.push(part);
    size += part.length;
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
        for (const stream of running()) void streamMinutes(state, emulator, stream, minute).catch(() => undefined);
      },
    );
    watchers.set(state, watcher);
  }
  watcher.poke();
}

export function stopMetricStreams(state: CloudWatchState): void {
  watchers.get(state)?.stop();
}
