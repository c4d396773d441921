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

/** A metric's identity: its name, unit and dimensions (the value aside). */
export type MetricIdentity = Omit<ServiceMetricDatum, 'Value'>;

/** A counter's values of one second, as CloudWatch stores them: distinct values and how often each was recorded. */
export interface CollectedDatum {
  MetricName: string;
  Dimensions: MetricDimension[];
  Unit: string;
  Timestamp: Date;
  Values: number[];
  Counts: number[];
}

/** CloudWatch takes at most 150 distinct values per datum, and data at most two weeks old. */
const MAX_VALUES = 150;
const MAX_AGE_MS = 14 * 86_400_000;

/**
 * The values of one metric and second. Up to MAX_VALUES distinct values are kept exactly, with their counts. Past
 * that (a latency metric under load) they fold into an exponential histogram, as CloudWatch stores histograms: bins
 * of about 2% relative width at first, merged pairwise (the scale reduced) while there are more than MAX_VALUES.
 * Each bin keeps its count, sum, minimum and maximum, so SampleCount, Sum, Minimum and Maximum stay exact and only
 * percentiles become approximate (to a bin's width).
 */
class SecondValues {
  private exact: Map<number, number> | undefined = new Map();
  private bins: Map<number, Bin> | undefined;
  private scale = 5;

  constructor(readonly second: number) {}

  add(value: number, count: number): void {
    const exact = this.exact;
    if (exact) {
      const seen = exact.get(value);
      if (seen !== undefined || exact.size < MAX_VALUES) {
        exact.set(value, (seen ?? 0) + count);
        return;
      }
      this.exact = undefined;
      this.bins = new Map();
      for (const [v, c] of exact) this.addToBin(v, c);
    }
    this.addToBin(value, count);
    while (this.bins!.size > MAX_VALUES) this.reduceScale();
  }

  /** Distinct values and their counts; a bin of several values as its minimum, maximum and the mean of the rest. */
  valuesAndCounts(): [number, number][] {
    if (this.exact) return [...this.exact];
    const out: [number, number][] = [];
    for (const { count, sum, min, max } of this.bins!.values()) {
      if (min === max) out.push([min, count]);
      else {
        out.push([min, 1], [max, 1]);
        if (count > 2) out.push([(sum - min - max) / (count - 2), count - 2]);
      }
    }
    return out;
  }

  private addToBin(value: number, count: number): void {
    const index = binIndex(value, this.scale);
    const bin = this.bins!.get(index);
    if (!bin) this.bins!.set(index, { value, count, sum: value * count, min: value, max: value });
    else {
      bin.count += count;
      bin.sum += value * count;
      if (value < bin.min) bin.min = value;
      if (value > bin.max) bin.max = value;
    }
  }

  private reduceScale(): void {
    const bins = this.bins!;
    this.bins = new Map();
    this.scale--;
    for (const bin of bins.values()) {
      const index = binIndex(bin.value, this.scale);
      const into = this.bins.get(index);
      if (!into) this.bins.set(index, bin);
      else {
        into.count += bin.count;
        into.sum += bin.sum;
        into.min = Math.min(into.min, bin.min);
        into.max = Math.max(into.max, bin.max);
      }
    }
  }
}

interface Bin {
  /** A value in the bin, which places it at any scale. */
  value: number;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * An exponential histogram's bin of a value at a scale: floor(log2(|value|) * 2^scale), even for positive values and
 * odd for negative ones, 0.5 for zero (keys that never collide).
 */
function binIndex(value: number, scale: number): number {
  if (value === 0) return 0.5;
  const index = Math.floor(Math.log2(Math.abs(value)) * 2 ** scale);
  return value > 0 ? 2 * index : 2 * index + 1;
}

/** One metric's identity (namespace, name, unit, dimensions) and its values not yet collected, by second. */
interface Series {
  namespace: string;
  datum: MetricIdentity;
  seconds: Map<number, SecondValues>;
  /** The second last recorded into, looked up without the map. */
  last: SecondValues | undefined;
  /** Collected (or forgotten) by CloudWatch: a handle holding it finds its series anew. */
  taken: boolean;
}

/**
 * The series of one account and region, found by walking namespace, metric name, unit, then each dimension's name
 * and value through nested maps: recording a value builds no key string, and the series found is reused (by a
 * `MetricHandle`) until CloudWatch collects.
 */
interface Node {
  next: Map<string, Node> | undefined;
  series: Series | undefined;
}

interface Publisher {
  /** Values not yet collected, by account, then region. */
  pending: Map<string, Map<string, Node>>;
  samplers: Map<string, { source: MetricSource; sample: () => ServiceMetricDatum[] }>;
}

const publishers = new WeakMap<Emulator, Publisher>();

function publisherOf(emulator: Emulator): Publisher {
  let publisher = publishers.get(emulator);
  if (!publisher) {
    publisher = { pending: new Map(), samplers: new Map() };
    publishers.set(emulator, publisher);
  }
  return publisher;
}

function child(node: Node, key: string): Node {
  const next = (node.next ??= new Map());
  let found = next.get(key);
  if (!found) next.set(key, (found = { next: undefined, series: undefined }));
  return found;
}

function seriesOf(publisher: Publisher, source: MetricSource, datum: MetricIdentity): Series {
  let regions = publisher.pending.get(source.accountId);
  if (!regions) publisher.pending.set(source.accountId, (regions = new Map()));
  let node = regions.get(source.region);
  if (!node) regions.set(source.region, (node = { next: undefined, series: undefined }));
  node = child(child(child(node, source.namespace), datum.MetricName), datum.Unit);
  for (const { Name, Value } of datum.Dimensions) node = child(child(node, Name), Value);
  return (node.series ??= {
    namespace: source.namespace,
    datum: { MetricName: datum.MetricName, Dimensions: datum.Dimensions.map(({ Name, Value }) => ({ Name, Value })), Unit: datum.Unit },
    seconds: new Map(),
    last: undefined,
    taken: false,
  });
}

/** Records one value of a standard metric (a count of 1 unless given). */
export function recordMetric(emulator: Emulator, source: MetricSource, datum: ServiceMetricDatum, count = 1): void {
  if (!emulator.isEnabled('cloudwatch')) return;
  addValue(seriesOf(publisherOf(emulator), source, datum), emulator.clock.now(), datum.Value, count);
}

/**
 * One metric of one source, found once: recording a value through it looks nothing up, where `recordMetric` walks
 * the nested maps (account, region, namespace, name, unit, each dimension) for every value. What services recording
 * on every request keep (per queue, table or stream); it stays valid after CloudWatch collects.
 */
export interface MetricHandle {
  record(value: number, count?: number): void;
}

const NOT_PUBLISHED: MetricHandle = Object.freeze({ record: () => undefined });

class SeriesHandle implements MetricHandle {
  private series: Series | undefined;

