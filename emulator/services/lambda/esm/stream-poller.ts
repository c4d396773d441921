import { createHash } from 'node:crypto';
import { parseArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { EventSourceMapping, LambdaState } from '../state.ts';
import { sendFailedBatch } from './failure-destination.ts';
import { filterView, parsePatterns, passes } from './filter.ts';
import { failedItems, mappingCaller, sleep } from './sqs-poller.ts';

type Kind = 'kinesis' | 'dynamodb';
interface StreamRecord {
  sequence: string;
  arrival: number;
  /** Kinesis's partition key, or a DynamoDB item's key: records that share one stay in order (ParallelizationFactor). */
  partitionKey: string;
  event: Record<string, unknown>;
}

/** Which of `lanes` concurrent batches a partition key's records go to: always the same one, so their order holds. */
function laneOf(partitionKey: string, lanes: number): number {
  return createHash('md5').update(partitionKey).digest().readUInt32BE(0) % lanes;
}

const POLL_MS = 250;

/** The `state` a function returned for its tumbling window (kept as it was when it returned none). */
function windowState(payload: Buffer | undefined): unknown {
  try {
    const parsed = JSON.parse(Buffer.from(payload ?? []).toString('utf8') || 'null') as { state?: unknown } | null;
    return parsed && typeof parsed === 'object' && 'state' in parsed ? parsed.state : undefined;
  } catch {
    return undefined;
  }
}

/** JSON as Lambda sends it: timestamps as epoch seconds, binary as base64. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]));
  return value;
}

/**
 * Polls every shard of a Kinesis stream or DynamoDB stream through the service's own operations (GetShardIterator,
 * GetRecords), invokes the function with each batch in order, retries a failing batch (bisecting it when asked) until
 * MaximumRetryAttempts or MaximumRecordAgeInSeconds give up, then sends the batch's description to the on-failure
 * destination and moves on, as AWS does.
 */
export function startStreamPoller(emulator: Emulator, state: LambdaState, mapping: EventSourceMapping, kind: Kind): () => void {
  let stopped = false;
  const streamArn = mapping.config.EventSourceArn!;
  const source = parseArn(streamArn)!;
  const service = kind === 'kinesis' ? 'kinesis' : 'dynamodbstreams';
  const call = <T>(operation: string, input: object) => emulator.call<T>(service, operation, input, { caller: mappingCaller(state, mapping), region: source.region, accountId: source.accountId });
  const arnKey = kind === 'kinesis' ? { StreamARN: streamArn } : { StreamArn: streamArn };
  const alive = () => !stopped && !state.disposed && state.eventSourceMappings.get(mapping.config.UUID!) === mapping;

  async function shards(): Promise<string[]> {
    if (kind === 'kinesis') return ((await call<{ Shards?: { ShardId: string }[] }>('ListShards', arnKey)).Shards ?? []).map((s) => s.ShardId);
    const out = await call<{ StreamDescription?: { Shards?: { ShardId: string }[] } }>('DescribeStream', arnKey);
    return (out.StreamDescription?.Shards ?? []).map((s) => s.ShardId);
  }

  function toRecord(raw: Record<string, unknown>, shardId: string): StreamRecord {
    if (kind === 'kinesis') {
      const arrival = (raw.ApproximateArrivalTimestamp as Date).getTime();
      const sequence = raw.SequenceNumber as string;
      return {
        sequence,
        arrival,
        partitionKey: raw.PartitionKey as string,
        event: {
          kinesis: {
            kinesisSchemaVersion: '1.0',
            partitionKey: raw.PartitionKey,
            sequenceNumber: sequence,
            data: Buffer.from(raw.Data as Uint8Array).toString('base64'),
            approximateArrivalTimestamp: arrival / 1000,
          },
          eventSource: 'aws:kinesis',
          eventVersion: '1.0',
          eventID: `${shardId}:${sequence}`,
          eventName: 'aws:kinesis:record',
          invokeIdentityArn: state.functions.get(mapping.config.FunctionArn!.split(':')[6])?.latest.config.Role,
          awsRegion: source.region,
          eventSourceARN: streamArn,
        },
      };
    }
    const event = plain(raw) as Record<string, unknown>;
    const dynamodb = event.dynamodb as { SequenceNumber: string; ApproximateCreationDateTime: number };
    const keys = JSON.stringify((raw.dynamodb as { Keys?: unknown } | undefined)?.Keys ?? null);
    return { sequence: dynamodb.SequenceNumber, arrival: dynamodb.ApproximateCreationDateTime * 1000, partitionKey: keys, event: { ...event, eventSourceARN: streamArn } };
  }

  /**
   * What a filter pattern is matched against: a DynamoDB record as sent; a Kinesis record with its data decoded (JSON
   * parsed) at the top level as `data`, the only key AWS filters Kinesis records on (with-kinesis-filtering.html).
   */
  function filterable(record: StreamRecord): Record<string, unknown> {
    if (kind !== 'kinesis') return record.event;
    const inner = record.event.kinesis as Record<string, unknown>;
    return filterView(record.event, 'data', Buffer.from(inner.data as string, 'base64').toString('utf8'));
  }

  /** One invocation with a batch (and a tumbling window's fields); `state` is what the function returned for its window. */
  async function invoke(records: StreamRecord[], window?: Record<string, unknown>): Promise<{ ok: boolean; failedFrom?: number; state?: unknown; functionError?: string }> {
    try {
      const out = await emulator.call<{ FunctionError?: string; Payload?: Buffer }>(
        'lambda',
        'Invoke',
        { FunctionName: mapping.config.FunctionArn, Payload: Buffer.from(JSON.stringify({ Records: records.map((r) => r.event), ...window })) },
        { caller: mappingCaller(state, mapping), region: state.region, accountId: state.accountId },
      );
      if (out.FunctionError) return { ok: false, functionError: out.FunctionError };
      const returned = window ? windowState(out.Payload) : undefined;
      if (!mapping.config.FunctionResponseTypes?.includes('ReportBatchItemFailures')) return { ok: true, state: returned };
      const failed = failedItems(out.Payload ?? Buffer.alloc(0), records.map((r) => r.sequence));
      if (failed.size === 0) return { ok: true, state: returned };
      const first = records.findIndex((r) => failed.has(r.sequence));
      return { ok: false, failedFrom: first };
    } catch {
      return { ok: false, functionError: 'Unhandled' };
    }
  }

  /**
   * The on-failure record: `functionError` is the last invocation's (null when the function answered, but with batch
   * item failures: AWS-recorded test_kinesis_report_batch_item_failure_scenarios), none for a batch that aged out.
   */
  function sendToFailureDestination(shardId: string, batch: StreamRecord[], condition: string, attempts: number, functionError: string | null = null) {
    if (!mapping.config.DestinationConfig?.OnFailure?.Destination) return;
    const info = {
      shardId,
      startSequenceNumber: batch[0].sequence,
      endSequenceNumber: batch.at(-1)!.sequence,
      approximateArrivalOfFirstRecord: new Date(batch[0].arrival).toISOString(),
      approximateArrivalOfLastRecord: new Date(batch.at(-1)!.arrival).toISOString(),
      batchSize: batch.length,
      streamArn,
    };
    const record = {
      requestContext: { requestId: crypto.randomUUID(), functionArn: mapping.config.FunctionArn, condition, approximateInvokeCount: attempts },
      // A batch that aged out was not invoked for this record: AWS's has no responseContext (expire-while-retrying).
      ...(condition === 'RecordAgeExceeded' ? {} : { responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError } }),
      version: '1.0',
      timestamp: emulator.clock.date().toISOString(),
      [kind === 'kinesis' ? 'KinesisBatchInfo' : 'DDBStreamBatchInfo']: info,
    };
    sendFailedBatch(emulator, state, mapping, mappingCaller(state, mapping), { record, shardId, payload: { Records: batch.map((r) => r.event) } });
  }

  /**
   * Delivers one batch, retrying and bisecting as configured; resolves when the batch is done with (either way), with
   * the state the function returned for its tumbling window.
   */
  async function process(shardId: string, batch: StreamRecord[], window?: Record<string, unknown>): Promise<unknown> {
    const config = mapping.config;
    let attempts = 0;
    let pending = batch;
    while (pending.length && alive()) {
      const maxAge = config.MaximumRecordAgeInSeconds ?? -1;
      // Records older than MaximumRecordAgeInSeconds (a prefix: they are in arrival order) are discarded to the
      // destination; the rest of the batch is still delivered (AWS-recorded test_kinesis_maximum_record_age_exceeded_discard_records).
      const expired = maxAge >= 0 ? pending.findIndex((r) => emulator.clock.now() - r.arrival <= maxAge * 1000) : 0;
      if (expired !== 0) {
        // AWS counts the attempt that found the records too old: 1 for records that expired before their first
        // invocation (AWS-recorded expire-before-ingestion).
        sendToFailureDestination(shardId, expired === -1 ? pending : pending.slice(0, expired), 'RecordAgeExceeded', attempts + 1);
        if (expired === -1) return;
        pending = pending.slice(expired);
      }
      attempts++;
      const result = await invoke(pending, window);
      if (result.ok) return result.state;
      if (result.failedFrom !== undefined && result.failedFrom > 0) pending = pending.slice(result.failedFrom);
      const retries = config.MaximumRetryAttempts ?? -1;
      if (retries >= 0 && attempts > retries) {
        if (config.BisectBatchOnFunctionError && pending.length > 1) {
          const half = Math.ceil(pending.length / 2);
          await process(shardId, pending.slice(0, half), window);
          return process(shardId, pending.slice(half), window);
        }
        sendToFailureDestination(shardId, pending, 'RetryAttemptsExhausted', attempts, result.functionError ?? null);
        return;
      }
      await sleep(Math.min(1000, 50 * 2 ** attempts));
    }
  }

  function parallelization(): number {
    return mapping.config.TumblingWindowInSeconds ? 1 : (mapping.config.ParallelizationFactor ?? 1);
  }

  /**
   * ParallelizationFactor: the records read from a shard split into that many lanes by partition key, each lane's
   * batches (of BatchSize) delivered in order while the lanes run at once, so order holds per partition key, as
   * AWS documents; the shard reads on once every lane is done.
   */
  async function processConcurrently(shardId: string, records: StreamRecord[]): Promise<void> {
    const lanes = parallelization();
    const batchSize = mapping.config.BatchSize ?? 100;
    const byLane = new Map<number, StreamRecord[]>();
    for (const record of records) {
      const lane = lanes > 1 ? laneOf(record.partitionKey, lanes) : 0;
      const list = byLane.get(lane);
      if (list) list.push(record);
      else byLane.set(lane, [record]);
    }
    await Promise.all(
      [...byLane.values()].map(async (laneRecords) => {
        for (let at = 0; at < laneRecords.length && alive(); at += batchSize) await process(shardId, laneRecords.slice(at, at + batchSize));
      }),
    );
  }

  /** An iterator at the mapping's starting position, or just after the last record read. */
  async function iteratorFor(shardId: string, after: string | undefined): Promise<string | undefined> {
    const position = after ? 'AFTER_SEQUENCE_NUMBER' : (mapping.config.StartingPosition ?? 'LATEST');
    const out = await call<{ ShardIterator?: string }>('GetShardIterator', {
      ...arnKey,
      ShardId: shardId,
      ShardIteratorType: position,
      ...(after ? { StartingSequenceNumber: after } : {}),
      ...(position === 'AT_TIMESTAMP' ? { Timestamp: mapping.config.StartingPositionTimestamp } : {}),
    });
    return out.ShardIterator;
  }

  /** GetRecords; an iterator that expired (five minutes, which a jump of the clock also makes) is replaced. */
  async function read(shardId: string, iterator: string, after: string | undefined) {
    // With a ParallelizationFactor, one read feeds that many concurrent batches.
    const input = (it: string) => ({ ShardIterator: it, Limit: Math.min((mapping.config.BatchSize ?? 100) * parallelization(), 10_000) });
    try {
      return await call<{ Records?: Record<string, unknown>[]; NextShardIterator?: string }>('GetRecords', input(iterator));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ExpiredIteratorException') throw error;
      const fresh = await iteratorFor(shardId, after);
      return fresh ? call<{ Records?: Record<string, unknown>[]; NextShardIterator?: string }>('GetRecords', input(fresh)) : {};
    }
  }

  async function pollShard(shardId: string) {
    const config = mapping.config;
    let last: string | undefined;
    let iterator = await iteratorFor(shardId, undefined);
    const windows = new TumblingWindows(shardId);
    while (iterator && alive()) {
      if (config.State !== 'Enabled') {
        await sleep(200);
        continue;
      }
      let out: Awaited<ReturnType<typeof read>>;
      try {
        out = await read(shardId, iterator, last);
      } catch (error) {
        // A stream that is gone ends the shard's polling; anything else (throttling...) is tried again, as AWS's pollers do.
        if ((error as { code?: string }).code === 'ResourceNotFoundException') return;
        await sleep(1000);
        continue;
      }
      iterator = out.NextShardIterator;
      const sequences = (out.Records ?? []).map((r) => (kind === 'kinesis' ? r.SequenceNumber : (r.dynamodb as { SequenceNumber?: string } | undefined)?.SequenceNumber));
      last = (sequences.at(-1) as string | undefined) ?? last;
      const patterns = parsePatterns(config.FilterCriteria?.Filters);
      const records = (out.Records ?? []).map((r) => toRecord(r, shardId)).filter((r) => passes(patterns, filterable(r)));
      if (records.length && (config.TumblingWindowInSeconds ?? 0) > 0) {
        await windows.deliver(records);
        config.LastProcessingResult = 'OK';
      } else if (records.length) {
        await processConcurrently(shardId, records);
        config.LastProcessingResult = 'OK';
      } else {
        await windows.closeIfEnded();
        await sleep(POLL_MS);
      }
    }
  }

  /**
   * Tumbling windows (TumblingWindowInSeconds): records are grouped into windows aligned on multiples of the window
   * length, by arrival time; each invocation carries the window, the state the function returned for it last
   * (`{"state": {...}}`), the shard and the source; once the window has ended, a final invocation with no records and
   * isFinalInvokeForWindow true hands over the aggregate, as AWS does.
   */
  class TumblingWindows {
    private open?: { start: number; state: unknown };

    constructor(private readonly shardId: string) {}

    private fields(final: boolean): Record<string, unknown> {
      const lengthMs = (mapping.config.TumblingWindowInSeconds ?? 0) * 1000;
      const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        window: { start: iso(this.open!.start), end: iso(this.open!.start + lengthMs) },
        state: this.open!.state,
        shardId: this.shardId,
        eventSourceARN: streamArn,
        isFinalInvokeForWindow: final,
        isWindowTerminatedEarly: false,
      };
    }

    async deliver(records: StreamRecord[]) {
      const lengthMs = (mapping.config.TumblingWindowInSeconds ?? 0) * 1000;
      let from = 0;
      while (from < records.length) {
        const start = Math.floor(records[from].arrival / lengthMs) * lengthMs;
        let to = from;
        while (to < records.length && Math.floor(records[to].arrival / lengthMs) * lengthMs === start) to++;
        if (this.open && this.open.start !== start) await this.close();
        this.open ??= { start, state: {} };
        const returned = await process(this.shardId, records.slice(from, to), this.fields(false));
        if (this.open && returned !== undefined) this.open.state = returned;
        from = to;
      }
    }

    async closeIfEnded() {
      const lengthMs = (mapping.config.TumblingWindowInSeconds ?? 0) * 1000;
      if (this.open && emulator.clock.now() >= this.open.start + lengthMs) await this.close();
    }

    private async close() {
      await invoke([], this.fields(true));
      this.open = undefined;
    }
  }

  void (async () => {
    try {
      await Promise.all((await shards()).map((id) => pollShard(id).catch(() => undefined)));
    } catch {
      // the stream went away: the mapping stays, as on AWS, with nothing to read
    }
  })();
  return () => {
    stopped = true;
  };
}
