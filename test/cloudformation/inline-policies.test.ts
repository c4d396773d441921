import assert from 'node:assert/strict';
import { DetectStackResourceDriftCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CLIENT_CONFIG, creationFailure, deploy, output, deleteStack, serveCloudFormation } from './serve.ts';

const statement = (action: string, resource: object, principal: string) => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: resource });

/** A queue and a topic, each with an inline policy (`principal` allowed) unless `inline` is false; `queue` names which queue takes it. */
const template = (principal: string, queue = 'One', inline = true) =>
  JSON.stringify({
    Resources: {
      One: { Type: 'AWS::SQS::Queue' },
      Two: { Type: 'AWS::SQS::Queue' },
      Topic: { Type: 'AWS::SNS::Topic' },
      ...(inline
        ? {
            QueuePolicy: {
              Type: 'AWS::SQS::QueueInlinePolicy',
              Properties: { Queue: { Ref: queue }, PolicyDocument: { Version: '2012-10-17', Statement: [statement('sqs:SendMessage', { 'Fn::GetAtt': [queue, 'Arn'] }, principal)] } },
            },
            TopicPolicy: {
              Type: 'AWS::SNS::TopicInlinePolicy',
              Properties: { TopicArn: { Ref: 'Topic' }, PolicyDocument: { Version: '2012-10-17', Statement: [statement('sns:Publish', { Ref: 'Topic' }, principal)] } },
            },
          }
        : {}),
    },
    Outputs: {
      One: { Value: { Ref: 'One' } },
      Two: { Value: { Ref: 'Two' } },
      Topic: { Value: { Ref: 'Topic' } },
      ...(inline ? { QueuePolicy: { Value: { Ref: 'QueuePolicy' } }, TopicPolicy: { Value: { Ref: 'TopicPolicy' } } } : {}),
    },
  });

describe('CloudFormation: AWS::SQS::QueueInlinePolicy and AWS::SNS::TopicInlinePolicy', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  let sqs: SQSClient;
  let sns: SNSClient;
  serveCloudFormation((aws, client) => {
    cfn = client;
    sqs = new SQSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
    sns = new SNSClient({ endpoint: aws.endpoint, ...CLIENT_CONFIG });
  });
  after(() => {
    sqs?.destroy();
    sns?.destroy();
  });

  const queuePolicy = async (QueueUrl: string) => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy'] }))).Attributes?.Policy;
  const topicPolicy = async (TopicArn: string) => JSON.parse((await sns.send(new GetTopicAttributesCommand({ TopicArn }))).Attributes!.Policy!);
  const principals = (policy: { Statement: { Principal: { AWS: string } }[] }) => policy.Statement.map((s) => s.Principal.AWS);

  it('puts one policy on one queue and one topic, Ref giving the queue URL and the topic ARN; updates, moves and removes it', async () => {
    const created = await deploy(cfn, 'inline', template('111111111111'));
    const [one, two, topic] = ['One', 'Two', 'Topic'].map((key) => output(created, key));
    assert.equal(output(created, 'QueuePolicy'), one);
    assert.equal(output(created, 'TopicPolicy'), topic);
    assert.deepEqual(principals(JSON.parse((await queuePolicy(one))!)), ['111111111111']);
    assert.deepEqual(principals(await topicPolicy(topic)), ['111111111111']);

    // A new document is set in place; the same physical resource stays.
    const updated = await deploy(cfn, 'inline', template('222222222222'), {}, true);
    assert.equal(output(updated, 'QueuePolicy'), one);
    assert.deepEqual(principals(JSON.parse((await queuePolicy(one))!)), ['222222222222']);
    assert.deepEqual(principals(await topicPolicy(topic)), ['222222222222']);

    // Another queue replaces the resource: the new queue has the policy, the old one none.
    const moved = await deploy(cfn, 'inline', template('222222222222', 'Two'), {}, true);
    assert.equal(output(moved, 'QueuePolicy'), two);
    assert.equal(await queuePolicy(one), undefined);
    assert.deepEqual(principals(JSON.parse((await queuePolicy(two))!)), ['222222222222']);

    // Dropping the resources removes the queue's policy and gives the topic back its default policy.
    await deploy(cfn, 'inline', template('222222222222', 'Two', false), {}, true);
    assert.equal(await queuePolicy(two), undefined);
    assert.deepEqual((await topicPolicy(topic)).Statement.map((s: { Sid: string }) => s.Sid), ['__default_statement_ID']);
    await deleteStack(cfn, created);
  });

  it('finds the policies in sync, and a queue policy removed out of band', async () => {
    const created = await deploy(cfn, 'inline-drift', template('111111111111'));
    const drift = async (LogicalResourceId: string) => (await cfn.send(new DetectStackResourceDriftCommand({ StackName: 'inline-drift', LogicalResourceId }))).StackResourceDrift!;
    assert.equal((await drift('QueuePolicy')).StackResourceDriftStatus, 'IN_SYNC');
    assert.equal((await drift('TopicPolicy')).StackResourceDriftStatus, 'IN_SYNC');
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: output(created, 'One'), Attributes: { Policy: '' } }));
    const removed = await drift('QueuePolicy');
    assert.equal(removed.StackResourceDriftStatus, 'MODIFIED');
    assert.deepEqual(removed.PropertyDifferences!.map((d) => [d.PropertyPath, d.ActualValue, d.DifferenceType]), [['/PolicyDocument', 'null', 'REMOVE']]);
    await deleteStack(cfn, created);
  });

  it('fails the resource with the error the service answers', async () => {
    const body = JSON.stringify({
      Resources: { Topic: { Type: 'AWS::SNS::Topic' }, Policy: { Type: 'AWS::SNS::TopicInlinePolicy', Properties: { TopicArn: { Ref: 'Topic' }, PolicyDocument: 'not a policy' } } },
    });
    assert.match(await creationFailure(cfn, 'inline-bad', body, 'Policy'), /Resource handler returned message: ".*Policy.*" \(RequestToken: .*, HandlerErrorCode: InvalidRequest\)/);
  });

  it('fails a property the type does not have instead of ignoring it', async () => {
    const body = JSON.stringify({
      Resources: { Queue: { Type: 'AWS::SQS::Queue' }, Policy: { Type: 'AWS::SQS::QueueInlinePolicy', Properties: { Queue: { Ref: 'Queue' }, Queues: [{ Ref: 'Queue' }], PolicyDocument: {} } } },
    });
    assert.equal(await creationFailure(cfn, 'inline-unknown', body, 'Policy'), 'Encountered unsupported property Queues');
  });
});
