import assert from 'node:assert/strict';
import { constants, createCipheriv, createHash, createHmac, createPublicKey, generateKeyPairSync, publicEncrypt, randomBytes, verify } from 'node:crypto';
import {
  CreateKeyCommand,
  DecryptCommand,
  DeleteImportedKeyMaterialCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GenerateMacCommand,
  GetParametersForImportCommand,
  ImportKeyMaterialCommand,
  KMSClient,
  ReplicateKeyCommand,
  RotateKeyOnDemandCommand,
  SignCommand,
  UpdatePrimaryRegionCommand,
} from '@aws-sdk/client-kms';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';

// Expected states, fields and messages: LocalStack's AWS-validated test_kms snapshots (test_import_key_symmetric,
// test_import_key_hmac_keys, test_rotate_key_on_demand_*_external_*, test_replicate_key, test_get_parameters_for_import)
// and the KMS Developer Guide on importing key material (RSA-OAEP and RSA_AES_KEY_WRAP wrapping).

/** Wraps material as the KMS guide shows: RSA-OAEP alone, or RSA-OAEP around an AES-256 key that wraps it (RFC 5649). */
function wrap(publicKeyDer: Uint8Array, material: Buffer, algorithm: 'RSAES_OAEP_SHA_256' | 'RSA_AES_KEY_WRAP_SHA_256'): Buffer {
  const key = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
  const oaep = (data: Buffer) => publicEncrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, data);
  if (algorithm === 'RSAES_OAEP_SHA_256') return oaep(material);
  const aesKey = randomBytes(32);
  const cipher = createCipheriv('id-aes256-wrap-pad', aesKey, Buffer.from('a65959a6', 'hex'));
  return Buffer.concat([oaep(aesKey), cipher.update(material), cipher.final()]);
}

