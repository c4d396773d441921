import { statesRuntime } from '../asl/errors.ts';
import { evaluateTemplate, type Json } from '../asl/query.ts';
import { rootsOf } from './env.ts';
import type { StateScope } from './interpreter.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- ItemReader fields are user JSON */

/**
 * A distributed Map's ItemReader: `s3:getObject` of a JSON array, a CSV file (header from the first row or
 * CSVHeaders), JSONL, or an S3 inventory-style manifest; or `s3:listObjectsV2` (one item per object). Read through
 * S3's front door as the execution role; ReaderConfig.MaxItems limits the items.
 */
export async function readItems(scope: StateScope, input: Json): Promise<Json[]> {
  const { env, io, def } = scope;
  const reader = def.ItemReader as any;
  const args = io.jsonata ? ((await io.value(reader.Arguments ?? {}, 'ItemReader/Arguments')) as any) : (evaluateTemplate(reader.Parameters ?? {}, rootsOf(input, io.context, io.vars), input) as any);
  const config = reader.ReaderConfig ?? {};
  const options = { caller: env.caller, region: env.state.region };
  const resource = String(reader.Resource);
  let items: Json[];
  if (resource.endsWith(':s3:listObjectsV2')) {
    items = [];
    let token: string | undefined;
    do {
      const page = await env.emulator.call<any>('s3', 'ListObjectsV2', { ...args, ContinuationToken: token }, options);
      for (const o of page.Contents ?? []) items.push({ Etag: o.ETag, Key: o.Key, LastModified: (o.LastModified as Date).toISOString(), Size: o.Size, StorageClass: o.StorageClass ?? 'STANDARD' });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  } else if (resource.endsWith(':s3:getObject')) {
    const object = await env.emulator.call<any>('s3', 'GetObject', args, options);
    const text = await bodyText(object.Body);
    items = parse(text, config);
  } else throw statesRuntime(`Unsupported ItemReader resource: ${resource}`);
  const max = config.MaxItems ?? (config.MaxItemsPath ? (evaluateTemplate({ 'v.$': config.MaxItemsPath }, rootsOf(input, io.context, io.vars)) as { v: number }).v : undefined);
  return max ? items.slice(0, max) : items;
}

async function bodyText(body: unknown): Promise<string> {
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (typeof body === 'string') return body;
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  return String(body ?? '');
}

function parse(text: string, config: any): Json[] {
  const type = config.InputType ?? 'JSON';
  if (type === 'JSON') {
    const parsed = JSON.parse(text) as Json;
    if (!Array.isArray(parsed)) throw statesRuntime('Attempting to map over non-iterable node.');
    return parsed;
  }
  if (type === 'JSONL') return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Json);
  if (type === 'CSV') return csv(text, config);
  if (type === 'MANIFEST') return text.split('\n').filter((l) => l.trim() !== '').map((l) => {
    const [Bucket, Key] = parseCsvLine(l);
    return { Bucket, Key };
  });
  throw statesRuntime(`Unsupported InputType: ${String(type)}`);
}

function csv(text: string, config: any): Json[] {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const given = config.CSVHeaderLocation === 'GIVEN';
  const headers: string[] = given ? config.CSVHeaders : parseCsvLine(lines.shift() ?? '');
  return lines.map((line) => {
    const cells = parseCsvLine(line);
    return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** One CSV line (RFC 4180 quoting). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
