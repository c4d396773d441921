/**
 * CloudWatch's statistics beyond the five basic ones, as the CloudWatch User Guide ("CloudWatch statistics
 * definitions") defines them: percentiles `p99` / `p99.9`, trimmed mean `tm90` / `TM(10%:90%)` / `TM(150:1000)`,
 * interquartile mean `IQM`, winsorized mean `wm98` / `WM(..)`, trimmed count `tc90` / `TC(..)`, trimmed sum `ts90` /
 * `TS(..)`, and percentile rank `PR(:300)` / `PR(100:2000)`. Bounds are percentages of the ranked data points (the
 * `%` form and the short forms) or absolute values, where the lower bound is exclusive and the upper inclusive.
 */

/** One raw value and how many data points had it. */
export type WeightedValue = [value: number, count: number];

interface Bound {
  value: number;
  percent: boolean;
}

export interface ExtendedStatistic {
  kind: 'p' | 'tm' | 'wm' | 'tc' | 'ts' | 'pr';
  lower?: Bound;
  upper?: Bound;
}

const NUMBER = String.raw`\d+(?:\.\d{0,10})?(?:[Ee][+-]?\d+)?`;
const SHORT = new RegExp(`^(p|tm|wm|tc|ts)(${NUMBER})$`);
const RANGE = new RegExp(`^(TM|WM|TC|TS|PR)\\((?:(${NUMBER})(%)?)?:(?:(${NUMBER})(%)?)?\\)$`);

/** The statistic a name stands for, or undefined when it is not one of CloudWatch's extended statistics. */
export function parseExtendedStatistic(name: string): ExtendedStatistic | undefined {
  if (name === 'IQM') return { kind: 'tm', lower: { value: 25, percent: true }, upper: { value: 75, percent: true } };
  const short = SHORT.exec(name);
  if (short) {
    const value = Number(short[2]);
    if (value > 100) return undefined;
    return { kind: short[1] as ExtendedStatistic['kind'], upper: { value, percent: true } };
  }
  const range = RANGE.exec(name);
  if (!range) return undefined;
  const kind = range[1].toLowerCase() as ExtendedStatistic['kind'];
  const lower = range[2] !== undefined ? { value: Number(range[2]), percent: range[3] === '%' } : undefined;
  const upper = range[4] !== undefined ? { value: Number(range[4]), percent: range[5] === '%' } : undefined;
  if (!lower && !upper) return undefined;
  // Percentile rank takes absolute thresholds; percentages stay within 0-100 and both bounds are of one kind.
  if (kind === 'pr' && (lower?.percent || upper?.percent)) return undefined;
  if (lower && upper && lower.percent !== upper.percent) return undefined;
  if ([lower, upper].some((b) => b?.percent && b.value > 100)) return undefined;
  if (lower && upper && lower.value > upper.value) return undefined;
  return { kind, lower, upper };
}

/** The value at a rank (1-based) of data points sorted ascending. */
function valueAtRank(sorted: WeightedValue[], rank: number): number {
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (seen >= rank) return value;
  }
  return sorted[sorted.length - 1][0];
}

/**
 * The statistic over raw values (unsorted; counts are data points). Undefined when no data point falls in its
 * range, or when any value is negative (CloudWatch computes no percentile statistics then).
 */
export function computeExtendedStatistic(values: WeightedValue[], stat: ExtendedStatistic): number | undefined {
  if (!values.length || values.some(([v]) => v < 0)) return undefined;
  const sorted = [...values].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((n, [, c]) => n + c, 0);
  if (total <= 0) return undefined;
  if (stat.kind === 'p') return valueAtRank(sorted, Math.max(1, Math.ceil((stat.upper!.value / 100) * total)));

  // Percentages cut the ranked data points by rank, absolute bounds by value (lower exclusive, upper inclusive).
  const percent = stat.lower?.percent ?? stat.upper?.percent ?? false;
  const fromRank = percent && stat.lower ? Math.floor((stat.lower.value / 100) * total) + 1 : 1;
  const toRank = percent && stat.upper ? Math.ceil((stat.upper.value / 100) * total) : total;
  const inRange = (value: number) => (stat.lower === undefined || value > stat.lower.value) && (stat.upper === undefined || value <= stat.upper.value);
  let count = 0;
  let sum = 0;
  let rank = 0;
  const kept: WeightedValue[] = [];
  for (const [value, n] of sorted) {
    const keptHere = percent ? Math.max(0, Math.min(rank + n, toRank) - Math.max(rank + 1, fromRank) + 1) : inRange(value) ? n : 0;
    rank += n;
    if (!keptHere) continue;
    count += keptHere;
    sum += value * keptHere;
    kept.push([value, keptHere]);
  }
  switch (stat.kind) {
    case 'pr':
      return (count / total) * 100;
    case 'tc':
      return count;
    case 'ts':
      return count ? sum : undefined;
    case 'tm':
      return count ? sum / count : undefined;
    default: {
      // Winsorized mean: the points outside the range count as the nearest kept value.
      if (!count) return undefined;
      const [low, high] = [kept[0][0], kept[kept.length - 1][0]];
      return sorted.reduce((acc, [v, n]) => acc + Math.min(high, Math.max(low, v)) * n, 0) / total;
    }
  }
}
