import type { CSVInput, CSVOutput, JSONOutput } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { selectError } from './errors.ts';
import type { SelectRecord } from './evaluate.ts';
import type { PathStep } from './sql.ts';

/** AWS's limit on one record of the input or the result. */
const MAX_RECORD_CHARS = 1024 * 1024;

function field(container: unknown, step: PathStep): unknown {
  if (container === null || typeof container !== 'object') return undefined;
  if ('index' in step) return Array.isArray(container) ? container[step.index] : undefined;
  if ('wildcard' in step || Array.isArray(container)) return undefined;
  const object = container as Record<string, unknown>;
  if (Object.hasOwn(object, step.name)) return object[step.name];
  if (step.quoted) return undefined;
  // Unquoted names match case-insensitively; quoted ones exactly.
  const lower = step.name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : object[key];
}

export class JsonRecord implements SelectRecord {
  constructor(readonly value: unknown) {}

  resolve(steps: PathStep[]): unknown {
    let current = this.value;
    for (const step of steps) current = field(current, step);
    return current;
  }
}

export class CsvRecord implements SelectRecord {
  constructor(
    readonly fields: string[],
    private readonly header: string[] | undefined,
  ) {}

  /** `_1`, `_2`... by position; other names through the header (USE), case-insensitively unless quoted. */
  resolve(steps: PathStep[]): unknown {
    if (steps.length === 0) return this.asObject();
    if (steps.length > 1) return undefined;
    const step = steps[0];
    if (!('name' in step)) return undefined;
    const position = /^_(\d+)$/.exec(step.name);
    if (position) {
      const index = Number(position[1]);
      if (index < 1) throw selectError('InvalidColumnIndex');
      return this.fields[index - 1];
    }
    if (!this.header) return undefined;
    const at = step.quoted ? this.header.indexOf(step.name) : this.header.findIndex((h) => h.toLowerCase() === step.name.toLowerCase());
    return at < 0 ? undefined : this.fields[at];
  }

  /** The record as JSON output shows it: named by the header (USE), else `_1`, `_2`... */
  asObject(): Record<string, string> {
    return Object.fromEntries(this.fields.map((value, i) => [this.header?.[i] ?? `_${i + 1}`, value]));
  }
}

/** CSV records (AWS defaults: `,` fields, `\n` records, `"` quotes, `#` comments), with the header as FileHeaderInfo says. */
export function csvRecords(data: string, input: CSVInput): CsvRecord[] {
  let rows: string[][];
  try {
    rows = parse(data, {
      delimiter: input.FieldDelimiter ?? ',',
      ...(input.RecordDelimiter ? { record_delimiter: input.RecordDelimiter } : {}),
      quote: input.QuoteCharacter ?? '"',
      escape: input.QuoteEscapeCharacter ?? '"',
      comment: input.Comments ?? '#',
      comment_no_infix: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    throw selectError('CSVParsingError');
  }
  if (!input.AllowQuotedRecordDelimiter && rows.some((row) => row.some((f) => f.includes(input.RecordDelimiter ?? '\n')))) {
    throw selectError('CSVParsingError');
  }
  if (rows.some((row) => row.reduce((n, f) => n + f.length, 0) > MAX_RECORD_CHARS)) throw selectError('OverMaxRecordSize');
  const header = input.FileHeaderInfo === 'USE' ? rows.shift() : undefined;
  if (input.FileHeaderInfo === 'IGNORE') rows.shift();
  return rows.map((row) => new CsvRecord(row, header));
}

/** The top-level JSON values of a DOCUMENT object (one or more, concatenated) or a LINES object (one per line). */
export function jsonValues(data: string, type: 'DOCUMENT' | 'LINES'): unknown[] {
  const texts: string[] = [];
  if (type === 'LINES') texts.push(...data.split(/\r?\n/).filter((line) => line.trim() !== ''));
  else {
    let depth = 0;
    let inString = false;
    let start = -1;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (start < 0 && /\s/.test(c)) continue;
      if (start < 0) start = i;
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      if (depth === 0 && (c === '}' || c === ']' || /\s/.test(data[i + 1] ?? ' '))) {
        texts.push(data.slice(start, i + 1));
        start = -1;
      }
    }
    if (start >= 0) texts.push(data.slice(start));
  }
  return texts.map((t) => {
    if (t.length > MAX_RECORD_CHARS) throw selectError('OverMaxRecordSize');
    try {
      return JSON.parse(t) as unknown;
    } catch {
      throw selectError('JSONParsingError');
    }
  });
}

/** The records below `S3Object[*]` along the FROM path; `[*]` steps fan out over arrays and objects. */
export function recordsAlong(values: unknown[], path: PathStep[]): JsonRecord[] {
  let current = values;
  for (const step of path) {
    const next: unknown[] = [];
    for (const value of current) {
      if ('wildcard' in step) {
        if (Array.isArray(value)) next.push(...(value as unknown[]));
        else if (value !== null && typeof value === 'object') next.push(...Object.values(value));
      } else {
        const child = field(value, step);
        if (child !== undefined) next.push(child);
      }
    }
    current = next;
  }
  return current.map((value) => new JsonRecord(value));
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** One output record as CSV (AWS defaults: `,`, `\n`, quotes only where needed). */
export function csvLine(values: unknown[], output: CSVOutput): string {
  const cells = values.map((v) => {
    const p = plain(v);
    if (p === null || p === undefined) return '';
    return typeof p === 'object' ? JSON.stringify(p) : String(p);
  });
  return stringify([cells], {
    delimiter: output.FieldDelimiter ?? ',',
    record_delimiter: output.RecordDelimiter ?? '\n',
    quote: output.QuoteCharacter ?? '"',
    escape: output.QuoteEscapeCharacter ?? '"',
    quoted: output.QuoteFields === 'ALWAYS',
  });
}

/** One output record as JSON: MISSING members are left out, NULL ones kept. */
export function jsonLine(entries: [string, unknown][], output: JSONOutput): string {
  const object: Record<string, unknown> = {};
  for (const [name, value] of entries) if (value !== undefined) object[name] = plain(value);
  return JSON.stringify(object) + (output.RecordDelimiter ?? '\n');
}
