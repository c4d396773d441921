import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Processor, ProcessingConfiguration } from '@aws-sdk/client-firehose';
import { parseArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import type { BufferedRecord, DeliveryStream } from '../stream.ts';
import { compileJq, JqError } from './jq.ts';
import { splitJsonObjects } from './json-objects.ts';

/** A record on its way to the destination, after the processors that ran so far. */
export interface ProcessedRecord {
  source: BufferedRecord;
  data: Buffer;
  queryKeys?: Record<string, string>;
  lambdaKeys?: Record<string, string>;
}

/** A record that goes to the error output, with the document Firehose writes for it. */
export interface FailedRecord {
  source: BufferedRecord;
  errorOutputType: string;
  document: Record<string, unknown>;
}

export interface ProcessingResult {
  ok: ProcessedRecord[];
  failed: FailedRecord[];
}

const MiB = 1024 * 1024;

function parameter(processor: Processor | undefined, name: string): string | undefined {
  return processor?.Parameters?.find((p) => p.ParameterName === name)?.ParameterValue;
}

function processorOf(config: ProcessingConfiguration | undefined, type: string): Processor | undefined {
  return config?.Enabled ? config.Processors?.find((p) => p.Type === type) : undefined;
}

export interface ProcessingContext {
  emulator: Emulator;
  stream: DeliveryStream;
  caller: Caller;
  region: string;
}

function failure(source: BufferedRecord, type: string, code: string, message: string, now: number, extra: Record<string, unknown> = {}): FailedRecord {
  return {
    source,
    errorOutputType: type,
    document: {
      attemptsMade: 1,
      arrivalTimestamp: source.arrival,
      errorCode: code,
      errorMessage: message,
      attemptEndingTimestamp: now,
      rawData: source.data.toString('base64'),
      ...extra,
    },
  };
}

/** CloudWatch Logs subscription data: one record per log event of DATA_MESSAGEs; CONTROL_MESSAGEs are dropped. */
function extractLogMessages(record: ProcessedRecord): ProcessedRecord[] {
  const message = JSON.parse(record.data.toString('utf8')) as { messageType?: string; logEvents?: { message: string }[] };
  if (message.messageType !== 'DATA_MESSAGE') return [];
  return (message.logEvents ?? []).map((e) => ({ ...record, data: Buffer.from(`${e.message}\n`) }));
}

/** Multi-record deaggregation: consecutive JSON objects (`{"a":1}{"a":2}`, or one per line), or a delimiter. */
function deaggregate(record: ProcessedRecord, processor: Processor): ProcessedRecord[] {
  const type = parameter(processor, 'SubRecordType') ?? 'JSON';
  const text = record.data.toString('utf8');
  if (type === 'DELIMITED') {
    const delimiter = Buffer.from(parameter(processor, 'Delimiter') ?? '', 'base64').toString('utf8');
    if (!delimiter) throw new SyntaxError('The Delimiter parameter of a DELIMITED deaggregation is empty');
    return text.split(delimiter).filter((s) => s.length).map((s) => ({ ...record, data: Buffer.from(s) }));
  }
  return splitJsonObjects(text).map((object) => ({ ...record, data: Buffer.from(object) }));
}

interface LambdaResultRecord {
  recordId?: string;
  result?: string;
  data?: string;
  metadata?: { partitionKeys?: Record<string, unknown> };
}

/** Invokes the transformation function with batches of at most BufferSizeInMBs, retrying NumberOfRetries times. */
async function transform(records: ProcessedRecord[], processor: Processor, ctx: ProcessingContext, failed: FailedRecord[]): Promise<ProcessedRecord[]> {
  const functionArn = parameter(processor, 'LambdaArn')!;
  const retries = Number(parameter(processor, 'NumberOfRetries') ?? 3);
  const batchBytes = Number(parameter(processor, 'BufferSizeInMBs') ?? 1) * MiB;
  const target = parseArn(functionArn);
  const kinesis = ctx.stream.kinesisSource;
  const out: ProcessedRecord[] = [];
  const batches: ProcessedRecord[][] = [];
  let size = 0;
  for (const record of records) {
    if (!batches.length || size + record.data.length > batchBytes) {
      batches.push([]);
      size = 0;
    }
    batches.at(-1)!.push(record);
    size += record.data.length;
  }
  for (const batch of batches) {
    const event = {
      invocationId: randomUUID(),
      ...(kinesis ? { sourceKinesisStreamArn: kinesis.KinesisStreamARN } : {}),
      deliveryStreamArn: ctx.stream.arn,
      region: ctx.region,
      records: batch.map((r) => ({
        recordId: r.source.id,
        approximateArrivalTimestamp: r.source.arrival,
        data: r.data.toString('base64'),
        ...(r.source.kinesis ? { kinesisRecordMetadata: { ...r.source.kinesis, subsequenceNumber: '' } } : {}),
      })),
    };
    let attempts = 0;
    let error: { code: string; message: string } | undefined;
    let results: LambdaResultRecord[] | undefined;
    while (attempts <= retries && !results) {
      attempts++;
      try {
        const output = await ctx.emulator.call<{ FunctionError?: string; Payload?: Uint8Array }>(
          'lambda',
          'Invoke',
          { FunctionName: functionArn, Payload: Buffer.from(JSON.stringify(event)) },
          { caller: ctx.caller, region: target?.region || ctx.region, accountId: target?.accountId || ctx.caller.accountId },
        );
        const payload = Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8');
        if (output.FunctionError) {
          const parsed = JSON.parse(payload || '{}') as { errorMessage?: string };
          error = { code: 'Lambda.FunctionError', message: `The Lambda function was successfully invoked but it returned an error result. ${parsed.errorMessage ?? ''}`.trim() };
          continue;
        }
        const parsed = JSON.parse(payload) as { records?: LambdaResultRecord[] };
        if (!Array.isArray(parsed?.records)) throw new SyntaxError('records missing');
        results = parsed.records;
      } catch (e) {
        const name = (e as { code?: string }).code;
        error =
          e instanceof SyntaxError
            ? { code: 'Lambda.JsonProcessingException', message: 'The response from the Lambda function could not be parsed as JSON.' }
            : { code: name === 'ResourceNotFoundException' ? 'Lambda.FunctionNotFound' : 'Lambda.InvokeFailed', message: (e as Error).message };
      }
    }
    const now = ctx.emulator.clock.now();
    if (!results) {
      for (const r of batch) failed.push(failure(r.source, 'processing-failed', error!.code, error!.message, now, { attemptsMade: attempts, lambdaArn: functionArn }));
      continue;
    }
    const byId = new Map(results.map((r) => [r.recordId, r]));
    for (const record of batch) {
      const result = byId.get(record.source.id);
      if (!result) {
        failed.push(failure(record.source, 'processing-failed', 'Lambda.MissingRecordId', 'One or more record Ids were not returned. Ensure that the Lambda function returns all received record Ids.', now, { attemptsMade: attempts, lambdaArn: functionArn }));
      } else if (result.result === 'Dropped') {
        continue;
      } else if (result.result !== 'Ok') {
        const code = result.result === 'ProcessingFailed' ? 'Lambda.ProcessingFailedStatus' : 'Lambda.InvalidRecordResult';
        failed.push(failure(record.source, 'processing-failed', code, `The Lambda function returned the result ${result.result} for this record.`, now, { attemptsMade: attempts, lambdaArn: functionArn }));
      } else {
        const keys = result.metadata?.partitionKeys;
        out.push({
          ...record,
          data: Buffer.from(result.data ?? '', 'base64'),
          lambdaKeys: keys ? Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) : undefined,
        });
      }
    }
  }
  return out;
}

