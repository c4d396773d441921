import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import { parameterValueInvalid, validationError } from './errors.ts';

const NAME_CHAR = /^[A-Za-z0-9_.-]$/;

function checkName(name: string): void {
  if (Buffer.byteLength(name) >= 256) throw parameterValueInvalid('Length of message attribute name must be less than 256 bytes.');
  for (const ch of name) {
    if (!NAME_CHAR.test(ch)) {
      const code = ch.codePointAt(0)!.toString(16).toUpperCase();
      throw parameterValueInvalid(
        `Invalid non-alphanumeric character '#x${code}' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.`,
      );
    }
  }
  if (name.startsWith('.')) throw parameterValueInvalid("Invalid message attribute name starting with character '.' was found.");
  if (name.endsWith('.')) throw parameterValueInvalid("Invalid message attribute name ending with character '.' was found.");
  if (name.includes('..')) throw parameterValueInvalid("Message attribute name can not have successive '.' character.");
}

/**
 * Validates message attributes as SNS does (names, types with optional custom suffixes, the field each type uses,
 * non-empty values, numbers) and returns their size in bytes as AWS counts it towards the 256 KiB limit.
 * `path` is the request path Coral names for a missing DataType.
 */
export function checkMessageAttributes(attributes: Record<string, MessageAttributeValue> | undefined, path: string): number {
  for (const [name, value] of Object.entries(attributes ?? {})) {
    checkName(name);
    const type = value.DataType;
    if (type === undefined) throw validationError(`${path}.${name}.member.dataType`);
    const base = /^(String|Number|Binary)(\..+)?$/.exec(type)?.[1];
    if (!base) {
      throw parameterValueInvalid(
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    const binary = base === 'Binary';
    const field = binary ? value.BinaryValue : value.StringValue;
    if ((binary ? value.StringValue : value.BinaryValue) !== undefined && (field === undefined || field.length === 0)) {
      throw parameterValueInvalid(`The message attribute '${name}' with type '${base}' must use field '${binary ? 'Binary' : 'String'}'.`);
    }
    if (field === undefined || field.length === 0) {
      throw parameterValueInvalid(`The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${base}'.`);
    }
    if (base === 'Number' && !Number.isFinite(Number(value.StringValue))) {
      throw parameterValueInvalid(`Could not cast message attribute '${name}' value to number.`);
    }
  }
  return attributeBytes(attributes);
}

/** Bytes of message attributes as AWS counts them towards the 256 KiB limit: names, data types and values. */
export function attributeBytes(attributes: Record<string, MessageAttributeValue> | undefined): number {
  let size = 0;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    size += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
    size += value.BinaryValue ? value.BinaryValue.length : Buffer.byteLength(value.StringValue ?? '');
  }
  return size;
}
