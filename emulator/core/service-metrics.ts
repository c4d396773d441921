import type { Emulator } from './emulator.ts';

/**
 * The metrics AWS services publish to CloudWatch on their own (AWS/SQS NumberOfMessagesSent, AWS/Lambda Invocations,
 * ...). A service records values here; CloudWatch collects them when it reads metrics (GetMetricData,
 * GetMetricStatistics, ListMetrics, alarm evaluation), as it samples gauges (queue depths) then: recording a value
 * costs a request a map update, not a PutMetricData call, and every reader still sees every value recorded before it.
 * All values of one metric and second become one datum (Values + Counts). Nothing is recorded when CloudWatch is not
 * enabled.
 */
export interface MetricSource {
  /** `AWS/SQS`, `AWS/Lambda`, ... */
  readonly namespace: string;
  readonly accountId: string;
  readonly region: string;
}

export interface MetricDimension {
  Name: string;
  Value: string;
}

export interface ServiceMetricDatum {
  MetricName: string;
  Dimensions: MetricDimension[];
  Unit: string;
  Value: number;
}

/** A counter's values of one second, as CloudWatch stores them: distinct values and how often each was recorded. */
export interface CollectedDatum {
  MetricName: string;
  Dimensions: MetricDimension[];
  Unit: string;
  Timestamp: Date;
  Values: number[];
  Counts: number[];
}

interface Pending {
  namespace: string;
  datum: Omit<ServiceMetricDatum, 'Value'>;
  second: number;
  counts: Map<number, number>;
}

interface Publisher {
  /** Values not yet collected, by account and region, then by metric and second. */
  pending: Map<string, Map<string, Pending>>;
  samplers: Map<string, { source: MetricSource; sample: () => ServiceMetricDatum[] }>;
}

/** CloudWatch takes at most 150 distinct values per datum. */
const MAX_VALUES = 150;

const publishers = new WeakMap<Emulator, Publisher>();

function publisherOf(emulator: Emulator): Publisher {
  let publisher = publishers.get(emulator);
  if (!publisher) {
    publisher = { pending: new Map(), samplers: new Map() };
    publishers.set(emulator, publisher);
  }
  return publisher;
}

/** Records one value of a standard metric (a count of 1 unless given). */
export function recordMetric(emulator: Emulator, source: MetricSource, datum: ServiceMetricDatum, count = 1): void {
  if (!emulator.isEnabled('cloudwatch')) return;
  const publisher = publisherOf(emulator);
  const scope = `${source.accountId}/${source.region}`;
  let pending = publisher.pending.get(scope);
  if (!pending) publisher.pending.set(scope, (pending = new Map()));
  const second = Math.floor(emulator.clock.now() / 1000) * 1000;
  let key = `${second} ${source.namespace} ${datum.MetricName} ${datum.Unit}`;
  for (const { Name, Value } of datum.Dimensions) key += ` ${Name.length}:${Name}=${Value.length}:${Value}`;
  let entry = pending.get(key);
  if (!entry) {
    entry = { namespace: source.namespace, datum: { MetricName: datum.MetricName, Dimensions: datum.Dimensions, Unit: datum.Unit }, second, counts: new Map() };
    pending.set(key, entry);
  }
  entry.counts.set(datum.Value, (entry.counts.get(datum.Value) ?? 0) + count);
}

/**
 * Takes the values services recorded for one account and region, by namespace, for CloudWatch to store: each
 * datum holds at most 150 distinct values, as PutMetricData's would.
 */
export function collectMetrics(emulator: Emulator, accountId: string, region: string): { namespace: string; datum: CollectedDatum }[] {
  const publisher = publishers.get(emulator);
  const scope = `${accountId}/${region}`;
  const pending = publisher?.pending.get(scope);
  if (!pending) return [];
  publisher!.pending.delete(scope);
  const out: { namespace: string; datum: CollectedDatum }[] = [];
  for (const { namespace, datum, second, counts } of pending.values()) {
    const entries = [...counts];
    for (let i = 0; i < entries.length; i += MAX_VALUES) {
      const slice = entries.slice(i, i + MAX_VALUES);
      out.push({ namespace, datum: { ...datum, Timestamp: new Date(second), Values: slice.map(([v]) => v), Counts: slice.map(([, c]) => c) } });
    }
  }
  return out;
}

/** Drops the values recorded for one account and region and not yet collected (CloudWatch's state there was reset). */
export function forgetMetrics(emulator: Emulator, accountId: string, region: string): void {
  publishers.get(emulator)?.pending.delete(`${accountId}/${region}`);
}

/**
 * Registers a sampler of gauge metrics (e.g. a queue's ApproximateNumberOfMessagesVisible), which CloudWatch reads
 * through `readGauges`; returns the function that unregisters it (call it when the state it reads is disposed).
 */
export function sampleMetrics(emulator: Emulator, key: string, source: MetricSource, sample: () => ServiceMetricDatum[]): () => void {
  if (!emulator.isEnabled('cloudwatch')) return () => undefined;
  const publisher = publisherOf(emulator);
  publisher.samplers.set(key, { source, sample });
  return () => void publisher.samplers.delete(key);
}

/** The current values of the gauges services publish to one account, region and namespace. */
export function readGauges(emulator: Emulator, accountId: string, region: string, namespace: string): ServiceMetricDatum[] {
  const samplers = publishers.get(emulator)?.samplers;
  if (!samplers) return [];
  const out: ServiceMetricDatum[] = [];
  for (const { source, sample } of samplers.values()) {
    if (source.accountId === accountId && source.region === region && source.namespace === namespace) out.push(...sample());
  }
  return out;
}
