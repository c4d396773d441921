import type { RawRequest } from '../../emulator/protocols/types.ts';
import { bucketFromHost } from '../upstream/endpoint.ts';
import type { CapturedExchange } from './exchange.ts';
import { operationOf } from './operation.ts';
import { identifyRequest } from './services.ts';

/** A request/response pair as an HTTP archive or recorder file holds it. */
export interface WireExchange {
  at: Date;
  method: string;
  url: URL;
  requestHeaders: Record<string, string>;
  requestBody: Buffer;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: Buffer;
}

/** Identifies service, region and operation of an exchange recorded elsewhere; undefined for non-AWS traffic. */
export function exchangeFromWire(wire: WireExchange, defaultRegion: string): CapturedExchange | undefined {
  const headers = { ...wire.requestHeaders, host: wire.url.host };
  const raw: RawRequest = { method: wire.method, path: wire.url.pathname, query: wire.url.searchParams, headers, body: wire.requestBody };
  const { service, region } = identifyRequest(raw, defaultRegion);
  if (!service) return undefined;
  const bucket = service.name === 's3' ? bucketFromHost(wire.url.host) : undefined;
  return {
    service: service.name,
    operation: operationOf(service.model, raw, bucket ? `/${bucket}` : ''),
    region,
    at: wire.at,
    request: { method: wire.method, host: wire.url.host, path: wire.url.pathname, query: wire.url.search.slice(1), headers, body: wire.requestBody },
    response: { status: wire.status, headers: wire.responseHeaders, body: wire.responseBody },
  };
}

/** Header lists (`[{name, value}]`, Node's flat rawHeaders, or objects) as one lower-case map. */
export function headerMap(headers: { name: string; value: string }[] | string[] | Record<string, string | string[]> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
  };
  if (Array.isArray(headers)) {
    if (typeof headers[0] === 'string') for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i] as string, headers[i + 1] as string);
    else for (const { name, value } of headers as { name: string; value: string }[]) add(name, value);
  } else if (headers) {
    for (const [name, value] of Object.entries(headers)) add(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return out;
}

/** The account id a recording made elsewhere acted as: the one that appears most in ARNs and queue URLs. */
export function inferAccountId(exchanges: CapturedExchange[]): string | undefined {
  const counts = new Map<string, number>();
  for (const exchange of exchanges) {
    const text = `${exchange.request.path} ${exchange.request.body.toString('utf8')} ${exchange.response.body.toString('utf8')}`;
    for (const match of text.matchAll(/arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):|\/(\d{12})\/|<Account>(\d{12})</g)) {
      const id = match[1] ?? match[2] ?? match[3];
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
