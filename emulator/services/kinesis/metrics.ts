import type { Emulator } from '../../core/emulator.ts';
import { recordMetric } from '../../core/service-metrics.ts';
import type { Stream } from './stream.ts';

/** AWS/Kinesis stream-level metrics by StreamName: IncomingRecords and IncomingBytes per record written, GetRecords.Records per read. */
export function countForStream(emulator: Emulator, stream: Stream, metric: 'IncomingRecords' | 'IncomingBytes' | 'GetRecords.Records', value: number, unit: string): void {
  const source = { namespace: 'AWS/Kinesis', accountId: stream.accountId, region: stream.region };
  recordMetric(emulator, source, { MetricName: metric, Dimensions: [{ Name: 'StreamName', Value: stream.name }], Unit: unit, Value: value });
}
