/**
 * Item size as DynamoDB counts it (AWS docs "DynamoDB item sizes and formats"): attribute name bytes plus value
 * bytes; numbers take 1 byte per two significant digits plus 1; null and booleans 1 byte; lists and maps 3 bytes of
 * overhead plus 1 byte per element; sets the sum of their elements.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { significantDigits } from './numbers.ts';

const LIST_OR_MAP_OVERHEAD = 3;
const ELEMENT_OVERHEAD = 1;

function numberSize(text: string): number {
  return Math.ceil(significantDigits(text) / 2) + 1;
}

export function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S, 'utf8');
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s, 'utf8'), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  if (value.L !== undefined) {
    return value.L.reduce((sum, element) => sum + valueSize(element) + ELEMENT_OVERHEAD, LIST_OR_MAP_OVERHEAD);
  }
  if (value.M !== undefined) return mapContentSize(value.M, ELEMENT_OVERHEAD) + LIST_OR_MAP_OVERHEAD;
  return 0;
}

function mapContentSize(map: Record<string, AttributeValue>, perElement: number): number {
  let size = 0;
  for (const name in map) size += Buffer.byteLength(name, 'utf8') + valueSize(map[name]) + perElement;
  return size;
}

export function itemSize(item: Record<string, AttributeValue>): number {
  return mapContentSize(item, 0);
}
