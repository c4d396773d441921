import assert from 'node:assert/strict';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateUserCommand, GetPolicyCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateAliasCommand, CreateGrantCommand, CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { AddPermissionCommand, GetFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, ListSecretsCommand, PutResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, PublishCommand, SetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { expectError } from '../support/aws-error.ts';
import { createFunction } from '../lambda/support.ts';

// With --enforce-iam, the resource policies of SNS topics, Lambda functions, KMS keys and Secrets Manager secrets take
// part in each decision as AWS's policy evaluation logic says: within one account a policy naming the caller grants
// without any identity policy, and its explicit Deny beats an identity policy's Allow; a KMS key policy gates every
// use of its key, letting IAM policies count only where it delegates to the account. Messages as AWS writes them:
// SNS answers AuthorizationError naming `SNS:<Action>` (AWS-reported errors quoted in public issues), Secrets Manager
// names the secret as the request did, KMS and Lambda name the resource's ARN.
const ACCOUNT = '000000000000';
const ROOT = { accessKeyId: 'test', secretAccessKey: 'test' };
const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;
const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const denied = (user: string, action: string, resource: string, reason: string) =>
  `User: ${userArn(user)} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
const noIdentity = (action: string) => `because no identity-based policy allows the ${action} action`;
const noResource = (action: string) => `because no resource-based policy allows the ${action} action`;
const explicitResourceDeny = 'with an explicit deny in a resource-based policy';

describe('IAM enforcement: SNS, Lambda, KMS and Secrets Manager resource policies', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let iam: IAMClient;
  const client = <C>(Client: new (config: object) => C, credentials: object = ROOT): C =>
    new Client({ endpoint: aws.endpoint, region: 'us-east-1', credentials });

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['iam', 'sts', 'sns', 'lambda', 'kms', 'secretsmanager'], enforceIam: true });
    iam = client(IAMClient);
  });
  after(() => aws.stop());

  /** A user with access keys and, optionally, an inline identity policy. */
  async function user(name: string, identityPolicy?: string) {
    await iam.send(new CreateUserCommand({ UserName: name }));
    if (identityPolicy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: identityPolicy }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  }

  it('SNS: a topic policy naming the user grants Publish; its explicit Deny beats the identity policy (AuthorizationError, 403)', async () => {
    const sns = client(SNSClient);
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'orders' }));
    const publisher = client(SNSClient, await user('sns-publisher'));
    // The default topic policy names no principal of the account by itself: the user's identity policies decide.
    await assert.rejects(
      publisher.send(new PublishCommand({ TopicArn, Message: 'm' })),
      expectError('AuthorizationErrorException', 403, denied('sns-publisher', 'SNS:Publish', TopicArn!, noIdentity('SNS:Publish'))),
    );
    const admin = client(SNSClient, await user('sns-admin', policy({ Effect: 'Allow', Action: 'sns:*', Resource: '*' })));
    await admin.send(new PublishCommand({ TopicArn, Message: 'from identity policy' }));
    await sns.send(
      new SetTopicAttributesCommand({
        TopicArn,
        AttributeName: 'Policy',
        AttributeValue: policy(
          { Effect: 'Allow', Principal: { AWS: userArn('sns-publisher') }, Action: 'SNS:Publish', Resource: TopicArn },
          { Effect: 'Deny', Principal: { AWS: userArn('sns-admin') }, Action: 'SNS:Publish', Resource: TopicArn },
        ),
      }),
    );
    assert.ok((await publisher.send(new PublishCommand({ TopicArn, Message: 'from topic policy' }))).MessageId);
    await assert.rejects(
      admin.send(new PublishCommand({ TopicArn, Message: 'm' })),
      expectError('AuthorizationErrorException', 403, denied('sns-admin', 'SNS:Publish', TopicArn!, explicitResourceDeny)),
    );
    // The topic policy grants Publish only.
    await assert.rejects(
      publisher.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'DisplayName', AttributeValue: 'x' })),
      expectError('AuthorizationErrorException', 403, denied('sns-publisher', 'SNS:SetTopicAttributes', TopicArn!, noIdentity('SNS:SetTopicAttributes'))),
    );
  });

  it('Lambda: a function policy naming the user grants InvokeFunction and nothing else (AccessDeniedException, 403)', async () => {
    const lambda = client(LambdaClient);
    const name = await createFunction(lambda, { 'handler.py': 'def handler(event, context):\n    return event\n' });
    const arn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
    const invoker = client(LambdaClient, await user('invoker'));
    await assert.rejects(
      invoker.send(new InvokeCommand({ FunctionName: name, InvocationType: 'DryRun' })),
      expectError('AccessDeniedException', 403, denied('invoker', 'lambda:InvokeFunction', arn, noIdentity('lambda:InvokeFunction'))),
    );
    await lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'invoker', Action: 'lambda:InvokeFunction', Principal: userArn('invoker') }));
    assert.equal((await invoker.send(new InvokeCommand({ FunctionName: name, InvocationType: 'DryRun' }))).StatusCode, 204);
    // A partial ARN names the same function.
    assert.equal((await invoker.send(new InvokeCommand({ FunctionName: `${ACCOUNT}:function:${name}`, InvocationType: 'DryRun' }))).StatusCode, 204);
    await assert.rejects(
      invoker.send(new GetFunctionCommand({ FunctionName: name })),
      expectError('AccessDeniedException', 403, denied('invoker', 'lambda:GetFunction', arn, noIdentity('lambda:GetFunction'))),
    );
  });

  it('KMS: the default key policy delegates to IAM; a key policy without that delegation decides alone; grants allow', async () => {
    const kms = client(KMSClient);
    const delegating = (await kms.send(new CreateKeyCommand({}))).KeyMetadata!;
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: delegating.KeyId }));
    const nobody = client(KMSClient, await user('kms-nobody'));
    // Named by alias, the key is evaluated (and reported) by its key ARN.
    await assert.rejects(
      nobody.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: Buffer.from('x') })),
      expectError('AccessDeniedException', 400, denied('kms-nobody', 'kms:Encrypt', delegating.Arn!, noIdentity('kms:Encrypt'))),
    );
    const iamUser = client(KMSClient, await user('kms-iam-user', policy({ Effect: 'Allow', Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: delegating.Arn })));
    const { CiphertextBlob } = await iamUser.send(new EncryptCommand({ KeyId: 'alias/app', Plaintext: Buffer.from('secret') }));
    // Decrypt names no key: the ciphertext does, and that key's policy governs.
    assert.equal(Buffer.from((await iamUser.send(new DecryptCommand({ CiphertextBlob }))).Plaintext!).toString(), 'secret');
    await assert.rejects(nobody.send(new DecryptCommand({ CiphertextBlob })), expectError('AccessDeniedException', 400, denied('kms-nobody', 'kms:Decrypt', delegating.Arn!, noIdentity('kms:Decrypt'))));

    // A key policy that names one user and does not delegate to the account: IAM policies count for nothing.
    const admin = client(KMSClient, await user('kms-admin', policy({ Effect: 'Allow', Action: 'kms:*', Resource: '*' })));
    const closed = (
      await kms.send(
        new CreateKeyCommand({
          BypassPolicyLockoutSafetyCheck: true,
          Policy: policy(
            { Sid: 'owner', Effect: 'Allow', Principal: { AWS: userArn('kms-owner') }, Action: 'kms:*', Resource: '*' },
            { Sid: 'no-decrypt', Effect: 'Deny', Principal: { AWS: userArn('kms-owner') }, Action: 'kms:Decrypt', Resource: '*' },
          ),
        }),
      )
    ).KeyMetadata!;
    const owner = client(KMSClient, await user('kms-owner'));
    const sealed = await owner.send(new EncryptCommand({ KeyId: closed.KeyId, Plaintext: Buffer.from('y') }));
    await assert.rejects(
      owner.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob })),
      expectError('AccessDeniedException', 400, denied('kms-owner', 'kms:Decrypt', closed.Arn!, explicitResourceDeny)),
    );
    await assert.rejects(
      admin.send(new EncryptCommand({ KeyId: closed.Arn, Plaintext: Buffer.from('z') })),
      expectError('AccessDeniedException', 400, denied('kms-admin', 'kms:Encrypt', closed.Arn!, noResource('kms:Encrypt'))),
    );
    // A grant naming the user allows the operations it lists, where neither policy does.
    await owner.send(new CreateGrantCommand({ KeyId: closed.KeyId, GranteePrincipal: userArn('kms-nobody'), Operations: ['Encrypt'] }));
    await nobody.send(new EncryptCommand({ KeyId: closed.KeyId, Plaintext: Buffer.from('granted') }));
    await assert.rejects(nobody.send(new DecryptCommand({ CiphertextBlob: sealed.CiphertextBlob })), expectError('AccessDeniedException', 400));
  });

  it('Secrets Manager: a secret policy naming the user grants GetSecretValue; its explicit Deny wins; messages name the secret as asked', async () => {
    const secrets = client(SecretsManagerClient);
    const { ARN } = await secrets.send(new CreateSecretCommand({ Name: 'db-password', SecretString: 'hunter2' }));
    const reader = client(SecretsManagerClient, await user('secret-reader'));
    await assert.rejects(
      reader.send(new GetSecretValueCommand({ SecretId: 'db-password' })),
      expectError('AccessDeniedException', 400, denied('secret-reader', 'secretsmanager:GetSecretValue', 'db-password', noIdentity('secretsmanager:GetSecretValue'))),
    );
    await assert.rejects(
      reader.send(new ListSecretsCommand({})),
      expectError(
        'AccessDeniedException',
        400,
        `User: ${userArn('secret-reader')} is not authorized to perform: secretsmanager:ListSecrets ${noIdentity('secretsmanager:ListSecrets')}`,
      ),
    );
    // An identity policy naming the secret by its ARN pattern (the random suffix as six wildcards) allows.
    const admin = client(
      SecretsManagerClient,
      await user('secret-admin', policy({ Effect: 'Allow', Action: 'secretsmanager:*', Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-password-??????` })),
    );
    assert.equal((await admin.send(new GetSecretValueCommand({ SecretId: 'db-password' }))).SecretString, 'hunter2');
    await secrets.send(
      new PutResourcePolicyCommand({
        SecretId: 'db-password',
        ResourcePolicy: policy(
          { Effect: 'Allow', Principal: { AWS: userArn('secret-reader') }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
          { Effect: 'Deny', Principal: { AWS: userArn('secret-admin') }, Action: 'secretsmanager:GetSecretValue', Resource: '*' },
        ),
      }),
    );
    assert.equal((await reader.send(new GetSecretValueCommand({ SecretId: ARN }))).SecretString, 'hunter2');
    await assert.rejects(
      admin.send(new GetSecretValueCommand({ SecretId: ARN })),
      expectError('AccessDeniedException', 400, denied('secret-admin', 'secretsmanager:GetSecretValue', ARN!, explicitResourceDeny)),
    );
  });

  it("the AWS managed ReadOnlyAccess decides as AWS's v178 does: secrets are described, not read", async () => {
    const secrets = client(SecretsManagerClient);
    await secrets.send(new CreateSecretCommand({ Name: 'api-key', SecretString: 's3cr3t' }));
    const auditor = client(SecretsManagerClient, await user('auditor'));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'auditor', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }))).Policy!.DefaultVersionId, 'v178');
    assert.equal((await auditor.send(new DescribeSecretCommand({ SecretId: 'api-key' }))).Name, 'api-key');
    await assert.rejects(
      auditor.send(new GetSecretValueCommand({ SecretId: 'api-key' })),
      expectError('AccessDeniedException', 400, denied('auditor', 'secretsmanager:GetSecretValue', 'api-key', noIdentity('secretsmanager:GetSecretValue'))),
    );
  });
});
