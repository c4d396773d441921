import { constants, privateDecrypt, publicEncrypt } from 'node:crypto';
import type { DecryptCommandInput, EncryptCommandInput, ReEncryptCommandInput } from '@aws-sdk/client-kms';
import { authorizeKeyUse, keyForUse } from '../access.ts';
import { blobKeyId, openSymmetric, sealSymmetric } from '../ciphertext.ts';
import { KmsErrors } from '../errors.ts';
import { currentMaterial, findKey, requireUsable, requireUsage, specInfo, type KmsContext } from '../keys.ts';
import { forRecipient, recipientKey } from '../recipient.ts';
import { oaepLimit } from '../specs.ts';
import type { KmsKey } from '../state.ts';

/** The algorithm an operation uses on a key: the requested one, which the key spec must support. */
export function encryptionAlgorithm(key: KmsKey, requested: string | undefined): string {
  const info = specInfo(key);
  const algorithm = requested ?? 'SYMMETRIC_DEFAULT';
  if (!info.encryption?.includes(algorithm)) throw KmsErrors.invalidKeyUsage(`Algorithm ${algorithm} is incompatible with key spec ${key.spec}.`);
  return algorithm;
}

function oaepHash(algorithm: string): string {
  return algorithm === 'RSAES_OAEP_SHA_1' ? 'sha1' : 'sha256';
}

/** Encrypts with a usable key: AES-256-GCM blobs for symmetric keys, RSAES-OAEP for RSA keys. */
export function encryptWith(key: KmsKey, plaintext: Uint8Array, algorithm: string, context: Record<string, string> | undefined): Buffer {
  if (algorithm === 'SYMMETRIC_DEFAULT') return sealSymmetric(key, plaintext, context);
  const limit = oaepLimit(specInfo(key).rsaBits!, algorithm);
  if (plaintext.length > limit) throw KmsErrors.validation(`Algorithm ${algorithm} and key spec ${key.spec} cannot encrypt data larger than ${limit} bytes.`);
  return publicEncrypt({ key: currentMaterial(key).publicKey!, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(algorithm) }, plaintext);
}

interface Decrypted {
  key: KmsKey;
  plaintext: Buffer;
  algorithm: string;
  materialId?: string;
}

/**
 * Finds the key of a ciphertext and decrypts it. A symmetric blob names its key; a KeyId that names another key is
 * IncorrectKeyException. Asymmetric ciphertexts need the KeyId and algorithm, as on AWS.
 */
export function decryptBlob(
  ctx: KmsContext,
  blob: Uint8Array,
  request: { keyId?: string; algorithm?: string; context?: Record<string, string>; operation: string },
): Decrypted {
  const named = request.keyId !== undefined ? findKey(ctx, request.keyId) : undefined;
  const algorithm = request.algorithm ?? 'SYMMETRIC_DEFAULT';
  if (algorithm === 'SYMMETRIC_DEFAULT') {
    const id = blobKeyId(blob);
    if (!id) throw KmsErrors.invalidCiphertext();
    const key = named ?? findKeyOfBlob(ctx, id);
    if (named && named.id !== id) throw KmsErrors.incorrectKey();
    requireUsable(key);
    requireUsage(key, 'ENCRYPT_DECRYPT', request.operation);
    authorizeKeyUse(ctx, key, request.operation);
    encryptionAlgorithm(key, algorithm);
    const { plaintext, materialId } = openSymmetric(key, blob, request.context);
    return { key, plaintext, algorithm, materialId };
  }
  if (!named) throw KmsErrors.validation('KeyId is required for asymmetric decryption.');
  requireUsable(named);
  requireUsage(named, 'ENCRYPT_DECRYPT', request.operation);
  authorizeKeyUse(ctx, named, request.operation);
  encryptionAlgorithm(named, algorithm);
  for (const material of [...named.materials].reverse()) {
    try {
      const plaintext = privateDecrypt({ key: material.privateKey!, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: oaepHash(algorithm) }, blob);
      return { key: named, plaintext, algorithm };
    } catch {
      // Not this material's ciphertext; try the next one.
    }
  }
  throw KmsErrors.invalidCiphertext();
}

function findKeyOfBlob(ctx: KmsContext, id: string): KmsKey {
  try {
    return findKey(ctx, id);
  } catch {
    // A blob of a key that no longer exists (or never did here) is not a ciphertext this KMS can decrypt.
    throw KmsErrors.invalidCiphertext();
  }
}

export function encrypt(input: EncryptCommandInput, ctx: KmsContext) {
  const key = keyForUse(ctx, input.KeyId!, 'ENCRYPT_DECRYPT', 'Encrypt');
  const algorithm = encryptionAlgorithm(key, input.EncryptionAlgorithm);
  if (input.DryRun) throw KmsErrors.dryRun();
  return { CiphertextBlob: encryptWith(key, input.Plaintext!, algorithm, input.EncryptionContext), KeyId: key.arn, EncryptionAlgorithm: algorithm };
}

export async function decrypt(input: DecryptCommandInput, ctx: KmsContext) {
  const recipient = await recipientKey(input.Recipient);
  const result = decryptBlob(ctx, input.CiphertextBlob!, {
    keyId: input.KeyId,
    algorithm: input.EncryptionAlgorithm,
    context: input.EncryptionContext,
    operation: 'Decrypt',
  });
  if (input.DryRun) throw KmsErrors.dryRun();
  return { KeyId: result.key.arn, ...forRecipient(recipient, 'Plaintext', result.plaintext), EncryptionAlgorithm: result.algorithm, KeyMaterialId: result.materialId };
}

export function reEncrypt(input: ReEncryptCommandInput, ctx: KmsContext) {
  const source = decryptBlob(ctx, input.CiphertextBlob!, {
    keyId: input.SourceKeyId,
    algorithm: input.SourceEncryptionAlgorithm,
    context: input.SourceEncryptionContext,
    operation: 'ReEncryptFrom',
  });
  const destination = keyForUse(ctx, input.DestinationKeyId!, 'ENCRYPT_DECRYPT', 'ReEncryptTo');
  const algorithm = encryptionAlgorithm(destination, input.DestinationEncryptionAlgorithm);
  if (input.DryRun) throw KmsErrors.dryRun();
  const blob = encryptWith(destination, source.plaintext, algorithm, input.DestinationEncryptionContext);
  return {
    CiphertextBlob: blob,
    SourceKeyId: source.key.arn,
    KeyId: destination.arn,
    SourceEncryptionAlgorithm: source.algorithm,
    DestinationEncryptionAlgorithm: algorithm,
    SourceKeyMaterialId: source.materialId,
    DestinationKeyMaterialId: algorithm === 'SYMMETRIC_DEFAULT' ? currentMaterial(destination).id : undefined,
  };
}
