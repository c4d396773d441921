import { XMLParser } from 'fast-xml-parser';
import type { ServiceModel, Shape, ShapeRef } from '../../emulator/models/types.ts';
import type { JsonValue } from '../contract/types.ts';

/**
 * rest-xml responses (S3) as botocore parses them: header-bound members from the headers (header maps always present,
 * as botocore gives them), the status-code member, the payload member (a document, or the raw body as text) or the body
 * members under the root element; S3's `encoding-type=url` listings decoded as botocore's S3 handlers decode them.
 */

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

function asList(value: XmlNode | XmlNode[] | undefined): XmlNode[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text(node: XmlNode | XmlNode[] | undefined): string {
  const first = Array.isArray(node) ? node[0] : node;
  if (first === undefined) return '';
  if (typeof first === 'string') return first;
  const inner = first['#text'];
  return typeof inner === 'string' ? inner : '';
}

function toIso(value: string): string {
  const date = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function scalar(shape: Shape, raw: string): JsonValue {
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return Number(raw);
    case 'boolean':
      return raw.trim() === 'true';
    case 'timestamp':
      return toIso(raw.trim());
    default:
      return raw;
  }
}

function elementName(model: ServiceModel, ref: ShapeRef, name: string): string {
  const shape = model.shapes[ref.shape];
  if (shape.type === 'list' && (ref.flattened ?? shape.flattened) && shape.member!.locationName) return shape.member!.locationName;
  return ref.locationName ?? name;
}

function fromXml(model: ServiceModel, ref: ShapeRef, node: XmlNode | XmlNode[] | undefined): JsonValue | undefined {
  if (node === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      const element = (Array.isArray(node) ? node[0] : node) as XmlNode;
      const out: Record<string, JsonValue> = {};
      if (typeof element !== 'object') return out;
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (member.location) continue;
        const wire = elementName(model, member, name);
        const child = member.xmlAttribute ? element[`@_${wire.split(':').pop()}`] : element[wire];
        const value = fromXml(model, member, child);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'list': {
      if (ref.flattened ?? shape.flattened) return asList(node).map((item) => fromXml(model, shape.member!, item) ?? null);
      const container = (Array.isArray(node) ? node[0] : node) as XmlNode;
      if (typeof container !== 'object') return [];
      return asList(container[shape.member!.locationName ?? 'member']).map((item) => fromXml(model, shape.member!, item) ?? null);
    }
    case 'map': {
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      const container = (Array.isArray(node) ? node[0] : node) as XmlNode;
      const entries = (ref.flattened ?? shape.flattened) ? asList(node) : typeof container === 'object' ? asList(container.entry) : [];
      const out: Record<string, JsonValue> = {};
      for (const entry of entries) if (typeof entry === 'object') out[text(entry[keyName])] = fromXml(model, shape.value!, entry[valueName]) ?? null;
      return out;
    }
    default:
      return scalar(shape, text(node));
  }
}

function fromHeader(model: ServiceModel, ref: ShapeRef, raw: string): JsonValue {
  const shape = model.shapes[ref.shape];
  if (shape.type === 'list') return raw.split(',').map((v) => scalar(model.shapes[shape.member!.shape], v.trim()));
  if (shape.type === 'string' && ref.jsonvalue) return JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as JsonValue;
  return scalar(shape, raw);
}

/** The members bound to headers and the status code. */
function headerMembers(model: ServiceModel, shape: Shape, status: number, headers: Record<string, string>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const wire = (ref.locationName ?? name).toLowerCase();
    if (ref.location === 'header' && headers[wire] !== undefined) out[name] = fromHeader(model, ref, headers[wire]);
    else if (ref.location === 'statusCode') out[name] = status;
    else if (ref.location === 'headers') {
      const map: Record<string, JsonValue> = {};
      for (const [header, value] of Object.entries(headers)) if (header.startsWith(wire)) map[header.slice(wire.length)] = value;
      out[name] = map;
    }
  }
  return out;
}

