import type { InternalRequest } from '../server/http.ts';

/** An error a control route answers with its status and message (the server sends `{ statusCode, error, message }`). */
export class ControlError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON object a control request carries (an empty body is `{}`). */
export function jsonBody(request: InternalRequest): Record<string, unknown> {
  const text = request.body.toString('utf8').trim();
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ControlError(400, 'the request body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ControlError(400, 'the request body must be a JSON object');
  return value as Record<string, unknown>;
}

function asBadRequest(error: unknown): never {
  if (error instanceof RangeError) throw new ControlError(400, error.message);
  throw error;
}

/** Runs `fn`, turning a RangeError (bad argument), thrown or rejected, into a 400. */
export function badRequestOn<T>(fn: () => T): T {
  try {
    const result = fn();
    return (result instanceof Promise ? result.catch(asBadRequest) : result) as T;
  } catch (error) {
    return asBadRequest(error);
  }
}

export function requireMethod(request: InternalRequest, ...methods: string[]): void {
  if (!methods.includes(request.method)) throw new ControlError(405, `use ${methods.join(' or ')}`);
}
