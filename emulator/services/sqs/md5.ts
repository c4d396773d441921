import { hash } from 'node:crypto';
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';

export type AttributeMap = Record<string, MessageAttributeValue>;

export function md5Hex(data: string | Buffer): string {
  // One-shot hashing: no Hash object per message.
  return hash('md5', data, 'hex');
}

function lengthPrefixed(data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
}

/**
 * AWS's digest of message (or system) attributes: for each attribute in name order, the name, the data type, a
 * transport byte (1 = string, 2 = binary) and the value, each string/binary prefixed with its 4-byte length.
 */
export function md5OfAttributes(attributes: AttributeMap | undefined): string | undefined {
  // Most messages carry no attributes: no key list to build for them.
  if (!attributes) return undefined;
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const parts: Buffer[] = [];
  for (const name of names) {
    const value = attributes![name];
    parts.push(lengthPrefixed(Buffer.from(name, 'utf8')), lengthPrefixed(Buffer.from(value.DataType ?? '', 'utf8')));
    if (value.BinaryValue !== undefined) {
      parts.push(Buffer.from([2]), lengthPrefixed(Buffer.from(value.BinaryValue)));
    } else {
      parts.push(Buffer.from([1]), lengthPrefixed(Buffer.from(value.StringValue ?? '', 'utf8')));
    }
  }
  return md5Hex(Buffer.concat(parts));
}

/** Bytes an attribute map counts towards the message size limit: names, types and values. */
export function attributesSize(attributes: AttributeMap | undefined): number {
  let size = 0;
  if (!attributes) return size;
  for (const [name, value] of Object.entries(attributes)) {
    size += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
    size += value.BinaryValue !== undefined ? value.BinaryValue.length : Buffer.byteLength(value.StringValue ?? '');
  }
  return size;
}
