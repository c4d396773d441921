import type { SelectObjectContentEventStream, SelectObjectContentRequest } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { AwsError } from '../../../core/errors.ts';
import type { ObjectBody } from '../body.ts';
import { checkCustomerKey, findVersion } from '../read.ts';
import { requireBucket, type S3Context } from '../registry.ts';
import { selectError } from '../select/errors.ts';
import { accumulate, aggregateCalls, evaluate, type Aggregates, type SelectRecord } from '../select/evaluate.ts';
import { CsvRecord, JsonRecord, csvLine, csvRecords, jsonLine, jsonValues, recordsAlong } from '../select/records.ts';
import { parseQuery, type Projection, type Query } from '../select/sql.ts';

/** Storage classes S3 Select reads (AWS: "Only STANDARD, STANDARD_IA, and ONEZONE_IA storage classes are supported"). */
const SELECTABLE = new Set(['STANDARD', 'STANDARD_IA', 'ONEZONE_IA']);
/** Records events carry the result in pieces of at most this many bytes. */
const RECORDS_CHUNK = 64 * 1024;

async function bytesOf(body: ObjectBody, start: number, end: number): Promise<Buffer> {
  if (end < start) return Buffer.alloc(0);
  const read = body.read(start, end);
  if (Buffer.isBuffer(read)) return read;
  const chunks: Buffer[] = [];
  for await (const chunk of read) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** One format, as AWS requires of InputSerialization and OutputSerialization. */
function onlyFormat<T extends object>(serialization: T | undefined, formats: (keyof T)[]): keyof T {
  const given = formats.filter((f) => serialization?.[f] !== undefined);
  if (given.length === 0) throw selectError('MissingRequiredParameter');
  if (given.length > 1) throw selectError('ObjectSerializationConflict');
  return given[0];
}

function validate(input: SelectObjectContentRequest): Query {
  if (input.ExpressionType !== 'SQL') throw selectError('InvalidExpressionType');
  if (!input.Expression) throw selectError('MissingRequiredParameter');
  const source = onlyFormat(input.InputSerialization, ['CSV', 'JSON', 'Parquet']);
  onlyFormat(input.OutputSerialization, ['CSV', 'JSON']);
  if (source === 'Parquet') throw new AwsError('NotImplemented', 'twinstack does not read Parquet objects in SelectObjectContent (CSV and JSON only)', { status: 501 });
  const header = input.InputSerialization?.CSV?.FileHeaderInfo;
  if (header !== undefined && !['USE', 'IGNORE', 'NONE'].includes(header)) throw selectError('InvalidFileHeaderInfo');
  const jsonType = input.InputSerialization?.JSON?.Type;
  if (jsonType !== undefined && !['DOCUMENT', 'LINES'].includes(jsonType)) throw selectError('InvalidJsonType');
  const quoteFields = input.OutputSerialization?.CSV?.QuoteFields;
  if (quoteFields !== undefined && !['ALWAYS', 'ASNEEDED'].includes(quoteFields)) throw selectError('InvalidQuoteFields');
  const compression = input.InputSerialization?.CompressionType ?? 'NONE';
  if (!['NONE', 'GZIP', 'BZIP2'].includes(compression)) throw selectError('InvalidCompressionFormat');
  if (compression === 'BZIP2') throw new AwsError('NotImplemented', 'twinstack does not decompress BZIP2 objects in SelectObjectContent (NONE and GZIP only)', { status: 501 });
  const range = input.ScanRange;
  if (range) {
    if ((range.Start !== undefined && range.Start < 0) || (range.End !== undefined && range.End < 0) || (range.Start ?? 0) > (range.End ?? Infinity)) {
      throw selectError('InvalidScanRange');
    }
    if (compression !== 'NONE' || (source === 'JSON' && jsonType !== 'LINES')) {
      throw new AwsError('UnsupportedScanRangeInput', 'Scan range queries are not supported on this type of object.', { status: 400 });
    }
  }
  return parseQuery(input.Expression);
}

/**
 * ScanRange: the records that start within [Start, End]; a record cut by Start belongs to the range before it
 * (AWS: "records that start within the scan range").
 */
function scanned(data: Buffer, input: SelectObjectContentRequest): { text: string; bytes: number } {
  const range = input.ScanRange;
  if (!range) return { text: data.toString('utf8'), bytes: data.length };
  const delimiter = Buffer.from(input.InputSerialization?.CSV?.RecordDelimiter ?? '\n');
  let start = range.Start ?? (range.End !== undefined ? Math.max(data.length - range.End, 0) : 0);
  const last = range.Start === undefined && range.End !== undefined ? data.length - 1 : Math.min(range.End ?? data.length - 1, data.length - 1);
  if (start > 0 && !data.subarray(start - delimiter.length, start).equals(delimiter)) {
    const next = data.indexOf(delimiter, start);
    start = next < 0 ? data.length : next + delimiter.length;
  }
  const stop = last < start ? start : data.indexOf(delimiter, last);
  const slice = data.subarray(start, stop < 0 ? data.length : stop + delimiter.length);
  return { text: slice.toString('utf8'), bytes: slice.length };
}

function outputName(projection: Projection, index: number): string {
  if (projection.alias) return projection.alias;
  const last = projection.expr.kind === 'path' ? projection.expr.steps.at(-1) : undefined;
  return last && 'name' in last ? last.name : `_${index + 1}`;
}

/** The result records of a query, serialized as the OutputSerialization says. */
function results(query: Query, records: SelectRecord[], input: SelectObjectContentRequest, now: () => Date): string[] {
  const csv = input.OutputSerialization?.CSV;
  const json = input.OutputSerialization?.JSON;
  const line = (entries: [string, unknown][]) => (csv ? csvLine(entries.map(([, v]) => v), csv) : jsonLine(entries, json!));
  const project = (record: SelectRecord, aggregates?: Aggregates): [string, unknown][] => {
    if (!query.projections) {
      const whole = record instanceof CsvRecord ? record.asObject() : (record as JsonRecord).value;
      if (whole !== null && typeof whole === 'object' && !Array.isArray(whole)) return Object.entries(whole);
      return [['_1', whole]];
    }
    return query.projections.map((p, i) => [outputName(p, i), evaluate(p.expr, record, now, aggregates)]);
  };
  const matching = query.where ? records.filter((r) => evaluate(query.where!, r, now) === true) : records;
  if (query.aggregate) {
    const calls = (query.projections ?? []).flatMap((p) => aggregateCalls(p.expr));
    const aggregates: Aggregates = new Map();
    for (const record of matching) accumulate(calls, aggregates, record, now);
    for (const call of calls) if (!aggregates.has(call)) aggregates.set(call, { count: 0, value: undefined });
    return query.limit === 0 ? [] : [line(project(new JsonRecord({}), aggregates))];
  }
  const limited = query.limit === undefined ? matching : matching.slice(0, query.limit);
  return limited.map((record) => line(project(record)));
}

/**
 * SelectObjectContent (S3 Select): the SQL subset AWS documents over a CSV or JSON object (optionally GZIP), the
 * result as CSV or JSON in Records events, then Progress (when asked for), Stats and End. The whole query runs before
 * the answer starts, so every error is an ordinary S3 error response.
 */
export async function selectObjectContent(input: SelectObjectContentRequest, ctx: S3Context): Promise<{ Payload: AsyncIterable<SelectObjectContentEventStream> }> {
  const bucket = requireBucket(ctx, input);
  const object = findVersion(bucket, input.Key ?? '', undefined, 'POST');
  checkCustomerKey(object, input);
  const query = validate(input);
  if (!SELECTABLE.has(object.storageClass)) throw selectError('UnsupportedStorageClass');
  let data = await bytesOf(object.body, 0, object.body.size - 1);
  const scannedBytes = data.length;
  if (input.InputSerialization?.CompressionType === 'GZIP') {
    try {
      data = gunzipSync(data);
    } catch {
      throw selectError('TruncatedInput');
    }
  }
  const { text, bytes } = scanned(data, input);
  const csv = input.InputSerialization?.CSV;
  const records: SelectRecord[] = csv
    ? csvRecords(text, csv)
    : recordsAlong(jsonValues(text, input.InputSerialization?.JSON?.Type === 'LINES' ? 'LINES' : 'DOCUMENT'), query.from);
  const output = Buffer.from(results(query, records, input, () => ctx.emulator.clock.date()).join(''));
  const stats = { BytesScanned: input.ScanRange ? bytes : scannedBytes, BytesProcessed: bytes, BytesReturned: output.length };
  async function* events(): AsyncGenerator<SelectObjectContentEventStream> {
    for (let at = 0; at < output.length; at += RECORDS_CHUNK) yield { Records: { Payload: output.subarray(at, at + RECORDS_CHUNK) } };
    if (input.RequestProgress?.Enabled) yield { Progress: { Details: stats } };
    yield { Stats: { Details: stats } };
    yield { End: {} };
  }
  return { Payload: events() };
}
