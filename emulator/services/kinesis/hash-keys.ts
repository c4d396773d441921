import { hash } from 'node:crypto';

/** Kinesis maps partition keys onto [0, 2^128 - 1] with MD5. */
export const HASH_KEY_MAX = (1n << 128n) - 1n;

export interface HashRange {
  start: bigint;
  end: bigint;
}

/** The 128-bit hash key of a partition key: its MD5 digest read as a big-endian unsigned integer. */
export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt(`0x${hash('md5', partitionKey, 'hex')}`);
}

/** `count` adjacent ranges covering the whole key space, each floor(2^128 / count) wide but the last. */
export function evenRanges(count: number): HashRange[] {
  const step = (HASH_KEY_MAX + 1n) / BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    start: BigInt(i) * step,
    end: i === count - 1 ? HASH_KEY_MAX : BigInt(i + 1) * step - 1n,
  }));
}