/** Inline parsing: the jq query's object gives the partition keys (`partitionKeyFromQuery`). */
function extractMetadata(records: ProcessedRecord[], processor: Processor, now: number, failed: FailedRecord[]): ProcessedRecord[] {
  const query = compileJq(parameter(processor, 'MetadataExtractionQuery') ?? '.');
  const out: ProcessedRecord[] = [];
  for (const record of records) {
    try {
      const value = query(JSON.parse(record.data.toString('utf8')));
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new JqError('The metadata extraction query did not return a JSON object');
      const keys: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === null || v === undefined) throw new JqError(`The partition key ${k} is missing in the record`);
        keys[k] = typeof v === 'string' ? v : JSON.stringify(v);
      }
      out.push({ ...record, queryKeys: keys });
    } catch (e) {
      failed.push(failure(record.source, 'partitioning-failed', 'DynamicPartitioning.MetadataExtractionFailed', `Non JSON record provided or failed to evaluate the query: ${(e as Error).message}`, now));
    }
  }
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\' };

/** The AppendDelimiterToRecord parameter as written in the configuration: `\n`, `\t`... stand for their characters. */
function unescapeDelimiter(value: string): string {
  return value.replace(/\\([nrt\\])/g, (_, c: string) => ESCAPES[c]);
}

/**
 * Runs a destination's processors over buffered records, in Firehose's order: decompression and CloudWatch Logs
 * extraction, deaggregation, the Lambda transformation, inline metadata extraction, then the record delimiter.
 */
export async function processRecords(records: BufferedRecord[], config: ProcessingConfiguration | undefined, ctx: ProcessingContext): Promise<ProcessingResult> {
  const failed: FailedRecord[] = [];
  let current: ProcessedRecord[] = records.map((source) => ({ source, data: source.data }));
  const now = () => ctx.emulator.clock.now();
  const perRecord = (type: string, code: string, step: (r: ProcessedRecord) => ProcessedRecord[]) => {
    current = current.flatMap((r) => {
      try {
        return step(r);
      } catch (e) {
        failed.push(failure(r.source, type, code, (e as Error).message, now()));
        return [];
      }
    });
  };
  const decompression = processorOf(config, 'Decompression');
  if (decompression) perRecord('decompression-failed', 'Decompression.Failed', (r) => [{ ...r, data: gunzipSync(r.data) }]);
  const logs = processorOf(config, 'CloudWatchLogProcessing');
  if (logs && parameter(logs, 'DataMessageExtraction') === 'true') perRecord('processing-failed', 'CloudWatchLogProcessing.Failed', extractLogMessages);
  const deaggregation = processorOf(config, 'RecordDeAggregation');
  if (deaggregation) perRecord('processing-failed', 'RecordDeAggregation.Failed', (r) => deaggregate(r, deaggregation));
  const lambda = processorOf(config, 'Lambda');
  if (lambda) current = await transform(current, lambda, ctx, failed);
  const metadata = processorOf(config, 'MetadataExtraction');
  if (metadata) current = extractMetadata(current, metadata, now(), failed);
  const delimiter = processorOf(config, 'AppendDelimiterToRecord');
  if (delimiter) {
    const text = unescapeDelimiter(parameter(delimiter, 'Delimiter') ?? '\\n');
    current = current.map((r) => ({ ...r, data: Buffer.concat([r.data, Buffer.from(text)]) }));
  }
  return { ok: current, failed };
}
