import { constants, createDecipheriv, createHash, createPrivateKey, createPublicKey, privateDecrypt, randomBytes, type KeyObject } from 'node:crypto';
import type { DeleteImportedKeyMaterialCommandInput, GetParametersForImportCommandInput, ImportKeyMaterialCommandInput } from '@aws-sdk/client-kms';
import { AwsError, CommonErrors } from '../../../core/errors.ts';
import { KmsErrors } from '../errors.ts';
import { findKey, newKeyPair, specInfo, type KmsContext } from '../keys.ts';
import { KEY_SPECS } from '../specs.ts';
import type { KeyMaterial, KmsKey } from '../state.ts';

/** Import parameters serve for 24 hours. */
const PARAMETERS_LIFETIME_MS = 24 * 3600_000;

/**
 * The wrapping algorithms served, by their OAEP hash: RSA-OAEP alone, or RSA-OAEP around an AES key that wraps the
 * material (RFC 5649, "RSA_AES_KEY_WRAP"). RSAES_PKCS1_V1_5 needs an RSA decryption Node refuses (the Marvin attack),
 * and SM2PKE China-region keys: both answer 501.
 */
const WRAPPING: Record<string, { hash: string; aesWrap: boolean }> = {
  RSAES_OAEP_SHA_1: { hash: 'sha1', aesWrap: false },
  RSAES_OAEP_SHA_256: { hash: 'sha256', aesWrap: false },
  RSA_AES_KEY_WRAP_SHA_1: { hash: 'sha1', aesWrap: true },
  RSA_AES_KEY_WRAP_SHA_256: { hash: 'sha256', aesWrap: true },
};

function externalKey(ctx: KmsContext, keyId: string): KmsKey {
  const key = findKey(ctx, keyId, { aliases: false });
  if (key.origin !== 'EXTERNAL') throw KmsErrors.unsupported(`${key.arn} origin is ${key.origin ?? 'AWS_KMS'} which is not valid for this operation.`);
  if (key.state === 'PendingDeletion') throw KmsErrors.invalidState(`${key.arn} is pending deletion.`);
  return key;
}

export async function getParametersForImport(input: GetParametersForImportCommandInput, ctx: KmsContext) {
  const key = externalKey(ctx, input.KeyId!);
  const wrapping = WRAPPING[input.WrappingAlgorithm!];
  if (!wrapping) throw CommonErrors.notImplemented('kms', `GetParametersForImport with WrappingAlgorithm ${input.WrappingAlgorithm}`);
  if (!/^RSA_(2048|3072|4096)$/.test(input.WrappingKeySpec!)) throw CommonErrors.notImplemented('kms', `GetParametersForImport with WrappingKeySpec ${input.WrappingKeySpec}`);
  const { privateKey, publicKey } = await newKeyPair(KEY_SPECS[input.WrappingKeySpec!]);
  const token = randomBytes(64);
  const validTo = new Date(ctx.emulator.clock.now() + PARAMETERS_LIFETIME_MS);
  ctx.state.importParameters.set(token.toString('base64'), { keyId: key.id, privateKey, algorithm: input.WrappingAlgorithm!, validTo });
  return { KeyId: key.arn, ImportToken: token, PublicKey: publicKey.export({ type: 'spki', format: 'der' }), ParametersValidTo: validTo };
}

function unwrap(privateKey: KeyObject, algorithm: string, wrapped: Buffer): Buffer {
  const { hash, aesWrap } = WRAPPING[algorithm];
  const rsa = (data: Buffer) => privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: hash }, data);
  try {
    if (!aesWrap) return rsa(wrapped);
    const rsaBytes = (privateKey.asymmetricKeyDetails!.modulusLength ?? 0) / 8;
    const aesKey = rsa(wrapped.subarray(0, rsaBytes));
    const decipher = createDecipheriv(`id-aes${aesKey.length * 8}-wrap-pad`, aesKey, Buffer.from('a65959a6', 'hex'));
    return Buffer.concat([decipher.update(wrapped.subarray(rsaBytes)), decipher.final()]);
  } catch {
    throw KmsErrors.invalidCiphertext();
  }
}

