import assert from 'node:assert/strict';
import { CreateAliasCommand, CreateKeyCommand, EncryptCommand, GetKeyLastUsageCommand, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';
import { expectError } from '../support/aws-error.ts';
import { useKms } from './support.ts';

// GetKeyLastUsage (KMS API reference): the last successful cryptographic operation with the key, tracked here from the
// key's creation (TrackingStartDate = KeyCreationDate); failed operations leave no mark; alias names are not accepted.
describe('KMS GetKeyLastUsage', function () {
  this.timeout(30_000);
  const context = useKms();

  it('reports the last successful cryptographic operation, not failed ones', async () => {
    const { kms } = context;
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    const fresh = await kms.send(new GetKeyLastUsageCommand({ KeyId: key.KeyId }));
    assert.equal(fresh.KeyId, key.KeyId);
    assert.equal(fresh.KeyLastUsage, undefined);
    assert.deepEqual(fresh.TrackingStartDate, fresh.KeyCreationDate);
    await kms.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: Buffer.from('x') }));
    const used = (await kms.send(new GetKeyLastUsageCommand({ KeyId: key.Arn }))).KeyLastUsage!;
    assert.equal(used.Operation, 'Encrypt');
    assert.ok(used.Timestamp instanceof Date);
    assert.match(used.KmsRequestId!, /^[0-9a-f-]{36}$/);

    const signing = (await kms.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!;
    const { Signature } = await kms.send(new SignCommand({ KeyId: signing.KeyId, Message: Buffer.from('m'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    await assert.rejects(
      kms.send(new VerifyCommand({ KeyId: signing.KeyId, Message: Buffer.from('other'), Signature, SigningAlgorithm: 'ECDSA_SHA_256' })),
      expectError('KMSInvalidSignatureException', 400),
    );
    assert.equal((await kms.send(new GetKeyLastUsageCommand({ KeyId: signing.KeyId }))).KeyLastUsage!.Operation, 'Sign');

    await kms.send(new CreateAliasCommand({ AliasName: 'alias/used', TargetKeyId: key.KeyId }));
    await assert.rejects(kms.send(new GetKeyLastUsageCommand({ KeyId: 'alias/used' })), expectError('NotFoundException', 400));
  });
});
