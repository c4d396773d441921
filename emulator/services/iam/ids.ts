import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `length` random characters of the upper-case base32 alphabet IAM ids are written in. */
export function base32Chars(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += BASE32[byte & 31];
  return out;
}

/**
 * IAM unique ids: a prefix naming the entity type and 17 characters (21 in all), e.g. `AIDA...` for users,
 * `AROA...` for roles, `ANPA...` for managed policies.
 */
export const IamIds = {
  user: () => `AIDA${base32Chars(17)}`,
  group: () => `AGPA${base32Chars(17)}`,
  role: () => `AROA${base32Chars(17)}`,
  policy: () => `ANPA${base32Chars(17)}`,
  instanceProfile: () => `AIPA${base32Chars(17)}`,
  sshPublicKey: () => `APKA${base32Chars(17)}`,
  serverCertificate: () => `ASCA${base32Chars(17)}`,
  /** Signing certificate ids: 32 upper-case letters and digits. */
  signingCertificate: () => base32Chars(32),
  serviceCredential: () => `ACCA${base32Chars(17)}`,
  /** Long-term access keys: `AKIA` + 16 characters. */
  accessKey: () => `AKIA${base32Chars(16)}`,
  /** 40 characters, like an AWS secret access key. */
  secretKey: () => randomBytes(30).toString('base64'),
};
