import type { PactRequest } from '../../verifier/contract/types.ts';
import type { RequestTemplate } from './request.ts';

/** JSON-protocol bodies are stored as `application/json`: Pact compares `x-amz-json` bodies as opaque bytes. */
export function pactRequest(request: RequestTemplate): { pact: PactRequest; requestContentType?: string } {
  const headers: Record<string, string[]> = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, [v]]));
  const pact: PactRequest = { method: request.method, path: request.path };
  if (request.query.length) {
    const query: Record<string, string[]> = {};
    for (const [key, value] of request.query) (query[key] ??= []).push(value);
    pact.query = query;
  }
  const realType = request.contentType;
  let storedType = realType;
  if (request.body?.kind === 'json') {
    storedType = 'application/json';
    pact.body = { content: request.body.value, contentType: storedType, encoded: false };
  } else if (request.body?.kind === 'form') {
    pact.body = { content: formText(request.body.params), contentType: realType ?? 'application/x-www-form-urlencoded', encoded: false };
  } else if (request.body) {
    pact.body = { content: request.body.text, contentType: realType ?? 'application/octet-stream', encoded: false };
  }
  if (storedType) headers['content-type'] = [storedType];
  if (Object.keys(headers).length) pact.headers = headers;
  return { pact, requestContentType: realType !== storedType ? realType : undefined };
}

/** Form-encodes parameters but leaves `{{variables}}` readable (the verifier substitutes inside decoded values). */
function formText(params: [string, string][]): string {
  return params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%7B%7B/g, '{{').replace(/%7D%7D/g, '}}')}`).join('&');
}
