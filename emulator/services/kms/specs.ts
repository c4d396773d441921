/**
 * What each KMS key spec can do, from the KMS Developer Guide's key spec reference: the algorithms DescribeKey lists
 * per key usage, how node:crypto makes such a key, and the sizes that bound encryption and digests.
 */
export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';

export interface KeySpecInfo {
  family: 'symmetric' | 'rsa' | 'ecc' | 'hmac' | 'ed25519';
  usages: KeyUsage[];
  encryption?: string[];
  signing?: string[];
  mac?: string[];
  keyAgreement?: string[];
  /** RSA modulus bits, EC curve name, HMAC key bytes. */
  rsaBits?: number;
  curve?: string;
  hmacBytes?: number;
}

const RSA_SIGNING = ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PKCS1_V1_5_SHA_512', 'RSASSA_PSS_SHA_256', 'RSASSA_PSS_SHA_384', 'RSASSA_PSS_SHA_512'];
const RSA_ENCRYPTION = ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'];
const rsa = (bits: number): KeySpecInfo => ({ family: 'rsa', usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'], encryption: RSA_ENCRYPTION, signing: RSA_SIGNING, rsaBits: bits });
const ecc = (curve: string, signing: string): KeySpecInfo => ({
  family: 'ecc',
  usages: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  signing: [signing],
  keyAgreement: ['ECDH'],
  curve,
});
const hmac = (bytes: number, bits: number): KeySpecInfo => ({ family: 'hmac', usages: ['GENERATE_VERIFY_MAC'], mac: [`HMAC_SHA_${bits}`], hmacBytes: bytes });

export const KEY_SPECS: Record<string, KeySpecInfo> = {
  SYMMETRIC_DEFAULT: { family: 'symmetric', usages: ['ENCRYPT_DECRYPT'], encryption: ['SYMMETRIC_DEFAULT'] },
  RSA_2048: rsa(2048),
  RSA_3072: rsa(3072),
  RSA_4096: rsa(4096),
  ECC_NIST_P256: ecc('prime256v1', 'ECDSA_SHA_256'),
  ECC_NIST_P384: ecc('secp384r1', 'ECDSA_SHA_384'),
  ECC_NIST_P521: ecc('secp521r1', 'ECDSA_SHA_512'),
  ECC_SECG_P256K1: { ...ecc('secp256k1', 'ECDSA_SHA_256'), usages: ['SIGN_VERIFY'], keyAgreement: undefined },
  ECC_NIST_EDWARDS25519: { family: 'ed25519', usages: ['SIGN_VERIFY'], signing: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'] },
  HMAC_224: hmac(28, 224),
  HMAC_256: hmac(32, 256),
  HMAC_384: hmac(48, 384),
  HMAC_512: hmac(64, 512),
};

/** The hash of a signing or MAC algorithm (`RSASSA_PSS_SHA_384` -> `sha384`), and its digest length. */
export function hashOf(algorithm: string): { name: string; bytes: number } {
  const bits = Number(/SHA_(\d+)$/.exec(algorithm)?.[1] ?? 256);
  return { name: bits === 1 ? 'sha1' : `sha${bits}`, bytes: bits === 1 ? 20 : bits / 8 };
}

/** RSAES-OAEP's largest plaintext: modulus bytes - 2 * hash bytes - 2. */
export function oaepLimit(rsaBits: number, algorithm: string): number {
  const hashBytes = algorithm === 'RSAES_OAEP_SHA_1' ? 20 : 32;
  return rsaBits / 8 - 2 * hashBytes - 2;
}
