import { hash } from 'node:crypto';

/** Kinesis maps partition keys onto [0, 2^128 - 1] with MD5. */
export const HASH_KEY_MAX = (1n << 128n) - 1n;

export interface HashRange {
  start: bigint;
  end: bigint;
}

/**
 * A hash key as 32 hexadecimal digits, zero-padded, lower case: such texts order as the keys do, so a record finds its
 * shard by comparing text, without a BigInt per record.
 */
export function hashKeyText(key: bigint): string {
  return key.toString(16).padStart(32, '0');
}

/** The 128-bit hash key of a partition key (its MD5 digest read as a big-endian unsigned integer), as hashKeyText writes it. */
export function partitionKeyHashText(partitionKey: string): string {
  return hash('md5', partitionKey, 'hex');
}

/** `count` adjacent ranges covering the whole key space, each floor(2^128 / count) wide but the last. */
export function evenRanges(count: number): HashRange[] {
  const step = (HASH_KEY_MAX + 1n) / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    start: BigInt(i) * step,
    end: i === count - 1 ? HASH_KEY_MAX : BigInt(i + 1) * step - 1n,
  }));
}
