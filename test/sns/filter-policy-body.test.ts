import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTopicCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { BODY_FILTER_CASES, deliveredOf, refusedOf, type BodyFilterCase } from '../../contracts/_sources/sns/filter-policy-body.ts';
import { snapshotRoot } from '../../verifier/port/snapshot-root.ts';

// The policies, messages and verdicts of LocalStack's AWS-validated MessageBody filter tests, shared with their
// contract source; the large payload's test, which has no recorded entries to port, is only here.
const CASES: { name: string; policy: object; delivered: unknown[]; refused: unknown[] }[] = [
  ...Object.entries(BODY_FILTER_CASES).map(([name, c]: [string, BodyFilterCase]) => ({ name, policy: c.policy, delivered: deliveredOf(c), refused: refusedOf(c) })),
  {
    name: 'test_filter_policy_large_complex_payload',
    policy: { detail: { 'payload.nested.another-level.deep': { 'inside-list': [{ prefix: 'q-test' }] } } },
    delivered: [JSON.parse(readFileSync(join(snapshotRoot(), 'sns', 'test_payloads', 'complex_payload.json'), 'utf8'))],
    refused: [],
  },
];

describe('SNS MessageBody filter policies against AWS-validated verdicts', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  let sns: SNSClient;
  let sqs: SQSClient;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns', 'sqs'] });
    const client = { endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    sns = new SNSClient(client);
    sqs = new SQSClient(client);
  });
  after(() => aws?.stop());

  CASES.forEach((c, i) => {
    it(c.name, async () => {
      const topicArn = (await sns.send(new CreateTopicCommand({ Name: `body-${i}` }))).TopicArn!;
      const policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: '*' }] });
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `body-${i}`, Attributes: { Policy: policy } }));
      const arn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
      const Attributes = { RawMessageDelivery: 'true', FilterPolicyScope: 'MessageBody', FilterPolicy: JSON.stringify(c.policy) };
      await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: arn, Attributes }));
      const text = (m: unknown) => (typeof m === 'string' ? m : JSON.stringify(m));
      for (const message of [...c.refused, ...c.delivered]) await sns.send(new PublishCommand({ TopicArn: topicArn, Message: text(message) }));
      const received: string[] = [];
      for (let round = 0; round < 3; round++) {
        const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: round ? 0 : 1 }));
        for (const m of Messages) {
          received.push(m.Body!);
          await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
        }
      }
      assert.deepEqual(received.sort(), c.delivered.map(text).sort());
    });
  });
});