  constructor(
    private readonly emulator: Emulator,
    private readonly publisher: Publisher,
    private readonly source: MetricSource,
    private readonly identity: MetricIdentity,
  ) {}

  record(value: number, count = 1): void {
    let series = this.series;
    if (series === undefined || series.taken) this.series = series = seriesOf(this.publisher, this.source, this.identity);
    addValue(series, this.emulator.clock.now(), value, count);
  }
}

/** The handle of one metric of `source` (one that records nothing when CloudWatch is not enabled). */
export function metricHandle(emulator: Emulator, source: MetricSource, identity: MetricIdentity): MetricHandle {
  if (!emulator.isEnabled('cloudwatch')) return NOT_PUBLISHED;
  const { MetricName, Unit, Dimensions } = identity;
  return new SeriesHandle(emulator, publisherOf(emulator), { ...source }, { MetricName, Unit, Dimensions: Dimensions.map(({ Name, Value }) => ({ Name, Value })) });
}

/**
 * Handles of the metrics of a service's resources (a queue, a stream), kept with each resource object by metric name:
 * a request records a value with two lookups, however many dimensions the metric has. `describe` gives a resource's
 * source and dimensions, asked once per resource and metric.
 */
export class ResourceMetrics<Resource extends object> {
  private readonly handles = new WeakMap<Resource, Map<string, MetricHandle>>();

  constructor(private readonly describe: (resource: Resource) => { source: MetricSource; dimensions: MetricDimension[] }) {}

  /** The resource's metric `name` (always measured in `unit`). */
  of(emulator: Emulator, resource: Resource, name: string, unit: string): MetricHandle {
    let byName = this.handles.get(resource);
    if (!byName) this.handles.set(resource, (byName = new Map()));
    let handle = byName.get(name);
    if (!handle) {
      const { source, dimensions } = this.describe(resource);
      byName.set(name, (handle = metricHandle(emulator, source, { MetricName: name, Unit: unit, Dimensions: dimensions })));
    }
    return handle;
  }
}

function addValue(series: Series, now: number, value: number, count: number): void {
  const second = Math.floor(now / 1000) * 1000;
  let values = series.last?.second === second ? series.last : series.seconds.get(second);
  if (!values) {
    series.seconds.set(second, (values = new SecondValues(second)));
    // Seconds older than CloudWatch accepts are dropped, so values no one reads do not pile up.
    for (const old of series.seconds.keys()) {
      if (old >= now - MAX_AGE_MS) break;
      series.seconds.delete(old);
    }
  }
  series.last = values;
  values.add(value, count);
}

function* seriesUnder(node: Node): Generator<Series> {
  if (node.series) yield node.series;
  if (node.next) for (const next of node.next.values()) yield* seriesUnder(next);
}

/**
 * Takes the values services recorded for one account and region, by namespace, for CloudWatch to store: each
 * datum holds at most 150 distinct values, as PutMetricData's would; seconds older than CloudWatch accepts are left out.
 */
export function collectMetrics(emulator: Emulator, accountId: string, region: string): { namespace: string; datum: CollectedDatum }[] {
  const regions = publishers.get(emulator)?.pending.get(accountId);
  const root = regions?.get(region);
  if (!root) return [];
  regions!.delete(region);
  const oldest = emulator.clock.now() - MAX_AGE_MS;
  const out: { namespace: string; datum: CollectedDatum }[] = [];
  for (const series of seriesUnder(root)) {
    series.taken = true;
    const { namespace, datum, seconds } = series;
    for (const values of seconds.values()) {
      if (values.second < oldest) continue;
      const entries = values.valuesAndCounts();
      for (let i = 0; i < entries.length; i += MAX_VALUES) {
        const slice = entries.slice(i, i + MAX_VALUES);
        out.push({ namespace, datum: { ...datum, Timestamp: new Date(values.second), Values: slice.map(([v]) => v), Counts: slice.map(([, c]) => c) } });
      }
    }
  }
  return out;
}

/** Drops the values recorded for one account and region and not yet collected (CloudWatch's state there was reset). */
export function forgetMetrics(emulator: Emulator, accountId: string, region: string): void {
  const regions = publishers.get(emulator)?.pending.get(accountId);
  const root = regions?.get(region);
  if (!root) return;
  regions!.delete(region);
  for (const series of seriesUnder(root)) series.taken = true;
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
