import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTwinstack } from '../../emulator/index.ts';
import { authorizeRequest } from '../../emulator/core/authorization.ts';
import type { RequestContext } from '../../emulator/core/service.ts';
import { clientOptions } from './clients.ts';
import { benchUser } from './identity-workloads.ts';

/**
 * What `--enforce-iam` adds per request (`npm run bench:enforcement`): the gateway's authorisation step alone, in
 * process, for the bench's IAM user (four policies, seven statements) — identity policies, the resource policy the
 * service names (an SQS queue without one; a KMS key's default policy, which gates), access recording — timed over
 * many calls, so the machine's load barely blurs it.
 */
const CALLS = Number(process.env.CALLS ?? 100_000);

const aws = await startTwinstack({ port: 0, host: '127.0.0.1', services: ['iam', 'sts', 'sqs', 'kms'], enforceIam: true });
try {
  const root = clientOptions(aws.endpoint);
  const user = await benchUser(aws.endpoint, ['sqs:SendMessage', 'kms:Encrypt']);
  const { Arn } = await new STSClient(user).send(new GetCallerIdentityCommand({}));
  const { QueueUrl } = await new SQSClient(root).send(new CreateQueueCommand({ QueueName: 'enforcement' }));
  const { KeyMetadata } = await new KMSClient(root).send(new CreateKeyCommand({}));
  const store = (await aws.emulator.loadService('iam'))!;
  const cases = [
    { service: 'sqs', operation: 'SendMessage', input: { QueueUrl, MessageBody: 'm' } },
    { service: 'kms', operation: 'Encrypt', input: { KeyId: KeyMetadata!.KeyId, Plaintext: Buffer.from('p') } },
  ];
  for (const { service: name, operation, input } of cases) {
    const service = (await aws.emulator.loadService(name))!;
    const ctx = {
      service: name,
      operation,
      accountId: '000000000000',
      region: 'us-east-1',
      requestId: 'bench',
      accessKeyId: user.credentials.accessKeyId,
      caller: { accountId: '000000000000', arn: Arn!, accessKeyId: user.credentials.accessKeyId },
      protocol: 'json',
      endpoint: aws.endpoint,
      path: '/',
      headers: {},
      sourceIp: '127.0.0.1',
      state: aws.emulator.state(name, '000000000000', 'us-east-1'),
      emulator: aws.emulator,
    } as unknown as RequestContext;
    for (let i = 0; i < 10_000; i++) authorizeRequest(ctx, service, input, store);
    const started = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) authorizeRequest(ctx, service, input, store);
    const micros = Number(process.hrtime.bigint() - started) / 1000 / CALLS;
    console.log(`${name} ${operation}: ${micros.toFixed(1)} µs per authorised request`);
  }
} finally {
  await aws.stop();
}
