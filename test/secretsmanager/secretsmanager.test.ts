import assert from 'node:assert/strict';
import { CreateKeyCommand, DisableKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  RotateSecretCommand,
  SecretsManagerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretVersionStageCommand,
  ValidateResourcePolicyCommand,
} from '@aws-sdk/client-secrets-manager';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';

// Staging-label moves, messages and shapes follow the AWS-recorded Secrets Manager snapshots
// (test_secretsmanager.snapshot.json: version stages current/pending cycles, deletion and restore, errors for
// missing stages and versions, tags, DefaultEncryptionKey) and the Secrets Manager API reference.
describe('Secrets Manager through the AWS SDK v3', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let sm: SecretsManagerClient;
  const clientFor = (accessKeyId: string) =>
    new SecretsManagerClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey: 'x' } });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['secretsmanager', 'kms'] });
    sm = clientFor('111111111111');
  });
  after(() => aws.stop());

  const stagesOf = async (id: string) =>
    Object.fromEntries((await sm.send(new ListSecretVersionIdsCommand({ SecretId: id }))).Versions!.map((v) => [v.VersionId, v.VersionStages]));

  it('versions and staging labels move as AWS moves them; PutSecretValue is idempotent by token', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: 'v1' }));
    assert.match(created.ARN!, /^arn:aws:secretsmanager:us-east-1:111111111111:secret:app\/db-[A-Za-z]{6}$/);
    const v1 = created.VersionId!;
    const pending = await sm.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v2', VersionStages: ['AWSPENDING'] }));
    assert.deepEqual(pending.VersionStages, ['AWSPENDING']);
    const v2 = pending.VersionId!;
    assert.deepEqual(await stagesOf('app/db'), { [v1]: ['AWSCURRENT'], [v2]: ['AWSPENDING'] });
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId: 'app/db', VersionStage: 'AWSCURRENT', MoveToVersionId: v2, RemoveFromVersionId: v1 }));
    assert.deepEqual(await stagesOf('app/db'), { [v1]: ['AWSPREVIOUS'], [v2]: ['AWSCURRENT', 'AWSPENDING'] });
    const v3 = (await sm.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v3', ClientRequestToken: 'token-00000000000000000000000000003' }))).VersionId!;
    assert.deepEqual(await stagesOf('app/db'), { [v2]: ['AWSPREVIOUS'], [v3]: ['AWSCURRENT'] });
    const versions = (await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'app/db', IncludeDeprecated: true }))).Versions!;
    assert.equal(versions.length, 3);
    assert.deepEqual(versions[0].KmsKeyIds, ['DefaultEncryptionKey']);
    // Same token, same value: nothing changes; same token, another value: refused.
    await sm.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'v3', ClientRequestToken: 'token-00000000000000000000000000003' }));
    await assert.rejects(
      sm.send(new PutSecretValueCommand({ SecretId: 'app/db', SecretString: 'other', ClientRequestToken: 'token-00000000000000000000000000003' })),
      expectError('ResourceExistsException', 400, "You can't modify an existing version, you can only create a new version."),
    );
    const previous = await sm.send(new GetSecretValueCommand({ SecretId: created.ARN, VersionStage: 'AWSPREVIOUS' }));
    assert.equal(previous.SecretString, 'v2');
    await assert.rejects(
      sm.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionId: v3, VersionStage: 'AWSPREVIOUS' })),
      expectError('InvalidRequestException', 400, 'You provided a VersionStage that is not associated to the provided VersionId.'),
    );
    await assert.rejects(
      sm.send(new GetSecretValueCommand({ SecretId: 'app/db', VersionStage: 'AWSPENDING' })),
      expectError('ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret value for staging label: AWSPENDING"),
    );
  });

  it('deletion with a recovery window, restore, ForceDeleteWithoutRecovery; names and tags', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'to-delete', SecretBinary: new Uint8Array([0, 1, 255]) }));
    const deleted = await sm.send(new DeleteSecretCommand({ SecretId: 'to-delete', RecoveryWindowInDays: 7 }));
    assert.ok(deleted.DeletionDate);
    await assert.rejects(
      sm.send(new GetSecretValueCommand({ SecretId: 'to-delete' })),
      expectError('InvalidRequestException', 400, "You can't perform this operation on the secret because it was marked for deletion."),
    );
    await assert.rejects(
      sm.send(new CreateSecretCommand({ Name: 'to-delete', SecretString: 'x' })),
      expectError('InvalidRequestException', 400, "You can't create this secret because a secret with this name is already scheduled for deletion."),
    );
    assert.ok((await sm.send(new DescribeSecretCommand({ SecretId: 'to-delete' }))).DeletedDate);
    assert.equal((await sm.send(new ListSecretsCommand({}))).SecretList!.some((s) => s.Name === 'to-delete'), false);
    await sm.send(new RestoreSecretCommand({ SecretId: 'to-delete' }));
    assert.deepEqual([...(await sm.send(new GetSecretValueCommand({ SecretId: 'to-delete' }))).SecretBinary!], [0, 1, 255]);
    await sm.send(new DeleteSecretCommand({ SecretId: 'to-delete' }));
    aws.emulator.clock.advance(31 * 24 * 3600 * 1000);
    await assert.rejects(sm.send(new DescribeSecretCommand({ SecretId: 'to-delete' })), expectError('ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret."));
    await sm.send(new CreateSecretCommand({ Name: 'forced', SecretString: 'x' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'forced', ForceDeleteWithoutRecovery: true }));
    await sm.send(new CreateSecretCommand({ Name: 'forced', SecretString: 'again' }));
    await assert.rejects(
      sm.send(new CreateSecretCommand({ Name: 'Inv Name', SecretString: 'x' })),
      expectError('ValidationException', 400, 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!'),
    );
    await assert.rejects(sm.send(new CreateSecretCommand({ Name: 'forced', SecretString: 'x' })), expectError('ResourceExistsException', 400, 'The operation failed because the secret forced already exists.'));
    await sm.send(new TagResourceCommand({ SecretId: 'forced', Tags: [{ Key: 'team', Value: 'blue' }] }));
    assert.deepEqual((await sm.send(new DescribeSecretCommand({ SecretId: 'forced' }))).Tags, [{ Key: 'team', Value: 'blue' }]);
    assert.deepEqual((await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'tag-value', Values: ['bl'] }] }))).SecretList!.map((s) => s.Name), ['forced']);
    assert.deepEqual((await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['!forced'] }] }))).SecretList!.map((s) => s.Name), ['app/db']);
    await sm.send(new UntagResourceCommand({ SecretId: 'forced', TagKeys: ['team'] }));
    assert.deepEqual((await sm.send(new DescribeSecretCommand({ SecretId: 'forced' }))).Tags, []);
  });

  it('customer managed KMS keys encrypt values through KMS; a disabled key fails decryption', async () => {
    const kms = new KMSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: '111111111111', secretAccessKey: 'x' } });
    const key = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    await sm.send(new CreateSecretCommand({ Name: 'encrypted', SecretString: 'top secret', KmsKeyId: key.Arn }));
    assert.equal((await sm.send(new GetSecretValueCommand({ SecretId: 'encrypted' }))).SecretString, 'top secret');
    assert.deepEqual((await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'encrypted' }))).Versions![0].KmsKeyIds, [key.Arn]);
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await assert.rejects(sm.send(new GetSecretValueCommand({ SecretId: 'encrypted' })), expectError('DecryptionFailure', 400, `${key.Arn} is disabled.`));
  });

  it('BatchGetSecretValue, GetRandomPassword, resource policies and cross-account reads', async () => {
    const batch = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['app/db', 'missing'] }));
    assert.deepEqual(batch.SecretValues!.map((v) => v.SecretString), ['v3']);
    assert.deepEqual(batch.Errors, [{ SecretId: 'missing', ErrorCode: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." }]);
    const password = (await sm.send(new GetRandomPasswordCommand({ PasswordLength: 20, ExcludePunctuation: true, ExcludeCharacters: 'abc' }))).RandomPassword!;
    assert.equal(password.length, 20);
    assert.match(password, /^[d-zA-Z0-9]+$/);
    assert.match(password, /[A-Z]/);
    assert.match(password, /[0-9]/);
    const arn = (await sm.send(new DescribeSecretCommand({ SecretId: 'app/db' }))).ARN!;
    const other = clientFor('222222222222');
    await assert.rejects(other.send(new GetSecretValueCommand({ SecretId: arn })), expectError('AccessDeniedException', 400));
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    });
    await sm.send(new PutResourcePolicyCommand({ SecretId: 'app/db', ResourcePolicy: policy }));
    assert.equal(JSON.parse((await sm.send(new GetResourcePolicyCommand({ SecretId: 'app/db' }))).ResourcePolicy!).Statement[0].Action, 'secretsmanager:GetSecretValue');
    assert.equal((await other.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString, 'v3');
    const invalid = await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}]}' }));
    assert.equal(invalid.PolicyValidationPassed, false);
    assert.deepEqual(invalid.ValidationErrors, [{ CheckName: 'SYNTAX_CHECK', ErrorMessage: 'Missing required field Principal' }]);
  });

  it('rotation: needs a rotation function; without Lambda it cannot be invoked', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'rotating', SecretString: 'x' }));
    await assert.rejects(
      sm.send(new RotateSecretCommand({ SecretId: 'rotating' })),
      expectError('InvalidRequestException', 400, 'No Lambda rotation function ARN is associated with this secret.'),
    );
    await assert.rejects(
      sm.send(new RotateSecretCommand({ SecretId: 'rotating', RotationLambdaARN: 'arn:aws:lambda:us-east-1:111111111111:function:rotate' })),
      expectError(
        'AccessDeniedException',
        400,
        'Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.',
      ),
    );
  });
});
