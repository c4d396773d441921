import { AwsError } from '../core/errors.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { entries, setEntry } from '../core/entries.ts';
import { errorStatus, queryErrorCode } from './errors.ts';
import { parseNumber } from './scalars.ts';
import { parseTimestamp } from './timestamps.ts';
import { encodeXml } from './xml-codec.ts';
import { escapeXml } from './xml-writer.ts';
import type { ParsedRequest, Protocol, RawRequest, RawResponse } from './types.ts';

/** AWS query protocol: `Action=Op&Member.1.Name=...` form parameters in, XML out with ResponseMetadata. */
export const awsQuery: Protocol = {
  name: 'query',

  parse(req: RawRequest, model: ServiceModel): ParsedRequest {
    const params = new Map<string, string>(req.query);
    const contentType = req.headers['content-type'] ?? '';
    if (req.body.length > 0 && (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded'))) {
      addFormParams(params, req.body.toString('utf8'));
    }
    const operation = params.get('Action');
    if (!operation) throw new AwsError('MissingAction', 'Missing Action', { status: 400 });
    const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
    if (!op) {
      const version = params.get('Version') ?? model.metadata.apiVersion;
      throw new AwsError('InvalidAction', `Could not find operation ${operation} for version ${version}`, { status: 400 });
    }
    const input = op.input ? (decodeQuery(model, op.input, params, '') as Record<string, unknown>) : {};
    return { operation, input: input ?? {} };
  },

  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string): RawResponse {
    const op = model.operations[operation];
    const ns = model.metadata.xmlNamespace ?? '';
    let result = '';
    if (op.output) {
      const wrapper = op.output.resultWrapper ?? `${operation}Result`;
      result = `<${wrapper}>${encodeXml(model, { shape: op.output.shape }, output ?? {}, '', true)}</${wrapper}>`;
    }
    const body =
      `<?xml version="1.0"?><${operation}Response xmlns="${ns}">${result}` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
    return xmlResponse(200, body, requestId);
  },

  serializeError(error: AwsError, model: ServiceModel, _service: ServiceDefinition, requestId: string): RawResponse {
    const ns = model.metadata.xmlNamespace ?? '';
    // SQS (a query service that later moved to JSON) still writes an empty Detail; STS, SNS and IAM do not.
    const detail = model.metadata.awsQueryCompatible ? '<Detail/>' : '';
    const body =
      `<?xml version="1.0"?><ErrorResponse xmlns="${ns}"><Error><Type>${error.sender ? 'Sender' : 'Receiver'}</Type>` +
      `<Code>${escapeXml(queryErrorCode(error, model))}</Code><Message>${escapeXml(error.message)}</Message>${detail}</Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`;
    const response = xmlResponse(errorStatus(error, model), body, requestId);
    Object.assign(response.headers, error.headers);
    return response;
  },
};

/**
 * Adds the parameters of an `application/x-www-form-urlencoded` body. A body with nothing encoded in it (no `%`, no
 * `+`, as the SDKs send most requests) is split directly; any other is read by URLSearchParams, with the same result.
 */
function addFormParams(params: Map<string, string>, form: string): void {
  if (form.includes('%') || form.includes('+')) {
    for (const [k, v] of new URLSearchParams(form)) params.set(k, v);
    return;
  }
  for (let start = 0; start <= form.length; ) {
    let end = form.indexOf('&', start);
    if (end < 0) end = form.length;
    if (end > start) {
      const eq = form.indexOf('=', start);
      if (eq >= 0 && eq < end) params.set(form.slice(start, eq), form.slice(eq + 1, end));
      else params.set(form.slice(start, end), '');
    }
    start = end + 1;
  }
}

function xmlResponse(status: number, body: string, requestId: string): RawResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

function serializedName(ref: ShapeRef, model: ServiceModel, fallback: string): string {
  return ref.locationName ?? model.shapes[ref.shape].locationName ?? fallback;
}

function isFlattened(ref: ShapeRef, model: ServiceModel): boolean {
  return Boolean(ref.flattened ?? model.shapes[ref.shape].flattened);
}

