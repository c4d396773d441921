import type { Emulator } from '../../../core/emulator.ts';
import { retrying, transportFailure } from './http-endpoint.ts';
import type { ProcessedRecord } from './processing.ts';
import type { SearchSigner } from './search-signing.ts';

// Firehose's OpenSearch Service / Elasticsearch destination as AWS's developer guide describes it: documents indexed
// through the cluster's `_bulk` API, into IndexName with the rotation period's UTC timestamp appended (default
// OneDay), with Firehose-generated document ids unless NO_DOCUMENT_ID; documents the cluster refuses are retried
// until RetryOptions.DurationInSeconds (default 300) has passed, then written to the S3 bucket under
// `AmazonOpenSearchService-failed/`. Each `_bulk` request is signed with SigV4 as the stream's role (search-signing.ts).

export interface SearchConfig {
  ClusterEndpoint?: string;
  IndexName?: string;
  TypeName?: string;
  IndexRotationPeriod?: string;
  RetryOptions?: { DurationInSeconds?: number };
  DocumentIdOptions?: { DefaultDocumentIdFormat?: string };
}

export interface SearchFailure {
  record: ProcessedRecord;
  documentId?: string;
  index: string;
  errorCode: string;
  errorMessage: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO week of a UTC date, as `yyyy-ww`. */
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return `${day.getUTCFullYear()}-${pad(Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7))}`;
}

/** The index a record goes to: the index name and its rotation suffix from the record's arrival time. */
export function indexFor(config: SearchConfig, arrival: number): string {
  const date = new Date(arrival);
  const [y, m, d, h] = [date.getUTCFullYear(), pad(date.getUTCMonth() + 1), pad(date.getUTCDate()), pad(date.getUTCHours())];
  const suffix: Record<string, string> = { NoRotation: '', OneHour: `-${y}-${m}-${d}-${h}`, OneDay: `-${y}-${m}-${d}`, OneWeek: `-${isoWeek(date)}`, OneMonth: `-${y}-${m}` };
  return `${config.IndexName ?? ''}${suffix[config.IndexRotationPeriod ?? 'OneDay'] ?? ''}`;
}

interface Pending {
  record: ProcessedRecord;
  index: string;
  documentId?: string;
  error?: { errorCode: string; errorMessage: string };
}

type BulkAttempt = { ok: boolean; errorCode?: string; errorMessage?: string };

/** One `_bulk` request of the documents still pending; those the cluster took leave the list. */
async function bulk(endpoint: string, config: SearchConfig, pending: Pending[], sign: SearchSigner): Promise<BulkAttempt> {
  const lines: string[] = [];
  for (const doc of pending) {
    const action = { _index: doc.index, ...(config.TypeName ? { _type: config.TypeName } : {}), ...(doc.documentId ? { _id: doc.documentId } : {}) };
    lines.push(JSON.stringify({ index: action }), doc.record.data.toString('utf8').replace(/\n+$/, ''));
  }
  const url = new URL(`${endpoint.replace(/\/$/, '')}/_bulk`);
  const body = lines.join('\n') + '\n';
  let response: Response;
  try {
    const headers = await sign(url, 'POST', { 'content-type': 'application/x-ndjson' }, body);
    response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    return { ok: false, ...transportFailure(error, 'OS') };
  }
  const text = await response.text();
  if (response.status < 200 || response.status > 299) return { ok: false, errorCode: `OS.${response.status}`, errorMessage: `Error received from the cluster: ${response.status} ${text.slice(0, 1024)}` };
  let items: { index?: { status?: number; error?: { type?: string; reason?: string } } }[];
  try {
    items = (JSON.parse(text) as { items: typeof items }).items;
  } catch {
    return { ok: false, errorCode: 'OS.InvalidResponse', errorMessage: `The cluster's response to _bulk is not valid JSON: ${text.slice(0, 1024)}` };
  }
  const refused: Pending[] = [];
  pending.forEach((doc, i) => {
    const result = items?.[i]?.index;
    if (result && (result.status ?? 500) < 300) return;
    doc.error = { errorCode: result?.error?.type ?? 'OS.UnknownError', errorMessage: result?.error?.reason ?? 'The cluster did not report on the document' };
    refused.push(doc);
  });
  pending.splice(0, pending.length, ...refused);
  return refused.length ? { ok: false, ...refused[0].error } : { ok: true };
}

/** Indexes the records; answers those that still failed after the retries, with the last error of each. */
export async function indexDocuments(
  emulator: Emulator,
  config: SearchConfig,
  records: ProcessedRecord[],
  alive: () => boolean,
  sign: SearchSigner,
): Promise<{ failures: SearchFailure[]; attempts: number }> {
  const ids = config.DocumentIdOptions?.DefaultDocumentIdFormat !== 'NO_DOCUMENT_ID';
  const pending: Pending[] = records.map((record) => ({ record, index: indexFor(config, record.source.arrival), documentId: ids ? record.source.id : undefined }));
  const { result, attempts } = await retrying(emulator, config.RetryOptions?.DurationInSeconds ?? 300, alive, () => bulk(config.ClusterEndpoint!, config, pending, sign));
  if (result.ok) return { failures: [], attempts };
  return {
    failures: pending.map((doc) => ({ record: doc.record, documentId: doc.documentId, index: doc.index, errorCode: doc.error?.errorCode ?? result.errorCode!, errorMessage: doc.error?.errorMessage ?? result.errorMessage! })),
    attempts,
  };
}
