import type { Expectation, JsonValue, Matcher } from '../contract/types.ts';
import { childPath } from '../replay/compare.ts';

/** LocalStack's redacted account id, and the redacted placeholder forms, turned into contract templates. */
const ACCOUNT = '111111111111';
const TIMESTAMP_WORDS = new Set(['timestamp', 'datetime', 'date', '<timestamp>', '<datetime>', '<date>']);
/** Members of boto3's error view that are not elements S3 adds to its `<Error>` (or that vary per request). */
const NOT_S3_FIELDS = new Set(['Code', 'Message', 'Type', 'QueryErrorCode', 'RequestId', 'HostId']);
/** `str(ClientError)` as a test snapshotted it: `An error occurred (Code) when calling the Op operation: message`. */
const CLIENT_ERROR_TEXT = /^An error occurred \(([^)]+)\) when calling the \w+ operation: ([\s\S]*)$/;

/**
 * `<region>` -> `{{region}}`, `<queue-name:1>` -> `{{queue-name:1}}` (binds once; also `<<next-token>:1>`, a reference
 * replacement of a `<next-token>` value), other `<x>` -> `{{*}}` — unless the text also closes it (`</x>`): then it is
 * an element of an HTML or XML text (a website page's `<title>`), kept as it is.
 */
export function placeholderTemplate(text: string): string {
  const elements = new Set(Array.from(text.matchAll(/<\/([a-z][a-z0-9_-]*)>/gi), (m) => m[1]));
  return text
    .replaceAll(ACCOUNT, '{{accountId}}')
    .replace(/<(region|partition)>/g, '{{$1}}')
    .replace(/<<([a-z][a-z0-9_-]*)>:(\d+)>/gi, '{{$1:$2}}')
    .replace(/<([a-z][a-z0-9_-]*:\d+)>/gi, '{{$1}}')
    .replace(/<([a-z][a-z0-9_-]*)>/gi, (word, name: string) => (elements.has(name) ? word : '{{*}}'));
}

/** Options from the source step: where the snapshot stores a value in another form than the client parses it. */
export interface SnapshotForms {
  /** JSON documents sent as strings, stored decoded. */
  jsonStrings?: string[];
  /** Blobs stored as Python's `repr()` of the bytes. */
  pythonBytes?: string[];
  /** Streamed bodies stored as Python's `repr()` of the bytes, which the verifier reads as UTF-8 text. */
  bytesText?: string[];
  /** Text the test split into `{line00, line01, ...}`. */
  lines?: string[];
  /** Text a transformer wrote in place of part of a value (a time stamp in a log line): any text there. */
  redactedText?: string[];
  /** Literal words a transformer wrote in place of values: any value, or a timestamp. */
  redactedWords?: Record<string, 'any' | 'timestamp'>;
  /** HTTP status of an error known only from `str(ClientError)` or a digest (by its code). */
  errorStatus?: (code: string) => number;
  /** The recorded value is a digest of the error (`{Code, Message}` or `{Code, Errors, Count}`). */
  errorDigest?: boolean;
}

const PYTHON_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, '\\': 92, "'": 39, '"': 34 };

