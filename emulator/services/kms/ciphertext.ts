import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KmsErrors } from './errors.ts';
import type { KmsKey } from './state.ts';

/**
 * Symmetric ciphertext blobs: AES-256-GCM under the key's material, with the encryption context as additional
 * authenticated data, so a blob decrypts only with the same key, material and context. Layout: version byte, the key
 * id (36 ASCII characters, or the 36 characters of an `mrk-` id's hex), the key material id (32 bytes), IV (12), tag
 * (16), ciphertext. The blob names its key, so Decrypt needs no KeyId for symmetric keys, as on AWS.
 */
const VERSION = 1;
const KEY_ID_LENGTH = 36;
const HEADER = 1 + KEY_ID_LENGTH + 32 + 12 + 16;

/** The encryption context in one canonical form: keys sorted, JSON-encoded. */
function contextBytes(context: Record<string, string> | undefined): Buffer {
  const entries = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(entries), 'utf8');
}

function encodeKeyId(id: string): Buffer {
  return Buffer.from(id.startsWith('mrk-') ? id.slice(4).padEnd(KEY_ID_LENGTH, '-') : id, 'latin1');
}

export function sealSymmetric(key: KmsKey, plaintext: Uint8Array, context: Record<string, string> | undefined): Buffer {
  const material = key.materials[key.materials.length - 1];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', material.secret!, iv);
  cipher.setAAD(contextBytes(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), encodeKeyId(key.id), Buffer.from(material.id, 'hex'), iv, cipher.getAuthTag(), body]);
}

/** The key id a blob names (its `mrk-` form for multi-Region keys), or undefined for what is not a blob of ours. */
export function blobKeyId(blob: Uint8Array): string | undefined {
  if (blob.length < HEADER || blob[0] !== VERSION) return undefined;
  const raw = Buffer.from(blob.subarray(1, 1 + KEY_ID_LENGTH)).toString('latin1');
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(raw)) return raw;
  if (/^[0-9a-f]{32}-{4}$/.test(raw)) return `mrk-${raw.slice(0, 32)}`;
  return undefined;
}

/** Opens a blob with the key's material of the blob's generation; InvalidCiphertextException for anything else. */
export function openSymmetric(key: KmsKey, blob: Uint8Array, context: Record<string, string> | undefined): { plaintext: Buffer; materialId: string } {
  const buffer = Buffer.from(blob);
  const materialId = buffer.subarray(1 + KEY_ID_LENGTH, 1 + KEY_ID_LENGTH + 32).toString('hex');
  const material = key.materials.find((m) => m.id === materialId);
  if (!material?.secret) throw KmsErrors.invalidCiphertext();
  const ivAt = 1 + KEY_ID_LENGTH + 32;
  try {
    const decipher = createDecipheriv('aes-256-gcm', material.secret, buffer.subarray(ivAt, ivAt + 12));
    decipher.setAAD(contextBytes(context));
    decipher.setAuthTag(buffer.subarray(ivAt + 12, HEADER));
    return { plaintext: Buffer.concat([decipher.update(buffer.subarray(HEADER)), decipher.final()]), materialId };
  } catch {
    throw KmsErrors.invalidCiphertext();
  }
}
