import assert from 'node:assert/strict';
import {
  ConnectCustomKeyStoreCommand,
  CreateCustomKeyStoreCommand,
  CreateKeyCommand,
  DecryptCommand,
  DeleteCustomKeyStoreCommand,
  DescribeCustomKeyStoresCommand,
  DescribeKeyCommand,
  DisconnectCustomKeyStoreCommand,
  EncryptCommand,
  GenerateRandomCommand,
    ScheduleKeyDeletionCommand,
  UpdateCustomKeyStoreCommand,
} from '@aws-sdk/client-kms';
import { expectError } from '../support/aws-error.ts';
import { useKms } from './support.ts';

// Custom key stores with the connection state machine the KMS API reference gives for
// CustomKeyStoreInvalidStateException: Connect refused while DISCONNECTING or FAILED, Disconnect while DISCONNECTING
// or DISCONNECTED, Update (but for the name) and Delete only when DISCONNECTED, CreateKey only when CONNECTED; Delete
// refused while the store holds keys (CustomKeyStoreHasCMKsException). No CloudHSM cluster or XKS proxy is contacted.
const XKS = {
  CustomKeyStoreType: 'EXTERNAL_KEY_STORE' as const,
  XksProxyUriEndpoint: 'https://xks.example.com',
  XksProxyUriPath: '/kms/xks/v1',
  XksProxyConnectivity: 'PUBLIC_ENDPOINT' as const,
  XksProxyAuthenticationCredential: { AccessKeyId: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.slice(0, 24), RawSecretAccessKey: 'a'.repeat(43) },
};
const HSM = { CloudHsmClusterId: 'cluster-234567abcdefg', TrustAnchorCertificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', KeyStorePassword: 'kmsuser-pass' };

describe('KMS custom key stores (AWS_CLOUDHSM and EXTERNAL_KEY_STORE)', function () {
  this.timeout(30_000);
  const context = useKms();

  const describe1 = async (CustomKeyStoreId: string) => (await context.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId }))).CustomKeyStores![0];

  it('an external key store: created DISCONNECTED, keys only once CONNECTED, unavailable when disconnected, deleted when empty', async () => {
    const { CustomKeyStoreId } = await context.kms.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'xks', ...XKS }));
    assert.match(CustomKeyStoreId!, /^cks-[0-9a-f]{17}$/);
    const created = await describe1(CustomKeyStoreId!);
    assert.equal(created.ConnectionState, 'DISCONNECTED');
    assert.equal(created.CustomKeyStoreType, 'EXTERNAL_KEY_STORE');
    assert.deepEqual(created.XksProxyConfiguration, {
      Connectivity: 'PUBLIC_ENDPOINT',
      AccessKeyId: XKS.XksProxyAuthenticationCredential.AccessKeyId,
      UriEndpoint: XKS.XksProxyUriEndpoint,
      UriPath: XKS.XksProxyUriPath,
    });
    await assert.rejects(
      context.kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId, XksKeyId: 'ext-1' })),
      expectError('CustomKeyStoreInvalidStateException', 400),
    );
    await assert.rejects(context.kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId })), expectError('CustomKeyStoreInvalidStateException', 400));
    await context.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId }));
    assert.equal((await describe1(CustomKeyStoreId!)).ConnectionState, 'CONNECTED');

    const key = (await context.kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId, XksKeyId: 'ext-1' }))).KeyMetadata!;
    assert.equal(key.Origin, 'EXTERNAL_KEY_STORE');
    assert.equal(key.CustomKeyStoreId, CustomKeyStoreId);
    assert.deepEqual(key.XksKeyConfiguration, { Id: 'ext-1' });
    await assert.rejects(
      context.kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId, XksKeyId: 'ext-1' })),
      expectError('XksKeyAlreadyInUseException', 400),
    );
    await assert.rejects(
      context.kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId, XksKeyId: 'ext-2', KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' })),
      expectError('UnsupportedOperationException', 400),
    );
    const { CiphertextBlob } = await context.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('in the xks') }));
    assert.equal(Buffer.from((await context.kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString(), 'in the xks');
    // Only the name may change while connected.
    await context.kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId, NewCustomKeyStoreName: 'xks-renamed' }));
    await assert.rejects(
      context.kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId, XksProxyUriPath: '/kms/xks/v2' })),
      expectError('CustomKeyStoreInvalidStateException', 400),
    );
    await assert.rejects(context.kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId })), expectError('CustomKeyStoreInvalidStateException', 400));

    await context.kms.send(new DisconnectCustomKeyStoreCommand({ CustomKeyStoreId }));
    const unavailable = (await context.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata!;
    assert.equal(unavailable.KeyState, 'Unavailable');
    assert.equal(unavailable.Enabled, false);
    await assert.rejects(context.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') })), expectError('KMSInvalidStateException', 400));
    await context.kms.send(new UpdateCustomKeyStoreCommand({ CustomKeyStoreId, XksProxyUriPath: '/kms/xks/v2' }));
    assert.equal((await describe1(CustomKeyStoreId!)).XksProxyConfiguration!.UriPath, '/kms/xks/v2');

    // A key pending deletion still holds the store.
    await context.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await assert.rejects(context.kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId })), expectError('CustomKeyStoreHasCMKsException', 400));
    context.aws.emulator.clock.advance(8 * 24 * 3600_000);
    await assert.rejects(context.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })), expectError('NotFoundException', 400));
    await context.kms.send(new DeleteCustomKeyStoreCommand({ CustomKeyStoreId }));
    await assert.rejects(context.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreId })), expectError('CustomKeyStoreNotFoundException', 400));
  });

  it('a CloudHSM key store: required settings, unique name and cluster, GenerateRandom from it once connected', async () => {
    await assert.rejects(context.kms.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'hsm', CloudHsmClusterId: HSM.CloudHsmClusterId })), expectError('ValidationException', 400));
    await assert.rejects(context.kms.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'hsm', ...HSM, ...XKS, CustomKeyStoreType: 'AWS_CLOUDHSM' })), expectError('ValidationException', 400));
    const { CustomKeyStoreId } = await context.kms.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'hsm', ...HSM }));
    const store = await describe1(CustomKeyStoreId!);
    assert.equal(store.CustomKeyStoreType, 'AWS_CLOUDHSM');
    assert.equal(store.CloudHsmClusterId, HSM.CloudHsmClusterId);
    assert.equal(store.TrustAnchorCertificate, HSM.TrustAnchorCertificate);
    assert.equal(store.XksProxyConfiguration, undefined);
    await assert.rejects(context.kms.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'hsm', ...HSM, CloudHsmClusterId: 'cluster-234567abcdefh' })), expectError('CustomKeyStoreNameInUseException', 400));
    await assert.rejects(context.kms.send(new CreateCustomKeyStoreCommand({ CustomKeyStoreName: 'hsm-2', ...HSM })), expectError('CloudHsmClusterInUseException', 400));
    await assert.rejects(context.kms.send(new GenerateRandomCommand({ NumberOfBytes: 16, CustomKeyStoreId })), expectError('CustomKeyStoreInvalidStateException', 400));
    await context.kms.send(new ConnectCustomKeyStoreCommand({ CustomKeyStoreId }));
    assert.equal((await context.kms.send(new GenerateRandomCommand({ NumberOfBytes: 16, CustomKeyStoreId }))).Plaintext!.length, 16);
    const key = (await context.kms.send(new CreateKeyCommand({ Origin: 'AWS_CLOUDHSM', CustomKeyStoreId }))).KeyMetadata!;
    assert.equal(key.Origin, 'AWS_CLOUDHSM');
    assert.equal(key.CloudHsmClusterId, HSM.CloudHsmClusterId);
    await assert.rejects(context.kms.send(new CreateKeyCommand({ Origin: 'EXTERNAL_KEY_STORE', CustomKeyStoreId, XksKeyId: 'k' })), expectError('UnsupportedOperationException', 400));
    const found = await context.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreName: 'hsm' }));
    assert.deepEqual(found.CustomKeyStores!.map((s) => s.CustomKeyStoreId), [CustomKeyStoreId]);
    await assert.rejects(context.kms.send(new DescribeCustomKeyStoresCommand({ CustomKeyStoreName: 'none' })), expectError('CustomKeyStoreNotFoundException', 400));
  });
});
