import type { BufferingHints } from '@aws-sdk/client-firehose';
import type { Emulator } from '../../../core/emulator.ts';
import type { FirehoseState } from '../state.ts';
import type { BufferedRecord, DeliveryStream } from '../stream.ts';
import { bufferingHints, deliverBatch } from './destination-writer.ts';

const MiB = 1024 * 1024;

function arm(emulator: Emulator, state: FirehoseState, stream: DeliveryStream) {
  stream.cancelFlush?.();
  if (stream.flushDueAt === undefined) return;
  stream.cancelFlush = emulator.schedule(() => flush(emulator, state, stream), Math.max(0, stream.flushDueAt - emulator.clock.now()));
}

/**
 * Adds records to a stream's buffer. The buffer is delivered when it reaches the destination's SizeInMBs or when
 * IntervalInSeconds (emulator clock) have passed since its first record, whichever comes first.
 */
export function enqueue(emulator: Emulator, state: FirehoseState, stream: DeliveryStream, records: BufferedRecord[]) {
  if (!records.length) return;
  const hints: BufferingHints = bufferingHints(stream.destination);
  stream.buffer.push(...records);
  for (const r of records) stream.bufferedBytes += r.data.length;
  if (stream.bufferedBytes >= (hints.SizeInMBs ?? 5) * MiB) {
    stream.flushDueAt = emulator.clock.now();
    arm(emulator, state, stream);
  } else if (stream.flushDueAt === undefined) {
    stream.flushDueAt = emulator.clock.now() + (hints.IntervalInSeconds ?? 300) * 1000;
    arm(emulator, state, stream);
  }
}

/** Delivers what the buffer holds now; deliveries of one stream happen one after the other, in order. */
export function flush(emulator: Emulator, state: FirehoseState, stream: DeliveryStream): Promise<void> {
  const records = stream.buffer;
  stream.buffer = [];
  stream.bufferedBytes = 0;
  stream.flushDueAt = undefined;
  stream.cancelFlush?.();
  stream.cancelFlush = undefined;
  const previous = stream.flushing ?? Promise.resolve();
  const alive = () => !state.disposed && state.streams.get(stream.name) === stream;
  const run = previous
    .then(() => (records.length && alive() ? deliverBatch(emulator, state, stream, records, alive) : undefined))
    .catch(() => undefined)
    // The emptied buffer is logged once its records are delivered (until then a restart delivers them again).
    .then(() => emulator.changedInBackground('firehose'));
  stream.flushing = run;
  void run.then(() => {
    if (stream.flushing === run) stream.flushing = undefined;
  });
  return run;
}

/** Re-arms the flush timer of a restored stream (its buffer was saved with it). */
export function rearm(emulator: Emulator, state: FirehoseState, stream: DeliveryStream) {
  arm(emulator, state, stream);
}
