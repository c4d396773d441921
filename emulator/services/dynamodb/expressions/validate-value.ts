/** Validation and normalisation of client-supplied AttributeValues (items, keys, ExpressionAttributeValues). */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import { normalizeNumber } from './numbers.ts';
import { compareBytes } from './values.ts';
import { setEntry } from '../../../core/entries.ts';

const MAX_NESTING = 32;

const invalid = (message: string) => new AwsError('ValidationException', message, { status: 400 });
const paramInvalid = (message: string) => invalid(`One or more parameter values were invalid: ${message}`);

function countTypes(value: AttributeValue): number {
  let count = 0;
  for (const key in value) {
    if (key !== '$unknown' && (value as unknown as Record<string, unknown>)[key] !== undefined) count++;
  }
  return count;
}

const hasDuplicates = <T>(sorted: T[], same: (a: T, b: T) => boolean) => sorted.some((v, i) => i > 0 && same(v, sorted[i - 1]));

/** Whether strings repeat: compared pairwise for the few members most sets have (no copy to sort), sorted beyond. */
function hasDuplicateStrings(values: string[]): boolean {
  if (values.length > 8) return hasDuplicates([...values].sort(), (a, b) => a === b);
  for (let i = 1; i < values.length; i++) for (let j = 0; j < i; j++) if (values[i] === values[j]) return true;
  return false;
}

/**
 * Each set type words duplicates its own way (dynalite test/updateItem.js, run against real DynamoDB; the number
 * set's message also in a real response quoted in dynamoose/dynamoose#79).
 */
function assertNoDuplicates(value: AttributeValue): void {
  if (value.SS !== undefined && hasDuplicateStrings(value.SS)) {
    // Unverified wording detail: the order AWS lists the members in (we print them as the client sent them).
    throw paramInvalid(`Input collection [${value.SS.join(', ')}] contains duplicates.`);
  }
  if (value.NS !== undefined && hasDuplicateStrings(value.NS.map(normalizeNumber))) {
    throw invalid('Input collection contains duplicates');
  }
  if (value.BS !== undefined && hasDuplicates([...value.BS].sort(compareBytes), (a, b) => compareBytes(a, b) === 0)) {
    const members = value.BS.map((b) => Buffer.from(b).toString('base64')).join(', ');
    throw paramInvalid(`Input collection [${members}]of type BS contains duplicates.`);
  }
}

function validateInner(value: AttributeValue, depth: number): void {
  if (value === null || typeof value !== 'object') {
    throw invalid('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  }
  const types = countTypes(value);
  if (types === 0) throw invalid('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  if (types > 1) {
    throw invalid('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  }
  if (depth > MAX_NESTING) throw invalid('Nesting Levels have exceeded supported limits');
  if (value.N !== undefined) normalizeNumber(value.N);
  else if (value.NULL !== undefined && value.NULL !== true) {
    throw paramInvalid('Null attribute value types must have the value of true');
  } else if (value.SS !== undefined && value.SS.length === 0) {
    throw paramInvalid('An string set  may not be empty');
  } else if (value.NS !== undefined && value.NS.length === 0) {
    throw paramInvalid('An number set  may not be empty');
  } else if (value.BS !== undefined && value.BS.length === 0) {
    throw paramInvalid('Binary sets should not be empty');
  } else if (value.L !== undefined) {
    for (const element of value.L) validateInner(element, depth + 1);
  } else if (value.M !== undefined) {
    for (const name in value.M) validateInner(value.M[name], depth + 1);
  } else assertNoDuplicates(value);
}

/**
 * Throws AWS's ValidationException for a malformed value: no or several data types, empty or duplicate sets,
 * NULL other than true, unstorable numbers, nesting deeper than 32 levels. `path` names where the value came from;
 * for ExpressionAttributeValues (a ':name' path) AWS wraps the message ("ExpressionAttributeValues contains invalid
 * value: ... for key :v").
 */
export function validateAttributeValue(value: AttributeValue, path: string): void {
  if (!path.startsWith(':')) return validateInner(value, 1);
  try {
    validateInner(value, 1);
  } catch (error) {
    if (error instanceof AwsError) {
      throw invalid(`ExpressionAttributeValues contains invalid value: ${error.message} for key ${path}`);
    }
    throw error;
  }
}

/** A copy of a (validated) value with numbers in DynamoDB's canonical form, as DynamoDB stores and returns them. */
export function normalizeValue(value: AttributeValue): AttributeValue {
  if (value.N !== undefined) {
    // Most numbers come in canonical form already: the value itself then, as for strings.
    const normalized = normalizeNumber(value.N);
    return normalized === value.N ? value : { N: normalized };
  }
  if (value.NS !== undefined) return { NS: value.NS.map(normalizeNumber) };
  if (value.L !== undefined) return { L: value.L.map(normalizeValue) };
  if (value.M !== undefined) return { M: normalizeItem(value.M) };
  return value;
}

export function normalizeItem(item: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const name in item) setEntry(result, name, normalizeValue(item[name]));
  return result;
}

/**
 * A request's attribute map (an item, a key, a start key) with every value validated as validateAttributeValue does
 * and numbers normalized as normalizeItem does, in one pass (normalizing a valid value never fails, so the first
 * invalid attribute still decides the error).
 */
export function validItem(item: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const name in item) {
    validateInner(item[name], 1);
    setEntry(result, name, normalizeValue(item[name]));
  }
  return result;
}
