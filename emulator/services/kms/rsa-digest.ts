import { constants, createHash, privateEncrypt, publicDecrypt, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * RSA signatures over a precomputed digest (KMS Sign/Verify with MessageType DIGEST): node:crypto signs only
 * messages it hashes itself, so the encodings of RFC 8017 are applied here and the raw RSA operation done by
 * privateEncrypt/publicDecrypt. PKCS #1 v1.5 (EMSA-PKCS1-v1_5, section 9.2) and PSS with MGF1 and a salt as long as
 * the digest (EMSA-PSS, section 9.1), the parameters KMS uses.
 */
const DIGEST_INFO: Record<string, string> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

export function signPkcs1Digest(key: KeyObject, hash: string, digest: Uint8Array): Buffer {
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([Buffer.from(DIGEST_INFO[hash], 'hex'), digest]));
}

export function verifyPkcs1Digest(key: KeyObject, hash: string, digest: Uint8Array, signature: Uint8Array): boolean {
  try {
    const recovered = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    const expected = Buffer.concat([Buffer.from(DIGEST_INFO[hash], 'hex'), digest]);
    return recovered.length === expected.length && timingSafeEqual(recovered, expected);
  } catch {
    return false;
  }
}

function mgf1(hash: string, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * seed.length < length; counter++) {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    blocks.push(createHash(hash).update(seed).update(c).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function modulusBytes(key: KeyObject): number {
  return key.asymmetricKeyDetails!.modulusLength! / 8;
}

function pssHash(hash: string, digest: Uint8Array, salt: Buffer): Buffer {
  return createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
}

export function signPssDigest(key: KeyObject, hash: string, digest: Uint8Array): Buffer {
  const emLength = modulusBytes(key);
  const salt = randomBytes(digest.length);
  const h = pssHash(hash, digest, salt);
  const db = Buffer.concat([Buffer.alloc(emLength - salt.length - h.length - 2), Buffer.from([1]), salt]);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= 0x7f;
  return privateEncrypt({ key, padding: constants.RSA_NO_PADDING }, Buffer.concat([db, h, Buffer.from([0xbc])]));
}

export function verifyPssDigest(key: KeyObject, hash: string, digest: Uint8Array, signature: Uint8Array): boolean {
  let em: Buffer;
  try {
    em = publicDecrypt({ key, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    return false;
  }
  const hLength = digest.length;
  if (em.length !== modulusBytes(key) || em[em.length - 1] !== 0xbc || em[0] & 0x80) return false;
  const db = Buffer.from(em.subarray(0, em.length - hLength - 1));
  const h = em.subarray(em.length - hLength - 1, em.length - 1);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
  db[0] &= 0x7f;
  const separator = db.length - hLength - 1;
  if (db[separator] !== 1 || db.subarray(0, separator).some((b) => b !== 0)) return false;
  return timingSafeEqual(pssHash(hash, digest, db.subarray(separator + 1)), h);
}
