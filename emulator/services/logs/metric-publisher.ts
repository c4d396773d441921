import type { MetricTransformation } from '@aws-sdk/client-cloudwatch-logs';
import type { RequestContext } from '../../core/service.ts';
import { logsCaller } from './internal-caller.ts';
import { filteredText, type LogEvent, type LogGroup, type LogsState } from './state.ts';

interface Datum {
  MetricName: string;
  Value: number;
  Unit?: string;
  Timestamp: Date;
  Dimensions?: { Name: string; Value: string }[];
}

/**
 * Metric filters turn matching events into CloudWatch metrics (PutMetricData through CloudWatch's front door): the
 * metric value is a number or a `$.field` / `$field` the pattern selected; a batch with no match emits the default
 * value when the filter has one. Nothing is published when CloudWatch is not enabled.
 */
export function publishMetrics(ctx: RequestContext<LogsState>, group: LogGroup, events: LogEvent[]): void {
  if (!group.metricFilters.size || !ctx.emulator.isEnabled('cloudwatch')) return;
  const byNamespace = new Map<string, Datum[]>();
  const add = (namespace: string, datum: Datum) => {
    const list = byNamespace.get(namespace) ?? [];
    list.push(datum);
    byNamespace.set(namespace, list);
  };
  for (const filter of group.metricFilters.values()) {
    for (const t of filter.transformations) {
      let matched = false;
      for (const event of events) {
        const match = filter.compiled.match(filteredText(event, filter));
        if (!match) continue;
        const value = metricValue(t, match.fields);
        if (value === undefined) continue;
        matched = true;
        add(t.metricNamespace!, { MetricName: t.metricName!, Value: value, Unit: t.unit, Timestamp: new Date(event.timestamp), Dimensions: dimensions(t, match.fields) });
      }
      if (!matched && t.defaultValue !== undefined) {
        add(t.metricNamespace!, { MetricName: t.metricName!, Value: t.defaultValue, Unit: t.unit, Timestamp: new Date(events[events.length - 1].timestamp) });
      }
    }
  }
  for (const [Namespace, data] of byNamespace) {
    for (let i = 0; i < data.length; i += 1000) {
      ctx.emulator
        .call('cloudwatch', 'PutMetricData', { Namespace, MetricData: data.slice(i, i + 1000) }, { caller: logsCaller(ctx.state, group.name), region: ctx.region })
        .catch(() => undefined);
    }
  }
}

function metricValue(t: MetricTransformation, fields: Map<string, unknown>): number | undefined {
  const text = t.metricValue!;
  const raw = text.startsWith('$') ? fields.get(text) : text;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function dimensions(t: MetricTransformation, fields: Map<string, unknown>): { Name: string; Value: string }[] | undefined {
  if (!t.dimensions) return undefined;
  return Object.entries(t.dimensions).map(([Name, ref]) => {
    const value = ref.startsWith('$') ? fields.get(ref) : ref;
    return { Name, Value: typeof value === 'string' ? value : JSON.stringify(value ?? null) };
  });
}
