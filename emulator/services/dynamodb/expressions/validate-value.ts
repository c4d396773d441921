/** Validation and normalisation of client-supplied AttributeValues (items, keys, ExpressionAttributeValues). */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import { normalizeNumber } from './numbers.ts';
import { compareBytes } from './values.ts';

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

function assertNoDuplicates(sorted: string[], printable: string[]): void {
  for (let i = 1; i < sorted.length; i++) {
    // Unverified wording detail: AWS prints the collection as given; we print it in the client's order.
    if (sorted[i] === sorted[i - 1]) throw paramInvalid(`Input collection [${printable.join(', ')}] contains duplicates.`);
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
  } else if (value.SS !== undefined) {
    if (value.SS.length === 0) throw paramInvalid('An string set  may not be empty');
    assertNoDuplicates([...value.SS].sort(), value.SS);
  } else if (value.NS !== undefined) {
    if (value.NS.length === 0) throw paramInvalid('An number set  may not be empty');
    assertNoDuplicates(value.NS.map(normalizeNumber).sort(), value.NS);
  } else if (value.BS !== undefined) {
    if (value.BS.length === 0) throw paramInvalid('Binary sets should not be empty');
    const sorted = [...value.BS].sort(compareBytes);
    for (let i = 1; i < sorted.length; i++) {
      if (compareBytes(sorted[i], sorted[i - 1]) === 0) {
        throw paramInvalid(`Input collection [${value.BS.map((b) => Buffer.from(b).toString('base64')).join(', ')}] contains duplicates.`);
      }
    }
  } else if (value.L !== undefined) {
    for (const element of value.L) validateInner(element, depth + 1);
  } else if (value.M !== undefined) {
    for (const name in value.M) validateInner(value.M[name], depth + 1);
  }
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
  if (value.N !== undefined) return { N: normalizeNumber(value.N) };
  if (value.NS !== undefined) return { NS: value.NS.map(normalizeNumber) };
  if (value.L !== undefined) return { L: value.L.map(normalizeValue) };
  if (value.M !== undefined) return { M: normalizeItem(value.M) };
  return value;
}

export function normalizeItem(item: Record<string, AttributeValue>): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const name in item) result[name] = normalizeValue(item[name]);
  return result;
}
