import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { ContractInteraction, JsonValue, PactGenerator, PactGenerators } from '../contract/types.ts';
import { pathKeys } from './compare.ts';
import { repeatedText, wholeBodyGenerator } from './generated-body.ts';
import { generate } from './relative-time.ts';
import { render, renderDeep, type Vars } from './template.ts';

export interface PreparedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Text, or bytes (a body stored base64, or generated). */
  body?: string | Buffer;
  /** The Host header to send (and sign) when the URL's host is not the one connected to (a virtual host on an emulator). */
  host?: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** RFC 3986 encoding, as the AWS SDKs write form bodies. */
function encodeForm(pairs: [string, string][]): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** The generators of values in the body (times relative to now, long texts), not of the whole body. */
function valueGenerators(generators: PactGenerators | undefined): [string, PactGenerator][] {
  return Object.entries(generators?.body ?? {}).filter(([path]) => path !== '$');
}

function generatedValue(generator: PactGenerator, now: number): JsonValue {
  return generator.type === 'RepeatedText' ? repeatedText(generator).toString('utf8') : generate(generator, now);
}

/** A JSON body with its generated values (times relative to `now`, long texts) in place of the examples. */
function withGenerated(content: JsonValue, generators: PactGenerators | undefined, now: number): JsonValue {
  const entries = valueGenerators(generators);
  if (!entries.length) return content;
  const copy = structuredClone(content);
  for (const [path, generator] of entries) {
    const keys = pathKeys(path);
    let parent = copy as Record<string | number, JsonValue>;
    for (const key of keys.slice(0, -1)) parent = parent?.[key] as Record<string | number, JsonValue>;
    if (parent && typeof parent === 'object') parent[keys[keys.length - 1]] = generatedValue(generator, now);
  }
  return copy;
}

/**
 * Fills the interaction's request templates for the target: variables, generated values (`now`: the scenario's
 * "now" in epoch milliseconds), real content type, no stale auth headers.
 */
export function prepareRequest(interaction: ContractInteraction, endpoint: string, vars: Vars, now = Date.now()): PreparedRequest {
  const { request } = interaction;
  const meta = interaction.comments.twinstack;
  const base = new URL(endpoint);
  const url = new URL(base.origin + base.pathname.replace(/\/$/, '') + render(request.path, vars));
  for (const [key, values] of Object.entries(request.query ?? {})) for (const v of values) url.searchParams.append(key, render(v, vars));
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(request.headers ?? {})) {
    const lower = name.toLowerCase();
    if (['authorization', 'x-amz-date', 'x-amz-security-token', 'host', 'content-length', 'x-amz-content-sha256'].includes(lower)) continue;
    headers[lower] = render(values.join(', '), vars);
  }
  let body: string | Buffer | undefined;
  if (request.body) {
    const { content, contentType, encoded } = request.body;
    const generated = wholeBodyGenerator(request.generators);
    if (generated) {
      body = repeatedText(generated);
    } else if (encoded === 'base64' && typeof content === 'string') {
      body = Buffer.from(content, 'base64');
    } else if (typeof content === 'string' && contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = Object.fromEntries(valueGenerators(request.generators).map(([path, g]) => [String(pathKeys(path)[0]), g]));
      const value = (k: string, v: string) => (Object.hasOwn(form, k) ? String(generatedValue(form[k], now)) : render(v, vars));
      body = encodeForm([...new URLSearchParams(content)].map(([k, v]) => [k, value(k, v)]));
    } else if (typeof content === 'string') {
      body = render(content, vars);
    } else {
      body = JSON.stringify(withGenerated(renderDeep(content, vars), request.generators, now));
    }
    // REST requests carry their own content type (or none, as an SDK sends a blob without one).
    if (meta.protocol !== 'rest-xml' && meta.protocol !== 'rest-json') headers['content-type'] = meta.requestContentType ?? contentType;
  }
  return { method: request.method, url, headers, body };
}

/** SHA-256 hash constructor in the shape SignatureV4 expects. */
class Sha256 extends Hash {
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    super('sha256', secret as never);
  }
}

const signers = new Map<string, SignatureV4>();

/**
 * Signs with SigV4 for the target's credentials and region (service = the model's signing name). The body may be
 * bytes, once encoded for the wire (Smithy RPC v2 CBOR).
 */
export async function signRequest(prepared: Omit<PreparedRequest, 'body'> & { body?: string | Buffer }, service: string, region: string, credentials: Credentials): Promise<Record<string, string>> {
  const key = `${service}|${region}|${credentials.accessKeyId}`;
  let signer = signers.get(key);
  if (!signer) {
    // S3 signs its path as sent (SDKs turn off the second URI encoding other services' canonical requests apply).
    signer = new SignatureV4({ service, region, credentials, sha256: Sha256, applyChecksum: true, uriEscapePath: service !== 's3' });
    signers.set(key, signer);
  }
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of prepared.url.searchParams) query[k] = k in query ? [...([] as string[]).concat(query[k]), v] : v;
  const signed = await signer.sign({
    method: prepared.method,
    protocol: prepared.url.protocol,
    hostname: prepared.url.hostname,
    port: prepared.url.port ? Number(prepared.url.port) : undefined,
    path: prepared.url.pathname,
    query,
    headers: { ...prepared.headers, host: prepared.host ?? prepared.url.host },
    body: prepared.body,
  });
  return signed.headers;
}
