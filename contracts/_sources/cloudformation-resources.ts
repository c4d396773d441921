// LocalStack's AWS-validated CloudFormation resource tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/resources/, Apache-2.0) reproduced as request sequences: a template of
// tests/aws/templates/ deployed by the `deploy_cfn_template` fixture, then the resources read through their services.
// Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { BEFORE_LAST_OPERATIONS, deployed, outputOf, STACK, template, waitForChangeSet } from './cloudformation/common.ts';

/** The account id, read from the stack id the first step answers. */
function withAccountId([first, ...rest]: SourceStep[]): SourceStep[] {
  return [{ ...first, capture: { ...first.capture, accountId: { from: '$.StackId', regex: ':(\\d{12}):' } } }, ...rest];
}

const TOPIC_ATTRIBUTE_DOCUMENTS = ['$.Attributes.Policy', '$.Attributes.EffectiveDeliveryPolicy'];

function topicAttributes(topicArn: string, snapshot: string, ignore?: string[]): SourceStep {
  return { service: 'sns', op: 'GetTopicAttributes', params: { TopicArn: topicArn }, snapshot, jsonStrings: TOPIC_ATTRIBUTE_DOCUMENTS, ...(ignore ? { ignore } : {}) };
}

// AWS counts a topic's subscriptions late: its recordings show none pending right after an email subscription was made.
const LATE_COUNTERS = ['$.Attributes.SubscriptionsPending'];
// The recording's caller was an IAM user of the test account; the replay's caller is whoever signs it.
const CALLER = ['$.Attributes.SubscriptionPrincipal'];

const topicUpdate = (name: string, display: string, environment: string, project: string) => ({ TopicName: name, DisplayName: display, Environment: environment, Project: project });

