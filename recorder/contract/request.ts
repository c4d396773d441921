import type { ServiceModel } from '../../emulator/models/types.ts';
import type { JsonValue, WireProtocol } from '../../verifier/contract/types.ts';
import type { CapturedExchange } from '../capture/exchange.ts';
import { mapLeaves } from './paths.ts';
import { isJsonText } from '../../emulator/core/json-text.ts';

/**
 * A recorded request in an editable form: every string a later step may template (path, query and header values,
 * body members or form parameters) is reachable as a leaf.
 */
export interface RequestTemplate {
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  /** JSON document (JSON protocols), form parameters (query), raw text (other bodies) or nothing. */
  body: { kind: 'json'; value: JsonValue } | { kind: 'form'; params: [string, string][] } | { kind: 'text'; text: string } | undefined;
  contentType?: string;
}

/** Headers that replay needs; everything else is transport, signature or client identification. */
const KEPT_HEADERS = /^(x-amz-target|content-type|content-md5|content-disposition|content-language|cache-control|expires|range|if-.*|x-amz-.*)$/;
/** Signature, client, and body-derived headers: the verifier signs again and a templated body changes its checksum. */
const DROPPED_HEADERS = /^(x-amz-date|x-amz-security-token|x-amz-content-sha256|x-amz-user-agent|x-amz-checksum-.*|x-amz-sdk-checksum-algorithm|x-amz-trailer|x-amz-decoded-content-length|x-amzn-trace-id|x-amz-expected-bucket-owner)$/;
const PRESIGN_PARAMS = /^X-Amz-(Algorithm|Credential|Date|Expires|SignedHeaders|Signature|Security-Token)$/;

/** The wire protocol of one request: SQS accepts both AWS JSON and query, so the request says which. */
export function wireProtocol(model: ServiceModel, exchange: CapturedExchange): WireProtocol {
  const protocols = model.metadata.protocols ?? [model.metadata.protocol];
  if (exchange.request.headers['x-amz-target'] && protocols.includes('json')) return 'json';
  if (protocols.includes('query')) return 'query';
  return model.metadata.protocol as WireProtocol;
}

export function requestTemplate(exchange: CapturedExchange, protocol: WireProtocol): RequestTemplate {
  const { request } = exchange;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (KEPT_HEADERS.test(name) && !DROPPED_HEADERS.test(name)) headers[name] = value;
  const query = [...new URLSearchParams(request.query)].filter(([key]) => !PRESIGN_PARAMS.test(key));
  const contentType = headers['content-type'];
  const text = request.body.toString('utf8');
  let body: RequestTemplate['body'];
  if (request.body.length === 0) body = undefined;
  else if ((protocol === 'json' || protocol === 'rest-json') && isJsonText(text)) body = { kind: 'json', value: JSON.parse(text) as JsonValue };
  else if (contentType?.startsWith('application/x-www-form-urlencoded')) body = { kind: 'form', params: [...new URLSearchParams(text)] };
  else body = { kind: 'text', text };
  delete headers['content-type'];
  return { method: request.method, path: request.path, query, headers, body, contentType };
}

/** Applies `edit` to every templatable string of a request (path, query and header values, body leaves). */
export function mapRequestStrings(request: RequestTemplate, edit: (value: string) => string): RequestTemplate {
  const body = request.body;
  return {
    ...request,
    path: edit(request.path),
    query: request.query.map(([k, v]) => [k, edit(v)]),
    headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, edit(v)])),
    body:
      body?.kind === 'json'
        ? { kind: 'json', value: mapLeaves(body.value, (v) => edit(v)) }
        : body?.kind === 'form'
          ? { kind: 'form', params: body.params.map(([k, v]) => [k, edit(v)]) }
          : body && { kind: 'text', text: edit(body.text) },
  };
}
