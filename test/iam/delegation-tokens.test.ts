import assert from 'node:assert/strict';
import {
  AcceptDelegationRequestCommand,
  AssociateDelegationRequestCommand,
  CreateDelegationRequestCommand,
  IAMClient,
  RejectDelegationRequestCommand,
  SendDelegationTokenCommand,
  UpdateDelegationRequestCommand,
} from '@aws-sdk/client-iam';
import { CreateTopicCommand, SetTopicAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, GetDelegatedAccessTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { expectError } from '../support/aws-error.ts';
import { useTwinstack, type ClientSettings } from '../support/twinstack.ts';

// The partner guide: "Customer approves the request and releases an exchange token. The token is sent to partner on
// this specified SNS topic", whose policy must let iam.amazonaws.com publish; the partner then trades the token with
// STS GetDelegatedAccessToken for credentials, valid for the delegation period (the request's SessionDuration). The
// notification's JSON is twinstack's (DelegationRequestId, State, ExchangeToken, ExpirationTime).
describe('IAM temporary delegation: exchange tokens published to the partner topic and traded with STS', function () {
  this.timeout(30_000);
  const PARTNER = '111111111111';
  const CUSTOMER = '222222222222';
  const customer = (settings: ClientSettings) => ({ ...settings, credentials: { accessKeyId: CUSTOMER, secretAccessKey: 'test' } });
  const context = useTwinstack(
    { services: ['iam', 'sts', 'sns', 'sqs'], accessKeyId: PARTNER },
    {
      partner: (settings) => new IAMClient(settings),
      customer: (settings) => new IAMClient(customer(settings)),
      sns: (settings) => new SNSClient(settings),
      sqs: (settings) => new SQSClient(settings),
      sts: (settings) => new STSClient(settings),
    },
  );
  let topicArn: string;
  let queueUrl: string;

  /** The partner's topic, open to IAM as the guide asks, with a queue subscribed (raw delivery) to read it. */
  before(async () => {
    topicArn = (await context.sns.send(new CreateTopicCommand({ Name: 'delegation-updates' }))).TopicArn!;
    const iamMayPublish = { Sid: 'AllowIAMServiceToPublish', Effect: 'Allow', Principal: { Service: 'iam.amazonaws.com' }, Action: 'SNS:Publish', Resource: topicArn };
    await context.sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify({ Version: '2012-10-17', Statement: [iamMayPublish] }) }));
    queueUrl = (await context.sqs.send(new CreateQueueCommand({ QueueName: 'delegation-updates' }))).QueueUrl!;
    const queueArn = (await context.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const snsMaySend = { Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn, Condition: { ArnEquals: { 'aws:SourceArn': topicArn } } };
    await context.sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: JSON.stringify({ Version: '2012-10-17', Statement: [snsMaySend] }) } }));
    await context.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));
  });

  /** The notifications on the queue (deleted once read), polled until `count` arrived or `polls` polls of a second. */
  const notifications = async (count: number, polls = 10) => {
    const bodies: Record<string, string>[] = [];
    for (let i = 0; i < polls && bodies.length < count; i++) {
      const { Messages = [] } = await context.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const message of Messages) {
        bodies.push(JSON.parse(message.Body!) as Record<string, string>);
        await context.sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      }
    }
    return bodies;
  };
  const request = async (sessionDuration = 3600) =>
    (
      await context.partner.send(
        new CreateDelegationRequestCommand({
          OwnerAccountId: CUSTOMER,
          Description: 'Set up the monitoring stack',
          Permissions: { PolicyTemplateArn: 'arn:aws:iam::aws:policy-template/partner/Monitoring' },
          RequestorWorkflowId: 'onboarding-1',
          NotificationChannel: topicArn,
          SessionDuration: sessionDuration,
        }),
      )
    ).DelegationRequestId!;
  const approve = async (id: string) => {
    await context.customer.send(new AssociateDelegationRequestCommand({ DelegationRequestId: id }));
    await context.customer.send(new UpdateDelegationRequestCommand({ DelegationRequestId: id, Notes: 'for the admin' }));
    await context.customer.send(new AcceptDelegationRequestCommand({ DelegationRequestId: id }));
  };

  it('publishes pending approval, accepted and finalized (with the token); the token buys credentials acting as the approver in the customer account', async () => {
    const id = await request();
    await approve(id);
    await context.customer.send(new SendDelegationTokenCommand({ DelegationRequestId: id }));
    const received = await notifications(3);
    assert.deepEqual(
      received.map((n) => [n.DelegationRequestId, n.State]),
      [
        [id, 'PENDING_APPROVAL'],
        [id, 'ACCEPTED'],
        [id, 'FINALIZED'],
      ],
    );
    const { ExchangeToken, ExpirationTime } = received[2];
    assert.equal(Date.parse(ExpirationTime) - context.aws.clock.now() <= 3600_000, true);

    const traded = await context.sts.send(new GetDelegatedAccessTokenCommand({ TradeInToken: ExchangeToken }));
    assert.equal(traded.AssumedPrincipal, `arn:aws:iam::${CUSTOMER}:root`);
    assert.match(traded.Credentials!.AccessKeyId!, /^ASIA/);
    const delegated = new STSClient({
      endpoint: context.aws.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: traded.Credentials!.AccessKeyId!, secretAccessKey: traded.Credentials!.SecretAccessKey!, sessionToken: traded.Credentials!.SessionToken },
    });
    const identity = await delegated.send(new GetCallerIdentityCommand({}));
    assert.deepEqual([identity.Account, identity.Arn], [CUSTOMER, `arn:aws:iam::${CUSTOMER}:root`]);
    delegated.destroy();
  });

  it('refuses tokens it never issued, altered ones, and tokens whose delegation period has ended', async () => {
    await assert.rejects(context.sts.send(new GetDelegatedAccessTokenCommand({ TradeInToken: 'not-a-token' })), expectError('ExpiredTradeInTokenException', 400));
    const id = await request(900);
    await approve(id);
    await context.customer.send(new SendDelegationTokenCommand({ DelegationRequestId: id }));
    const token = (await notifications(3)).find((n) => n.State === 'FINALIZED')!.ExchangeToken;
    const [body, signature] = token.split('.');
    const altered = `${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), accountId: '333333333333' })).toString('base64url')}.${signature}`;
    await assert.rejects(context.sts.send(new GetDelegatedAccessTokenCommand({ TradeInToken: altered })), expectError('ExpiredTradeInTokenException', 400));
    context.aws.advanceClock('901s');
    await assert.rejects(context.sts.send(new GetDelegatedAccessTokenCommand({ TradeInToken: token })), expectError('ExpiredTradeInTokenException', 400));
  });

  it('tells the partner of a rejection, and publishes nothing to a topic that does not let IAM publish', async () => {
    const id = await request();
    await context.customer.send(new AssociateDelegationRequestCommand({ DelegationRequestId: id }));
    await context.customer.send(new RejectDelegationRequestCommand({ DelegationRequestId: id, Notes: 'not this quarter' }));
    assert.deepEqual((await notifications(1)).map((n) => [n.DelegationRequestId, n.State]), [[id, 'REJECTED']]);

    await context.sns.send(new SetTopicAttributesCommand({ TopicArn: topicArn, AttributeName: 'Policy', AttributeValue: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));
    const closed = await request();
    await approve(closed);
    assert.deepEqual(await notifications(1, 2), []);
  });
});
