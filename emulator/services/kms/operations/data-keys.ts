import { randomBytes } from 'node:crypto';
import type {
  GenerateDataKeyCommandInput,
  GenerateDataKeyPairCommandInput,
  GenerateDataKeyPairWithoutPlaintextCommandInput,
  GenerateDataKeyWithoutPlaintextCommandInput,
  GenerateRandomCommandInput,
} from '@aws-sdk/client-kms';
import { AwsError, CommonErrors } from '../../../core/errors.ts';
import { keyForUse } from '../access.ts';
import { sealSymmetric } from '../ciphertext.ts';
import { KmsErrors } from '../errors.ts';
import { newKeyPair, type KmsContext } from '../keys.ts';
import { KEY_SPECS } from '../specs.ts';
import type { KmsKey } from '../state.ts';
import { forRecipient, recipientKey } from '../recipient.ts';
import { requireStore } from './custom-key-stores.ts';

/** Data keys are encrypted under a symmetric encryption key. */
function dataKeyKey(ctx: KmsContext, keyId: string, operation: string): KmsKey {
  const key = keyForUse(ctx, keyId, 'ENCRYPT_DECRYPT', operation);
  if (key.spec !== 'SYMMETRIC_DEFAULT') throw KmsErrors.invalidKeyUsage(`${key.arn} key spec ${key.spec} is not valid for ${operation}.`);
  return key;
}

function dataKeyBytes(input: { NumberOfBytes?: number; KeySpec?: string }): number {
  if ((input.NumberOfBytes === undefined) === (input.KeySpec === undefined)) {
    throw KmsErrors.validation('Please specify either number of bytes or key spec.');
  }
  return input.NumberOfBytes ?? (input.KeySpec === 'AES_128' ? 16 : 32);
}

function dataKey(input: GenerateDataKeyCommandInput, ctx: KmsContext, operation: string) {
  const key = dataKeyKey(ctx, input.KeyId!, operation);
  const plaintext = randomBytes(dataKeyBytes(input));
  if (input.DryRun) throw KmsErrors.dryRun();
  return { key, plaintext, blob: sealSymmetric(key, plaintext, input.EncryptionContext) };
}

export async function generateDataKey(input: GenerateDataKeyCommandInput, ctx: KmsContext) {
  const recipient = await recipientKey(input.Recipient);
  const { key, plaintext, blob } = dataKey(input, ctx, 'GenerateDataKey');
  return { CiphertextBlob: blob, ...forRecipient(recipient, 'Plaintext', plaintext), KeyId: key.arn };
}

export function generateDataKeyWithoutPlaintext(input: GenerateDataKeyWithoutPlaintextCommandInput, ctx: KmsContext) {
  const { key, blob } = dataKey(input, ctx, 'GenerateDataKeyWithoutPlaintext');
  return { CiphertextBlob: blob, KeyId: key.arn };
}

/** A key pair of the requested spec: private key as PKCS #8 DER, public key as X.509 SubjectPublicKeyInfo DER. */
async function dataKeyPair(input: GenerateDataKeyPairCommandInput, ctx: KmsContext, operation: string) {
  const key = dataKeyKey(ctx, input.KeyId!, operation);
  const info = KEY_SPECS[input.KeyPairSpec!];
  if (!info || (info.family !== 'rsa' && info.family !== 'ecc' && info.family !== 'ed25519')) {
    throw CommonErrors.notImplemented('kms', `${operation} with KeyPairSpec ${input.KeyPairSpec}`);
  }
  if (input.DryRun) throw KmsErrors.dryRun();
  const pair = await newKeyPair(info);
  const privateDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  return {
    key,
    privateDer,
    output: {
      PrivateKeyCiphertextBlob: sealSymmetric(key, privateDer, input.EncryptionContext),
      PublicKey: pair.publicKey.export({ type: 'spki', format: 'der' }),
      KeyId: key.arn,
      KeyPairSpec: input.KeyPairSpec,
    },
  };
}

export async function generateDataKeyPair(input: GenerateDataKeyPairCommandInput, ctx: KmsContext) {
  const recipient = await recipientKey(input.Recipient);
  const { privateDer, output } = await dataKeyPair(input, ctx, 'GenerateDataKeyPair');
  return { ...output, ...forRecipient(recipient, 'PrivateKeyPlaintext', privateDer) };
}

export async function generateDataKeyPairWithoutPlaintext(input: GenerateDataKeyPairWithoutPlaintextCommandInput, ctx: KmsContext) {
  return (await dataKeyPair(input, ctx, 'GenerateDataKeyPairWithoutPlaintext')).output;
}

/** Random bytes; with a CustomKeyStoreId, from a connected CloudHSM key store (external key stores have no generator). */
export async function generateRandom(input: GenerateRandomCommandInput, ctx: KmsContext) {
  if (input.NumberOfBytes === undefined) throw KmsErrors.validation('NumberOfBytes is required.');
  const recipient = await recipientKey(input.Recipient);
  if (input.CustomKeyStoreId !== undefined) {
    const store = requireStore(ctx.state, input.CustomKeyStoreId);
    if (store.type !== 'AWS_CLOUDHSM') throw KmsErrors.unsupported('GenerateRandom is not supported for external key stores.');
    if (store.connectionState !== 'CONNECTED') throw new AwsError('CustomKeyStoreInvalidStateException', `Custom key store ${store.id} is ${store.connectionState}.`);
  }
  return forRecipient(recipient, 'Plaintext', randomBytes(input.NumberOfBytes));
}
