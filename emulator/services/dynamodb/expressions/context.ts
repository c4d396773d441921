/** The ExpressionAttributeNames/Values of one request, and which of them its expressions used. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Detail, invalidExpression, MapErrors, validationError, type ExpressionKind } from './errors.ts';
import { valueSize } from './item-size.ts';
import { MAX_PLACEHOLDER_BYTES, MAX_SUBSTITUTION_BYTES } from './limits.ts';
import { validateAttributeValue } from './validate-value.ts';

export interface ExpressionInputs {
  names?: Record<string, string>;
  values?: Record<string, AttributeValue>;
}

const NAME_KEY = /^#[A-Za-z0-9_]+$/;
const VALUE_KEY = /^:[A-Za-z0-9_]+$/;

/** Key length before key syntax, then the entry's value, one entry at a time (as ExtendDB captured from AWS). */
function checkKey(map: 'ExpressionAttributeNames' | 'ExpressionAttributeValues', key: string, syntax: RegExp): number {
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_PLACEHOLDER_BYTES) throw MapErrors.keyTooLong(map, bytes);
  if (!syntax.test(key)) throw MapErrors.invalidKey(map, key);
  return bytes;
}

export class ExpressionContext {
  // Made on first use: most requests (a PutItem or GetItem without expressions) use none.
  private usedNames: Set<string> | undefined;
  private usedValues: Set<string> | undefined;
  private expressionCount = 0;

  /** Validates the maps themselves (empty maps, malformed keys, invalid values, sizes) as AWS does before parsing. */
  constructor(readonly inputs: ExpressionInputs) {
    const { names, values } = inputs;
    let substitutionBytes = 0;
    if (names) {
      if (Object.keys(names).length === 0) throw validationError('ExpressionAttributeNames must not be empty');
      for (const key in names) {
        substitutionBytes += checkKey('ExpressionAttributeNames', key, NAME_KEY);
        if (names[key] === '') throw MapErrors.emptyName(key);
        substitutionBytes += Buffer.byteLength(names[key], 'utf8');
      }
    }
    if (values) {
      if (Object.keys(values).length === 0) throw validationError('ExpressionAttributeValues must not be empty');
      for (const key in values) {
        substitutionBytes += checkKey('ExpressionAttributeValues', key, VALUE_KEY);
        validateAttributeValue(values[key], key);
        substitutionBytes += valueSize(values[key]);
      }
    }
    if (substitutionBytes > MAX_SUBSTITUTION_BYTES) throw MapErrors.combinedSize();
  }

  /** Called by every parse so assertAllUsed knows whether the request had expressions at all. */
  noteExpression(): void {
    this.expressionCount++;
  }

  resolveName(kind: ExpressionKind, alias: string): string {
    const name = this.inputs.names?.[alias];
    if (name === undefined) throw invalidExpression(kind, Detail.undefinedName(alias));
    (this.usedNames ??= new Set()).add(alias);
    return name;
  }

  resolveValue(kind: ExpressionKind, ref: string): AttributeValue {
    const value = this.inputs.values?.[ref];
    if (value === undefined) throw invalidExpression(kind, Detail.undefinedValue(ref));
    (this.usedValues ??= new Set()).add(ref);
    return value;
  }

  /**
   * Throws AWS's errors for names/values supplied while no expression is given, and for unused ones
   * ("Value provided in ExpressionAttributeValues unused in expressions: keys: {:a}"). Call after parsing all
   * expressions of a request.
   */
  assertAllUsed(): void {
    const { names, values } = this.inputs;
    if (this.expressionCount === 0) {
      if (names) throw validationError('ExpressionAttributeNames can only be specified when using expressions');
      if (values) throw validationError('ExpressionAttributeValues can only be specified when using expressions');
      return;
    }
    const unusedNames = Object.keys(names ?? {}).filter((key) => !this.usedNames?.has(key));
    if (unusedNames.length > 0) {
      throw validationError(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
    }
    const unusedValues = Object.keys(values ?? {}).filter((key) => !this.usedValues?.has(key));
    if (unusedValues.length > 0) {
      throw validationError(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
    }
  }
}
