import assert from 'node:assert/strict';
import { AssumeRoleCommand, AssumeRootCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CredentialRegistry, EXPIRED_CREDENTIALS_GRACE_MS, type IssuedCredentials } from '../../emulator/core/credentials.ts';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

// AWS answers requests signed with expired STS credentials with ExpiredToken ("The security token included in the
// request is expired", 403 over the query protocol) and unknown keys with InvalidClientTokenId.
const KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const MINUTE = 60_000;

describe('lifetime of the credentials STS issues', function () {
  this.timeout(60_000);

  describe('strict signatures, over HTTP', () => {
    let aws: Twinstack;
    const sts = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = KEY) =>
      new STSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });

    before(async () => {
      aws = await startTwinstack({ port: 0, services: ['sts'], strictSignatures: true, credentials: [{ ...KEY, accountId: '123456789012' }] });
    });
    after(() => aws.stop());

    it('expired credentials still get ExpiredToken while many more are issued', async () => {
      const admin = (await sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/admin', RoleSessionName: 'admin' }))).Credentials!;
      const asAdmin = { accessKeyId: admin.AccessKeyId!, secretAccessKey: admin.SecretAccessKey!, sessionToken: admin.SessionToken! };
      // AssumeRoot accepts a zero duration: the credentials are expired as soon as they are issued.
      const root = (
        await sts(asAdmin).send(
          new AssumeRootCommand({ TargetPrincipal: '444455556666', TaskPolicyArn: { arn: 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials' }, DurationSeconds: 0 }),
        )
      ).Credentials!;
      const client = sts();
      for (let i = 0; i < 200; i++) await client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::123456789012:role/worker', RoleSessionName: `w${i}` }));

      await assert.rejects(sts({ accessKeyId: root.AccessKeyId!, secretAccessKey: root.SecretAccessKey!, sessionToken: root.SessionToken! }).send(new GetCallerIdentityCommand({})), (e: Error & { $metadata: { httpStatusCode: number } }) => {
        assert.equal(e.name, 'ExpiredToken');
        assert.equal(e.message, 'The security token included in the request is expired');
        assert.equal(e.$metadata.httpStatusCode, 403);
        return true;
      });
      const identity = await sts(asAdmin).send(new GetCallerIdentityCommand({}));
      assert.equal(identity.Arn, 'arn:aws:sts::123456789012:assumed-role/admin/admin');
      assert.equal((await sts().send(new GetCallerIdentityCommand({}))).Account, '123456789012');
    });
  });

  describe('the registry, on a simulated clock', () => {
    let now = Date.UTC(2026, 0, 1);
    const issued = (accessKeyId: string, lifetimeMs: number): IssuedCredentials => ({
      accessKeyId,
      secretAccessKey: 'secret',
      sessionToken: `token-${accessKeyId}`,
      accountId: '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/role/session',
      userId: 'AROAEXAMPLE:session',
      expiration: new Date(now + lifetimeMs),
    });

    it('keeps expired credentials for the grace period, then forgets them', () => {
      const registry = new CredentialRegistry(() => now);
      registry.register({ ...KEY, accountId: '123456789012', arn: 'arn:aws:iam::123456789012:root', userId: '123456789012' });
      registry.register(issued('ASIAEXPIRING', 15 * MINUTE));
      now += 15 * MINUTE;
      assert.equal(registry.lookup('ASIAEXPIRING')?.sessionToken, 'token-ASIAEXPIRING', 'expired: known, so strict mode says ExpiredToken');
      assert.equal(registry.accountFor('ASIAEXPIRING'), '111122223333');
      now += EXPIRED_CREDENTIALS_GRACE_MS;
      assert.equal(registry.lookup('ASIAEXPIRING'), undefined);
      assert.equal(registry.accountFor('ASIAEXPIRING'), '000000000000');
      assert.equal(registry.accountFor(KEY.accessKeyId), '123456789012', 'configured keys never expire');
    });

    it('holds only what is within lifetime and grace however long it runs', () => {
      const registry = new CredentialRegistry(() => now);
      // Two days of 10 fifteen-minute sessions a minute: 28,800 issued, 750 within lifetime plus grace at any time.
      for (let minute = 0; minute < 48 * 60; minute++) {
        for (let i = 0; i < 10; i++) registry.register(issued(`ASIA${minute}x${i}`, 15 * MINUTE));
        now += MINUTE;
      }
      const window = 10 * ((15 * MINUTE + EXPIRED_CREDENTIALS_GRACE_MS) / MINUTE);
      assert.ok(registry.size <= 1.5 * window, `${registry.size} known after 28,800 issued, ${window} within lifetime and grace`);
      const last = 48 * 60 - 1;
      assert.ok(registry.lookup(`ASIA${last}x9`), 'the latest');
      assert.ok(registry.lookup(`ASIA${last - 70}x0`), 'expired 55 minutes ago');
      assert.equal(registry.lookup(`ASIA${last - 80}x0`), undefined, 'expired 65 minutes ago');
    });
  });
});