/** A flattened list whose members carry their own name is sent as `Name.N` rather than `Member.N` (SQS `AttributeName.1`). */
function flattenedListKey(ref: ShapeRef, model: ServiceModel, key: string): string | undefined {
  const shape = model.shapes[ref.shape];
  const name = shape.type === 'list' && isFlattened(ref, model) ? shape.member?.locationName : undefined;
  return name ? [...key.split('.').slice(0, -1), name].join('.') : undefined;
}

/** Indices N present under `prefix.N`, in numeric order. */
function indices(params: Map<string, string>, prefix: string): number[] {
  const found = new Set<number>();
  const start = `${prefix}.`;
  for (const key of params.keys()) {
    if (!key.startsWith(start)) continue;
    const n = Number.parseInt(key.slice(start.length), 10);
    if (n > 0) found.add(n);
  }
  return [...found].sort((a, b) => a - b);
}

function hasPrefix(params: Map<string, string>, prefix: string): boolean {
  if (params.has(prefix)) return true;
  const start = `${prefix}.`;
  for (const key of params.keys()) if (key.startsWith(start)) return true;
  return false;
}

/** Decodes form parameters under `prefix` as the shape (the inverse of botocore's query serializer). */
function decodeQuery(model: ServiceModel, ref: ShapeRef, params: Map<string, string>, prefix: string): unknown {
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        let key = prefix ? `${prefix}.${serializedName(member, model, name)}` : serializedName(member, model, name);
        if (!hasPrefix(params, key) && !hasPrefix(params, flattenedListKey(member, model, key) ?? key)) {
          // A flattened member is taken under its member name too: AWS's SQS reads `MessageAttributes.1.Name` as
          // `MessageAttribute.1.Name` (recorded by test_sqs_aws_integration_with_message_attribute[MessageAttributes]).
          const plain = prefix ? `${prefix}.${name}` : name;
          if (plain === key || !isFlattened(member, model) || !hasPrefix(params, plain)) continue;
          key = plain;
        }
        const value = decodeQuery(model, member, params, key);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'list': {
      if (params.get(prefix) === '') return [];
      const member = shape.member!;
      let listPrefix: string;
      if (isFlattened(ref, model)) {
        const name = member.locationName;
        listPrefix = name ? [...prefix.split('.').slice(0, -1), name].join('.') : prefix;
        if (name && !hasPrefix(params, listPrefix)) listPrefix = prefix;
      } else {
        listPrefix = `${prefix}.${member.locationName ?? 'member'}`;
      }
      return indices(params, listPrefix).map((i) => decodeQuery(model, member, params, `${listPrefix}.${i}`));
    }
    case 'map': {
      const base = isFlattened(ref, model) ? prefix : `${prefix}.entry`;
      const keyName = serializedName(shape.key!, model, 'key');
      const valueName = serializedName(shape.value!, model, 'value');
      const out = entries();
      for (const i of indices(params, base)) {
        const k = params.get(`${base}.${i}.${keyName}`);
        if (k === undefined) continue;
        setEntry(out, k, decodeQuery(model, shape.value!, params, `${base}.${i}.${valueName}`));
      }
      return out;
    }
    default:
      return decodeScalar(shape.type, params.get(prefix), prefix);
  }
}

function decodeScalar(type: string, raw: string | undefined, name: string): unknown {
  if (raw === undefined) return undefined;
  switch (type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = parseNumber(raw);
      if (n === undefined) throw new AwsError('MalformedQueryString', `Value '${raw}' for parameter ${name} is not a valid number.`, { status: 400 });
      return n;
    }
    case 'boolean':
      return raw === 'true';
    case 'blob':
      return Buffer.from(raw, 'base64');
    case 'timestamp': {
      const date = parseTimestamp(raw);
      if (!date) throw new AwsError('MalformedQueryString', `Value '${raw}' for parameter ${name} is not a valid timestamp.`, { status: 400 });
      return date;
    }
    default:
      return raw;
  }
}
