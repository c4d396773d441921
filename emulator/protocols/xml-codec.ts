import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { formatTimestamp, parseTimestamp } from './timestamps.ts';
import { escapeXml } from './xml-writer.ts';

/**
 * Typed value -> XML content of one shape, as the query and rest-xml protocols serialize output: member names from
 * `locationName`, lists wrapped in `<member>` unless flattened, maps as `<entry><key/><value/></entry>`.
 * Returns the inner XML; `topLevel` skips the element for the shape itself (the caller writes the wrapper).
 */
export function encodeXml(model: ServiceModel, ref: ShapeRef, value: unknown, name: string, topLevel = false): string {
  if (value === undefined || value === null) return '';
  const shape = model.shapes[ref.shape];
  switch (shape.type) {
    case 'structure': {
      let inner = '';
      let attributes = '';
      for (const [memberName, member] of Object.entries(shape.members ?? {})) {
        const memberValue = (value as Record<string, unknown>)[memberName];
        // Members bound to headers, the URI or the status code are written by the REST protocols themselves.
        if (memberValue === undefined || memberValue === null || member.location) continue;
        const wireName = member.locationName ?? memberName;
        if (member.xmlAttribute) {
          attributes += ` ${wireName}="${escapeXml(scalarText(model, member, memberValue))}"`;
          continue;
        }
        inner += encodeXml(model, member, memberValue, wireName);
      }
      if (topLevel) return inner;
      const ns = ref.xmlNamespace ?? shape.xmlNamespace;
      if (ns) attributes += ` xmlns${ns.prefix ? `:${ns.prefix}` : ''}="${ns.uri}"`;
      return `<${name}${attributes}>${inner}</${name}>`;
    }
    case 'list': {
      const member = shape.member!;
      const items = value as unknown[];
      if (ref.flattened ?? shape.flattened) {
        const itemName = member.locationName ?? name;
        return items.map((item) => encodeXml(model, member, item, itemName)).join('');
      }
      const itemName = member.locationName ?? 'member';
      const inner = items.map((item) => encodeXml(model, member, item, itemName)).join('');
      return topLevel ? inner : `<${name}>${inner}</${name}>`;
    }
    case 'map': {
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      const flattened = ref.flattened ?? shape.flattened;
      const entries = Object.entries(value as Record<string, unknown>).map(
        ([k, v]) =>
          `<${flattened ? name : 'entry'}><${keyName}>${escapeXml(k)}</${keyName}>${encodeXml(model, shape.value!, v, valueName)}</${flattened ? name : 'entry'}>`,
      );
      return flattened || topLevel ? entries.join('') : `<${name}>${entries.join('')}</${name}>`;
    }
    default: {
      const text = escapeXml(scalarText(model, ref, value));
      return topLevel ? text : `<${name}>${text}</${name}>`;
    }
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
