import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { AttributeDefinition, DescribeImportCommandInput, ImportTableCommandInput, ImportTableDescription, ListImportsCommandInput } from '@aws-sdk/client-dynamodb';
import { decompress } from 'fzstd';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { itemSize } from '../expressions/index.ts';
import { parseCsv } from '../s3-data/csv.ts';
import { itemFromJson } from '../s3-data/dynamodb-json.ts';
import { IonSyntaxError, ionField, itemFromIon, parseIon } from '../s3-data/ion.ts';
import { getObject, listKeys } from '../s3-data/s3-io.ts';
import type { DynamoState } from '../state.ts';
import type { Table } from '../table.ts';
import type { Item } from '../values.ts';
import { jobId, pageOf, progressed } from './jobs.ts';

type Ctx = RequestContext<DynamoState>;

const MAX_ITEM_BYTES = 400 * 1024;

/** Data that does not decompress (fzstd throws plain Errors: this tells them from the emulator's own). */
class InvalidCompression extends Error {}

function unzstd(body: Buffer): Buffer {
  try {
    return Buffer.from(decompress(body));
  } catch (error) {
    throw new InvalidCompression((error as Error).message);
  }
}

export interface ImportJob {
  description: ImportTableDescription;
  fingerprint: string;
}

/** The items of one S3 object in the import's format; lines that are not items count as errors. */
function itemsOf(text: string, input: ImportTableCommandInput, definitions: AttributeDefinition[]): { items: Item[]; errors: number; processed: number } {
  const items: Item[] = [];
  let errors = 0;
  if (input.InputFormat === 'ION') {
    // Ion text: a struct with an `Item` field per item, as exports write it; an object that is not Ion fails as a whole.
    let values: ReturnType<typeof parseIon>;
    try {
      values = parseIon(text);
    } catch (error) {
      if (!(error instanceof IonSyntaxError)) throw error;
      return { items, errors: 1, processed: 1 };
    }
    for (const value of values) {
      const item = itemFromIon(ionField(value, 'Item'));
      if (item) items.push(item);
      else errors++;
    }
    return { items, errors, processed: values.length };
  }
  if (input.InputFormat === 'DYNAMODB_JSON') {
    const lines = text.split('\n').filter((line) => line.trim());
    for (const line of lines) {
      let item: Item | undefined;
      try {
        const parsed = JSON.parse(line);
        item = parsed && typeof parsed === 'object' && Object.keys(parsed).length === 1 ? itemFromJson(parsed.Item) : undefined;
      } catch {
        item = undefined;
      }
      if (item) items.push(item);
      else errors++;
    }
    return { items, errors, processed: lines.length };
  }
  // CSV: the first line is the header unless HeaderList names the columns; key attributes take their defined
  // types, every other value is a string, and empty values are left out.
  const csv = input.InputFormatOptions?.Csv;
  const rows = parseCsv(text, csv?.Delimiter ?? ',');
  const header = csv?.HeaderList ?? rows.shift() ?? [];
  const types = new Map(definitions.map((d) => [d.AttributeName!, d.AttributeType!]));
  for (const row of rows) {
    const item: Item = {};
    row.forEach((value, i) => {
      const name = header[i];
      if (name === undefined || value === '') return;
      const type = types.get(name) ?? 'S';
      item[name] = type === 'B' ? { B: Buffer.from(value, 'base64') } : type === 'N' ? { N: value } : { S: value };
    });
    items.push(item);
  }
  return { items, errors, processed: rows.length };
}

/** Whether an item can go into the table: it has the table's key attributes with their types, within the size limit. */
function fits(table: Table, item: Item): boolean {
  for (const element of table.keySchema) {
    const value = item[element.AttributeName!];
    const type = table.attributeType(element.AttributeName!);
    if (!value || !type || !(type in value) || (type === 'S' && value.S === '')) return false;
  }
  return itemSize(item) <= MAX_ITEM_BYTES;
}

