import assert from 'node:assert/strict';
import { DeleteStackCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateTopicCommand, GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';
import { CLIENT_CONFIG, deploy, output, serveCloudFormation, settled } from './serve.ts';

describe('CloudFormation: AWS::SNS::Subscription in another region', function () {
  this.timeout(30_000);
  let aws: Twinstack;
  let cfn: CloudFormationClient;
  serveCloudFormation((a, c) => {
    aws = a;
    cfn = c;
  });

  it("subscribes in the topic's region (Region) and unsubscribes there when the stack goes", async () => {
    const sns = new SNSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG, region: 'ap-southeast-1' });
    const sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'far-topic' }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'near-queue' }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const template = JSON.stringify({
      Resources: {
        Subscription: {
          Type: 'AWS::SNS::Subscription',
          Properties: { Protocol: 'sqs', TopicArn, Endpoint: Attributes!.QueueArn, RawMessageDelivery: true, Region: 'ap-southeast-1' },
        },
      },
      Outputs: { SubscriptionArn: { Value: { Ref: 'Subscription' } } },
    });
    const stack = await deploy(cfn, 'cross-region-subscription', template);
    const arn = output(stack, 'SubscriptionArn');
    assert.ok(arn.startsWith(`${TopicArn}:`), arn);
    const attributes = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }))).Attributes!;
    assert.deepEqual([attributes.Endpoint, attributes.RawMessageDelivery], [Attributes!.QueueArn, 'true']);

    await cfn.send(new DeleteStackCommand({ StackName: 'cross-region-subscription' }));
    assert.equal((await settled(cfn, stack.StackId!)).StackStatus, 'DELETE_COMPLETE');
    assert.deepEqual((await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn }))).Subscriptions, []);
    sns.destroy();
    sqs.destroy();
  });
});