/** botocore's S3 handlers decode url-encoded listings (`encoding-type=url`, which boto3 always asks for). */
const URL_ENCODED: Record<string, { top: string[]; nested: [string, string][] }> = {
  ListObjects: { top: ['Delimiter', 'Marker', 'NextMarker'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectsV2: { top: ['Delimiter', 'Prefix', 'StartAfter'], nested: [['Contents', 'Key'], ['CommonPrefixes', 'Prefix']] },
  ListObjectVersions: { top: ['KeyMarker', 'NextKeyMarker', 'Prefix', 'Delimiter'], nested: [['Versions', 'Key'], ['DeleteMarkers', 'Key'], ['CommonPrefixes', 'Prefix']] },
};

function decodeListing(operation: string, output: Record<string, JsonValue>): void {
  const spec = URL_ENCODED[operation];
  if (!spec || output.EncodingType !== 'url') return;
  const decode = (v: JsonValue) => (typeof v === 'string' ? decodeURIComponent(v.replace(/\+/g, ' ')) : v);
  for (const key of spec.top) if (key in output) output[key] = decode(output[key]);
  for (const [list, key] of spec.nested) {
    for (const item of (output[list] as Record<string, JsonValue>[] | undefined) ?? []) if (key in item) item[key] = decode(item[key]);
  }
}

/**
 * botocore's S3 `Expires` handling: the raw header as `ExpiresString`, and `Expires` as a timestamp when the header
 * is an HTTP date (left out when it is not).
 */
function expiresAsBotocore(out: Record<string, JsonValue>): void {
  if (typeof out.Expires !== 'string') return;
  const raw = out.Expires;
  out.ExpiresString = raw;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) delete out.Expires;
  else out.Expires = date.toISOString();
}

/**
 * botocore's GetBucketLocation handler: `LocationConstraint` is the text of the answer's root element, null when it
 * has none (a us-east-1 bucket's empty element, and any error document, whose parsed error then carries it too).
 */
export function bucketLocationAsBotocore(body: string): { LocationConstraint: JsonValue } {
  const document = body.trim() ? (xml.parse(body) as Record<string, XmlNode>) : {};
  const root = Object.values(document)[0];
  const text = typeof root === 'string' ? root : root && typeof root === 'object' && typeof (root as Record<string, XmlNode>)['#text'] === 'string' ? (root as Record<string, XmlNode>)['#text'] : '';
  return { LocationConstraint: (text as string) || null };
}

export function parseRestXmlOutput(model: ServiceModel, operation: string, status: number, headers: Record<string, string>, body: string): Record<string, JsonValue> {
  const outputRef = model.operations[operation]?.output;
  if (!outputRef) return {};
  const shape = model.shapes[outputRef.shape];
  const out = headerMembers(model, shape, status, headers);
  expiresAsBotocore(out);
  if (shape.payload) {
    const ref = shape.members![shape.payload];
    const payloadShape = model.shapes[ref.shape];
    if (payloadShape.type === 'blob' || payloadShape.type === 'string') {
      if (body) out[shape.payload] = body;
    } else if (body.trim()) {
      const document = xml.parse(body) as Record<string, XmlNode>;
      const value = fromXml(model, ref, Object.values(document)[0]);
      if (value !== undefined) out[shape.payload] = value;
    }
    return out;
  }
  if (body.trim()) {
    const document = xml.parse(body) as Record<string, XmlNode>;
    const [rootName, root] = Object.entries(document)[0] ?? [];
    // A document that is one member's text (S3's <LocationConstraint>eu-west-1</LocationConstraint>).
    if (operation === 'GetBucketLocation') Object.assign(out, bucketLocationAsBotocore(body));
    else if (rootName && typeof root === 'string' && shape.members?.[rootName]) {
      if (root) out[rootName] = root;
    } else Object.assign(out, fromXml(model, outputRef, root) as Record<string, JsonValue>);
  }
  decodeListing(operation, out);
  return out;
}

/**
 * The members of a modelled error shape (S3's InvalidObjectState.StorageClass), as botocore adds them to the parsed
 * error: header-bound members from the headers, body members from the `<Error>` element. Undefined for an error code
 * the model does not describe.
 */
export function parseRestXmlErrorMembers(model: ServiceModel, code: string, status: number, headers: Record<string, string>, body: string): Record<string, JsonValue> | undefined {
  const name = Object.hasOwn(model.shapes, code) && model.shapes[code].exception ? code : undefined;
  if (!name) return undefined;
  const shape = model.shapes[name];
  if (Object.keys(shape.members ?? {}).length === 0) return undefined;
  const out = headerMembers(model, shape, status, headers);
  if (body.trim()) {
    const document = xml.parse(body) as Record<string, XmlNode>;
    const root = (document.ErrorResponse as Record<string, XmlNode> | undefined)?.Error ?? document.Error;
    Object.assign(out, fromXml(model, { shape: name }, root) as Record<string, JsonValue> | undefined);
  }
  return out;
}

/** S3's bare `<Error>`: the code, message and the elements it adds (BucketName, Key, Condition...). A HEAD error has no body: botocore names it by its status. */
export function parseRestXmlError(status: number, body: string): { code: string; message?: string; fields?: Record<string, string> } {
  if (!body.trim()) return { code: String(status), message: STATUS_TEXT[status] };
  const document = xml.parse(body) as Record<string, XmlNode>;
  const root = (document.ErrorResponse as Record<string, XmlNode> | undefined)?.Error ?? document.Error ?? document;
  const error = (Array.isArray(root) ? root[0] : root) as Record<string, XmlNode>;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(error)) {
    if (!['Code', 'Message', 'RequestId', 'HostId', 'Type'].includes(name)) fields[name] = text(value);
  }
  return { code: text(error.Code), message: error.Message === undefined ? undefined : text(error.Message), ...(Object.keys(fields).length ? { fields } : {}) };
}

const STATUS_TEXT: Record<number, string> = { 301: 'Moved Permanently', 304: 'Not Modified', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 412: 'Precondition Failed' };
