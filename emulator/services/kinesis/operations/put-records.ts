import type { PutRecordCommandInput, PutRecordsCommandInput, PutRecordsRequestEntry } from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument, validation } from '../errors.ts';
import { HASH_KEY_MAX, hashKeyText, partitionKeyHashText } from '../hash-keys.ts';
import { PUT_RECORDS_MAX_BYTES } from '../limits.ts';
import { shardIndexOf } from '../sequence-numbers.ts';
import type { KinesisState } from '../state.ts';
import { countForStream } from '../metrics.ts';
import type { Stream } from '../stream.ts';

type Ctx = RequestContext<KinesisState>;

/** Records carry EncryptionType only when the stream encrypts them. */
function encryptionOf(stream: Stream) {
  return stream.encryption.type === 'KMS' ? 'KMS' : undefined;
}

/** The record's hash key, as hashKeyText writes it. */
function hashKeyOf(entry: { PartitionKey?: string; ExplicitHashKey?: string }): string {
  if (entry.ExplicitHashKey === undefined) return partitionKeyHashText(entry.PartitionKey!);
  const key = BigInt(entry.ExplicitHashKey);
  if (key > HASH_KEY_MAX) {
    throw invalidArgument(`Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${entry.ExplicitHashKey}`);
  }
  return hashKeyText(key);
}

/**
 * The stream's maximum record size (1 MiB unless raised with UpdateMaxRecordSize). A data blob over it breaks the
 * model's length constraint, reported as Coral words it (AWS's own answer, quoted in awslabs/kinesis-aggregation
 * issue 30). The limit counts the partition key too (API reference, PutRecordsRequestEntry `Data`: "When the data blob
 * ... is added to the partition key size, the total size must not exceed the maximum record size"); a record over it
 * only with its key is refused like an oversized batch ("Records size exceeds 5 MB limit", AWS's answer quoted in
 * aws/amazon-kinesis-streams-for-fluent-bit PR 20) — AWS's wording for this case is not published.
 */
function checkRecordSize(stream: Stream, entry: { Data?: Uint8Array; PartitionKey?: string }, path: string): number {
  const max = stream.maxRecordSizeKiB * 1024;
  const data = entry.Data!;
  if (data.length > max) {
    throw validation(
      `1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=${data.length} cap=${data.length}]' at '${path}' ` +
        `failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  }
  const size = data.length + Buffer.byteLength(entry.PartitionKey!, 'utf8');
  if (size > max) throw invalidArgument(`Record size exceeds ${stream.maxRecordSizeKiB / 1024} MB limit`);
  return size;
}

function append(stream: Stream, entry: PutRecordsRequestEntry | PutRecordCommandInput, ctx: Ctx) {
  const now = ctx.emulator.clock.now();
  stream.trimOnWrite(now);
  const shard = stream.shardFor(hashKeyOf(entry));
  const { sequenceNumber } = shard.append(entry.Data!, entry.PartitionKey!, now);
  countForStream(ctx.emulator, stream, 'IncomingRecords', 1, 'Count');
  countForStream(ctx.emulator, stream, 'IncomingBytes', entry.Data!.length, 'Bytes');
  return { shard, sequenceNumber };
}

export function putRecord(input: PutRecordCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  checkRecordSize(stream, input, 'data');
  if (input.SequenceNumberForOrdering !== undefined && shardIndexOf(BigInt(input.SequenceNumberForOrdering)) === undefined) {
    throw invalidArgument(
      `ExclusiveMinimumSequenceNumber ${input.SequenceNumberForOrdering} used in PutRecord on stream ${stream.name} under account ${stream.accountId} is invalid.`,
    );
  }
  const { shard, sequenceNumber } = append(stream, input, ctx);
  return { ShardId: shard.id, SequenceNumber: sequenceNumber, EncryptionType: encryptionOf(stream) };
}

export function putRecords(input: PutRecordsCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const entries = input.Records!;
  let total = 0;
  entries.forEach((entry, i) => {
    total += checkRecordSize(stream, entry, `records.${i + 1}.member.data`);
    hashKeyOf(entry);
  });
  if (total > PUT_RECORDS_MAX_BYTES) {
    throw invalidArgument(`Records size exceeds 5 MB limit`);
  }
  return {
    FailedRecordCount: 0,
    Records: entries.map((entry) => {
      const { shard, sequenceNumber } = append(stream, entry, ctx);
      return { SequenceNumber: sequenceNumber, ShardId: shard.id };
    }),
    EncryptionType: encryptionOf(stream),
  };
}
