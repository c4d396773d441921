import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (the alphabet of AWS access key ids). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * A temporary access key id (`ASIA` + 16 characters). Like AWS's, it encodes the account id in bits 7–46 of its
 * first six bytes, so tools that decode keys offline find the right account.
 */
export function temporaryAccessKeyId(accountId: string): string {
  const bytes = randomBytes(10);
  const encoded = (BigInt(accountId) << 7n) | BigInt(bytes[5] & 0x7f);
  for (let i = 0; i < 6; i++) bytes[i] = Number((encoded >> BigInt(8 * (5 - i))) & 0xffn);
  return `ASIA${base32(bytes)}`;
}

/** 40 characters, like an AWS secret access key. */
export function secretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

/** Long and base64, like AWS session tokens (whose size AWS documents as not fixed). */
export function sessionToken(): string {
  return `IQoJb3JpZ2luX2Vj${randomBytes(420).toString('base64')}`;
}
