import type { Expectation, JsonValue, Matcher } from '../contract/types.ts';
import { childPath } from '../replay/compare.ts';

/** LocalStack's redacted account id, and the redacted placeholder forms, turned into contract templates. */
const ACCOUNT = '111111111111';
const TIMESTAMP_WORDS = new Set(['timestamp', 'datetime', 'date', '<timestamp>', '<datetime>', '<date>']);

/** `<region>` -> `{{region}}`, `<queue-name:1>` -> `{{queue-name:1}}` (binds once), other `<x>` -> `{{*}}`. */
export function placeholderTemplate(text: string): string {
  return text
    .replaceAll(ACCOUNT, '{{accountId}}')
    .replace(/<(region|partition)>/g, '{{$1}}')
    .replace(/<([a-z][a-z0-9_-]*:\d+)>/gi, '{{$1}}')
    .replace(/<[a-z][a-z0-9_-]*>/gi, '{{*}}');
}

function convert(value: unknown, path: string, matchers: Record<string, Matcher>): JsonValue {
  if (typeof value === 'string') {
    if (TIMESTAMP_WORDS.has(value)) {
      matchers[path] = { match: 'timestamp' };
      return value;
    }
    return placeholderTemplate(value);
  }
  if (Array.isArray(value)) return value.map((v, i) => convert(v, childPath(path, i), matchers));
  if (value && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convert(v, childPath(path, k), matchers);
    return out;
  }
  return value as JsonValue;
}

/**
 * A boto3-parsed response as LocalStack's snapshot recorded it -> the verifier's expectation. boto3's error view:
 * `Code` is what the protocol's client sees (query-compatible code for SQS JSON), `QueryErrorCode` the `__type` name.
 */
export function snapshotToExpectation(recorded: Record<string, unknown>, protocol: string): Expectation {
  const { ResponseMetadata, Error: error, ...rest } = recorded as {
    ResponseMetadata?: { HTTPStatusCode?: number };
    Error?: { Code: string; Message?: string; Type?: 'Sender' | 'Receiver'; QueryErrorCode?: string };
  };
  const expectation: Expectation = {};
  if (ResponseMetadata?.HTTPStatusCode) expectation.status = ResponseMetadata.HTTPStatusCode;
  if (error) {
    expectation.error = { code: error.Code };
    if (error.Message !== undefined) expectation.error.message = placeholderTemplate(error.Message);
    if (error.Type) expectation.error.type = error.Type;
    if (protocol === 'json' && error.QueryErrorCode) expectation.error.shapeName = error.QueryErrorCode;
    return expectation;
  }
  const matchers: Record<string, Matcher> = {};
  expectation.output = convert(rest, '$', matchers) as Record<string, JsonValue>;
  if (Object.keys(matchers).length) expectation.matchers = matchers;
  return expectation;
}
