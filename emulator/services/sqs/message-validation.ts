import { AwsError } from '../../core/errors.ts';
import { invalidParameter, invalidParameterValue } from './errors.ts';
import type { AttributeMap } from './md5.ts';

const MAX_ATTRIBUTES = 10;

/** Text of valid characters outside the surrogate range, checked at once: most text, which needs no code point walk. */
const ANY_UNUSUAL_CHARACTER = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd]/;

/** Characters SQS accepts in message bodies and string attribute values (XML 1.0's Char production). */
function firstInvalidCharacter(text: string): number | undefined {
  if (!ANY_UNUSUAL_CHARACTER.test(text)) return undefined;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    const valid =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    if (!valid) return c;
  }
  return undefined;
}

export function validateBody(body: string): void {
  const invalid = firstInvalidCharacter(body);
  if (invalid !== undefined) {
    throw new AwsError(
      'InvalidMessageContents',
      `Invalid binary character '#x${invalid.toString(16).toUpperCase()}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
    );
  }
}

const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** User message attributes: names, types and values as SendMessage documents them. */
export function validateMessageAttributes(attributes: AttributeMap | undefined): void {
  if (!attributes) return;
  const entries = Object.entries(attributes);
  if (entries.length > MAX_ATTRIBUTES) {
    throw invalidParameterValue(`Number of message attributes [${entries.length}] exceeds the allowed maximum [${MAX_ATTRIBUTES}].`);
  }
  for (const [name, value] of entries) {
    const lower = name.toLowerCase();
    if (
      name.length > 256 ||
      !NAME_PATTERN.test(name) ||
      name.startsWith('.') ||
      name.endsWith('.') ||
      name.includes('..') ||
      lower.startsWith('aws.') ||
      lower.startsWith('amazon.')
    ) {
      throw invalidParameterValue(`Message (user) attribute name '${name}' is invalid.`);
    }
    const type = value.DataType ?? '';
    const base = /^(String|Number|Binary)(\..+)?$/.exec(type)?.[1];
    if (!base || type.length > 256) {
      throw invalidParameterValue(
        `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
      );
    }
    if (base === 'Binary') {
      if (!value.BinaryValue || value.BinaryValue.length === 0) {
        throw invalidParameterValue(`Message (user) attribute '${name}' must contain a non-empty value of type 'Binary'.`);
      }
      continue;
    }
    const text = value.StringValue;
    if (text === undefined || text === '') {
      throw invalidParameterValue(`Message (user) attribute '${name}' must contain a non-empty value of type '${base}'.`);
    }
    if (firstInvalidCharacter(text) !== undefined) {
      throw invalidParameterValue(`Message (user) attribute '${name}' contains invalid characters.`);
    }
    if (base === 'Number' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
      throw invalidParameterValue(`Can't cast the value of message (user) attribute '${name}' to a number.`);
    }
  }
}

/** The only system attribute SQS accepts on send. */
export function validateSystemAttributes(attributes: AttributeMap | undefined): void {
  if (!attributes) return;
  for (const [name, value] of Object.entries(attributes)) {
    if (name !== 'AWSTraceHeader') throw invalidParameterValue(`Message system attribute name '${name}' is invalid.`);
    if (value.DataType !== 'String' || !value.StringValue) {
      throw invalidParameterValue(`Message system attribute '${name}' must contain a non-empty value of type 'String'.`);
    }
  }
}

/** MessageGroupId and MessageDeduplicationId: 1-128 printable ASCII characters without spaces. */
export function validateMessageTag(name: 'MessageGroupId' | 'MessageDeduplicationId', value: string | undefined): void {
  if (value === undefined) return;
  if (!/^[\x21-\x7e]{1,128}$/.test(value)) {
    throw invalidParameter(name, value, `${name} can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
  }
}
