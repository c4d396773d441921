import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';
import { compiledOnce } from './compiled.ts';
import { escapeXml } from './xml-writer.ts';

/**
 * Typed value -> XML content of one shape, as the query and rest-xml protocols serialize output: member names from
 * `locationName`, lists wrapped in `<member>` unless flattened, maps as `<entry><key/><value/></entry>`.
 * Returns the inner XML; `topLevel` skips the element for the shape itself (the caller writes the wrapper).
 */
export function encodeXml(model: ServiceModel, ref: ShapeRef, value: unknown, name: string, topLevel = false): string {
  return encoderFor(model, ref)(value, name, topLevel);
}

type XmlEncoder = (value: unknown, name: string, topLevel: boolean) => string;

/**
 * Each shape's encoder, compiled on first use (per shape and the traits of the reference that change its XML:
 * flattened, namespace, timestamp format): a response then looks nothing up in the model.
 */
const encoders = new WeakMap<ServiceModel, Map<string, XmlEncoder>>();

const standIn = (built: () => XmlEncoder): XmlEncoder => (value, name, topLevel) => built()(value, name, topLevel);

function encoderFor(model: ServiceModel, ref: ShapeRef): XmlEncoder {
  const ns = ref.xmlNamespace;
  const key = ref.flattened === undefined && !ns && !ref.timestampFormat ? ref.shape : `${ref.shape} ${ref.flattened} ${ns?.prefix} ${ns?.uri} ${ref.timestampFormat}`;
  return compiledOnce(encoders, model, key, () => compile(model, ref), standIn);
}

function compile(model: ServiceModel, ref: ShapeRef): XmlEncoder {
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      const members = Object.entries(shape.members ?? {})
        // Members bound to headers, the URI or the status code are written by the REST protocols themselves.
        .filter(([, member]) => !member.location)
        .map(([memberName, member]) => ({ memberName, member, wireName: member.locationName ?? memberName, attribute: Boolean(member.xmlAttribute), encode: encoderFor(model, member) }));
      const ns = ref.xmlNamespace ?? shape.xmlNamespace;
      const nsAttribute = ns ? ` xmlns${ns.prefix ? `:${ns.prefix}` : ''}="${ns.uri}"` : '';
      return (value, name, topLevel) => {
        if (value === undefined || value === null) return '';
        let inner = '';
        let attributes = '';
        for (const { memberName, member, wireName, attribute, encode } of members) {
          const memberValue = (value as Record<string, unknown>)[memberName];
          if (memberValue === undefined || memberValue === null) continue;
          if (attribute) {
            attributes += ` ${wireName}="${escapeXml(scalarText(model, member, memberValue))}"`;
            continue;
          }
          inner += encode(memberValue, wireName, false);
        }
        if (topLevel) return inner;
        return `<${name}${attributes}${nsAttribute}>${inner}</${name}>`;
      };
    }
    case 'list': {
      const member = shape.member!;
      const encodeItem = encoderFor(model, member);
      const flattened = ref.flattened ?? shape.flattened;
      return (value, name, topLevel) => {
        if (value === undefined || value === null) return '';
        const itemName = member.locationName ?? (flattened ? name : 'member');
        let inner = '';
        for (const item of value as unknown[]) inner += encodeItem(item, itemName, false);
        return flattened || topLevel ? inner : `<${name}>${inner}</${name}>`;
      };
    }
    case 'map': {
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      const encodeValue = encoderFor(model, shape.value!);
      const flattened = ref.flattened ?? shape.flattened;
      return (value, name, topLevel) => {
        if (value === undefined || value === null) return '';
        const entryName = flattened ? name : 'entry';
        let entries = '';
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          entries += `<${entryName}><${keyName}>${escapeXml(k)}</${keyName}>${encodeValue(v, valueName, false)}</${entryName}>`;
        }
        return flattened || topLevel ? entries : `<${name}>${entries}</${name}>`;
      };
    }
    default:
      return (value, name, topLevel) => {
        if (value === undefined || value === null) return '';
        const text = escapeXml(scalarText(model, ref, value));
        return topLevel ? text : `<${name}>${text}</${name}>`;
      };
  }
}

export function scalarText(model: ServiceModel, ref: ShapeRef, value: unknown): string {
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'blob':
      return Buffer.from(value as Uint8Array | string).toString('base64');
    case 'timestamp': {
      const date = value instanceof Date ? value : parseTimestamp(value);
      return date ? String(formatTimestamp(date, ref.timestampFormat ?? shape.timestampFormat ?? 'iso8601')) : '';
    }
    default:
      return String(value);
  }
}
