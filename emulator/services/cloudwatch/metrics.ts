import type { Dimension } from '@aws-sdk/client-cloudwatch';
import { RecordBatches } from '../../persistence/batches.ts';
import { computeExtendedStatistic, parseExtendedStatistic, type WeightedValue } from './statistics.ts';

/** One stored observation: a statistic set (a single value is a set of one), its unit and time. */
export interface Sample {
  timestamp: number;
  sampleCount: number;
  sum: number;
  min: number;
  max: number;
  unit: string;
}

/** A metric and its samples, persisted batch by batch as they were put (a write logs its samples alone). */
export class StoredMetric {
  /** Every sample, in arrival order; rebuilt from `stored` on restore. */
  samples: Sample[] = [];
  private readonly stored = new RecordBatches<Sample>();

  constructor(
    readonly namespace: string,
    readonly name: string,
    readonly dimensions: Dimension[],
    public lastPut: number,
  ) {}

  add(samples: Sample[], now: number): void {
    this.samples.push(...samples);
    this.stored.append(samples);
    this.lastPut = now;
  }

  rebuild(): void {
    this.samples = this.stored.items();
  }
}

/** A metric's identity: namespace, name and its dimensions in name order (AWS treats the set as unordered). */
export function metricKey(namespace: string, name: string, dimensions: Dimension[] = []): string {
  const dims = [...dimensions].sort((a, b) => (a.Name! < b.Name! ? -1 : a.Name! > b.Name! ? 1 : 0)).map((d) => `${d.Name}=${d.Value}`);
  return JSON.stringify([namespace, name, dims]);
}

export interface Aggregate {
  sampleCount: number;
  sum: number;
  min: number;
  max: number;
  unit: string;
  /** The raw values behind the aggregate, or undefined once a statistic set without them is part of it. */
  raw: WeightedValue[] | undefined;
}

/**
 * A sample's raw values: CloudWatch computes percentiles over a statistic set only when it stands for one repeated
 * value (Minimum equals Maximum and Sum is Minimum times SampleCount).
 */
function rawValues(s: Sample): WeightedValue | undefined {
  return s.min === s.max && s.sum === s.min * s.sampleCount ? [s.min, s.sampleCount] : undefined;
}

/** Samples grouped into periods aligned to the epoch, within [start, end), optionally of one unit. */
export function aggregateByPeriod(samples: Sample[], startMs: number, endMs: number, periodMs: number, unit?: string): Map<number, Aggregate> {
  const buckets = new Map<number, Aggregate>();
  for (const s of samples) {
    if (s.timestamp < startMs || s.timestamp >= endMs || (unit !== undefined && s.unit !== unit)) continue;
    const bucket = Math.floor(s.timestamp / periodMs) * periodMs;
    const a = buckets.get(bucket);
    const raw = rawValues(s);
    if (!a) buckets.set(bucket, { sampleCount: s.sampleCount, sum: s.sum, min: s.min, max: s.max, unit: s.unit, raw: raw && [raw] });
    else {
      a.sampleCount += s.sampleCount;
      a.sum += s.sum;
      a.min = Math.min(a.min, s.min);
      a.max = Math.max(a.max, s.max);
      a.raw = raw && a.raw ? (a.raw.push(raw), a.raw) : undefined;
    }
  }
  return buckets;
}

/**
 * The units of the samples within [start, end), sorted. A query that names no unit gets CloudWatch's view of each:
 * GetMetricStatistics a data point per unit, GetMetricData the first of them (with a MultipleUnits message).
 */
export function unitsIn(samples: Sample[], startMs: number, endMs: number): string[] {
  const units = new Set<string>();
  for (const s of samples) if (s.timestamp >= startMs && s.timestamp < endMs) units.add(s.unit);
  return [...units].sort();
}

/** Whether a name is a statistic CloudWatch computes (the five basic ones, their short forms, or an extended one). */
export function isStatistic(stat: string): boolean {
  return BASIC.has(stat) || parseExtendedStatistic(stat) !== undefined;
}

const BASIC = new Set(['SampleCount', 'Sum', 'Minimum', 'Min', 'Maximum', 'Max', 'Average', 'Avg']);

/** A statistic of an aggregate: SampleCount, Sum, Minimum, Maximum, Average (the short forms too, as GetMetricData allows), or an extended one. */
export function statistic(a: Aggregate, stat: string): number | undefined {
  switch (stat) {
    case 'SampleCount':
      return a.sampleCount;
    case 'Sum':
      return a.sum;
    case 'Minimum':
    case 'Min':
      return a.min;
    case 'Maximum':
    case 'Max':
      return a.max;
    case 'Average':
    case 'Avg':
      return a.sampleCount ? a.sum / a.sampleCount : undefined;
    default: {
      const extended = parseExtendedStatistic(stat);
      return extended && a.raw ? computeExtendedStatistic(a.raw, extended) : undefined;
    }
  }
}
