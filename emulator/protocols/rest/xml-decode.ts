import { AwsError } from '../../core/errors.ts';
import type { ServiceModel, ShapeRef } from '../../models/types.ts';
import { entries, setEntry } from '../../core/entries.ts';
import { parseNumber } from '../scalars.ts';
import { parseTimestamp } from '../timestamps.ts';

/** XML request bodies -> typed values, following the shape (the inverse of botocore's rest-xml serializer). */

type XmlLibrary = typeof import('fast-xml-parser');
let xml: { parser: InstanceType<XmlLibrary['XMLParser']>; validator: XmlLibrary['XMLValidator'] } | undefined;

/** Loads the XML parser on the first rest-xml request rather than at start; resolves at once when loaded. */
export function loadXmlParser(): Promise<void> | undefined {
  if (xml) return undefined;
  return import('fast-xml-parser').then(({ XMLParser, XMLValidator }) => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      removeNSPrefix: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      htmlEntities: false,
    });
    xml = { parser, validator: XMLValidator };
  });
}

type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

export function malformedXml(): AwsError {
  return new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', { status: 400 });
}

/** The root element's content of a document, or a MalformedXML error (after `loadXmlParser`). */
export function parseXmlDocument(text: string): XmlNode | undefined {
  if (!xml) throw new Error('loadXmlParser() first');
  if (xml.validator.validate(text) !== true) throw malformedXml();
  const parsed = xml.parser.parse(text) as Record<string, XmlNode>;
  const roots = Object.keys(parsed);
  return roots.length === 1 ? parsed[roots[0]] : undefined;
}

function asArray(node: XmlNode | XmlNode[] | undefined): XmlNode[] {
  if (node === undefined) return [];
  return Array.isArray(node) ? node : [node];
}

function text(node: XmlNode | XmlNode[] | undefined): string | undefined {
  const first = Array.isArray(node) ? node[0] : node;
  if (first === undefined) return undefined;
  if (typeof first === 'string') return first;
  const inner = first['#text'];
  return typeof inner === 'string' ? inner : '';
}

function stripPrefix(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The element name of a structure member, as botocore's parser looks it up. */
function memberElementName(model: ServiceModel, ref: ShapeRef, name: string): string {
  const shape = model.shapes[ref.shape];
  if (shape.type === 'list' && (ref.flattened ?? shape.flattened) && shape.member!.locationName) return shape.member!.locationName;
  return ref.locationName ?? name;
}

export function decodeXml(model: ServiceModel, ref: ShapeRef, node: XmlNode | XmlNode[] | undefined): unknown {
  if (node === undefined) return undefined;
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      const element = Array.isArray(node) ? node[0] : node;
      const out: Record<string, unknown> = {};
      if (typeof element !== 'object') return out;
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        if (member.location) continue;
        const wire = memberElementName(model, member, name);
        const child = member.xmlAttribute ? element[`@_${stripPrefix(wire)}`] : element[wire];
        const value = decodeXml(model, member, child);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'list': {
      const member = shape.member!;
      if (ref.flattened ?? shape.flattened) return asArray(node).map((item) => decodeXml(model, member, item));
      const container = Array.isArray(node) ? node[0] : node;
      if (typeof container !== 'object') return [];
      return asArray(container[member.locationName ?? 'member']).map((item) => decodeXml(model, member, item));
    }
    case 'map': {
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      const container = Array.isArray(node) ? node[0] : node;
      const items = ref.flattened ?? shape.flattened ? asArray(node) : typeof container === 'object' ? asArray(container.entry) : [];
      const out = entries();
      for (const entry of items) {
        if (typeof entry !== 'object') continue;
        const key = text(entry[keyName]);
        if (key !== undefined) setEntry(out, key, decodeXml(model, shape.value!, entry[valueName]));
      }
      return out;
    }
    default:
      return decodeXmlScalar(shape.type, text(node) ?? '');
  }
}

function decodeXmlScalar(type: string, raw: string): unknown {
  switch (type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = parseNumber(raw);
      if (n === undefined) throw malformedXml();
      return n;
    }
    case 'boolean':
      return raw.trim() === 'true';
    case 'timestamp': {
      const date = parseTimestamp(raw.trim());
      if (!date) throw malformedXml();
      return date;
    }
    case 'blob':
      return Buffer.from(raw, 'base64');
    default:
      return raw;
  }
}
