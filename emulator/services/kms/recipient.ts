import { constants, createCipheriv, createHash, createPublicKey, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import type { RecipientInfo } from '@aws-sdk/client-kms';
import { KmsErrors } from './errors.ts';

/*
 * The Recipient parameter (Decrypt, DeriveSharedSecret, GenerateDataKey, GenerateDataKeyPair, GenerateRandom): the
 * plaintext goes back only as CiphertextForRecipient, encrypted to the public key of a Nitro Enclaves attestation
 * document. The document is a COSE_Sign1 structure (CBOR) whose payload map holds `public_key` (DER
 * SubjectPublicKeyInfo). AWS checks its signature chain up to the AWS Nitro Enclaves root; no local enclave can
 * produce such a chain, so twinstack reads the document without that check. The ciphertext is CMS EnvelopedData
 * (RFC 5652): the content key RSAES-OAEP (SHA-256) encrypted to that public key, the content AES-256-CBC, as the
 * Nitro Enclaves SDK decrypts it.
 */

function invalidDocument() {
  return KmsErrors.validation('The attestation document is not valid.');
}

/** The enclave's RSA public key from an attestation document. */
async function attestedKey(document: Uint8Array): Promise<KeyObject> {
  // Loaded on first use: most KMS clients never send a Recipient.
  const { cbor } = await import('@smithy/core/cbor');
  let publicKey: unknown;
  try {
    let sign1 = cbor.deserialize(document) as unknown;
    // COSE_Sign1 may come with its CBOR tag (18).
    const tagged = sign1 as { tag?: unknown; value?: unknown } | null;
    if (tagged?.tag === 18) sign1 = tagged.value;
    if (!Array.isArray(sign1) || sign1.length !== 4 || !(sign1[2] instanceof Uint8Array)) throw invalidDocument();
    publicKey = (cbor.deserialize(sign1[2]) as Record<string, unknown> | null)?.public_key;
  } catch {
    throw invalidDocument();
  }
  if (!(publicKey instanceof Uint8Array)) throw invalidDocument();
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType === 'rsa') return key;
  } catch {
    // Not a DER public key.
  }
  throw invalidDocument();
}

function der(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : n < 0x10000 ? Buffer.from([0x82, n >> 8, n & 0xff]) : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const arc of rest) {
    const base128 = [arc & 0x7f];
    for (let v = arc >> 7; v > 0; v >>= 7) base128.unshift((v & 0x7f) | 0x80);
    bytes.push(...base128);
  }
  return der(0x06, Buffer.from(bytes));
}

const SEQUENCE = 0x30;
const SHA256 = der(SEQUENCE, oid('2.16.840.1.101.3.4.2.1'));
const RSAES_OAEP_SHA256 = der(
  SEQUENCE,
  oid('1.2.840.113549.1.1.7'),
  der(SEQUENCE, der(0xa0, SHA256), der(0xa1, der(SEQUENCE, oid('1.2.840.113549.1.1.8'), SHA256))),
);

/** CMS EnvelopedData of `plaintext` for the recipient's key, identified by its subject key identifier. */
function envelope(recipient: KeyObject, plaintext: Uint8Array): Buffer {
  const contentKey = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', contentKey, iv);
  const encryptedContent = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const encryptedKey = publicEncrypt({ key: recipient, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey);
  const spki = recipient.export({ type: 'spki', format: 'der' });
  const subjectKeyId = createHash('sha1').update(spki).digest();
  const version2 = der(0x02, Buffer.from([2]));
  const keyTransRecipient = der(SEQUENCE, version2, der(0x80, subjectKeyId), RSAES_OAEP_SHA256, der(0x04, encryptedKey));
  const encryptedContentInfo = der(
    SEQUENCE,
    oid('1.2.840.113549.1.7.1'),
    der(SEQUENCE, oid('2.16.840.1.101.3.4.1.42'), der(0x04, iv)),
    der(0x80, encryptedContent),
  );
  const envelopedData = der(SEQUENCE, version2, der(0x31, keyTransRecipient), encryptedContentInfo);
  return der(SEQUENCE, oid('1.2.840.113549.1.7.3'), der(0xa0, envelopedData));
}

/** The attested key of a Recipient, read before anything else happens (a bad document changes nothing). */
export async function recipientKey(recipient: RecipientInfo | undefined): Promise<KeyObject | undefined> {
  if (!recipient) return undefined;
  if (!recipient.AttestationDocument?.length) throw invalidDocument();
  return attestedKey(recipient.AttestationDocument);
}

/** The plaintext member as the response carries it: itself, or (for a Recipient) only CiphertextForRecipient. */
export function forRecipient<Name extends string>(
  key: KeyObject | undefined,
  name: Name,
  plaintext: Uint8Array,
): { [member in Name]?: Uint8Array } & { CiphertextForRecipient?: Uint8Array } {
  if (!key) return { [name]: plaintext } as { [member in Name]: Uint8Array };
  return { CiphertextForRecipient: envelope(key, plaintext) };
}
