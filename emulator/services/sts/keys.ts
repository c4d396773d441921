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

/** The account encoded in an AWS-format access key id (the inverse of `temporaryAccessKeyId`), if it is one. */
export function accountOfKeyId(accessKeyId: string): string | undefined {
  const match = /^(?:AKIA|ASIA)([A-Z2-7]{16})$/.exec(accessKeyId);
  if (!match) return undefined;
  let value = 0n;
  // The first 10 base32 characters hold the first 6 bytes (and 2 bits of the 7th, dropped).
  for (const char of match[1].slice(0, 10)) value = (value << 5n) | BigInt(BASE32.indexOf(char));
  const firstSixBytes = value >> 2n;
  return String((firstSixBytes & 0x7fffffffff80n) >> 7n).padStart(12, '0');
}

/** 40 characters, like an AWS secret access key. */
export function secretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

/** Long and base64, like AWS session tokens (whose size AWS documents as not fixed). */
export function sessionToken(): string {
  return `IQoJb3JpZ2luX2Vj${randomBytes(420).toString('base64')}`;
}
