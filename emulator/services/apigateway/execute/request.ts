import { randomUUID } from 'node:crypto';
import type { RawRequest } from '../../../protocols/types.ts';
import type { InvokeCaller } from './iam.ts';

/** An execute-api request as the stages see it: the path after the stage, decoded parameters, the raw body. */
export interface ExecRequest {
  method: string;
  /** Path after the stage (`/pets/1`), percent-decoded. */
  path: string;
  /** The path as the client sent it after the stage, still encoded (HTTP proxies forward it). */
  rawPath: string;
  rawQuery: string;
  /** Query parameters with every value (`?a=1&a=2`). */
  query: Map<string, string[]>;
  /** Lower-case header names with every value. */
  headers: Map<string, string[]>;
  body: Buffer;
  sourceIp: string;
  userAgent: string;
  requestId: string;
  extendedRequestId: string;
  /** The Host header's name, or `<api-id>.execute-api.<region>.amazonaws.com` for the path forms. */
  domainName: string;
  receivedAtMs: number;
  /** The client, for IAM authorization and resource policies; absent for TestInvokeMethod, which skips both, as on AWS. */
  caller?: InvokeCaller;
}

export function execRequest(req: RawRequest, afterStage: string, domainName: string, nowMs: number): ExecRequest {
  const query = new Map<string, string[]>();
  for (const [key, value] of req.query) query.set(key, [...(query.get(key) ?? []), value]);
  const headers = new Map<string, string[]>();
  // The server hands headers over joined, so a repeated header arrives as one value.
  for (const [key, value] of Object.entries(req.headers)) headers.set(key, [value]);
  let path: string;
  try {
    path = decodeURIComponent(afterStage);
  } catch {
    path = afterStage;
  }
  const rawQuery = req.query.toString();
  return {
    method: req.method.toUpperCase(),
    path: path || '/',
    rawPath: afterStage || '/',
    rawQuery,
    query,
    headers,
    body: req.body,
    sourceIp: req.headers['x-forwarded-for']?.split(',')[0].trim() || '127.0.0.1',
    userAgent: req.headers['user-agent'] ?? '',
    requestId: randomUUID(),
    extendedRequestId: randomUUID().replace(/-/g, '').slice(0, 16),
    domainName,
    receivedAtMs: nowMs,
  };
}

export const header = (request: ExecRequest, name: string): string | undefined => request.headers.get(name.toLowerCase())?.[0];
export const first = (map: Map<string, string[]>): Record<string, string> => Object.fromEntries([...map].map(([k, v]) => [k, v[v.length - 1]]));
export const all = (map: Map<string, string[]>): Record<string, string[]> => Object.fromEntries(map);
