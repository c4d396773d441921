import type { GetMetricWidgetImageInput, GetMetricWidgetImageOutput, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { invalidValue } from '../errors.ts';
import type { CloudWatchState } from '../state.ts';
import { Canvas } from '../widget-image.ts';
import { getMetricData } from './get-metric-data.ts';

type Ctx = RequestContext<CloudWatchState>;

/** The graph's defaults and limits (CloudWatch API reference, "Metric widget structure"). */
const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 395;
const MAX_SIDE = 2000;
/** The CloudWatch console's default graph colours, in order. */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

interface Widget {
  metrics?: unknown[][];
  width?: number;
  height?: number;
  start?: string;
  end?: string;
  period?: number;
  stat?: string;
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** `-PT3H`-style durations relative to now, or ISO 8601 timestamps. */
function timeOf(value: string | undefined, now: number, fallback: number): number {
  if (value === undefined) return fallback;
  const relative = /^(-?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (relative) {
    const [w, d, h, m, s] = relative.slice(2).map((v) => Number(v ?? 0));
    return now - ((((w * 7 + d) * 24 + h) * 60 + m) * 60 + s) * 1000;
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw invalidValue(`The value ${value} in the MetricWidget is not a valid time.`);
  return ms;
}

/**
 * Turns the widget's `metrics` rows into GetMetricData queries: `[namespace, name, dimension, value, ..., {options}]`,
 * where "." repeats the row above at that position, or `[{expression, id, label}]` for metric math.
 */
function queries(widget: Widget): MetricDataQuery[] {
  let previous: unknown[] = [];
  return (widget.metrics ?? []).map((row, i) => {
    if (!Array.isArray(row)) throw invalidValue('Each entry of the MetricWidget metrics must be an array.');
    const last = row.at(-1);
    const options = (last && typeof last === 'object' ? last : {}) as Record<string, unknown>;
    const parts = (options === last ? row.slice(0, -1) : row).map((v, j) => (v === '.' ? previous[j] : v));
    previous = parts;
    const Id = typeof options.id === 'string' ? options.id : `m${i}`;
    if (typeof options.expression === 'string') return { Id, Expression: options.expression, Label: options.label as string | undefined };
    const [Namespace, MetricName, ...dims] = parts as string[];
    if (typeof Namespace !== 'string' || typeof MetricName !== 'string') throw invalidValue('A MetricWidget metric needs a namespace and a metric name.');
    const Dimensions = [];
    for (let j = 0; j + 1 < dims.length; j += 2) Dimensions.push({ Name: dims[j], Value: dims[j + 1] });
    return {
      Id,
      MetricStat: { Metric: { Namespace, MetricName, Dimensions }, Period: Number(options.period ?? widget.period ?? 300), Stat: String(options.stat ?? widget.stat ?? 'Average') },
      Label: options.label as string | undefined,
    };
  });
}

/**
 * Draws the widget's metrics as a time-series graph in a PNG: a line per metric in the console's colours, over the
 * widget's time range, with the axes. Titles, legends and axis labels (text) are not drawn.
 */
export function getMetricWidgetImage(input: GetMetricWidgetImageInput, ctx: Ctx): GetMetricWidgetImageOutput {
  const format = input.OutputFormat ?? 'png';
  if (format !== 'png' && format !== 'image/png') throw invalidValue(`The value ${format} for parameter OutputFormat is invalid. Only png is supported.`);
  let widget: Widget;
  try {
    widget = JSON.parse(input.MetricWidget!) as Widget;
  } catch {
    throw invalidValue('The parameter MetricWidget must be a valid JSON object.');
  }
  if (!widget || typeof widget !== 'object' || Array.isArray(widget)) throw invalidValue('The parameter MetricWidget must be a valid JSON object.');
  const width = Number(widget.width ?? DEFAULT_WIDTH);
  const height = Number(widget.height ?? DEFAULT_HEIGHT);
  if (![width, height].every((v) => Number.isInteger(v) && v >= 1 && v <= MAX_SIDE)) throw invalidValue(`The MetricWidget width and height must be between 1 and ${MAX_SIDE}.`);
  const now = ctx.emulator.clock.now();
  const end = timeOf(widget.end, now, now);
  const start = timeOf(widget.start, now, now - 3 * 3_600_000);
  const metricQueries = queries(widget);
  const results = metricQueries.length ? getMetricData({ MetricDataQueries: metricQueries, StartTime: new Date(start), EndTime: new Date(end), ScanBy: 'TimestampAscending' }, ctx).MetricDataResults! : [];

  const canvas = new Canvas(width, height);
  const [left, right, top, bottom] = [Math.min(50, width / 4), width - Math.min(20, width / 8), Math.min(20, height / 8), height - Math.min(30, height / 6)];
  const axis = rgb('#aaaaaa');
  canvas.line(left, top, left, bottom, axis);
  canvas.line(left, bottom, right, bottom, axis);
  const values = results.flatMap((r) => r.Values ?? []);
  const low = Math.min(0, ...values);
  const high = values.length ? Math.max(...values) : 1;
  const span = high > low ? (high - low) * 1.1 : 1;
  const x = (t: number) => left + ((t - start) / Math.max(1, end - start)) * (right - left);
  const y = (v: number) => bottom - ((v - low) / span) * (bottom - top);
  results.forEach((result, i) => {
    const color = rgb(PALETTE[i % PALETTE.length]);
    const points = (result.Timestamps ?? []).map((t, j) => [x(new Date(t).getTime()), y(result.Values![j])]);
    points.forEach(([px, py], j) => (j ? canvas.line(points[j - 1][0], points[j - 1][1], px, py, color) : canvas.set(px, py, color)));
  });
  return { MetricWidgetImage: canvas.png() };
}
