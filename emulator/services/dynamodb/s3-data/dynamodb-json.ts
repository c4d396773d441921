import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Item } from '../values.ts';

/** An attribute value in DynamoDB JSON, as exports write it: binary values in base64. */
function valueToJson(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined) return { M: itemToJson(value.M) };
  if (value.L !== undefined) return { L: value.L.map(valueToJson) };
  return value;
}

export function itemToJson(item: Item): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, valueToJson(value)]));
}

const TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS']);

/** An attribute value read from DynamoDB JSON; undefined when it is not one. */
function valueFromJson(json: unknown): AttributeValue | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const entries = Object.entries(json);
  if (entries.length !== 1 || !TYPES.has(entries[0][0])) return undefined;
  const [type, raw] = entries[0];
  const strings = Array.isArray(raw) && raw.length > 0 && raw.every((s) => typeof s === 'string');
  switch (type) {
    case 'S':
      return typeof raw === 'string' ? { S: raw } : undefined;
    case 'N':
      return typeof raw === 'string' ? { N: raw } : undefined;
    case 'B':
      return typeof raw === 'string' ? { B: Buffer.from(raw, 'base64') } : undefined;
    case 'BOOL':
      return typeof raw === 'boolean' ? { BOOL: raw } : undefined;
    case 'NULL':
      return raw === true ? { NULL: true } : undefined;
    case 'SS':
      return strings ? { SS: raw as string[] } : undefined;
    case 'NS':
      return strings ? { NS: raw as string[] } : undefined;
    case 'BS':
      return strings ? { BS: (raw as string[]).map((b) => Buffer.from(b, 'base64')) } : undefined;
    case 'M': {
      const item = itemFromJson(raw);
      return item && { M: item };
    }
    default: {
      if (!Array.isArray(raw)) return undefined;
      const list = raw.map(valueFromJson);
      return list.every((v) => v !== undefined) ? { L: list as AttributeValue[] } : undefined;
    }
  }
}

/** An item read from DynamoDB JSON (a map of attribute values); undefined when it is not one. */
export function itemFromJson(json: unknown): Item | undefined {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const item: Item = {};
  for (const [name, raw] of Object.entries(json)) {
    const value = valueFromJson(raw);
    if (!value) return undefined;
    item[name] = value;
  }
  return item;
}
