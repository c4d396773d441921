import type { Emulator } from '../../core/emulator.ts';
import { collectMetrics, readGauges } from '../../core/service-metrics.ts';
import { metricKey } from './metrics.ts';
import { storeDatum } from './operations/put-metric-data.ts';
import type { CloudWatchState } from './state.ts';

const MINUTE_MS = 60_000;

/**
 * Stores what services published to this account and region before CloudWatch reads its metrics: the values they
 * recorded (counts, sizes: collected here rather than each sent by a PutMetricData call of its own), and the gauges
 * (queue depths...) of the namespaces about to be read, one sample a minute per gauge, as AWS samples them, taken
 * when CloudWatch reads them rather than by a background timer.
 */
export function sampleGauges(state: CloudWatchState, emulator: Emulator, namespaces: Iterable<string | undefined>): void {
  const now = emulator.clock.now();
  for (const { namespace, datum } of collectMetrics(emulator, state.accountId, state.region)) storeDatum(state, namespace, { ...datum, Unit: datum.Unit as 'Count' }, now);
  const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  for (const namespace of new Set(namespaces)) {
    if (!namespace?.startsWith('AWS/')) continue;
    for (const datum of readGauges(emulator, state.accountId, state.region, namespace)) {
      const existing = state.metrics.get(metricKey(namespace, datum.MetricName, datum.Dimensions));
      const last = existing?.samples.at(-1);
      if (last && last.timestamp >= minute) continue;
      storeDatum(state, namespace, { ...datum, Unit: datum.Unit as 'Count', Timestamp: new Date(minute) }, now);
    }
  }
}
