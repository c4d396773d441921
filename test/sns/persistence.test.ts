import assert from 'node:assert/strict';
import { CreateTopicCommand, GetSubscriptionAttributesCommand, ListTopicsCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';

describe('SNS state export and import (/_twinstack/state)', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns'] });
  });
  after(() => aws?.stop());

  it('restores topics, subscriptions with their filter policies and sent messages after a reset', async () => {
    const sns = new SNSClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'kept', Tags: [{ Key: 'a', Value: 'b' }] }));
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({ TopicArn, Protocol: 'sms', Endpoint: '+15551112222', Attributes: { FilterPolicy: '{"kind":["sms"]}' } }),
    );
    const publish = (kind: string) => sns.send(new PublishCommand({ TopicArn, Message: kind, MessageAttributes: { kind: { DataType: 'String', StringValue: kind } } }));
    await publish('sms');
    const exported = await (await fetch(`${aws.endpoint}/_twinstack/state`)).text();
    await fetch(`${aws.endpoint}/_twinstack/reset`, { method: 'POST' });
    assert.deepEqual((await sns.send(new ListTopicsCommand({}))).Topics ?? [], []);
    const imported = await fetch(`${aws.endpoint}/_twinstack/state`, { method: 'POST', body: exported, headers: { 'content-type': 'application/json' } });
    assert.equal(imported.status, 200);
    assert.deepEqual((await sns.send(new ListTopicsCommand({}))).Topics, [{ TopicArn }]);
    const attributes = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;
    assert.equal(attributes.FilterPolicy, '{"kind":["sms"]}');
    await publish('email');
    await publish('sms');
    const { messages } = (await (await fetch(`${aws.endpoint}/_twinstack/sns/messages`)).json()) as { messages: { message: string }[] };
    assert.deepEqual(messages.map((m) => m.message), ['sms', 'sms']);
  });
});
