import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateKeyCommand,
  DecryptCommand,
  DeriveSharedSecretCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateRandomCommand,
  GetPublicKeyCommand,
} from '@aws-sdk/client-kms';
import { cbor } from '@smithy/core/cbor';
import { expectError } from '../support/aws-error.ts';
import { useKms } from './support.ts';

// The Recipient parameter as the KMS API reference describes it: the plaintext (data key, private key, random bytes,
// shared secret) comes back only as CiphertextForRecipient, encrypted to the attestation document's public key
// (RSAES_OAEP_SHA_256); the plaintext member is absent. OpenSSL's `cms -decrypt` opens what twinstack sends, as the
// enclave's private key would.
describe('KMS Recipient (Nitro Enclaves attestation documents)', function () {
  this.timeout(30_000);
  const context = useKms();
  const enclave = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const folder = mkdtempSync(join(tmpdir(), 'twinstack-recipient-'));
  writeFileSync(join(folder, 'enclave.pem'), enclave.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** A COSE_Sign1 attestation document (tag 18) whose payload names the enclave's public key. */
  const payload = cbor.serialize({ module_id: 'i-0123456789abcdef0-enc0123456789abcd', digest: 'SHA384', timestamp: 1_700_000_000_000, public_key: enclave.publicKey.export({ type: 'spki', format: 'der' }) });
  const document = Buffer.concat([Buffer.from([0xd2]), cbor.serialize([new Uint8Array([0xa1, 0x01, 0x38, 0x22]), {}, payload, new Uint8Array(96)])]);
  const Recipient = { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256' as const, AttestationDocument: document };

  /** What the enclave reads: OpenSSL decrypts the CMS EnvelopedData with its private key. */
  const open = (envelope: Uint8Array) => {
    writeFileSync(join(folder, 'envelope.der'), envelope);
    return execFileSync('openssl', ['cms', '-decrypt', '-inform', 'DER', '-in', join(folder, 'envelope.der'), '-inkey', join(folder, 'enclave.pem')]);
  };

  it('Decrypt, GenerateDataKey, GenerateDataKeyPair and GenerateRandom answer only CiphertextForRecipient', async () => {
    const { KeyMetadata } = await context.kms.send(new CreateKeyCommand({}));
    const { CiphertextBlob } = await context.kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: Buffer.from('enclave secret') }));
    const decrypted = await context.kms.send(new DecryptCommand({ CiphertextBlob, Recipient }));
    assert.equal(decrypted.Plaintext, undefined);
    assert.equal(decrypted.KeyId, KeyMetadata!.Arn);
    assert.equal(open(decrypted.CiphertextForRecipient!).toString(), 'enclave secret');

    const dataKey = await context.kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata!.KeyId, KeySpec: 'AES_256', Recipient }));
    assert.equal(dataKey.Plaintext, undefined);
    const plainKey = open(dataKey.CiphertextForRecipient!);
    assert.equal(plainKey.length, 32);
    // The CiphertextBlob is the same data key under the KMS key.
    assert.deepEqual(Buffer.from((await context.kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }))).Plaintext!), plainKey);

    const pair = await context.kms.send(new GenerateDataKeyPairCommand({ KeyId: KeyMetadata!.KeyId, KeyPairSpec: 'ECC_NIST_P256', Recipient }));
    assert.equal(pair.PrivateKeyPlaintext, undefined);
    assert.ok(pair.PublicKey && pair.PrivateKeyCiphertextBlob);
    assert.match(execFileSync('openssl', ['pkey', '-inform', 'DER', '-noout', '-text'], { input: open(pair.CiphertextForRecipient!) }).toString(), /ASN1 OID: prime256v1/);

    const random = await context.kms.send(new GenerateRandomCommand({ NumberOfBytes: 48, Recipient }));
    assert.equal(random.Plaintext, undefined);
    assert.equal(open(random.CiphertextForRecipient!).length, 48);
  });

  it('DeriveSharedSecret encrypts the shared secret to the enclave', async () => {
    const keyOf = async () => (await context.kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'KEY_AGREEMENT' }))).KeyMetadata!.KeyId!;
    const [one, two] = [await keyOf(), await keyOf()];
    const publicOf = async (KeyId: string) => (await context.kms.send(new GetPublicKeyCommand({ KeyId }))).PublicKey!;
    const plain = await context.kms.send(new DeriveSharedSecretCommand({ KeyId: one, KeyAgreementAlgorithm: 'ECDH', PublicKey: await publicOf(two) }));
    const sealed = await context.kms.send(new DeriveSharedSecretCommand({ KeyId: two, KeyAgreementAlgorithm: 'ECDH', PublicKey: await publicOf(one), Recipient }));
    assert.equal(sealed.SharedSecret, undefined);
    assert.deepEqual(open(sealed.CiphertextForRecipient!), Buffer.from(plain.SharedSecret!));
  });

  it('refuses documents that are not attestation documents, or hold no RSA public key', async () => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' });
    for (const AttestationDocument of [
      Buffer.from('not cbor at all'),
      cbor.serialize({ public_key: enclave.publicKey.export({ type: 'spki', format: 'der' }) }),
      cbor.serialize([new Uint8Array(0), {}, cbor.serialize({ public_key: ecKey }), new Uint8Array(0)]),
    ]) {
      await assert.rejects(
        context.kms.send(new GenerateRandomCommand({ NumberOfBytes: 8, Recipient: { KeyEncryptionAlgorithm: 'RSAES_OAEP_SHA_256', AttestationDocument } })),
        expectError('ValidationException', 400),
      );
    }
  });
});
