import { createPublicKey, diffieHellman, type KeyObject } from 'node:crypto';
import type { DeriveSharedSecretCommandInput } from '@aws-sdk/client-kms';
import { keyForUse } from '../access.ts';
import { KmsErrors } from '../errors.ts';
import { currentMaterial, specInfo, type KmsContext } from '../keys.ts';
import { forRecipient, recipientKey } from '../recipient.ts';

/** The peer's public key: DER SubjectPublicKeyInfo on the key's own curve; anything else is AWS's bare ValidationException. */
function peerKey(der: Uint8Array, curve: string | undefined): KeyObject {
  let peer: KeyObject;
  try {
    peer = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch {
    throw KmsErrors.validation('');
  }
  if (peer.asymmetricKeyType !== 'ec' || peer.asymmetricKeyDetails?.namedCurve !== curve) throw KmsErrors.validation('');
  return peer;
}

/**
 * ECDH between the key's private key (an ECC NIST key of KEY_AGREEMENT usage) and the peer's public key: the raw
 * shared secret, the same both ways (AWS-recorded test_derive_shared_secret); for a Nitro enclave Recipient, only
 * encrypted to the attested key (recipient.ts).
 */
export async function deriveSharedSecret(input: DeriveSharedSecretCommandInput, ctx: KmsContext) {
  const recipient = await recipientKey(input.Recipient);
  const key = keyForUse(ctx, input.KeyId!, 'KEY_AGREEMENT', 'DeriveSharedSecret');
  const peer = peerKey(input.PublicKey!, specInfo(key).curve);
  if (input.DryRun) throw KmsErrors.dryRun();
  return {
    KeyId: key.arn,
    ...forRecipient(recipient, 'SharedSecret', diffieHellman({ privateKey: currentMaterial(key).privateKey!, publicKey: peer })),
    KeyAgreementAlgorithm: input.KeyAgreementAlgorithm,
    KeyOrigin: key.origin ?? 'AWS_KMS',
  };
}
