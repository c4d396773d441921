import { randomUUID } from 'node:crypto';

/** Two hex digits for every byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The UUID's first 28 characters, random for each run of 2^32 ids; the last 8 count. */
let prefix = '';
let next = 2 ** 32;

/**
 * A request id in AWS's UUID form, unique within the process and across processes (its random part is new for every
 * run of 2^32 ids): a counter rather than `randomUUID()` for each request, whose random bytes and string building
 * were a tenth of a small request's cost in the emulator. Request ids identify; they are not secrets.
 */
export function requestId(): string {
  if (next === 2 ** 32) {
    prefix = randomUUID().slice(0, 28);
    next = 0;
  }
  const n = next++;
  return prefix + HEX[n >>> 24] + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}