const sns: SourceFile = {
  service: 'cloudformation',
  module: 'test_sns',
  snapshotDir: 'cloudformation/resources',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'test_sns_topic_fifo_with_deduplication',
      note: 'the test finds the topic in ListTopics by its name; its ARN is that name in the account and region',
      steps: [
        ...withAccountId(deployed(template('sns_topic_fifo_dedup.yaml'), { TopicName: 'topic-{{suffix}}.fifo' })),
        { service: 'sns', op: 'ListTopics', params: {} },
        topicAttributes('arn:{{partition}}:sns:{{region}}:{{accountId}}:topic-{{suffix}}.fifo', 'get-topic-attrs'),
      ],
    },
    {
      test: 'test_sns_topic_fifo_without_suffix_fails',
      note: 'the stack is polled until its creation has failed and rolled back, as the test does',
      steps: [
        {
          op: 'CreateChangeSet',
          params: { StackName: STACK, ChangeSetName: 'cs-{{suffix}}', TemplateBody: template('sns_topic_fifo_dedup.yaml'), ChangeSetType: 'CREATE', Parameters: [{ ParameterKey: 'TopicName', ParameterValue: 'topic-{{suffix}}' }] },
          capture: { changeSetId: '$.Id', stackId: '$.StackId' },
        },
        { ...waitForChangeSet('{{changeSetId}}'), params: { ChangeSetName: '{{changeSetId}}', StackName: STACK } },
        { op: 'ExecuteChangeSet', params: { ChangeSetName: '{{changeSetId}}', StackName: '{{stackId}}' } },
        { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, until: { path: '$.Stacks[0].StackStatus', matches: '^(ROLLBACK_COMPLETE|CREATE_FAILED)$' } },
        { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: 'describe-stack', select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
      ],
    },
    {
      test: 'test_update_subscription',
      note: 'the sqs_queue and sns_topic fixtures make the queue (over AWS JSON) and the topic first',
      steps: [
        { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: 'queue-{{suffix}}' }, capture: { queueUrl: '$.QueueUrl' } },
        { service: 'sns', op: 'CreateTopic', params: { Name: 'topic-{{suffix}}' }, capture: { topicArn: '$.TopicArn' } },
        { service: 'sns', op: 'GetTopicAttributes', params: { TopicArn: '{{topicArn}}' } },
        { service: 'sqs', protocol: 'json', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, capture: { queueArn: '$.Attributes.QueueArn' } },
        ...deployed(template('sns_subscription.yml'), { TopicArn: '{{topicArn}}', QueueArn: '{{queueArn}}' }),
        outputOf(STACK, 'subscriptionArn'),
        { service: 'sns', op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'subscription-1', ignore: CALLER },
        ...deployed(template('sns_subscription_update.yml'), { TopicArn: '{{topicArn}}', QueueArn: '{{queueArn}}' }, 'UPDATE', 'change-set-2-{{suffix}}'),
        { service: 'sns', op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, snapshot: 'subscription-2', ignore: CALLER },
      ],
    },
    {
      test: 'test_sns_topic_update_attributes',
      steps: [
        ...deployed(template('sns_topic_update.yaml'), topicUpdate('test-topic-{{suffix}}', 'Initial Display Name', 'test', 'localstack')),
        outputOf(STACK, 'topicArn'),
        topicAttributes('{{topicArn}}', 'initial-topic-attributes', LATE_COUNTERS),
        { service: 'sns', op: 'ListTagsForResource', params: { ResourceArn: '{{topicArn}}' } },
        { service: 'sns', op: 'ListSubscriptionsByTopic', params: { TopicArn: '{{topicArn}}' }, snapshot: 'initial-subscriptions' },
        ...deployed(template('sns_topic_update.yaml'), topicUpdate('test-topic-{{suffix}}', 'Updated Display Name', 'production', 'backend'), 'UPDATE', 'change-set-2-{{suffix}}'),
        topicAttributes('{{topicArn}}', 'updated-topic-attributes', LATE_COUNTERS),
        { service: 'sns', op: 'ListTagsForResource', params: { ResourceArn: '{{topicArn}}' } },
        { service: 'sns', op: 'ListSubscriptionsByTopic', params: { TopicArn: '{{topicArn}}' }, snapshot: 'new-subscriptions' },
      ],
    },
    {
      test: 'test_sns_topic_update_name',
      note: 'the old topic is gone after the replacement (the test expects NotFound, not recorded)',
      steps: [
        ...deployed(template('sns_topic_update.yaml'), topicUpdate('test-topic-{{suffix}}', 'Initial Display Name', 'test', 'localstack')),
        outputOf(STACK, 'topicArn'),
        topicAttributes('{{topicArn}}', 'initial-topic-attributes', LATE_COUNTERS),
        { service: 'sns', op: 'ListTagsForResource', params: { ResourceArn: '{{topicArn}}' } },
        { service: 'sns', op: 'ListSubscriptionsByTopic', params: { TopicArn: '{{topicArn}}' }, snapshot: 'initial-subscriptions' },
        ...deployed(template('sns_topic_update.yaml'), topicUpdate('test-topic-new-{{suffix}}', 'Updated Display Name', 'production', 'localstack'), 'UPDATE', 'change-set-2-{{suffix}}'),
        outputOf(STACK, 'newTopicArn'),
        topicAttributes('{{newTopicArn}}', 'new-topic-attributes', LATE_COUNTERS),
        { service: 'sns', op: 'ListTagsForResource', params: { ResourceArn: '{{newTopicArn}}' } },
        { service: 'sns', op: 'ListSubscriptionsByTopic', params: { TopicArn: '{{newTopicArn}}' }, snapshot: 'new-subscriptions' },
        { service: 'sns', op: 'GetTopicAttributes', params: { TopicArn: '{{topicArn}}' }, fails: true },
      ],
    },
  ],
  notPorted: {
    test_sns_topic_with_attributes: 'deploys a CDK app (infrastructure_setup)',
    test_sns_topic_policy_resets_to_default: 'deploys a CDK app (infrastructure_setup)',
    test_sns_subscription_region: "makes its topic in a second region, which a contract's steps cannot address",
  },
};

export default [sns];
