import assert from 'node:assert/strict';
import { createECDH, createPublicKey } from 'node:crypto';
import { CreateKeyCommand, DeriveSharedSecretCommand, GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { expectError } from '../support/aws-error.ts';
import { useKms } from './support.ts';

// DeriveSharedSecret as the AWS-recorded test_derive_shared_secret(_matches_openssl) shows it: ECDH between two
// KEY_AGREEMENT keys gives the same secret both ways, and the same as OpenSSL's ECDH with the key's public key;
// errors: InvalidKeyUsageException naming the key ARN, the enum ValidationException, and a bare ValidationException
// for a public key that is not one.
describe('KMS DeriveSharedSecret (ECDH)', function () {
  this.timeout(30_000);
  const context = useKms();

  const agreementKey = async (KeySpec: 'ECC_NIST_P256' | 'ECC_NIST_P384' = 'ECC_NIST_P256') =>
    (await context.kms.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'KEY_AGREEMENT' }))).KeyMetadata!;

  it('derives the same secret both ways, and the one OpenSSL derives', async () => {
    const one = await agreementKey();
    const two = await agreementKey();
    assert.deepEqual(one.KeyAgreementAlgorithms, ['ECDH']);
    const publicOf = async (KeyId: string) => (await context.kms.send(new GetPublicKeyCommand({ KeyId }))).PublicKey!;
    const a = await context.kms.send(new DeriveSharedSecretCommand({ KeyId: one.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: await publicOf(two.KeyId!) }));
    const b = await context.kms.send(new DeriveSharedSecretCommand({ KeyId: two.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: await publicOf(one.KeyId!) }));
    assert.equal(a.KeyId, one.Arn);
    assert.equal(a.KeyAgreementAlgorithm, 'ECDH');
    assert.equal(a.KeyOrigin, 'AWS_KMS');
    assert.equal(a.SharedSecret!.length, 32);
    assert.deepEqual(Buffer.from(a.SharedSecret!), Buffer.from(b.SharedSecret!));

    // A local P-256 key pair: its ECDH with the KMS key's public key is KMS's secret with the local public key.
    const local = createECDH('prime256v1');
    local.generateKeys();
    const localSpki = createPublicKey({ key: { kty: 'EC', crv: 'P-256', ...jwkPoint(local.getPublicKey()) }, format: 'jwk' }).export({ format: 'der', type: 'spki' });
    const kmsPoint = createPublicKey({ key: Buffer.from(await publicOf(one.KeyId!)), format: 'der', type: 'spki' }).export({ format: 'jwk' });
    const expected = local.computeSecret(Buffer.concat([Buffer.from([4]), Buffer.from(kmsPoint.x!, 'base64url'), Buffer.from(kmsPoint.y!, 'base64url')]));
    const derived = await context.kms.send(new DeriveSharedSecretCommand({ KeyId: one.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: localSpki }));
    assert.deepEqual(Buffer.from(derived.SharedSecret!), expected);

    await assert.rejects(
      context.kms.send(new DeriveSharedSecretCommand({ KeyId: one.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: localSpki, DryRun: true })),
      expectError('DryRunOperationException', 400, 'The request would have succeeded, but the DryRun option is set.'),
    );
  });

  it("refuses other usages, other algorithms, and public keys that are not the key's curve", async () => {
    const one = await agreementKey();
    const peer = (await context.kms.send(new GetPublicKeyCommand({ KeyId: (await agreementKey()).KeyId }))).PublicKey!;
    const signing = (await context.kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!;
    await assert.rejects(
      context.kms.send(new DeriveSharedSecretCommand({ KeyId: signing.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer })),
      expectError('InvalidKeyUsageException', 400, `${signing.Arn} key usage is SIGN_VERIFY which is not valid for DeriveSharedSecret.`),
    );
    const symmetric = (await context.kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    await assert.rejects(
      context.kms.send(new DeriveSharedSecretCommand({ KeyId: symmetric.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: peer })),
      expectError('InvalidKeyUsageException', 400, `${symmetric.Arn} key usage is ENCRYPT_DECRYPT which is not valid for DeriveSharedSecret.`),
    );
    await assert.rejects(
      context.kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'KEY_AGREEMENT' })),
      expectError('ValidationException', 400, 'KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048'),
    );
    await assert.rejects(
      context.kms.send(new DeriveSharedSecretCommand({ KeyId: one.KeyId, KeyAgreementAlgorithm: 'INVALID' as 'ECDH', PublicKey: peer })),
      expectError(
        'ValidationException',
        400,
        "1 validation error detected: Value 'INVALID' at 'keyAgreementAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [ECDH]",
      ),
    );
    await assert.rejects(
      context.kms.send(new DeriveSharedSecretCommand({ KeyId: one.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: Buffer.from('InvalidPublicKey') })),
      // AWS's message is empty, which the SDK reports as UnknownError.
      expectError('ValidationException', 400, 'UnknownError'),
    );
    const p384 = (await context.kms.send(new GetPublicKeyCommand({ KeyId: (await agreementKey('ECC_NIST_P384')).KeyId }))).PublicKey!;
    await assert.rejects(context.kms.send(new DeriveSharedSecretCommand({ KeyId: one.KeyId, KeyAgreementAlgorithm: 'ECDH', PublicKey: p384 })), expectError('ValidationException', 400, 'UnknownError'));
  });
});

/** The x and y of an uncompressed EC point (0x04 || x || y), as JWK members. */
function jwkPoint(point: Buffer): { x: string; y: string } {
  const half = (point.length - 1) / 2;
  return { x: point.subarray(1, 1 + half).toString('base64url'), y: point.subarray(1 + half).toString('base64url') };
}
