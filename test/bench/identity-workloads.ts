import { randomUUID } from 'node:crypto';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateKeyCommand, DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { abort, clientOptions } from './clients.ts';
import type { Workload } from './workloads.ts';

const KIB = Buffer.alloc(1024, 'k');

async function symmetricKey(endpoint: string): Promise<{ client: KMSClient; keyId: string }> {
  const client = new KMSClient(clientOptions(endpoint));
  const { KeyMetadata } = await client.send(new CreateKeyCommand({ Description: 'bench' }), abort());
  return { client, keyId: KeyMetadata!.KeyId! };
}

const statement = (Action: string[], Resource = '*') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource }] });

/**
 * An IAM user as enforcement sees a typical one: four inline policies (seven statements, wildcards, one condition),
 * and its access key's credentials for the workload's client.
 */
export async function benchUser(endpoint: string, allowed: string[]) {
  const iam = new IAMClient(clientOptions(endpoint));
  const UserName = `bench-${randomUUID().slice(0, 8)}`;
  await iam.send(new CreateUserCommand({ UserName }), abort());
  const policies = [
    statement(allowed),
    statement(['s3:Get*', 's3:List*'], 'arn:aws:s3:::bench-*'),
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:*:*:table/bench*' },
        { Effect: 'Deny', Action: 'dynamodb:DeleteTable', Resource: '*' },
        { Effect: 'Allow', Action: 'logs:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
      ],
    }),
    statement(['sts:GetCallerIdentity', 'iam:Get*']),
  ];
  for (const [i, PolicyDocument] of policies.entries()) await iam.send(new PutUserPolicyCommand({ UserName, PolicyName: `p${i}`, PolicyDocument }), abort());
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName }), abort())).AccessKey!;
  return { ...clientOptions(endpoint), credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
}

/** KMS, Secrets Manager, and the cost `--enforce-iam` adds (compare with the same rows of the plain server). */
export const IDENTITY_WORKLOADS: Workload[] = [
  {
    name: 'KMS Encrypt (1 KiB, symmetric key)',
    service: 'kms',
    async prepare(endpoint) {
      const { client, keyId } = await symmetricKey(endpoint);
      return { op: () => client.send(new EncryptCommand({ KeyId: keyId, Plaintext: KIB }), abort()) };
    },
  },
  {
    name: 'KMS Decrypt (1 KiB, symmetric key)',
    service: 'kms',
    async prepare(endpoint) {
      const { client, keyId } = await symmetricKey(endpoint);
      const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: KIB }), abort());
      return { op: () => client.send(new DecryptCommand({ CiphertextBlob }), abort()) };
    },
  },
  {
    name: 'Secrets Manager GetSecretValue (1 KiB string)',
    service: 'secretsmanager',
    async prepare(endpoint) {
      const client = new SecretsManagerClient(clientOptions(endpoint));
      const Name = `bench-${randomUUID().slice(0, 8)}`;
      await client.send(new CreateSecretCommand({ Name, SecretString: KIB.toString() }), abort());
      return { op: () => client.send(new GetSecretValueCommand({ SecretId: Name }), abort()) };
    },
  },
  {
    name: 'SQS SendMessage, --enforce-iam (IAM user, 4 policies)',
    service: 'sqs',
    enforceIam: true,
    async prepare(endpoint) {
      const root = new SQSClient(clientOptions(endpoint));
      const { QueueUrl } = await root.send(new CreateQueueCommand({ QueueName: `bench-${randomUUID().slice(0, 8)}` }), abort());
      const client = new SQSClient(await benchUser(endpoint, ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueue*']));
      return { op: (i) => client.send(new SendMessageCommand({ QueueUrl, MessageBody: `message ${i} ${'x'.repeat(200)}` }), abort()) };
    },
  },
  {
    name: 'KMS Encrypt (1 KiB), --enforce-iam (key policy delegating to IAM)',
    service: 'kms',
    enforceIam: true,
    async prepare(endpoint) {
      const { keyId } = await symmetricKey(endpoint);
      const client = new KMSClient(await benchUser(endpoint, ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey']));
      return { op: () => client.send(new EncryptCommand({ KeyId: keyId, Plaintext: KIB }), abort()) };
    },
  },
];
