import { createHash, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import type { GetPublicKeyCommandInput, SignCommandInput, VerifyCommandInput } from '@aws-sdk/client-kms';
import { CommonErrors } from '../../../core/errors.ts';
import { authorizeKeyUse, keyForUse } from '../access.ts';
import { signDigest, verifyDigest } from '../ecdsa.ts';
import { KmsErrors } from '../errors.ts';
import { currentMaterial, findKey, keyMetadata, requireUsable, specInfo, type KmsContext } from '../keys.ts';
import { signPkcs1Digest, signPssDigest, verifyPkcs1Digest, verifyPssDigest } from '../rsa-digest.ts';
import { hashOf } from '../specs.ts';
import type { KmsKey } from '../state.ts';

interface Signing {
  key: KmsKey;
  algorithm: string;
  hash: string;
  /** The message's digest (computed for RAW messages). */
  digest: Buffer;
}

function prepare(ctx: KmsContext, input: SignCommandInput | VerifyCommandInput, operation: 'Sign' | 'Verify'): Signing {
  const key = keyForUse(ctx, input.KeyId!, 'SIGN_VERIFY', operation);
  const algorithm = input.SigningAlgorithm!;
  if (!specInfo(key).signing?.includes(algorithm)) throw KmsErrors.invalidKeyUsage(`Algorithm ${algorithm} is incompatible with key spec ${key.spec}.`);
  if (algorithm.startsWith('ED25519')) throw CommonErrors.notImplemented('kms', `${operation} with ${algorithm}`);
  const { name, bytes } = hashOf(algorithm);
  const message = Buffer.from(input.Message!);
  if (input.MessageType === 'DIGEST' && message.length !== bytes) throw KmsErrors.validation(`Digest is invalid length for algorithm ${algorithm}.`);
  const digest = input.MessageType === 'DIGEST' ? message : createHash(name).update(message).digest();
  return { key, algorithm, hash: name, digest };
}

export function sign(input: SignCommandInput, ctx: KmsContext) {
  const { key, algorithm, hash, digest } = prepare(ctx, input, 'Sign');
  if (input.DryRun) throw KmsErrors.dryRun();
  const privateKey = currentMaterial(key).privateKey!;
  let signature: Buffer;
  if (algorithm.startsWith('ECDSA')) {
    signature = input.MessageType === 'DIGEST' ? signDigest(privateKey, digest) : nodeSign(hash, Buffer.from(input.Message!), { key: privateKey, dsaEncoding: 'der' });
  } else if (algorithm.startsWith('RSASSA_PSS')) {
    signature = signPssDigest(privateKey, hash, digest);
  } else {
    signature = signPkcs1Digest(privateKey, hash, digest);
  }
  return { KeyId: key.arn, Signature: signature, SigningAlgorithm: algorithm };
}

export function verify(input: VerifyCommandInput, ctx: KmsContext) {
  const { key, algorithm, hash, digest } = prepare(ctx, input, 'Verify');
  if (input.DryRun) throw KmsErrors.dryRun();
  const publicKey = currentMaterial(key).publicKey!;
  const signature = Buffer.from(input.Signature!);
  let valid: boolean;
  if (algorithm.startsWith('ECDSA')) {
    valid =
      input.MessageType === 'DIGEST'
        ? verifyDigest(publicKey, digest, signature)
        : nodeVerify(hash, Buffer.from(input.Message!), { key: publicKey, dsaEncoding: 'der' }, signature);
  } else if (algorithm.startsWith('RSASSA_PSS')) {
    valid = verifyPssDigest(publicKey, hash, digest, signature);
  } else {
    valid = verifyPkcs1Digest(publicKey, hash, digest, signature);
  }
  if (!valid) throw KmsErrors.invalidSignature();
  return { KeyId: key.arn, SignatureValid: true, SigningAlgorithm: algorithm };
}

export function getPublicKey(input: GetPublicKeyCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!);
  const family = specInfo(key).family;
  if (family === 'symmetric' || family === 'hmac') throw KmsErrors.unsupported(`${key.arn} key spec ${key.spec} is not valid for GetPublicKey.`);
  requireUsable(key);
  authorizeKeyUse(ctx, key, 'GetPublicKey');
  const meta = keyMetadata(key);
  return {
    KeyId: key.arn,
    PublicKey: currentMaterial(key).publicKey!.export({ type: 'spki', format: 'der' }),
    CustomerMasterKeySpec: meta.CustomerMasterKeySpec,
    KeySpec: meta.KeySpec,
    KeyUsage: meta.KeyUsage,
    EncryptionAlgorithms: meta.EncryptionAlgorithms,
    SigningAlgorithms: meta.SigningAlgorithms,
    KeyAgreementAlgorithms: meta.KeyAgreementAlgorithms,
  };
}

