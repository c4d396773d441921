/**
 * Redacts responses recorded against twinstack the way the AWS snapshots under
 * shared/reference/aws-snapshots were redacted (LocalStack's snapshot transformers, Apache-2.0; see the README
 * there), so that both can be compared for equality:
 * - JSON documents inside strings (message bodies, policies) are parsed;
 * - ResponseMetadata keeps only HTTPStatusCode (and the empty HTTPHeaders the snapshots carry);
 * - values of keys containing "timestamp" become `timestamp`;
 * - receipt handles, sender ids, sequence numbers, task handles and UUIDs become numbered placeholders
 *   (`<receipt-handle:1>`, `<uuid:2>`...) in first-seen order, the same value keeping the same placeholder;
 * - the resource name at the end of each ARN becomes `<resource:N>` wherever it appears;
 * - the account id becomes 111111111111, the region `<region>`, the partition `<partition>`, and the endpoint the
 *   client used becomes LocalStack's default queue host.
 * Top-level keys are visited in recording order, nested object keys in sorted order, like the snapshots.
 */
export interface RedactOptions {
  accountId: string;
  region: string;
  /** Base URL the client used, e.g. http://127.0.0.1:4566. */
  endpoint: string;
  /** Extra literal replacements a test asked for (e.g. a queue name → `<queue-name>`). */
  replacements?: Record<string, string>;
}

const KEYED_PLACEHOLDERS: Record<string, string> = {
  ReceiptHandle: 'receipt-handle',
  SenderId: 'sender-id',
  SequenceNumber: 'sequence-number',
  TaskHandle: 'task-handle',
};
/** Placeholders also replaced inside other strings (error messages quote receipt handles); sender ids are account ids. */
const GLOBAL_KINDS = ['receipt-handle', 'sequence-number', 'task-handle'];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ARN = /^arn:(aws[a-zA-Z-]*)?:([0-9a-zA-Z-]+):([a-z]{2}(?:-gov)?-[a-z]+-\d)?:(\d{12})?:(.*)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Placeholders {
  private readonly byKind = new Map<string, Map<string, string>>();

  get(kind: string, value: string): string {
    let values = this.byKind.get(kind);
    if (!values) this.byKind.set(kind, (values = new Map()));
    let placeholder = values.get(value);
    if (!placeholder) values.set(value, (placeholder = `<${kind}:${values.size + 1}>`));
    return placeholder;
  }

  entries(kind: string): [string, string][] {
    return [...(this.byKind.get(kind) ?? [])];
  }
}

function parseEmbeddedJson(value: string): Json {
  const trimmed = value.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return value;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    return value;
  }
}

function sortedEntries(object: { [key: string]: Json }): [string, Json][] {
  return Object.entries(object).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Structural pass: embedded JSON, ResponseMetadata, timestamps and keyed placeholders. */
function normalise(value: Json, key: string, placeholders: Placeholders): Json {
  if (key.toLowerCase().includes('timestamp')) return 'timestamp';
  if (typeof value === 'string') {
    if (KEYED_PLACEHOLDERS[key]) return placeholders.get(KEYED_PLACEHOLDERS[key], value);
    return parseEmbeddedJson(value);
  }
  if (Array.isArray(value)) return value.map((item) => normalise(item, key, placeholders));
  if (value && typeof value === 'object') {
    if (key === 'ResponseMetadata') return { HTTPHeaders: {}, HTTPStatusCode: value.HTTPStatusCode ?? null };
    return Object.fromEntries(sortedEntries(value).map(([k, v]) => [k, normalise(v, k, placeholders)]));
  }
  return value;
}

/** Finds ARN resource names in first-seen order: string values of object keys, and objects inside lists. */
function collectResources(value: Json, placeholders: Placeholders): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === 'object' && !Array.isArray(item)) collectResources(item, placeholders);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [, v] of sortedEntries(value)) {
    if (typeof v === 'string') {
      const match = ARN.exec(v);
      if (match && !match[5].startsWith('<')) placeholders.get('resource', match[5].split(/[/:]/).pop()!);
    } else {
      collectResources(v, placeholders);
    }
  }
}

function mapStrings(value: Json, fn: (s: string) => string): Json {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  return value;
}

export function redact(recorded: Record<string, unknown>, options: RedactOptions): Record<string, Json> {
  const placeholders = new Placeholders();
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(recorded)) {
    out[key] = normalise(value as Json, key, placeholders);
  }
  collectResources(out, placeholders);
  for (const [key, value] of Object.entries(out)) {
    out[key] = mapStrings(value, (s) => s.replace(UUID, (uuid) => placeholders.get('uuid', uuid)));
  }
  const literal: [string, string][] = [
    ...Object.entries(options.replacements ?? {}),
    ...placeholders.entries('resource'),
    ...GLOBAL_KINDS.flatMap((kind) => placeholders.entries(kind)),
    [options.endpoint, 'http://sqs.<region>.localhost.localstack.cloud:4566'],
    [options.accountId, '111111111111'],
    [options.region, '<region>'],
  ];
  literal.sort(([a], [b]) => b.length - a.length);
  const replaceAll = (s: string) => {
    let result = s.replace(/^arn:aws:/, 'arn:<partition>:');
    for (const [from, to] of literal) result = result.split(from).join(to);
    return result;
  };
  for (const [key, value] of Object.entries(out)) out[key] = mapStrings(value, replaceAll);
  return out;
}
