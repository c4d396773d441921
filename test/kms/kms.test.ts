import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify as nodeVerify } from 'node:crypto';
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyPairCommand,
  GenerateMacCommand,
  GenerateRandomCommand,
  GetPublicKeyCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  PutKeyPolicyCommand,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
  ScheduleKeyDeletionCommand,
  SignCommand,
  TagResourceCommand,
  VerifyCommand,
  VerifyMacCommand,
  EnableKeyRotationCommand,
  GetKeyRotationStatusCommand,
} from '@aws-sdk/client-kms';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';

// Expected messages and shapes come from the AWS-recorded KMS snapshots (test_kms.snapshot.json: DescribeKey
// fields, InvalidCiphertextException with an empty message, DisabledException, InvalidKeyUsageException, the OAEP
// size limits, alias prefix, tag rules) and the KMS API reference (defaults, windows, key states).
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('KMS through the AWS SDK v3', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let kms: KMSClient;
  const clientFor = (accessKeyId: string) =>
    new KMSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'x' } });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['kms'] });
    kms = clientFor('111111111111');
  });
  after(() => aws.stop());

  const newKey = async (input: ConstructorParameters<typeof CreateKeyCommand>[0] = {}) => (await kms.send(new CreateKeyCommand(input))).KeyMetadata!;

  it('symmetric keys: DescribeKey as AWS records it; AES-GCM blobs bound to the encryption context', async () => {
    const key = await newKey({ Description: 'test key 123' });
    assert.deepEqual(Object.keys(key).sort(), [
      'AWSAccountId', 'Arn', 'CreationDate', 'CurrentKeyMaterialId', 'CustomerMasterKeySpec', 'Description', 'Enabled', 'EncryptionAlgorithms',
      'KeyId', 'KeyManager', 'KeySpec', 'KeyState', 'KeyUsage', 'MultiRegion', 'Origin',
    ]);
    assert.equal(key.Arn, `arn:aws:kms:us-east-1:111111111111:key/${key.KeyId}`);
    assert.match(key.CurrentKeyMaterialId!, /^[0-9a-f]{64}$/);
    const encrypted = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: utf8('secret'), EncryptionContext: { app: 'a' } }));
    assert.equal(encrypted.KeyId, key.Arn);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { app: 'a' } }));
    assert.equal(Buffer.from(decrypted.Plaintext!).toString(), 'secret');
    assert.equal(decrypted.KeyMaterialId, key.CurrentKeyMaterialId);
    await assert.rejects(kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob })), expectError('InvalidCiphertextException', 400));
    const tampered = Buffer.from(encrypted.CiphertextBlob!);
    tampered[tampered.length - 1] ^= 1;
    await assert.rejects(kms.send(new DecryptCommand({ CiphertextBlob: tampered, EncryptionContext: { app: 'a' } })), expectError('InvalidCiphertextException', 400));
    const other = await newKey();
    await assert.rejects(
      kms.send(new DecryptCommand({ KeyId: other.KeyId, CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { app: 'a' } })),
      expectError('IncorrectKeyException', 400, 'The key ID in the request does not identify a CMK that can perform this operation.'),
    );
    const moved = await kms.send(new ReEncryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, SourceEncryptionContext: { app: 'a' }, DestinationKeyId: other.KeyId }));
    assert.equal(moved.SourceKeyId, key.Arn);
    assert.equal(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob }))).Plaintext!).toString(), 'secret');
  });

  it('rotation: on demand and automatic (clock), old ciphertexts still decrypt', async () => {
    const key = await newKey();
    const before = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: utf8('v1') }));
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    const rotated = (await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    assert.notEqual(rotated.CurrentKeyMaterialId, key.CurrentKeyMaterialId);
    assert.equal(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }))).Plaintext!).toString(), 'v1');
    await kms.send(new EnableKeyRotationCommand({ KeyId: key.KeyId, RotationPeriodInDays: 90 }));
    const status = await kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }));
    assert.equal(status.KeyRotationEnabled, true);
    assert.equal(status.RotationPeriodInDays, 90);
    aws.emulator.clock.advance(91 * 24 * 3600 * 1000);
    const later = (await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    assert.notEqual(later.CurrentKeyMaterialId, rotated.CurrentKeyMaterialId);
    assert.equal(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }))).Plaintext!).toString(), 'v1');
  });

  it('on-demand rotation: the quota of 25 per key (KMS developer guide), no rotation left in progress, bad ciphertexts refused', async () => {
    const key = await newKey();
    const sealed = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: utf8('v1') }));
    for (let i = 0; i < 25; i++) {
      await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
      assert.equal((await kms.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).OnDemandRotationStartDate, undefined);
    }
    await assert.rejects(
      kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })),
      expectError('LimitExceededException', 400, `The on-demand rotations limit has been reached for the given keyId. No more on-demand rotations can be performed for this key: ${key.Arn}`),
    );
    const tampered = Buffer.concat([Buffer.from(sealed.CiphertextBlob!), Buffer.from('bad_data')]);
    await assert.rejects(kms.send(new DecryptCommand({ KeyId: key.KeyId, CiphertextBlob: tampered })), expectError('InvalidCiphertextException', 400));
  });

  it('key states: disabled keys and keys pending deletion refuse cryptography; deletion happens after the window', async () => {
    const key = await newKey();
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await assert.rejects(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: utf8('x') })), expectError('DisabledException', 400, `${key.Arn} is disabled.`));
    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    assert.equal(scheduled.KeyState, 'PendingDeletion');
    assert.equal(scheduled.PendingWindowInDays, 7);
    await assert.rejects(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: utf8('x') })), expectError('KMSInvalidStateException', 400, `${key.Arn} is pending deletion.`));
    await kms.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
    assert.equal((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.KeyState, 'Disabled');
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    aws.emulator.clock.advance(8 * 24 * 3600 * 1000);
    await assert.rejects(kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), expectError('NotFoundException', 400, `Key '${key.Arn}' does not exist`));
    await assert.rejects(kms.send(new DescribeKeyCommand({ KeyId: 'fake-key-id' })), expectError('NotFoundException', 400, "Invalid keyId 'fake-key-id'"));
  });

  it('asymmetric keys: RSA-OAEP limits, signatures that node:crypto verifies with the public key, DIGEST messages', async () => {
    const rsa = await newKey({ KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' });
    assert.deepEqual(rsa.EncryptionAlgorithms, ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256']);
    await assert.rejects(
      kms.send(new EncryptCommand({ KeyId: rsa.KeyId, Plaintext: new Uint8Array(215), EncryptionAlgorithm: 'RSAES_OAEP_SHA_1' })),
      expectError('ValidationException', 400, 'Algorithm RSAES_OAEP_SHA_1 and key spec RSA_2048 cannot encrypt data larger than 214 bytes.'),
    );
    const blob = (await kms.send(new EncryptCommand({ KeyId: rsa.KeyId, Plaintext: utf8('rsa'), EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }))).CiphertextBlob;
    const opened = await kms.send(new DecryptCommand({ KeyId: rsa.KeyId, CiphertextBlob: blob, EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }));
    assert.equal(Buffer.from(opened.Plaintext!).toString(), 'rsa');
    await assert.rejects(
      kms.send(new SignCommand({ KeyId: rsa.KeyId, Message: utf8('m'), SigningAlgorithm: 'RSASSA_PSS_SHA_256' })),
      expectError('InvalidKeyUsageException', 400, `${rsa.Arn} key usage is ENCRYPT_DECRYPT which is not valid for Sign.`),
    );
    for (const [spec, algorithm, hash] of [
      ['ECC_NIST_P256', 'ECDSA_SHA_256', 'sha256'],
      ['ECC_SECG_P256K1', 'ECDSA_SHA_256', 'sha256'],
      ['RSA_2048', 'RSASSA_PSS_SHA_384', 'sha384'],
      ['RSA_3072', 'RSASSA_PKCS1_V1_5_SHA_512', 'sha512'],
    ] as const) {
      const key = await newKey({ KeySpec: spec, KeyUsage: 'SIGN_VERIFY' });
      const publicKey = createPublicKey({ key: Buffer.from((await kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId }))).PublicKey!), format: 'der', type: 'spki' });
      const digest = createHash(hash).update('important').digest();
      const signed = await kms.send(new SignCommand({ KeyId: key.KeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: algorithm }));
      const padding = algorithm.startsWith('RSASSA_PSS') ? { padding: 6, saltLength: digest.length } : {};
      assert.ok(nodeVerify(hash, Buffer.from('important'), { key: publicKey, dsaEncoding: 'der', ...padding }, signed.Signature!), `${spec} ${algorithm}`);
      const raw = await kms.send(new SignCommand({ KeyId: key.KeyId, Message: utf8('important'), SigningAlgorithm: algorithm }));
      assert.equal((await kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: digest, MessageType: 'DIGEST', Signature: raw.Signature, SigningAlgorithm: algorithm }))).SignatureValid, true);
      await assert.rejects(
        kms.send(new VerifyCommand({ KeyId: key.KeyId, Message: utf8('forged'), Signature: raw.Signature, SigningAlgorithm: algorithm })),
        expectError('KMSInvalidSignatureException', 400),
      );
      await assert.rejects(
        kms.send(new SignCommand({ KeyId: key.KeyId, Message: digest.subarray(1), MessageType: 'DIGEST', SigningAlgorithm: algorithm })),
        expectError('ValidationException', 400, `Digest is invalid length for algorithm ${algorithm}.`),
      );
    }
  });

  it('HMAC keys, data keys, data key pairs, GenerateRandom', async () => {
    const hmac = await newKey({ KeySpec: 'HMAC_224', KeyUsage: 'GENERATE_VERIFY_MAC' });
    assert.deepEqual(hmac.MacAlgorithms, ['HMAC_SHA_224']);
    await assert.rejects(
      kms.send(new GenerateMacCommand({ KeyId: hmac.KeyId, Message: utf8('m'), MacAlgorithm: 'HMAC_SHA_256' })),
      expectError('InvalidKeyUsageException', 400, 'Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.'),
    );
    // AWS lists the MAC algorithms in its own order (recorded test_invalid_generate_mac), not botocore's.
    await assert.rejects(
      kms.send(new GenerateMacCommand({ KeyId: hmac.KeyId, Message: utf8('m'), MacAlgorithm: 'INVALID' as 'HMAC_SHA_224' })),
      expectError(
        'ValidationException',
        400,
        "1 validation error detected: Value 'INVALID' at 'macAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]",
      ),
    );
    const mac = (await kms.send(new GenerateMacCommand({ KeyId: hmac.KeyId, Message: utf8('m'), MacAlgorithm: 'HMAC_SHA_224' }))).Mac!;
    assert.equal(mac.length, 28);
    assert.equal((await kms.send(new VerifyMacCommand({ KeyId: hmac.KeyId, Message: utf8('m'), MacAlgorithm: 'HMAC_SHA_224', Mac: mac }))).MacValid, true);
    await assert.rejects(kms.send(new VerifyMacCommand({ KeyId: hmac.KeyId, Message: utf8('n'), MacAlgorithm: 'HMAC_SHA_224', Mac: mac })), expectError('KMSInvalidMacException', 400));

    const key = await newKey();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/data', TargetKeyId: key.KeyId }));
    await assert.rejects(kms.send(new CreateAliasCommand({ AliasName: 'data', TargetKeyId: key.KeyId })), expectError('ValidationException', 400));
    assert.deepEqual((await kms.send(new ListAliasesCommand({ KeyId: key.KeyId }))).Aliases!.map((a) => a.AliasName), ['alias/data']);
    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/data', KeySpec: 'AES_128', EncryptionContext: { f: '1' } }));
    assert.equal(dataKey.Plaintext!.length, 16);
    assert.deepEqual((await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: { f: '1' } }))).Plaintext, dataKey.Plaintext);
    const pair = await kms.send(new GenerateDataKeyPairCommand({ KeyId: key.Arn, KeyPairSpec: 'ECC_NIST_P256' }));
    assert.equal(createPublicKey({ key: Buffer.from(pair.PublicKey!), format: 'der', type: 'spki' }).asymmetricKeyType, 'ec');
    assert.deepEqual((await kms.send(new DecryptCommand({ CiphertextBlob: pair.PrivateKeyCiphertextBlob }))).Plaintext, pair.PrivateKeyPlaintext);
    assert.equal((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 1024 }))).Plaintext!.length, 1024);
    await assert.rejects(kms.send(new GenerateRandomCommand({})), expectError('ValidationException', 400, 'NumberOfBytes is required.'));
    await assert.rejects(kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'AWS:x', TagValue: 'v' }] })), expectError('TagException', 400, 'Tags beginning with aws: are reserved'));
  });

  it('cross-account use needs the key policy or a grant', async () => {
    const key = await newKey();
    const blob = (await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: utf8('shared') }))).CiphertextBlob;
    const other = clientFor('222222222222');
    await assert.rejects(
      other.send(new DecryptCommand({ KeyId: key.Arn, CiphertextBlob: blob })),
      expectError(
        'AccessDeniedException',
        400,
        `User: arn:aws:iam::222222222222:root is not authorized to perform: kms:Decrypt on resource: ${key.Arn} because no resource-based policy allows the kms:Decrypt action`,
      ),
    );
    await kms.send(new CreateGrantCommand({ KeyId: key.KeyId, GranteePrincipal: 'arn:aws:iam::222222222222:root', Operations: ['Decrypt'] }));
    assert.equal((await kms.send(new ListGrantsCommand({ KeyId: key.KeyId }))).Grants!.length, 1);
    assert.equal(Buffer.from((await other.send(new DecryptCommand({ KeyId: key.Arn, CiphertextBlob: blob }))).Plaintext!).toString(), 'shared');
    await assert.rejects(other.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: utf8('x') })), expectError('AccessDeniedException', 400));
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'owner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
        { Sid: 'partner', Effect: 'Allow', Principal: { AWS: '222222222222' }, Action: 'kms:Encrypt', Resource: '*' },
      ],
    };
    await kms.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, Policy: JSON.stringify(policy) }));
    await other.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: utf8('x') }));
  });
});
