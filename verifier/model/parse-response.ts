import { XMLParser } from 'fast-xml-parser';
import type { ServiceModel, ShapeRef } from '../../emulator/models/types.ts';
import type { JsonValue, WireProtocol } from '../contract/types.ts';
import { parseRestXmlError, parseRestXmlErrorMembers, bucketLocationAsBotocore, parseRestXmlOutput } from './rest-xml-response.ts';

/** A response as a client sees it after parsing it with the service model; the same form for every protocol. */
export interface ParsedResponse {
  status: number;
  headers: Record<string, string>;
  output?: { [key: string]: JsonValue };
  error?: { code: string; message?: string; type?: string; shapeName?: string; fields?: Record<string, string> };
  /** Set when the body could not be parsed as the protocol says (that is itself a parity failure). */
  unparseable?: string;
}

const xml = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: false });

/**
 * Parses a raw response of `operation` with the model: member names as in the model, blobs as base64 text,
 * timestamps as ISO strings, numbers and booleans typed. Independent of the emulator's own codecs on purpose.
 */
export function parseResponse(
  model: ServiceModel,
  operation: string,
  protocol: WireProtocol,
  status: number,
  headers: Record<string, string>,
  body: string,
): ParsedResponse {
  const result: ParsedResponse = { status, headers };
  const outputRef = model.operations[operation]?.output;
  try {
    if (protocol === 'json' || protocol === 'rest-json') {
      const document = () => (body.trim() ? (JSON.parse(body) as Record<string, unknown>) : {});
      if (status >= 300) {
        result.error = jsonError(document(), headers);
        const shape = model.shapes[result.error?.shapeName ?? ''];
        // An error shape's modelled members (DynamoDB's ConditionalCheckFailedException.Item) are part of what a client sees.
        if (shape?.exception) result.output = fromJson(model, { shape: result.error!.shapeName! }, document(), protocol) as ParsedResponse['output'];
      } else if (protocol === 'rest-json' && outputRef) {
        const payload = model.shapes[outputRef.shape].payload;
        // A payload member is the whole body (Lambda's Invoke Payload); the others come from the headers and the status.
        result.output = payload ? { [payload]: Buffer.from(body).toString('base64') } : (fromJson(model, outputRef, document(), protocol) as ParsedResponse['output']);
        Object.assign(result.output!, statusMembers(model, outputRef, status), headerMembers(model, outputRef, headers));
      } else {
        result.output = outputRef ? (fromJson(model, outputRef, document(), protocol) as ParsedResponse['output']) : {};
      }
    } else if (protocol === 'rest-xml') {
      if (status >= 300) {
        result.error = parseRestXmlError(status, body);
        const members = parseRestXmlErrorMembers(model, result.error.code, status, headers, body);
        if (members) result.output = members as ParsedResponse['output'];
        if (operation === 'GetBucketLocation') result.output = { ...result.output, ...bucketLocationAsBotocore(body) };
      } else result.output = parseRestXmlOutput(model, operation, status, headers, body) as ParsedResponse['output'];
    } else {
      const document = body.trim() ? (xml.parse(body) as Record<string, unknown>) : {};
      if (status >= 300) result.error = xmlError(document);
      else result.output = outputRef ? (fromQueryXml(model, operation, outputRef, document) as ParsedResponse['output']) : {};
    }
  } catch (error) {
    result.unparseable = `${protocol} body could not be parsed: ${(error as Error).message}`;
  }
  return result;
}

function jsonError(document: Record<string, unknown>, headers: Record<string, string>): ParsedResponse['error'] {
  const rawType = String(document.__type ?? document.code ?? headers['x-amzn-errortype'] ?? '');
  // `__type` may be `com.amazonaws.sqs#QueueDoesNotExist` or `QueueDoesNotExist:http://...` (rest-json).
  const shapeName = rawType.slice(rawType.lastIndexOf('#') + 1).split(':')[0];
  const message = (document.message ?? document.Message) as string | undefined;
  const queryError = headers['x-amzn-query-error'];
  if (queryError) {
    const [code, type] = queryError.split(';');
    return { code, message, type, shapeName };
  }
  return { code: shapeName, message, shapeName };
}

function xmlError(document: Record<string, unknown>): ParsedResponse['error'] {
  const root = (document.ErrorResponse ?? document.Response ?? document) as Record<string, unknown>;
  let error = (root.Error ?? (root.Errors as Record<string, unknown> | undefined)?.Error ?? root) as Record<string, unknown>;
  if (Array.isArray(error)) error = error[0];
  const text = (v: unknown) => (v === undefined || v === '' ? undefined : String(v));
  return { code: String(error.Code ?? ''), message: text(error.Message), type: text(error.Type) };
}

