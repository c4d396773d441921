/** Value semantics of DynamoDB AttributeValues: types, ordering, equality and the functions expressions apply. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { compareNumberStrings } from './numbers.ts';

export type TypeTag = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL';

export const TYPE_TAGS: readonly TypeTag[] = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'];

/** The data type an AttributeValue carries (the first member set; validation rejects values with more). */
export function typeOf(value: AttributeValue): TypeTag {
  for (const key in value) {
    if ((value as unknown as Record<string, unknown>)[key] !== undefined && key !== '$unknown') return key as TypeTag;
  }
  return undefined as unknown as TypeTag;
}

/** Type names AWS prints in update-action operand errors ("operator: ADD, operand type: MAP"). */
const LONG_TYPE_NAMES: Record<TypeTag, string> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  SS: 'STRING_SET',
  NS: 'NUMBER_SET',
  BS: 'BINARY_SET',
  M: 'MAP',
  L: 'LIST',
  NULL: 'NULL',
  BOOL: 'BOOLEAN',
};

export function longTypeName(value: AttributeValue): string {
  return LONG_TYPE_NAMES[typeOf(value)];
}

/** Compares two byte strings as unsigned bytes. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Compares strings by their UTF-8 bytes, which is code point order (UTF-16 code unit order differs for astral chars). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    const surrogateA = ca >= 0xd800 && ca <= 0xdfff;
    const surrogateB = cb >= 0xd800 && cb <= 0xdfff;
    if (surrogateA === surrogateB) return ca < cb ? -1 : 1;
    return surrogateA ? 1 : -1; // an astral code point sorts after every BMP one
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/**
 * Orders two values of the same scalar type (N numerically and exactly, S by UTF-8 bytes, B by unsigned bytes).
 * Returns NaN when the values are not comparable (different or non-scalar types): comparisons are then false.
 */
export function compareValues(a: AttributeValue, b: AttributeValue): number {
  if (a.S !== undefined) return b.S !== undefined ? compareStrings(a.S, b.S) : NaN;
  if (a.N !== undefined) return b.N !== undefined ? compareNumberStrings(a.N, b.N) : NaN;
  if (a.B !== undefined) return b.B !== undefined ? compareBytes(a.B, b.B) : NaN;
  return NaN;
}

function setHas<T>(set: T[], element: T, equal: (x: T, y: T) => boolean): boolean {
  for (const candidate of set) if (equal(candidate, element)) return true;
  return false;
}

function sameSet<T>(a: T[], b: T[], equal: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((element) => setHas(b, element, equal));
}

const numbersEqual = (x: string, y: string) => compareNumberStrings(x, y) === 0;
const bytesEqual = (x: Uint8Array, y: Uint8Array) => compareBytes(x, y) === 0;
const stringsEqual = (x: string, y: string) => x === y;

/** Deep equality as DynamoDB's = operator sees it: sets ignore order, numbers compare by value. */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return b.N !== undefined && numbersEqual(a.N, b.N);
  if (a.B !== undefined) return b.B !== undefined && bytesEqual(a.B, b.B);
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.SS !== undefined) return b.SS !== undefined && sameSet(a.SS, b.SS, stringsEqual);
  if (a.NS !== undefined) return b.NS !== undefined && sameSet(a.NS, b.NS, numbersEqual);
  if (a.BS !== undefined) return b.BS !== undefined && sameSet(a.BS, b.BS, bytesEqual);
  if (a.L !== undefined) {
    return b.L !== undefined && a.L.length === b.L.length && a.L.every((element, i) => valuesEqual(element, b.L![i]));
  }
  if (a.M !== undefined) {
    if (b.M === undefined) return false;
    const keys = Object.keys(a.M);
    if (keys.length !== Object.keys(b.M).length) return false;
    return keys.every((key) => b.M![key] !== undefined && valuesEqual(a.M![key], b.M![key]));
  }
  return false;
}

/**
 * The size() function: binary bytes and element counts; strings count UTF-16 code units (checked against real
 * DynamoDB in ExtendDB/extenddb#67: size("é𝄞") = 3). Undefined for types without a size (N, BOOL, NULL).
 */
export function sizeOf(value: AttributeValue): number | undefined {
  if (value.S !== undefined) return value.S.length;
  if (value.B !== undefined) return value.B.length;
  const collection = value.SS ?? value.NS ?? value.BS ?? value.L;
  if (collection !== undefined) return collection.length;
  if (value.M !== undefined) return Object.keys(value.M).length;
  return undefined;
}

function bytesInclude(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.length).indexOf(needle) !== -1;
}

/** contains(path, operand): substring of S/B, member of a set of the operand's type, or element of a list. */
export function containsValue(container: AttributeValue, operand: AttributeValue): boolean {
  if (container.S !== undefined) return operand.S !== undefined && container.S.includes(operand.S);
  if (container.B !== undefined) return operand.B !== undefined && bytesInclude(container.B, operand.B);
  if (container.SS !== undefined) return operand.S !== undefined && container.SS.includes(operand.S);
  if (container.NS !== undefined) return operand.N !== undefined && setHas(container.NS, operand.N, numbersEqual);
  if (container.BS !== undefined) return operand.B !== undefined && setHas(container.BS, operand.B, bytesEqual);
  if (container.L !== undefined) return container.L.some((element) => valuesEqual(element, operand));
  return false;
}

/** begins_with(operand, operand) for strings and binaries. */
export function beginsWith(value: AttributeValue, prefix: AttributeValue): boolean {
  if (value.S !== undefined) return prefix.S !== undefined && value.S.startsWith(prefix.S);
  if (value.B !== undefined && prefix.B !== undefined) {
    return prefix.B.length <= value.B.length && compareBytes(value.B.subarray(0, prefix.B.length), prefix.B) === 0;
  }
  return false;
}

export { setHas, numbersEqual, bytesEqual };