describe('KMS imported key material and multi-Region keys (SDK v3)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let kms: KMSClient;
  const inRegion = (region: string) => new KMSClient({ endpoint: aws.endpoint, region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['kms'] });
    kms = inRegion('us-east-1');
  });
  after(() => aws.stop());

  async function importInto(keyId: string, material: Buffer, algorithm: 'RSAES_OAEP_SHA_256' | 'RSA_AES_KEY_WRAP_SHA_256' = 'RSAES_OAEP_SHA_256', extra: object = {}) {
    const params = await kms.send(new GetParametersForImportCommand({ KeyId: keyId, WrappingAlgorithm: algorithm, WrappingKeySpec: 'RSA_2048' }));
    return kms.send(
      new ImportKeyMaterialCommand({
        KeyId: keyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: wrap(params.PublicKey!, material, algorithm),
        ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
        ...extra,
      }),
    );
  }

  it('symmetric: pending import, import, use, delete, re-import the same material; new material through rotation', async () => {
    const key = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', Description: 'imported' }))).KeyMetadata!;
    assert.equal(key.KeyState, 'PendingImport');
    assert.equal(key.Enabled, false);
    assert.equal(key.Origin, 'EXTERNAL');
    const pendingImport = expectError('KMSInvalidStateException', 400, `${key.Arn} is pending import.`);
    await assert.rejects(kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })), pendingImport);

    const material = randomBytes(32);
    const params = await kms.send(new GetParametersForImportCommand({ KeyId: key.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' }));
    assert.equal(params.KeyId, key.Arn);
    await assert.rejects(
      kms.send(new ImportKeyMaterialCommand({ KeyId: key.KeyId, ImportToken: params.ImportToken, EncryptedKeyMaterial: wrap(params.PublicKey!, material, 'RSAES_OAEP_SHA_256') })),
      expectError('ValidationException', 400, 'A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES'),
    );
    const imported = await importInto(key.KeyId!, material);
    const materialId = createHash('sha256').update(material).digest('hex');
    assert.equal(imported.KeyMaterialId, materialId);
    const described = (await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    assert.equal(described.KeyState, 'Enabled');
    assert.equal(described.ExpirationModel, 'KEY_MATERIAL_DOES_NOT_EXPIRE');
    assert.equal(described.CurrentKeyMaterialId, materialId);

    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('secret') }));
    await kms.send(new DeleteImportedKeyMaterialCommand({ KeyId: key.KeyId }));
    const deleted = (await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    assert.equal(deleted.KeyState, 'PendingImport');
    assert.equal(deleted.ExpirationModel, undefined);
    assert.equal(deleted.CurrentKeyMaterialId, materialId);
    await assert.rejects(kms.send(new DecryptCommand({ CiphertextBlob })), pendingImport);
    await assert.rejects(importInto(key.KeyId!, randomBytes(32)), expectError('IncorrectKeyMaterialException', 400));
    await importInto(key.KeyId!, material);
    assert.equal(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString(), 'secret');

    await assert.rejects(kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId })), expectError('UnsupportedOperationException', 400, `${key.Arn} origin is EXTERNAL which is not valid for this operation.`));
    const next = randomBytes(32);
    const pending = await importInto(key.KeyId!, next, 'RSAES_OAEP_SHA_256', { ImportType: 'NEW_KEY_MATERIAL' });
    await assert.rejects(
      importInto(key.KeyId!, randomBytes(32), 'RSAES_OAEP_SHA_256', { ImportType: 'NEW_KEY_MATERIAL' }),
      (e: Error) => e.name === 'KMSInvalidStateException' && e.message.endsWith(`because another key material (id: ${pending.KeyMaterialId}) is pending rotation.`),
    );
    assert.equal((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.CurrentKeyMaterialId, materialId);
    await kms.send(new RotateKeyOnDemandCommand({ KeyId: key.KeyId }));
    assert.equal((await kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!.CurrentKeyMaterialId, pending.KeyMaterialId);
    assert.equal(Buffer.from((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString(), 'secret');
  });

  it('HMAC and ECC keys take material wrapped with RSA_AES_KEY_WRAP_SHA_256, and compute with it', async () => {
    const hmacKey = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!;
    const secret = randomBytes(32);
    await importInto(hmacKey.KeyId!, secret, 'RSA_AES_KEY_WRAP_SHA_256');
    const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: hmacKey.KeyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from('msg') }));
    assert.deepEqual(Buffer.from(Mac!), createHmac('sha256', secret).update('msg').digest());

    const eccKey = (await kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL', KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!;
    const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    await assert.rejects(
      importInto(eccKey.KeyId!, generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'der' }), 'RSA_AES_KEY_WRAP_SHA_256'),
      expectError('IncorrectKeyMaterialException', 400),
    );
    await importInto(eccKey.KeyId!, pair.privateKey.export({ type: 'pkcs8', format: 'der' }), 'RSA_AES_KEY_WRAP_SHA_256');
    const { Signature } = await kms.send(new SignCommand({ KeyId: eccKey.KeyId, Message: Buffer.from('data'), SigningAlgorithm: 'ECDSA_SHA_256' }));
    assert.ok(verify('sha256', Buffer.from('data'), pair.publicKey, Buffer.from(Signature!)));

    const native = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    await assert.rejects(
      kms.send(new GetParametersForImportCommand({ KeyId: native.KeyId, WrappingAlgorithm: 'RSAES_OAEP_SHA_256', WrappingKeySpec: 'RSA_2048' })),
      expectError('UnsupportedOperationException', 400, `${native.Arn} origin is AWS_KMS which is not valid for this operation.`),
    );
  });

  it('multi-Region keys: replicas share key material across regions; the primary region can move', async () => {
    const primary = (await kms.send(new CreateKeyCommand({ MultiRegion: true, Description: 'test replicated key' }))).KeyMetadata!;
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: primary.KeyId, Plaintext: Buffer.from('everywhere') }));
    const eu = inRegion('eu-west-1');
    await assert.rejects(eu.send(new DescribeKeyCommand({ KeyId: primary.KeyId })), expectError('NotFoundException', 400));
    const replicated = await kms.send(new ReplicateKeyCommand({ KeyId: primary.KeyId, ReplicaRegion: 'eu-west-1' }));
    const replicaArn = primary.Arn!.replace('us-east-1', 'eu-west-1');
    assert.equal(replicated.ReplicaKeyMetadata!.KeyState, 'Creating');
    // AWS-recorded: no ReplicaTags member for a replica made without tags.
    assert.equal(replicated.ReplicaTags, undefined);
    assert.equal(replicated.ReplicaKeyMetadata!.Arn, replicaArn);
    assert.deepEqual(replicated.ReplicaKeyMetadata!.MultiRegionConfiguration, {
      MultiRegionKeyType: 'REPLICA',
      PrimaryKey: { Arn: primary.Arn, Region: 'us-east-1' },
      ReplicaKeys: [{ Arn: replicaArn, Region: 'eu-west-1' }],
    });
    const fromPrimary = (await kms.send(new DescribeKeyCommand({ KeyId: primary.KeyId }))).KeyMetadata!;
    assert.equal(fromPrimary.MultiRegionConfiguration!.MultiRegionKeyType, 'PRIMARY');
    assert.deepEqual(fromPrimary.MultiRegionConfiguration!.ReplicaKeys, [{ Arn: replicaArn, Region: 'eu-west-1' }]);
    const replica = (await eu.send(new DescribeKeyCommand({ KeyId: primary.KeyId }))).KeyMetadata!;
    assert.equal(replica.KeyState, 'Enabled');
    assert.equal(replica.CurrentKeyMaterialId, fromPrimary.CurrentKeyMaterialId);
    assert.equal(Buffer.from((await eu.send(new DecryptCommand({ CiphertextBlob, KeyId: primary.KeyId }))).Plaintext!).toString(), 'everywhere');
    await assert.rejects(
      eu.send(new ReplicateKeyCommand({ KeyId: primary.KeyId, ReplicaRegion: 'ap-southeast-1' })),
      expectError('UnsupportedOperationException', 400, `${replicaArn} is not a multi-region primary key.`),
    );
    await kms.send(new UpdatePrimaryRegionCommand({ KeyId: primary.KeyId, PrimaryRegion: 'eu-west-1' }));
    const moved = (await kms.send(new DescribeKeyCommand({ KeyId: primary.KeyId }))).KeyMetadata!.MultiRegionConfiguration!;
    assert.equal(moved.MultiRegionKeyType, 'REPLICA');
    assert.deepEqual(moved.PrimaryKey, { Arn: replicaArn, Region: 'eu-west-1' });
    assert.deepEqual(moved.ReplicaKeys, [{ Arn: primary.Arn, Region: 'us-east-1' }]);
    const plain = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    await assert.rejects(kms.send(new ReplicateKeyCommand({ KeyId: plain.KeyId, ReplicaRegion: 'eu-west-1' })), expectError('UnsupportedOperationException', 400));
  });
});
