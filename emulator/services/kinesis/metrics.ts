import type { Emulator } from '../../core/emulator.ts';
import { ResourceMetrics } from '../../core/service-metrics.ts';
import type { Stream } from './stream.ts';

const streamMetrics = new ResourceMetrics((stream: Stream) => ({
  source: { namespace: 'AWS/Kinesis', accountId: stream.accountId, region: stream.region },
  dimensions: [{ Name: 'StreamName', Value: stream.name }],
}));

/** AWS/Kinesis stream-level metrics by StreamName: IncomingRecords and IncomingBytes per record written, GetRecords.Records per read. */
export function countForStream(emulator: Emulator, stream: Stream, metric: 'IncomingRecords' | 'IncomingBytes' | 'GetRecords.Records', value: number, unit: string): void {
  streamMetrics.of(emulator, stream, metric, unit).record(value);
}
