import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { valuesEqual } from './expressions/index.ts';

export type Item = Record<string, AttributeValue>;

/** String form of a scalar key value, unique per value (numbers must be normalized). */
export function encodeKeyValue(value: AttributeValue): string {
  if (value.S !== undefined) return `S${value.S}`;
  if (value.N !== undefined) return `N${value.N}`;
  if (value.B !== undefined) return `B${Buffer.from(value.B).toString('base64')}`;
  return '';
}

export function itemsEqual(a: Item | undefined, b: Item | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return valuesEqual({ M: a }, { M: b });
}
