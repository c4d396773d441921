import type { ListMetricsInput, ListMetricsOutput } from '@aws-sdk/client-cloudwatch';
import type { RequestContext } from '../../../core/service.ts';
import { invalidValue } from '../errors.ts';
import { sampleGauges } from '../gauges.ts';
import type { CloudWatchState } from '../state.ts';

/** AWS pages ListMetrics by 500. */
const PAGE = 500;
const RECENT_MS = 3 * 3_600_000;

export function listMetrics(input: ListMetricsInput, ctx: RequestContext<CloudWatchState>): ListMetricsOutput {
  const now = ctx.emulator.clock.now();
  let start = 0;
  if (input.NextToken !== undefined) {
    start = Number(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw invalidValue('Invalid NextToken.');
  }
  sampleGauges(ctx.state, ctx.emulator, input.Namespace ? [input.Namespace] : []);
  const metrics = [...ctx.state.metrics.values()].filter(
    (m) =>
      (!input.Namespace || m.namespace === input.Namespace) &&
      (!input.MetricName || m.name === input.MetricName) &&
      (input.Dimensions ?? []).every((f) => m.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))) &&
      (input.RecentlyActive !== 'PT3H' || m.lastPut >= now - RECENT_MS),
  );
  const page = metrics.slice(start, start + PAGE);
  return {
    Metrics: page.map((m) => ({ Namespace: m.namespace, MetricName: m.name, Dimensions: m.dimensions })),
    NextToken: start + PAGE < metrics.length ? Buffer.from(String(start + PAGE)).toString('base64url') : undefined,
  };
}
