import assert from 'node:assert/strict';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { loadSnapshot } from '../support/snapshot.ts';

// Expectations: the filter policy errors AWS returned to Subscribe (LocalStack's AWS-validated snapshots, Apache-2.0,
// shared/reference/aws-snapshots/sns/test_sns_filter_policy.snapshot.json). Each message quotes the policy it was given,
// so the request is rebuilt from the recorded message itself.
const snapshot = loadSnapshot('sns', 'test_sns_filter_policy.snapshot.json');
const SOURCE = /\[Source: \(String\)"(.*)"; line: 1, column: \d+\]$/s;

const cases = new Map<string, string>();
for (const test of Object.values(snapshot)) {
  for (const value of Object.values(test['recorded-content'])) {
    const message = (value as { Error?: { Message?: string } } | null)?.Error?.Message;
    const policy = message && message.startsWith('Invalid parameter: Attributes Reason: FilterPolicy:') ? SOURCE.exec(message)?.[1] : undefined;
    if (policy) cases.set(policy, message!);
  }
}

describe('SNS filter policy validation against AWS-recorded errors', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let sns: SNSClient;
  let topicArn: string;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns'] });
    sns = new SNSClient({ region: 'us-east-1', endpoint: aws.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    topicArn = (await sns.send(new CreateTopicCommand({ Name: 'filter-errors' }))).TopicArn!;
  });
  after(() => aws?.stop());

  it(`covers the recorded policies (${cases.size})`, () => assert.ok(cases.size >= 25));

  for (const [policy, message] of cases) {
    it(policy, async () => {
      await assert.rejects(
        sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:q', Attributes: { FilterPolicy: policy } })),
        (error: Error) => {
          assert.equal(error.name, 'InvalidParameterException');
          assert.equal(error.message, message);
          return true;
        },
      );
    });
  }
});