/** `b'a\x1eb'` (Python's repr of bytes) -> base64, the form the verifier's parsed responses give blobs. */
export function pythonBytesToBase64(repr: string): string {
  const inner = /^b(['"])([\s\S]*)\1$/.exec(repr)?.[2];
  if (inner === undefined) throw new Error(`not a Python bytes repr: ${repr}`);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] !== '\\') {
      bytes.push(inner.charCodeAt(i));
      continue;
    }
    const next = inner[++i];
    if (next === 'x') {
      bytes.push(parseInt(inner.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next in PYTHON_ESCAPES) bytes.push(PYTHON_ESCAPES[next]);
    else throw new Error(`unknown escape \\${next} in ${repr}`);
  }
  return Buffer.from(bytes).toString('base64');
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function convert(value: unknown, path: string, matchers: Record<string, Matcher>, forms: SnapshotForms): JsonValue {
  // A listed path may name every element of a list (`$.StackEvents[*].ResourceProperties`): its matcher then does too.
  const jsonPath = forms.jsonStrings?.find((p) => p === path || p === path.replace(/\[\d+\]/g, '[*]'));
  if (jsonPath) {
    // A snapshot that kept the document as its text: the document it holds (an object, a list, a JSON string such as
    // a function's quoted answer, or null, a function's answer of nothing). A string that is no JSON document (a
    // mapping template) was not decoded by the test: it is judged as text.
    const document = typeof value === 'string' && /^\s*([[{"]|null\s*$)/.test(value) ? parsedJson(value) : undefined;
    if (document !== undefined) {
      matchers[jsonPath] = { match: 'json' };
      return convert(document, path, matchers, { ...forms, jsonStrings: [] });
    }
    if (typeof value !== 'string') matchers[jsonPath] = { match: 'json' };
  }
  if (forms.lines?.includes(path)) matchers[path] = { match: 'lines' };
  if (typeof value === 'string' && forms.pythonBytes?.includes(path)) return pythonBytesToBase64(value);
  if (typeof value === 'string' && forms.bytesText?.includes(path)) return Buffer.from(pythonBytesToBase64(value), 'base64').toString('utf8');
  if (typeof value === 'string') {
    if (TIMESTAMP_WORDS.has(value) || forms.redactedWords?.[value] === 'timestamp') {
      matchers[path] = { match: 'timestamp' };
      return value;
    }
    if (forms.redactedWords?.[value] === 'any') return '{{*}}';
    // Redacted parts are marked with NUL while the rest becomes a template: only where there are any, as a body may hold NULs.
    const redacted = (forms.redactedText ?? []).filter((r) => value.includes(r));
    if (!redacted.length) return placeholderTemplate(value);
    const text = redacted.reduce((t, r) => t.replaceAll(r, '\u0000'), value);
    return placeholderTemplate(text).replaceAll('\u0000', '{{*}}');
  }
  if (Array.isArray(value)) return value.map((v, i) => convert(v, childPath(path, i), matchers, forms));
  if (value && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    // Keys may be redacted too (a map keyed by a table name); they become templates like values.
    for (const [k, v] of Object.entries(value)) out[placeholderTemplate(k)] = convert(v, childPath(path, k), matchers, forms);
    return out;
  }
  return value as JsonValue;
}

/**
 * `{exception_typename, exception_value}` as a test recorded a ClientError: pytest's name of the exception class
 * (botocore names it after the error code) and `str(ClientError)`. The code and message, when the two agree.
 */
function typedErrorText(recorded: unknown): RegExpExecArray | null {
  const { exception_typename: typename, exception_value: value, ...rest } = (recorded ?? {}) as Record<string, unknown>;
  if (typeof value !== 'string' || Object.keys(rest).length) return null;
  const text = CLIENT_ERROR_TEXT.exec(value);
  return text?.[1] === typename ? text : null;
}

/** A test's digest of an error (see SourceStep.errorDigest) -> the error it stands for. */
function digestToExpectation(recorded: unknown, errorStatus: (code: string) => number): Expectation {
  const { Code, Message, Errors, Count } = recorded as { Code: string; Message?: string; Errors?: string[]; Count?: number };
  if (Message === undefined && (Count !== 1 || Errors?.length !== 1)) throw new Error(`not a one-error digest: ${JSON.stringify(recorded)}`);
  const message = Message ?? `1 validation error detected: ${Errors![0]}`;
  return { status: errorStatus(Code), error: { code: Code, message: placeholderTemplate(message) } };
}

/**
 * A raw HTTP exchange a test snapshotted without an SDK: `{Error: <the JSON error body>, Metadata: {StatusCode}}`,
 * the body carrying `__type` (possibly `namespace#Code`) and `Message`.
 */
function rawErrorToExpectation(recorded: unknown): Expectation | undefined {
  const { Error: body, Metadata } = (recorded ?? {}) as { Error?: { __type?: string; Message?: string; message?: string }; Metadata?: { StatusCode?: number } };
  if (!body?.__type || Metadata?.StatusCode === undefined) return undefined;
  const message = body.Message ?? body.message;
  return { status: Metadata.StatusCode, error: { code: body.__type.split('#').pop()!, ...(message !== undefined ? { message: placeholderTemplate(message) } : {}) } };
}

function isWholeResponse(recorded: unknown): recorded is Record<string, unknown> {
  return !!recorded && typeof recorded === 'object' && !Array.isArray(recorded) && ('ResponseMetadata' in recorded || 'Error' in recorded);
}

/**
 * A boto3-parsed response as LocalStack's snapshot recorded it -> the verifier's expectation. boto3's error view:
 * `Code` is what the protocol's client sees (query-compatible code for SQS JSON), `QueryErrorCode` the `__type` name.
 * A part of a response (one message, a list, an ARN) becomes the expected output alone; the step's `select` says where.
 * `str(ClientError)` gives the error code and message; its status comes from `forms.errorStatus`.
 */
export function snapshotToExpectation(recorded: unknown, protocol: string, forms: SnapshotForms = {}): Expectation {
  if (forms.errorDigest) return digestToExpectation(recorded, forms.errorStatus ?? (() => 400));
  const text = typeof recorded === 'string' ? CLIENT_ERROR_TEXT.exec(recorded) : typedErrorText(recorded);
  if (text && forms.errorStatus) return { status: forms.errorStatus(text[1]), error: { code: text[1], message: placeholderTemplate(text[2]) } };
  const raw = rawErrorToExpectation(recorded);
  if (raw) return raw;
  if (!isWholeResponse(recorded)) {
    const matchers: Record<string, Matcher> = {};
    const output = convert(recorded, '$', matchers, forms);
    return { output, ...(Object.keys(matchers).length ? { matchers } : {}) };
  }
  const { ResponseMetadata, Error: error, ...rest } = recorded as {
    ResponseMetadata?: { HTTPStatusCode?: number };
    Error?: { Code: string; Message?: string | null; Type?: 'Sender' | 'Receiver'; QueryErrorCode?: string };
  };
  const expectation: Expectation = {};
  if (ResponseMetadata?.HTTPStatusCode) expectation.status = ResponseMetadata.HTTPStatusCode;
  // An error document the test parsed itself (no ResponseMetadata): its status is the error's.
  else if (error && forms.errorStatus) expectation.status = forms.errorStatus(error.Code);
  if (error) {
    expectation.error = { code: error.Code };
    // A null Message: boto3 found no message member in the error body (its text is not known).
    if (error.Message !== undefined && error.Message !== null) expectation.error.message = placeholderTemplate(error.Message);
    if (error.Type) expectation.error.type = error.Type;
    if (protocol === 'json' && error.QueryErrorCode) expectation.error.shapeName = error.QueryErrorCode;
    if (protocol === 'rest-xml') {
      // S3's <Error> carries more elements (BucketName, Key, Condition...); request and host ids vary per request.
      const entries = Object.entries(error as Record<string, unknown>)
        .filter(([k]) => !NOT_S3_FIELDS.has(k))
        // boto3 reads an empty element (`<ArgumentValue></ArgumentValue>`) as None: its text is the empty string.
        .map(([k, v]): [string, string] => [k, v === null ? '' : TIMESTAMP_WORDS.has(String(v)) ? '{{*}}' : placeholderTemplate(String(v))]);
      if (entries.length) expectation.error.fields = Object.fromEntries(entries);
    }
    // Modelled members of the error shape beyond its message (DynamoDB's ConditionalCheckFailedException.Item);
    // botocore's lower-case `message` member repeats Error.Message, which is judged already.
    const { message, ...members } = rest as Record<string, unknown>;
    if (Object.keys(members).length) {
      const matchers: Record<string, Matcher> = message === undefined ? {} : { '$.message': { match: 'ignore' } };
      expectation.output = convert(members, '$', matchers, forms);
      if (Object.keys(matchers).length) expectation.matchers = matchers;
    }
    return expectation;
  }
  const matchers: Record<string, Matcher> = {};
  expectation.output = convert(rest, '$', matchers, forms);
  if (Object.keys(matchers).length) expectation.matchers = matchers;
  return expectation;
}

/** ReceiveMessage members that vary per delivery (ids, handles, digests) and that no message-body snapshot records. */
const PER_DELIVERY = ['MessageId', 'ReceiptHandle', 'MD5OfBody', 'MD5OfMessageAttributes', 'Attributes', 'MessageAttributes'];

/**
 * Message bodies a test took out of a ReceiveMessage response (see SourceStep.messageBodies) -> the expected response:
 * one message per body, in any order, each body judged as a JSON document (S3 sends each event record in a message of
 * its own). Matchers apply to every message, whichever order the queue gives them in.
 */
export function receivedBodiesExpectation(recorded: unknown, shape: { records?: boolean; bodyJson?: string[] }, forms: SnapshotForms = {}): Expectation {
  const held = recorded as { messages?: unknown[] } | unknown[];
  const list = Array.isArray(held) ? held : Array.isArray(held?.messages) ? held.messages : [held];
  const bodies = shape.records ? list.map((record) => ({ Records: [record] })) : list;
  const found: Record<string, Matcher> = {};
  const output = convert({ Messages: bodies.map((Body) => ({ Body })) }, '$', found, forms);
  const matchers: Record<string, Matcher> = Object.fromEntries(Object.entries(found).map(([path, matcher]) => [path.replace(/\[\d+\]/g, '[*]'), matcher]));
  matchers['$.Messages[*].Body'] = { match: 'json' };
  for (const member of shape.bodyJson ?? []) matchers[`$.Messages[*].Body.${member}`] = { match: 'json' };
  for (const member of PER_DELIVERY) matchers[`$.Messages[*].${member}`] = { match: 'ignore' };
  return { output, matchers, unordered: ['$.Messages'] };
}
