import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as authenticator apps read MFA seeds. */
export function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The 6-digit TOTP code (RFC 6238: HMAC-SHA1, 30-second steps) of a seed for one time step. */
export function totp(seed: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', seed).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** Steps either side of now that IAM's check tolerates for clock drift between the device and AWS. */
const DRIFT_STEPS = 10;

/** Whether two codes are consecutive codes of the seed near `nowMs`, as EnableMFADevice and ResyncMFADevice require. */
export function consecutiveCodes(seed: Buffer, nowMs: number, code1: string, code2: string): boolean {
  const now = Math.floor(nowMs / 30_000);
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
    if (totp(seed, step) === code1 && totp(seed, step + 1) === code2) return true;
  }
  return false;
}

/** The bytes of RFC 4648 base32 text (an MFA device's Base32StringSeed), the inverse of `base32`. */
export function fromBase32(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.replace(/=+$/, '')) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}
