import { StatesError } from '../asl/errors.ts';
import type { Json } from '../asl/query.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- task parameters are user JSON */

/**
 * The HTTP Task (`arn:aws:states:::http:invoke`): a request to ApiEndpoint with Method, Headers, QueryParameters and
 * RequestBody; the response as `{ Headers, ResponseBody, StatusCode, StatusText }`; a non-2xx status fails the task
 * with `States.Http.StatusCode.<code>`, as AWS does. The connection's credentials are not applied (no EventBridge
 * connections secrets are read).
 */
export async function callHttp(parameters: any, signal: AbortSignal): Promise<Json> {
  const url = new URL(String(parameters?.ApiEndpoint ?? ''));
  for (const [k, v] of Object.entries((parameters?.QueryParameters ?? {}) as Record<string, unknown>)) url.searchParams.append(k, String(v));
  const headers: Record<string, string> = Object.fromEntries(Object.entries((parameters?.Headers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  let body: string | undefined;
  if (parameters?.RequestBody !== undefined) {
    const encoding = parameters?.Transform?.RequestBodyEncoding;
    if (encoding === 'URL_ENCODED' && typeof parameters.RequestBody === 'object') {
      body = new URLSearchParams(Object.entries(parameters.RequestBody as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString();
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    } else {
      body = typeof parameters.RequestBody === 'string' ? parameters.RequestBody : JSON.stringify(parameters.RequestBody);
      headers['Content-Type'] ??= 'application/json; charset=UTF-8';
    }
  }
  let response: Response;
  try {
    response = await fetch(url, { method: String(parameters?.Method ?? 'GET'), headers, body, signal });
  } catch (error) {
    throw new StatesError('States.Http.Socket', (error as Error).message);
  }
  const text = await response.text();
  let responseBody: Json = text;
  try {
    responseBody = JSON.parse(text) as Json;
  } catch {
    // a body that is not JSON stays text
  }
  const result = {
    Headers: Object.fromEntries([...response.headers.entries()].map(([k, v]) => [k, [v]])),
    ResponseBody: responseBody,
    StatusCode: response.status,
    StatusText: response.statusText,
  };
  if (response.status < 200 || response.status > 299) throw new StatesError(`States.Http.StatusCode.${response.status}`, JSON.stringify(result));
  return result;
}
