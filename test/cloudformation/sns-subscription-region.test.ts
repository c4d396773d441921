import assert from 'node:assert/strict';
import { DeleteStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateTopicCommand, GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, settled } from './serve.ts';

// AWS::SNS::Subscription's Region names the topic's region (AWS's resource reference; LocalStack's AWS-validated
// test_sns_subscription_region subscribes a queue of the stack's region to a topic of another).
const TEMPLATE = JSON.stringify({
  Parameters: { TopicArn: { Type: 'String' }, QueueArn: { Type: 'String' }, QueueUrl: { Type: 'String' }, TopicRegion: { Type: 'String' } },
  Resources: {
    Subscription: { Type: 'AWS::SNS::Subscription', Properties: { Protocol: 'sqs', TopicArn: { Ref: 'TopicArn' }, Endpoint: { Ref: 'QueueArn' }, RawMessageDelivery: true, Region: { Ref: 'TopicRegion' } } },
    QueuePolicy: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [{ Ref: 'QueueUrl' }],
        PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: { Ref: 'QueueArn' } }] },
      },
    },
  },
  Outputs: { SubscriptionArn: { Value: { Ref: 'Subscription' } } },
});

describe('CloudFormation: an SNS subscription to a topic of another region', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let sqs: SQSClient;
  let snsAway: SNSClient;
  serveCloudFormation((aws, client) => {
    cfn = client;
    sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    snsAway = new SNSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG, region: 'ap-southeast-1' });
  });

  it('subscribes in the topic\'s region, delivers across regions, and unsubscribes there on delete', async () => {
    const { TopicArn } = await snsAway.send(new CreateTopicCommand({ Name: `topic-${Date.now()}` }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `queue-${Date.now()}` }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const stack = await deploy(cfn, `sub-region-${Date.now()}`, TEMPLATE, { TopicArn: TopicArn!, QueueArn: Attributes!.QueueArn!, QueueUrl: QueueUrl!, TopicRegion: 'ap-southeast-1' });
    const subscriptionArn = output(stack, 'SubscriptionArn');
    assert.ok(subscriptionArn.startsWith(`${TopicArn}:`), subscriptionArn);
    const subscription = await snsAway.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }));
    assert.equal(subscription.Attributes!.RawMessageDelivery, 'true');
    assert.equal(subscription.Attributes!.Endpoint, Attributes!.QueueArn);

    await snsAway.send(new PublishCommand({ TopicArn, Message: 'across regions' }));
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    assert.deepEqual(received.Messages?.map((m) => m.Body), ['across regions']);

    await cfn.send(new DeleteStackCommand({ StackName: stack.StackId }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.deepEqual((await snsAway.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions, []);
  });
});
