import { accountRootArn } from './arn.ts';
import type { Emulator } from './emulator.ts';

/**
 * The metrics AWS services publish to CloudWatch on their own (AWS/SQS NumberOfMessagesSent, AWS/Lambda Invocations,
 * ...). A service records values here; they reach CloudWatch through its front door (PutMetricData, called as the
 * service principal, which alone may write an `AWS/` namespace). Values are batched: all values of one metric and
 * second recorded in the same tick become one datum (Values + Counts), so a busy queue costs one call per tick, not
 * one per message. Gauges (queue depths) come from samplers that run once a minute on the emulator clock. Nothing is
 * recorded when CloudWatch is not enabled.
 */
export interface MetricSource {
  /** `AWS/SQS`, `AWS/Lambda`, ... */
  readonly namespace: string;
  /** The publishing service's principal, e.g. `sqs.amazonaws.com`. */
  readonly servicePrincipal: string;
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

interface Pending {
  source: MetricSource;
  datum: Omit<ServiceMetricDatum, 'Value'> & { Timestamp: Date };
  counts: Map<number, number>;
}

interface Publisher {
  pending: Map<string, Pending>;
  flushScheduled: boolean;
  samplers: Map<string, { source: MetricSource; sample: () => ServiceMetricDatum[] }>;
  cancelSampling?: () => void;
}

/** CloudWatch takes at most 1,000 data per PutMetricData call and 150 distinct values per datum. */
const MAX_DATA = 1000;
const MAX_VALUES = 150;
const SAMPLE_INTERVAL_MS = 60_000;

const publishers = new WeakMap<Emulator, Publisher>();

function publisherOf(emulator: Emulator): Publisher {
  let publisher = publishers.get(emulator);
  if (!publisher) {
    publisher = { pending: new Map(), flushScheduled: false, samplers: new Map() };
    publishers.set(emulator, publisher);
  }
  return publisher;
}

/** Records one value of a standard metric (a count of 1 unless given). */
export function recordMetric(emulator: Emulator, source: MetricSource, datum: ServiceMetricDatum, count = 1): void {
  if (!emulator.isEnabled('cloudwatch')) return;
  const publisher = publisherOf(emulator);
  const second = Math.floor(emulator.clock.now() / 1000) * 1000;
  const key = JSON.stringify([source.accountId, source.region, source.namespace, datum.MetricName, datum.Dimensions, datum.Unit, second]);
  let entry = publisher.pending.get(key);
  if (!entry) {
    entry = { source, datum: { MetricName: datum.MetricName, Dimensions: datum.Dimensions, Unit: datum.Unit, Timestamp: new Date(second) }, counts: new Map() };
    publisher.pending.set(key, entry);
  }
  entry.counts.set(datum.Value, (entry.counts.get(datum.Value) ?? 0) + count);
  if (!publisher.flushScheduled) {
    publisher.flushScheduled = true;
    setImmediate(() => flush(emulator, publisher));
  }
}

function flush(emulator: Emulator, publisher: Publisher): void {
  publisher.flushScheduled = false;
  const groups = new Map<string, { source: MetricSource; data: object[] }>();
  for (const { source, datum, counts } of publisher.pending.values()) {
    const groupKey = JSON.stringify([source.accountId, source.region, source.namespace, source.servicePrincipal]);
    const group = groups.get(groupKey) ?? { source, data: [] };
    groups.set(groupKey, group);
    const entries = [...counts];
    for (let i = 0; i < entries.length; i += MAX_VALUES) {
      const slice = entries.slice(i, i + MAX_VALUES);
      group.data.push({ ...datum, Values: slice.map(([v]) => v), Counts: slice.map(([, c]) => c) });
    }
  }
  publisher.pending.clear();
  for (const { source, data } of groups.values()) send(emulator, source, data);
}

function send(emulator: Emulator, source: MetricSource, data: object[]): void {
  const caller = { accountId: source.accountId, arn: accountRootArn(source.accountId, source.region), servicePrincipal: source.servicePrincipal, sourceAccount: source.accountId };
  for (let i = 0; i < data.length; i += MAX_DATA) {
    emulator
      .call('cloudwatch', 'PutMetricData', { Namespace: source.namespace, MetricData: data.slice(i, i + MAX_DATA) }, { caller, region: source.region })
      .catch(() => undefined);
  }
}

/**
 * Registers a sampler of gauge metrics (e.g. a queue's ApproximateNumberOfMessagesVisible), published once a minute
 * while registered; returns the function that unregisters it (call it when the state it reads is disposed).
 */
export function sampleMetrics(emulator: Emulator, key: string, source: MetricSource, sample: () => ServiceMetricDatum[]): () => void {
  if (!emulator.isEnabled('cloudwatch')) return () => undefined;
  const publisher = publisherOf(emulator);
  publisher.samplers.set(key, { source, sample });
  if (!publisher.cancelSampling) armSampling(emulator, publisher);
  return () => {
    publisher.samplers.delete(key);
    if (!publisher.samplers.size) {
      publisher.cancelSampling?.();
      publisher.cancelSampling = undefined;
    }
  };
}

function armSampling(emulator: Emulator, publisher: Publisher): void {
  publisher.cancelSampling = emulator.schedule(() => {
    const timestamp = new Date(emulator.clock.now());
    for (const { source, sample } of publisher.samplers.values()) {
      const data = sample().map((d) => ({ ...d, Timestamp: timestamp }));
      if (data.length) send(emulator, source, data);
    }
    if (publisher.samplers.size) armSampling(emulator, publisher);
    else publisher.cancelSampling = undefined;
  }, SAMPLE_INTERVAL_MS);
}
