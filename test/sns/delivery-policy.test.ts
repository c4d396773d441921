import assert from 'node:assert/strict';
import {
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { eventually, startReceiver } from './support.ts';

// The stored and effective policies are AWS's answers in the AWS-recorded
// TestSNSSubscriptionHttp::test_subscribe_external_http_endpoint_content_type (both parameters); the error wording is
// AWS's ("Invalid parameter: Attributes Reason: DeliveryPolicy: healthyRetryPolicy.minDelayTarget must be greater than
// or equal to 1", as CloudFormation reported it), the limits those of "Amazon SNS message delivery retries".
const DEFAULT_HEALTHY = { minDelayTarget: 20, maxDelayTarget: 20, numRetries: 3, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' };
const FIXTURE_POLICY = {
  healthyRetryPolicy: { minDelayTarget: 1, maxDelayTarget: 1, numRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, numMaxDelayRetries: 0, backoffFunction: 'linear' },
  sicklyRetryPolicy: null,
  throttlePolicy: { maxReceivesPerSecond: 1000 },
  guaranteed: false,
};

describe('SNS subscription delivery policies and confirmation tokens', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let sns: SNSClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let n = 0;

  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['sns'] });
    sns = new SNSClient({ region: 'us-east-1', endpoint: aws.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    receiver = await startReceiver();
  });
  after(async () => {
    sns.destroy();
    await receiver.close();
    await aws?.stop();
  });

  async function httpSubscription() {
    const topicArn = (await sns.send(new CreateTopicCommand({ Name: `policy-${++n}` }))).TopicArn!;
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: receiver.url, ReturnSubscriptionArn: true }));
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn, AttributeName: 'DeliveryPolicy', AttributeValue: JSON.stringify(FIXTURE_POLICY) }));
    return { topicArn, subscriptionArn: SubscriptionArn! };
  }
  const attributes = async (SubscriptionArn: string) => (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn }))).Attributes!;

  it('stores the policy as AWS does and completes the effective one with the topic request policy (AWS-recorded, [False])', async () => {
    const { topicArn, subscriptionArn } = await httpSubscription();
    await sns.send(
      new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'DeliveryPolicy', AttributeValue: JSON.stringify({ http: { defaultRequestPolicy: { headerContentType: 'application/json' } } }) }),
    );
    const got = await attributes(subscriptionArn);
    const stored = { healthyRetryPolicy: { minDelayTarget: 1, maxDelayTarget: 1, numRetries: 0, numMaxDelayRetries: 0, numNoDelayRetries: 0, numMinDelayRetries: 0, backoffFunction: 'linear' }, sicklyRetryPolicy: null, throttlePolicy: { maxReceivesPerSecond: 1000 }, requestPolicy: null, guaranteed: false };
    assert.equal(got.DeliveryPolicy, JSON.stringify(stored));
    assert.equal(got.EffectiveDeliveryPolicy, JSON.stringify({ ...stored, requestPolicy: { headerContentType: 'application/json' } }));
  });

  it('fills the effective healthy retry policy from the topic when the subscription sets none (AWS-recorded, [True])', async () => {
    const { subscriptionArn } = await httpSubscription();
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'DeliveryPolicy', AttributeValue: JSON.stringify({ requestPolicy: { headerContentType: 'text/csv' } }) }));
    const got = await attributes(subscriptionArn);
    assert.equal(got.DeliveryPolicy, JSON.stringify({ healthyRetryPolicy: null, sicklyRetryPolicy: null, throttlePolicy: null, requestPolicy: { headerContentType: 'text/csv' }, guaranteed: false }));
    assert.equal(
      got.EffectiveDeliveryPolicy,
      JSON.stringify({ healthyRetryPolicy: DEFAULT_HEALTHY, sicklyRetryPolicy: null, throttlePolicy: null, requestPolicy: { headerContentType: 'text/csv' }, guaranteed: false }),
    );
  });

  it('refuses retry policies outside AWS limits', async () => {
    const { topicArn, subscriptionArn } = await httpSubscription();
    const set = (healthyRetryPolicy: object) =>
      sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'DeliveryPolicy', AttributeValue: JSON.stringify({ healthyRetryPolicy }) }));
    const cases: [object, string][] = [
      [{ minDelayTarget: 0, maxDelayTarget: 0, numRetries: 0 }, 'healthyRetryPolicy.minDelayTarget must be greater than or equal to 1'],
      [{ minDelayTarget: 1, numRetries: 3 }, 'healthyRetryPolicy.maxDelayTarget must be specified'],
      [{ minDelayTarget: 5, maxDelayTarget: 3, numRetries: 3 }, 'healthyRetryPolicy.maxDelayTarget must be greater than or equal to minDelayTarget'],
      [{ minDelayTarget: 1, maxDelayTarget: 3601, numRetries: 3 }, 'healthyRetryPolicy.maxDelayTarget must be less than or equal to 3600'],
      [{ minDelayTarget: 1, maxDelayTarget: 2, numRetries: 101 }, 'healthyRetryPolicy.numRetries must be less than or equal to 100'],
      [
        { minDelayTarget: 2, maxDelayTarget: 3, numRetries: 20, numMaxDelayRetries: 7, numMinDelayRetries: 7, numNoDelayRetries: 7 },
        'healthyRetryPolicy.numRetries must be greater than or equal to total of numMinDelayRetries, numNoDelayRetries and numMaxDelayRetries',
      ],
    ];
    for (const [policy, reason] of cases) {
      await assert.rejects(set(policy), { name: 'InvalidParameterException', message: `Invalid parameter: DeliveryPolicy: ${reason}` });
    }
    await assert.rejects(
      sns.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: 'http',
          Endpoint: `${receiver.url}/other`,
          Attributes: { DeliveryPolicy: JSON.stringify({ healthyRetryPolicy: { numRetries: 0, minDelayTarget: 0, maxDelayTarget: 0 } }) },
        }),
      ),
      { name: 'InvalidParameterException', message: 'Invalid parameter: Attributes Reason: DeliveryPolicy: healthyRetryPolicy.minDelayTarget must be greater than or equal to 1' },
    );
  });

  it('keeps pending confirmation tokens in the exported state', async () => {
    const topicArn = (await sns.send(new CreateTopicCommand({ Name: 'pending-kept' }))).TopicArn!;
    const before = receiver.received.length;
    const { SubscriptionArn } = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: `${receiver.url}/pending`, ReturnSubscriptionArn: true }));
    const confirmation = await eventually(() => receiver.received.slice(before).find((r) => JSON.parse(r.body).Type === 'SubscriptionConfirmation'));
    const exported = await (await fetch(`${aws.endpoint}/_twinstack/state`)).text();
    await fetch(`${aws.endpoint}/_twinstack/reset`, { method: 'POST' });
    await fetch(`${aws.endpoint}/_twinstack/state`, { method: 'POST', body: exported, headers: { 'content-type': 'application/json' } });
    assert.equal((await attributes(SubscriptionArn!)).PendingConfirmation, 'true');
    await sns.send(new ConfirmSubscriptionCommand({ TopicArn: topicArn, Token: JSON.parse(confirmation.body).Token }));
    assert.equal((await attributes(SubscriptionArn!)).PendingConfirmation, 'false');
  });
});
