import type { PutRecordBatchInput, PutRecordInput } from '@aws-sdk/client-firehose';
import type { RequestContext } from '../../../core/service.ts';
import { enqueue } from '../delivery/buffer.ts';
import { invalidArgument } from '../errors.ts';
import { newRecordIds } from '../record-id.ts';
import type { FirehoseState } from '../state.ts';
import type { BufferedRecord } from '../stream.ts';

type Ctx = RequestContext<FirehoseState>;

/** PutRecordBatch takes at most 4 MiB of record data per call (500 records and 1,000 KiB per record are in the model). */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

function directPutStream(name: string, ctx: Ctx) {
  const stream = ctx.state.stream(name);
  if (stream.type !== 'DirectPut') throw invalidArgument(`This operation is not permitted on ${stream.type} delivery stream type.`);
  return stream;
}

/**
 * The records to buffer. Data the protocol layer decoded is a Buffer of its own already (a fresh one per record),
 * kept as it is rather than copied; other byte arrays (from another service's call) are copied.
 */
function toRecords(data: Uint8Array[], now: number): BufferedRecord[] {
  const ids = newRecordIds(data.length);
  return data.map((d, i) => ({ id: ids[i], data: Buffer.isBuffer(d) ? d : Buffer.from(d), arrival: now }));
}

export function putRecord(input: PutRecordInput, ctx: Ctx) {
  const stream = directPutStream(input.DeliveryStreamName!, ctx);
  const [record] = toRecords([input.Record!.Data!], ctx.emulator.clock.now());
  enqueue(ctx.emulator, ctx.state, stream, [record]);
  return { RecordId: record.id, Encrypted: stream.encryption.Status === 'ENABLED' };
}

export function putRecordBatch(input: PutRecordBatchInput, ctx: Ctx) {
  const stream = directPutStream(input.DeliveryStreamName!, ctx);
  const total = input.Records!.reduce((sum, r) => sum + (r.Data?.length ?? 0), 0);
  if (total > MAX_BATCH_BYTES) throw invalidArgument('Records size exceeds 4 MB limit');
  const now = ctx.emulator.clock.now();
  const records = toRecords(input.Records!.map((r) => r.Data!), now);
  enqueue(ctx.emulator, ctx.state, stream, records);
  return { FailedPutCount: 0, Encrypted: stream.encryption.Status === 'ENABLED', RequestResponses: records.map((r) => ({ RecordId: r.id })) };
}