/** Output members bound to the HTTP status (Lambda's DeleteFunction and Invoke `StatusCode`), as clients fill them. */
function statusMembers(model: ServiceModel, ref: ShapeRef, status: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, member] of Object.entries(model.shapes[ref.shape].members ?? {})) if (member.location === 'statusCode') out[name] = status;
  return out;
}

/** Output members bound to response headers (Invoke's FunctionError, LogResult, ExecutedVersion), typed as the model says. */
function headerMembers(model: ServiceModel, ref: ShapeRef, headers: Record<string, string>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, member] of Object.entries(model.shapes[ref.shape].members ?? {})) {
    const value = member.location === 'header' ? headers[(member.locationName ?? name).toLowerCase()] : undefined;
    if (value === undefined) continue;
    const type = model.shapes[member.shape].type;
    out[name] = type === 'integer' || type === 'long' ? Number(value) : type === 'boolean' ? value === 'true' : value;
  }
  return out;
}

function fromJson(model: ServiceModel, ref: ShapeRef, value: unknown, protocol: WireProtocol): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, JsonValue> = {};
      const object = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (member.location) continue;
        const key = protocol === 'rest-json' ? (member.locationName ?? name) : name;
        const parsed = fromJson(model, member, object[key], protocol);
        if (parsed !== undefined) out[name] = parsed;
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => fromJson(model, shape.member!, v, protocol) ?? null);
    case 'map': {
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fromJson(model, shape.value!, v, protocol) ?? null;
      return out;
    }
    case 'timestamp':
      return toIso(value);
    default:
      return value as JsonValue;
  }
}

function fromQueryXml(model: ServiceModel, operation: string, ref: ShapeRef, document: Record<string, unknown>): JsonValue | undefined {
  const root = document[`${operation}Response`] as Record<string, unknown> | undefined;
  if (!root) throw new Error(`no <${operation}Response> element`);
  const wrapper = ref.resultWrapper ?? `${operation}Result`;
  const result = root[wrapper];
  if (result === undefined) return {};
  return fromXml(model, ref, result === '' ? {} : result);
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function fromXml(model: ServiceModel, ref: ShapeRef, value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, JsonValue> = {};
      const object = (value === '' ? {} : value) as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const memberShape = model.shapes[member.shape];
        const flattened = member.flattened ?? memberShape.flattened;
        const key = flattened && memberShape.type === 'list' ? (member.locationName ?? memberShape.member!.locationName ?? name) : (member.locationName ?? name);
        if (!(key in object)) continue;
        const parsed = flattened ? fromFlattened(model, member, object[key]) : fromXml(model, member, object[key]);
        if (parsed !== undefined) out[name] = parsed;
      }
      return out;
    }
    case 'list': {
      const itemName = shape.member!.locationName ?? 'member';
      const items = value === '' ? [] : asList((value as Record<string, unknown>)[itemName]);
      return items.map((item) => fromXml(model, shape.member!, item) ?? null);
    }
    case 'map':
      return mapEntries(model, ref, asList(value === '' ? undefined : (value as Record<string, unknown>).entry));
    default:
      return scalar(shape.type, value);
  }
}

function fromFlattened(model: ServiceModel, ref: ShapeRef, value: unknown): JsonValue {
  const shape = model.shapes[ref.shape];
  if (shape.type === 'map') return mapEntries(model, ref, asList(value));
  return asList(value).map((item) => fromXml(model, shape.member!, item) ?? null);
}

function mapEntries(model: ServiceModel, ref: ShapeRef, entries: unknown[]): JsonValue {
  const shape = model.shapes[ref.shape];
  const keyName = shape.key!.locationName ?? 'key';
  const valueName = shape.value!.locationName ?? 'value';
  const out: Record<string, JsonValue> = {};
  for (const entry of entries as Record<string, unknown>[]) out[String(entry[keyName])] = fromXml(model, shape.value!, entry[valueName] ?? '') ?? null;
  return out;
}

function scalar(type: string, value: unknown): JsonValue {
  const text = typeof value === 'string' ? value : String(value ?? '');
  switch (type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'timestamp':
      return toIso(text);
    default:
      return text;
  }
}

function toIso(value: unknown): string {
  const date = typeof value === 'number' ? new Date(value * 1000) : /^\d+(\.\d+)?$/.test(String(value)) ? new Date(Number(value) * 1000) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}
