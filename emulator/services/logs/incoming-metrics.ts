import type { Emulator } from '../../core/emulator.ts';
import { recordMetric } from '../../core/service-metrics.ts';
import type { LogEvent, LogsState } from './state.ts';

/** AWS/Logs IncomingLogEvents and IncomingBytes (uncompressed) by LogGroupName, for every accepted batch. */
export function countIncoming(emulator: Emulator, state: LogsState, groupName: string, events: LogEvent[]): void {
  const source = { namespace: 'AWS/Logs', accountId: state.accountId, region: state.region };
  const Dimensions = [{ Name: 'LogGroupName', Value: groupName }];
  recordMetric(emulator, source, { MetricName: 'IncomingLogEvents', Dimensions, Unit: 'None', Value: events.length });
  const bytes = events.reduce((n, e) => n + Buffer.byteLength(e.message), 0);
  recordMetric(emulator, source, { MetricName: 'IncomingBytes', Dimensions, Unit: 'Bytes', Value: bytes });
}
