import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BOTO3_ENV, runBoto3Script } from '../support/boto3.ts';

// boto3 1.43 and the AWS CLI (v1 from the image's python3, Debian's v2.9) against IAM, KMS, Secrets Manager and
// SSM: what they parse from the wire. Expected codes and messages are AWS's (the AWS-recorded snapshots of each
// service: IAM's "This policy contains invalid Json", KMS's empty InvalidCiphertextException message, ...).
const run = promisify(execFile);

type Error = { code: string; message: string; status: number };

describe('IAM, KMS, Secrets Manager and SSM with boto3 and the AWS CLI', function () {
  this.timeout(120_000);
  let aws: Twinstack;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['iam', 'kms', 'secretsmanager', 'ssm', 'sts'] });
  });
  after(() => aws.stop());

  it('boto3: wire codes, messages and statuses; URL-encoded IAM documents decoded', async () => {
    const out = await runBoto3Script<Record<string, Record<string, unknown>>>(new URL('./python-clients.py', import.meta.url), aws.endpoint);
    assert.deepEqual(out.role, {
      arn: 'arn:aws:iam::000000000000:role/py/py-role',
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      max_session: false,
    });
    const iamErrors = out.iam_errors as Record<string, Error>;
    assert.deepEqual(iamErrors.malformed, { code: 'MalformedPolicyDocument', message: 'This policy contains invalid Json', status: 400 });
    assert.deepEqual(iamErrors.missing_user, { code: 'NoSuchEntity', message: 'The user with name non-existent-user cannot be found.', status: 404 });
    assert.deepEqual(iamErrors.bad_arn, { code: 'ValidationError', message: 'Invalid ARN:  Could not be parsed!', status: 400 });
    assert.deepEqual(iamErrors.delete_policy, {
      code: 'NoSuchEntity',
      message: 'Policy arn:aws:iam::000000000000:policy/non-existent-policy was not found.',
      status: 404,
    });
    assert.equal(iamErrors.status_enum.code, 'ValidationError');
    assert.deepEqual(out.inline, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    assert.deepEqual(out.simulate, [
      ['s3:GetObject', 'allowed', {}],
      ['sqs:SendMessage', 'implicitDeny', {}],
    ]);
    const kms = out.kms as Record<string, unknown>;
    assert.deepEqual(kms.roundtrip, [0, 255, 100, 97, 116, 97]);
    assert.deepEqual(kms.wrong_context, { code: 'InvalidCiphertextException', message: '', status: 400 });
    assert.deepEqual(kms.invalid_key_id, { code: 'NotFoundException', message: "Invalid keyId 'fake-key-id'", status: 400 });
    assert.deepEqual(kms.random_zero, {
      code: 'ValidationException',
      message: "1 validation error detected: Value '0' at 'numberOfBytes' failed to satisfy constraint: Member must have value greater than or equal to 1",
      status: 400,
    });
    assert.equal(out.sm.previous, 's1');
    assert.deepEqual(out.sm.missing, { code: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret.", status: 400 });
    assert.equal(out.sm.password_length, 50);
    assert.equal(out.ssm.value, 'v');
    assert.deepEqual(out.ssm.missing, { code: 'ParameterNotFound', message: '', status: 400 });
    assert.equal((out.ssm.exists as Error).code, 'ParameterAlreadyExists');
  });

  for (const [label, cli] of [
    ['AWS CLI v1', ['python3', '-m', 'awscli']],
    ['AWS CLI v2 (Debian 2.9)', ['/usr/bin/aws']],
  ] as const) {
    it(`${label}: IAM user and access key, KMS encrypt/decrypt, Secrets Manager and SSM values`, async () => {
      const aws_ = async (...args: string[]) => JSON.parse((await run(cli[0], [...cli.slice(1), '--endpoint-url', aws.endpoint, '--output', 'json', ...args], { env: BOTO3_ENV })).stdout || '{}');
      const suffix = label.includes('v1') ? 'v1' : 'v2';
      const user = await aws_('iam', 'create-user', '--user-name', `cli-${suffix}`);
      assert.equal(user.User.Arn, `arn:aws:iam::000000000000:user/cli-${suffix}`);
      const key = await aws_('iam', 'create-access-key', '--user-name', `cli-${suffix}`);
      assert.match(key.AccessKey.AccessKeyId, /^AKIA/);
      const kmsKey = await aws_('kms', 'create-key');
      // Blobs go through files: CLI v1 sends a blob argument's text as is, v2 base64-decodes it.
      const dir = await mkdtemp(join(tmpdir(), 'twinstack-cli-'));
      await writeFile(join(dir, 'plain'), 'cli');
      const encrypted = await aws_('kms', 'encrypt', '--key-id', kmsKey.KeyMetadata.KeyId, '--plaintext', `fileb://${join(dir, 'plain')}`);
      await writeFile(join(dir, 'blob'), Buffer.from(encrypted.CiphertextBlob, 'base64'));
      const decrypted = await aws_('kms', 'decrypt', '--ciphertext-blob', `fileb://${join(dir, 'blob')}`);
      await rm(dir, { recursive: true });
      assert.equal(Buffer.from(decrypted.Plaintext, 'base64').toString(), 'cli');
      await aws_('secretsmanager', 'create-secret', '--name', `cli/${suffix}`, '--secret-string', 'shh');
      assert.equal((await aws_('secretsmanager', 'get-secret-value', '--secret-id', `cli/${suffix}`)).SecretString, 'shh');
      await aws_('ssm', 'put-parameter', '--name', `/cli/${suffix}`, '--value', 'p', '--type', 'SecureString');
      assert.equal((await aws_('ssm', 'get-parameter', '--name', `/cli/${suffix}`, '--with-decryption')).Parameter.Value, 'p');
    });
  }
});