/** Reads every object under the source prefix into the new table; returns the counts DescribeImport reports. */
async function load(ctx: Ctx, input: ImportTableCommandInput, table: Table) {
  const source = input.S3BucketSource!;
  const objects = await listKeys(ctx, source.S3Bucket!, source.S3KeyPrefix ?? '', source.S3BucketOwner);
  const counts = { ProcessedSizeBytes: 0, ProcessedItemCount: 0, ImportedItemCount: 0, ErrorCount: 0 };
  for (const object of objects) {
    let body = await getObject(ctx, source.S3Bucket!, object.key, source.S3BucketOwner);
    counts.ProcessedSizeBytes += body.length;
    if (input.InputCompressionType === 'GZIP') body = gunzipSync(body);
    if (input.InputCompressionType === 'ZSTD') body = unzstd(body);
    const { items, errors, processed } = itemsOf(body.toString('utf8'), input, input.TableCreationParameters!.AttributeDefinitions!);
    counts.ProcessedItemCount += processed;
    counts.ErrorCount += errors;
    for (const item of items) {
      if (!fits(table, item)) {
        counts.ErrorCount++;
        continue;
      }
      table.write(table.keyOf(item), item);
      counts.ImportedItemCount++;
    }
  }
  return counts;
}

export async function importTable(input: ImportTableCommandInput, ctx: Ctx) {
  const fingerprint = JSON.stringify({ ...input, ClientToken: undefined });
  if (input.ClientToken) {
    const previous = [...ctx.state.imports.values()].find((job) => job.description.ClientToken === input.ClientToken);
    if (previous && previous.fingerprint !== fingerprint) throw new AwsError('ImportConflictException', `Import with client token ${input.ClientToken} already exists with different parameters.`);
    if (previous) return { ImportTableDescription: progressed(previous.description, ctx) };
  }
  // The new table is made through CreateTable, so that its parameters are checked (billing mode first) as there.
  const parameters = input.TableCreationParameters!;
  await ctx.emulator.call('dynamodb', 'CreateTable', { ...parameters }, { caller: ctx.caller, region: ctx.region, accountId: ctx.accountId });
  const table = ctx.state.tables.get(parameters.TableName!)!;
  const now = ctx.emulator.clock.date();
  const { id, started, ends } = jobId(now);
  const description: ImportTableDescription = {
    ImportArn: `${table.arn}/import/${id}`,
    ImportStatus: 'COMPLETED',
    TableArn: table.arn,
    TableId: table.id,
    ClientToken: input.ClientToken ?? randomBytes(16).toString('hex'),
    S3BucketSource: input.S3BucketSource,
    InputFormat: input.InputFormat,
    InputFormatOptions: input.InputFormatOptions,
    InputCompressionType: input.InputCompressionType ?? 'NONE',
    TableCreationParameters: parameters,
    StartTime: started,
    EndTime: ends,
  };
  try {
    Object.assign(description, await load(ctx, input, table));
  } catch (error) {
    if (!(error instanceof AwsError) && !(error instanceof Error && ('errno' in error || error instanceof InvalidCompression))) throw error;
    // The import was accepted; reading the source failed (a missing bucket, data that is not gzip): the import
    // fails and the table it created is removed.
    const code = error instanceof AwsError ? error.code : 'InvalidCompression';
    Object.assign(description, { ImportStatus: 'FAILED', FailureCode: code, FailureMessage: error.message });
    ctx.state.tables.delete(table.name);
  }
  ctx.state.imports.set(description.ImportArn!, { description, fingerprint });
  return { ImportTableDescription: progressed(description, ctx) };
}

export function describeImport(input: DescribeImportCommandInput, ctx: Ctx) {
  const job = ctx.state.imports.get(input.ImportArn!);
  if (!job) throw new AwsError('ImportNotFoundException', `Import not found: ${input.ImportArn}`);
  return { ImportTableDescription: progressed(job.description, ctx) };
}

export function listImports(input: ListImportsCommandInput, ctx: Ctx) {
  const all = [...ctx.state.imports.values()]
    .map((job) => progressed(job.description, ctx))
    .filter((d) => !input.TableArn || d.TableArn === input.TableArn);
  const { items, next } = pageOf(all, (d) => d.ImportArn!, input.NextToken, input.PageSize);
  return {
    ImportSummaryList: items.map((d) => ({
      ImportArn: d.ImportArn, ImportStatus: d.ImportStatus, TableArn: d.TableArn, S3BucketSource: d.S3BucketSource,
      CloudWatchLogGroupArn: d.CloudWatchLogGroupArn, InputFormat: d.InputFormat, StartTime: d.StartTime, EndTime: d.EndTime,
    })),
    NextToken: next,
  };
}
