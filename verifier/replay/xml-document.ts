import { XMLParser } from 'fast-xml-parser';
import type { JsonValue } from '../contract/types.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  trimValues: true,
});

/** xmltodict's empty element is `None`; fast-xml-parser gives `''`. */
function normalise(value: JsonValue): JsonValue {
  if (value === '') return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.startsWith('@') ? v : normalise(v)]));
  return value;
}

/**
 * XML text in the form Python's xmltodict gives it (what LocalStack's tests snapshot of raw XML answers): text-only
 * elements as their text, empty ones `null`, attributes as `@name`, repeated elements as lists. Undefined when the text
 * is no XML document.
 */
export function xmlDocument(text: string): JsonValue | undefined {
  if (!text.trimStart().startsWith('<')) return undefined;
  try {
    return normalise(parser.parse(text) as JsonValue);
  } catch {
    return undefined;
  }
}