const incorrectMaterial = () => new AwsError('IncorrectKeyMaterialException', 'The key material in the request is not valid for this KMS key.');

/** The unwrapped bytes as key material of the key's spec: a 256-bit secret, an HMAC secret, or a PKCS#8 private key. */
function materialFor(key: KmsKey, bytes: Buffer): KeyMaterial {
  const info = specInfo(key);
  const id = createHash('sha256').update(bytes).digest('hex');
  if (info.family === 'symmetric' || info.family === 'hmac') {
    if (bytes.length !== (info.family === 'hmac' ? info.hmacBytes : 32)) throw incorrectMaterial();
    return { id, secret: bytes };
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: bytes, format: 'der', type: 'pkcs8' });
  } catch {
    throw incorrectMaterial();
  }
  const details = privateKey.asymmetricKeyDetails ?? {};
  const fits =
    info.family === 'rsa'
      ? privateKey.asymmetricKeyType === 'rsa' && details.modulusLength === info.rsaBits
      : info.family === 'ecc'
        ? privateKey.asymmetricKeyType === 'ec' && details.namedCurve === info.curve
        : privateKey.asymmetricKeyType === 'ed25519';
  if (!fits) throw incorrectMaterial();
  return { id, privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * The first import gives the key its material; later ones must bring the same material back (after it was deleted or
 * expired), or, with ImportType NEW_KEY_MATERIAL (symmetric keys), new material that RotateKeyOnDemand makes current.
 */
export function importKeyMaterial(input: ImportKeyMaterialCommandInput, ctx: KmsContext) {
  const key = externalKey(ctx, input.KeyId!);
  const parameters = ctx.state.importParameters.get(Buffer.from(input.ImportToken!).toString('base64'));
  if (!parameters || parameters.keyId !== key.id) throw new AwsError('InvalidImportTokenException', 'Import token is invalid for this KMS key.');
  if (parameters.validTo.getTime() <= ctx.emulator.clock.now()) throw new AwsError('ExpiredImportTokenException', 'Import token has expired.');
  const expirationModel = input.ExpirationModel ?? 'KEY_MATERIAL_EXPIRES';
  if (expirationModel === 'KEY_MATERIAL_EXPIRES' && !input.ValidTo) {
    throw KmsErrors.validation('A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES');
  }
  const material = materialFor(key, unwrap(parameters.privateKey, parameters.algorithm, Buffer.from(input.EncryptedKeyMaterial!)));
  const known = key.materials.find((m) => m.id === material.id);
  if (!known && key.materials.length) {
    if (input.ImportType !== 'NEW_KEY_MATERIAL' || key.spec !== 'SYMMETRIC_DEFAULT') throw incorrectMaterial();
    if (key.pendingMaterial && key.pendingMaterial.id !== material.id) {
      throw KmsErrors.invalidState(
        `New key material (id: ${material.id}) cannot be imported into KMS key ${key.id}, because another key material (id: ${key.pendingMaterial.id}) is pending rotation.`,
      );
    }
    key.pendingMaterial = material;
    return { KeyId: key.arn, KeyMaterialId: material.id };
  }
  if (!known) key.materials.push(material);
  key.expirationModel = expirationModel;
  key.validTo = expirationModel === 'KEY_MATERIAL_EXPIRES' ? input.ValidTo : undefined;
  if (key.state === 'PendingImport') key.state = 'Enabled';
  return { KeyId: key.arn, KeyMaterialId: material.id };
}

/** The key stays, unusable and waiting for the same material again (its ciphertexts decrypt once it is back). */
export function deleteImportedKeyMaterial(input: DeleteImportedKeyMaterialCommandInput, ctx: KmsContext) {
  const key = externalKey(ctx, input.KeyId!);
  key.state = 'PendingImport';
  key.expirationModel = undefined;
  key.validTo = undefined;
  key.pendingMaterial = undefined;
  return { KeyId: key.arn, KeyMaterialId: key.materials.at(-1)?.id };
}
