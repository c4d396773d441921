import { gzipSync } from 'node:zlib';
import type { DataFormatConversionConfiguration } from '@aws-sdk/client-firehose';
import { buildArn } from '../../../core/arn.ts';
import { splitJsonObjects } from './json-objects.ts';
import type { FailedRecord, ProcessedRecord } from './processing.ts';

type Row = Record<string, unknown>;

/** What format conversion makes of a buffer's records: the rows of each record that parsed, and those that did not. */
export interface ParsedRecords {
  rows: Map<ProcessedRecord, Row[]>;
  failed: FailedRecord[];
}

export const conversionEnabled = (conversion: DataFormatConversionConfiguration | undefined): conversion is DataFormatConversionConfiguration =>
  conversion !== undefined && conversion.Enabled !== false;

/** The output file's extension: `.parquet` or `.orc`, as Firehose names converted objects. */
export const conversionExtension = (conversion: DataFormatConversionConfiguration): string => (conversion.OutputFormatConfiguration?.Serializer?.OrcSerDe ? '.orc' : '.parquet');

function parseRows(data: Buffer): Row[] | string {
  const text = data.toString('utf8');
  if (!text.trim()) return 'The record was empty or contained only whitespace.';
  const malformed = 'The record is not one or more JSON objects.';
  try {
    const rows = splitJsonObjects(text).map((part) => JSON.parse(part) as Row);
    return rows.length ? rows : malformed;
  } catch {
    return malformed;
  }
}

/**
 * Reads each record as the JSON deserializers do (one or more JSON objects); the others go to the
 * `format-conversion-failed` error output with the document AWS writes for them. twinstack serves no Glue Data Catalog:
 * ORC output, which no small JavaScript library writes, fails every record with a message saying so.
 */
export function parseForConversion(records: ProcessedRecord[], conversion: DataFormatConversionConfiguration, region: string, now: number): ParsedRecords {
  const schema = conversion.SchemaConfiguration ?? {};
  const catalogId = schema.CatalogId;
  const table = {
    catalogId: catalogId ?? null,
    databaseName: schema.DatabaseName ?? null,
    tableName: schema.TableName ?? null,
    region: schema.Region ?? region,
    versionId: schema.VersionId ?? 'LATEST',
    catalogArn: catalogId ? buildArn({ service: 'glue', region: schema.Region ?? region, accountId: catalogId, resource: 'catalog' }) : null,
  };
  const orc = conversion.OutputFormatConfiguration?.Serializer?.OrcSerDe !== undefined;
  const parsed: ParsedRecords = { rows: new Map(), failed: [] };
  for (const record of records) {
    const rows = orc ? 'twinstack does not write ORC: use the ParquetSerDe serializer.' : parseRows(record.data);
    if (typeof rows !== 'string') {
      parsed.rows.set(record, rows);
      continue;
    }
    parsed.failed.push({
      source: record.source,
      errorOutputType: 'format-conversion-failed',
      document: {
        attemptsMade: 1,
        arrivalTimestamp: record.source.arrival,
        lastErrorCode: orc ? 'twinstack.OrcNotSupported' : 'DataFormatConversion.MalformedData',
        lastErrorMessage: rows,
        attemptEndingTimestamp: now,
        rawData: record.data.toString('base64'),
        dataCatalogTable: table,
      },
    });
  }
  return parsed;
}

/** A column's Parquet type from its values: BOOLEAN, INT64 (bigint), DOUBLE, else STRING (nested values as JSON text). */
function column(name: string, values: unknown[]) {
  const present = values.filter((v) => v !== null && v !== undefined);
  const all = (test: (v: unknown) => boolean) => present.length > 0 && present.every(test);
  if (all((v) => typeof v === 'boolean')) return { name, type: 'BOOLEAN' as const, data: values.map((v) => v ?? null) };
  if (all((v) => typeof v === 'number' && Number.isSafeInteger(v))) return { name, type: 'INT64' as const, data: values.map((v) => (v === null || v === undefined ? null : BigInt(v as number))) };
  if (all((v) => typeof v === 'number')) return { name, type: 'DOUBLE' as const, data: values.map((v) => v ?? null) };
  return { name, type: 'STRING' as const, data: values.map((v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v))) };
}

/**
 * One Parquet file of rows, compressed as ParquetSerDe.Compression says (SNAPPY by default). The Glue table that
 * gives AWS the columns is not available here: the columns are the rows' top-level keys, lower-cased as Glue names
 * columns (keys matched case-insensitively, as the OpenX JSON SerDe does by default), with types inferred from values.
 */
export async function parquetOf(rows: Row[], conversion: DataFormatConversionConfiguration): Promise<Buffer> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const names = new Map<string, unknown[]>();
  rows.forEach((row, index) => {
    for (const [key, value] of Object.entries(row)) {
      const name = key.toLowerCase();
      let values = names.get(name);
      if (!values) names.set(name, (values = new Array<unknown>(rows.length).fill(null)));
      values[index] = value;
    }
  });
  const compression = conversion.OutputFormatConfiguration?.Serializer?.ParquetSerDe?.Compression ?? 'SNAPPY';
  const codec = compression === 'GZIP' ? 'GZIP' : compression === 'UNCOMPRESSED' ? 'UNCOMPRESSED' : 'SNAPPY';
  const buffer = parquetWriteBuffer({
    columnData: [...names].map(([name, values]) => column(name, values)),
    codec,
    compressors: { GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)) },
  });
  return Buffer.from(buffer);
}
