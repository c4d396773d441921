// LocalStack's AWS-validated CloudFormation resource tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/resources/, Apache-2.0) reproduced as request sequences: a template of
// tests/aws/templates/ deployed by the `deploy_cfn_template` fixture, then the resources read through their services.
// Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { BEFORE_LAST_OPERATIONS, cdkTemplate, deployed, DESTROY, provisioned, resourceModule, outputOf, outputsOf, outputsSnapshot, rendered, STACK, template, waitForChangeSet } from './cloudformation/common.ts';

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

/** LocalStack's secondary test region (SECONDARY_TEST_AWS_REGION_NAME), where test_sns_subscription_region makes its topic. */
const SECOND_REGION = 'ap-southeast-1';

/** What the topic update tests read after each deployment: the topic's attributes, its tags, its subscriptions. */
function readTopic(arn: string, attributes: string, subscriptions: string): SourceStep[] {
  return [
    topicAttributes(arn, attributes, LATE_COUNTERS),
    { service: 'sns', op: 'ListTagsForResource', params: { ResourceArn: arn } },
    { service: 'sns', op: 'ListSubscriptionsByTopic', params: { TopicArn: arn }, snapshot: subscriptions },
  ];
}

const topicUpdate = (name: string, display: string, environment: string, project: string) => ({ TopicName: name, DisplayName: display, Environment: environment, Project: project });

const INITIAL_TOPIC: SourceStep[] = [
  ...deployed(template('sns_topic_update.yaml'), topicUpdate('test-topic-{{suffix}}', 'Initial Display Name', 'test', 'localstack')),
  outputOf(STACK, 'topicArn'),
  ...readTopic('{{topicArn}}', 'initial-topic-attributes', 'initial-subscriptions'),
];

/** The stack name of test_sns_topic_with_attributes's CDK app (see cloudformation/cdk-apps/synth.ts). */
export const FIFO_TOPIC_STACK = 'stack-5c1d0e7a';
const CDK_APP_NOTE = "the test's CDK app (written in Python at test time) is cloudformation/cdk-apps/synth.ts in TypeScript, deployed as LocalStack's CDK provisioner does";

/** The topic's policy, judged as the JSON document it holds. */
const topicPolicy = (snapshot: string): SourceStep => ({ service: 'sns', op: 'GetTopicAttributes', params: { TopicArn: '{{topicArn}}' }, snapshot, select: '$.Attributes.Policy', jsonStrings: ['$'] });

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
      test: 'test_sns_subscription_region',
      note: "the topic is made by a client of a second region (LocalStack's default secondary region); the stack's subscription names that region",
      expandedWords: { '<region2>': SECOND_REGION },
      steps: [
        { service: 'sns', op: 'CreateTopic', params: { Name: 'topic-{{suffix}}' }, region: SECOND_REGION, capture: { topicArn: '$.TopicArn' } },
        { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: 'queue-{{suffix}}' }, capture: { queueUrl: '$.QueueUrl' } },
        { service: 'sqs', protocol: 'json', op: 'GetQueueAttributes', params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['QueueArn'] }, capture: { queueArn: '$.Attributes.QueueArn' } },
        ...deployed(template('sns_subscription_cross_region.yml'), { TopicArn: '{{topicArn}}', QueueArn: '{{queueArn}}', TopicRegion: SECOND_REGION }),
        outputOf(STACK, 'subscriptionArn'),
        { service: 'sns', op: 'GetSubscriptionAttributes', params: { SubscriptionArn: '{{subscriptionArn}}' }, region: SECOND_REGION, snapshot: 'subscription-1', ignore: CALLER },
      ],
    },
    {
      test: 'test_sns_topic_update_attributes',
      steps: [
        ...INITIAL_TOPIC,
        ...deployed(template('sns_topic_update.yaml'), topicUpdate('test-topic-{{suffix}}', 'Updated Display Name', 'production', 'backend'), 'UPDATE', 'change-set-2-{{suffix}}'),
        ...readTopic('{{topicArn}}', 'updated-topic-attributes', 'new-subscriptions'),
      ],
    },
    {
      test: 'test_sns_topic_update_name',
      note: 'the old topic is gone after the replacement (the test expects NotFound, not recorded)',
      steps: [
        ...INITIAL_TOPIC,
        ...deployed(template('sns_topic_update.yaml'), topicUpdate('test-topic-new-{{suffix}}', 'Updated Display Name', 'production', 'localstack'), 'UPDATE', 'change-set-2-{{suffix}}'),
        outputOf(STACK, 'newTopicArn'),
        ...readTopic('{{newTopicArn}}', 'new-topic-attributes', 'new-subscriptions'),
        { service: 'sns', op: 'GetTopicAttributes', params: { TopicArn: '{{topicArn}}' }, fails: true },
      ],
    },
    {
      test: 'test_sns_topic_with_attributes',
      note: `${CDK_APP_NOTE}; CDK names the FIFO topic after its stack, whose name is therefore fixed (${FIFO_TOPIC_STACK})`,
      steps: [
        ...provisioned(FIFO_TOPIC_STACK, cdkTemplate('sns-fifo-topic-archive-policy')),
        outputOf(FIFO_TOPIC_STACK, 'topicArn'),
        { service: 'sns', op: 'GetTopicAttributes', params: { TopicArn: '{{topicArn}}' }, snapshot: 'topic-archive-policy', select: '$.Attributes.ArchivePolicy', jsonStrings: ['$'] },
        ...DESTROY,
      ],
    },
    {
      test: 'test_sns_topic_policy_resets_to_default',
      note: `${CDK_APP_NOTE}; the sns_topic fixture makes the topic first, whose ARN the app's policy names`,
      expandedWords: { '<topic-name>': 'topic-{{suffix}}' },
      steps: [
        { service: 'sns', op: 'CreateTopic', params: { Name: 'topic-{{suffix}}' }, capture: { topicArn: '$.TopicArn', accountId: { from: '$.TopicArn', regex: ':(\\d{12}):' } } },
        { service: 'sns', op: 'GetTopicAttributes', params: { TopicArn: '{{topicArn}}' } },
        topicPolicy('default-topic-attributes'),
        ...provisioned('SnsTopicPolicyStack', cdkTemplate('sns-topic-policy-existing-topic')),
        outputOf('SnsTopicPolicyStack', 'policyTopicArn'),
        topicPolicy('modified-topic-attributes'),
        ...DESTROY,
        topicPolicy('reverted-topic-attributes'),
      ],
    },
  ],
  notPorted: {},
};


const ssm = resourceModule('test_ssm', [
  {
    test: 'test_parameter_defaults',
    steps: [
      ...deployed(template('ssm_parameter_defaultname.yaml'), { Input: 'custom-{{suffix}}' }),
      outputOf(STACK, 'parameterName'),
      { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: '{{parameterName}}' }, snapshot: 'ssm_parameter' },
      ...DESTROY,
      { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: '{{parameterName}}' }, snapshot: 'ssm_parameter_not_found' },
    ],
  },
], {
  notPorted: {
    test_deploy_patch_baseline:
      "AWS created its patch baseline with five filters in one rule's PatchFilterGroup (2023 recording), where SSM's model and API reference allow four; twinstack's SSM refuses the fifth, and AWS's acceptance is not documented",
    test_maintenance_window:
      'AWS took the maintenance window schedule cron(0 0 0 ? * * *) (seven fields) in its 2023 recording, where the SSM guide documents six; twinstack refuses it as an invalid schedule, and the seven-field form is not documented',
  },
});

// AWS lists a template's parameters and resource types in an order of its own (neither the template's nor sorted).
const SUMMARY_LISTS = ['$.Parameters', '$.ResourceTypes', '$.ResourceIdentifierSummaries'];

const kinesis = resourceModule('test_kinesis', [
  {
    test: 'test_stream_creation',
    note: "the stream's name is its resource's physical id (what the output StreamNameFromRef holds)",
    steps: [
      ...deployed(JSON.stringify({
        Resources: { TestStream: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } } },
        Outputs: { StreamNameFromRef: { Value: { Ref: 'TestStream' } }, StreamArnFromAtt: { Value: { 'Fn::GetAtt': 'TestStream.Arn' } } },
      })),
      outputsSnapshot(STACK, 'stack_output'),
      { op: 'DescribeStackResources', params: { StackName: STACK }, snapshot: 'resource_description', capture: { streamName: '$.StackResources[0].PhysicalResourceId' } },
      { service: 'kinesis', protocol: 'json', op: 'DescribeStream', params: { StreamName: '{{streamName}}' }, snapshot: 'stream_description' },
    ],
  },
  {
    test: 'test_describe_template',
    note: "the s3_create_bucket fixture makes the bucket; the template's URL is its AWS virtual-hosted one, as the test sent it to AWS",
    steps: [
      { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: 'b-{{suffix}}' } },
      { service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: 'b-{{suffix}}', Key: 'template.yml', Body: template('cfn_kinesis_stream.yaml') } },
      { op: 'GetTemplateSummary', params: { TemplateURL: 'https://b-{{suffix}}.s3.{{region}}.amazonaws.com/template.yml' }, snapshot: 'get_template_summary_by_url', unordered: SUMMARY_LISTS },
      { op: 'GetTemplateSummary', params: { TemplateBody: template('cfn_kinesis_stream.yaml') }, snapshot: 'get_template_summary_by_body', unordered: SUMMARY_LISTS },
    ],
  },
  {
    test: 'test_dynamodb_stream_response_with_cf',
    steps: [
      ...deployed(template('cfn_kinesis_dynamodb.yml'), { TableName: 'table-{{suffix}}' }),
      { service: 'dynamodb', protocol: 'json', op: 'DescribeKinesisStreamingDestination', params: { TableName: 'table-{{suffix}}' }, snapshot: 'describe_kinesis_streaming_destination' },
    ],
  },
  {
    test: 'test_default_parameters_kinesis',
    steps: [
      ...deployed(template('kinesis_default.yaml')),
      outputOf(STACK, 'streamName'),
      { service: 'kinesis', protocol: 'json', op: 'DescribeStream', params: { StreamName: '{{streamName}}' }, snapshot: 'describe_stream' },
    ],
  },
  // A transformer wrote the shard id as this word.
], { redactedWords: { 'shard-id': 'any' } });

const logs = resourceModule('test_logs', [
  {
    test: 'test_cfn_handle_log_group_resource',
    note: 'deletionProtectionEnabled appeared in AWS\'s DescribeLogGroups answers after this recording (2024)',
    steps: [
      ...deployed(template('logs_group.yml')),
      outputOf(STACK, 'logGroupName'),
      { service: 'logs', protocol: 'json', op: 'DescribeLogGroups', params: { logGroupNamePrefix: '{{logGroupName}}' }, snapshot: 'describe_log_groups', ignore: ['$.logGroups[*].deletionProtectionEnabled'] },
      ...DESTROY,
      { service: 'logs', protocol: 'json', op: 'DescribeLogGroups', params: { logGroupNamePrefix: '{{logGroupName}}' } },
    ],
  },
  {
    test: 'test_logstream',
    steps: [
      ...deployed(template('logs_group_and_stream.yaml')),
      outputsSnapshot(STACK, 'outputs', { capture: { groupName: "$.Stacks[0].Outputs[?(@.OutputKey=='LogGroupNameOutput')].OutputValue", streamName: "$.Stacks[0].Outputs[?(@.OutputKey=='LogStreamNameOutput')].OutputValue" } }),
      { service: 'logs', protocol: 'json', op: 'DescribeLogStreams', params: { logGroupName: '{{groupName}}', logStreamNamePrefix: '{{streamName}}' }, snapshot: 'describe_log_streams', select: '$.logStreams' },
    ],
  },
  {
    test: 'test_handle_existing_log_group',
    note: "the stack fails and rolls back (the fixture's StackDeployError carries the stack's description)",
    steps: [
      { service: 'logs', protocol: 'json', op: 'CreateLogGroup', params: { logGroupName: 'logs-{{suffix}}' } },
      ...deployed(template('logs_group.yml'), { LogGroupName: 'logs-{{suffix}}' }),
      { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: 'failed-stack-describe', select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
    ],
  },
]);

const s3 = resourceModule('test_s3', [
  {
    test: 'test_website_configuration',
    note: 'the bucket is named by the test (the test checks the output BucketNameOutput holds that name)',
    steps: [
      ...deployed(template('s3_bucket_website_config.yaml'), { BucketName: 'ls-bucket-{{suffix}}' }),
      { op: 'DescribeStacks', params: { StackName: STACK } },
      { service: 's3', protocol: 'rest-xml', op: 'GetBucketWebsite', params: { Bucket: 'ls-bucket-{{suffix}}' }, snapshot: 'get_bucket_website' },
    ],
  },
  {
    test: 'test_cors_configuration',
    steps: [
      ...deployed(template('s3_cors_bucket.yaml')),
      outputsOf(STACK, 'BucketNameAllParameters', 'BucketNameOnlyRequired'),
      { service: 's3', protocol: 'rest-xml', op: 'GetBucketCors', params: { Bucket: '{{BucketNameAllParameters}}' }, snapshot: 'cors-info-optional' },
      { service: 's3', protocol: 'rest-xml', op: 'GetBucketCors', params: { Bucket: '{{BucketNameOnlyRequired}}' }, snapshot: 'cors-info-only-required' },
    ],
  },
  {
    test: 'test_object_lock_configuration',
    steps: [
      ...deployed(template('s3_object_lock_config.yaml')),
      outputsOf(STACK, 'LockConfigAllParameters', 'LockConfigOnlyRequired'),
      { service: 's3', protocol: 'rest-xml', op: 'GetObjectLockConfiguration', params: { Bucket: '{{LockConfigAllParameters}}' }, snapshot: 'object-lock-info-with-configuration' },
      { service: 's3', protocol: 'rest-xml', op: 'GetObjectLockConfiguration', params: { Bucket: '{{LockConfigOnlyRequired}}' }, snapshot: 'object-lock-info-only-enabled' },
    ],
  },
  {
    test: 'test_bucketpolicy',
    note: "the template rendered with include_policy true, then false (the template_mapping's Jinja block); the snapshot 'bucket' holds the test's own bucket name, no response",
    steps: [
      ...deployed(rendered('s3_bucketpolicy.yaml', { include_policy: true }), { BucketName: 'ls-bucket-{{suffix}}' }),
      { service: 's3', protocol: 'rest-xml', op: 'GetBucketPolicy', params: { Bucket: 'ls-bucket-{{suffix}}' }, snapshot: 'get-policy-true', select: '$.Policy', jsonStrings: ['$'] },
      ...deployed(rendered('s3_bucketpolicy.yaml', { include_policy: false }), { BucketName: 'ls-bucket-{{suffix}}' }, 'UPDATE', 'change-set-2-{{suffix}}'),
      { service: 's3', protocol: 'rest-xml', op: 'GetBucketPolicy', params: { Bucket: 'ls-bucket-{{suffix}}' }, snapshot: 'no-policy' },
    ],
  },
  {
    test: 'test_cfn_handle_s3_notification_configuration',
    steps: [
      ...deployed(template('s3_notification_sqs.yml')),
      outputsOf(STACK, 'BucketName'),
      { service: 's3', protocol: 'rest-xml', op: 'GetBucketNotificationConfiguration', params: { Bucket: '{{BucketName}}' }, snapshot: 'get_bucket_notification_configuration' },
      ...DESTROY,
      { service: 's3', protocol: 'rest-xml', op: 'GetBucketNotificationConfiguration', params: { Bucket: '{{BucketName}}' }, snapshot: 'get_bucket_notification_configuration_error' },
    ],
  },
]);

/** The table the stack made (its only resource): the name its output TableName holds is the resource's physical id. */
const tableOfStack: SourceStep = { op: 'DescribeStackResources', params: { StackName: STACK }, capture: { tableName: '$.StackResources[0].PhysicalResourceId' } };
const describeTable: SourceStep = { service: 'dynamodb', protocol: 'json', op: 'DescribeTable', params: { TableName: '{{tableName}}' }, snapshot: 'table_description', capture: { tableArn: '$.Table.TableArn' } };
const MY_TABLE = () => 'dynamodb-table:MyTable';
const TABLE_NOTE = "the table's name (the output TableName) is read as the stack's one resource's physical id, its ARN (the output TableArn) from DescribeTable";

const dynamodb = resourceModule('test_dynamodb', [
  {
    test: 'test_default_name_for_table',
    note: TABLE_NOTE,
    steps: [
      ...deployed(template('dynamodb_table_defaults.yml')),
      { op: 'DescribeStacks', params: { StackName: STACK } },
      tableOfStack,
      describeTable,
      { service: 'dynamodb', protocol: 'json', op: 'ListTagsOfResource', params: { ResourceArn: '{{tableArn}}' }, snapshot: 'list_tags_of_resource' },
    ],
  },
  {
    test: 'test_billing_mode_as_conditional',
    note: TABLE_NOTE,
    steps: (billingMode) => [...deployed(template('dynamodb_billing_conditional.yml'), { BillingModeParameter: billingMode }), { op: 'DescribeStacks', params: { StackName: STACK } }, tableOfStack, describeTable],
  },
  {
    test: 'test_table_with_ttl_and_sse',
    note: `${TABLE_NOTE}; WarmThroughput appeared in AWS's DescribeTable answers after this recording (2024-03)`,
    // The template names its table MyTable, as the global table's does: one at a time, each stack destroyed after (the fixture's teardown).
    exclusive: MY_TABLE,
    steps: [...deployed(template('dynamodb_table_sse_enabled.yml')), { op: 'DescribeStacks', params: { StackName: STACK } }, tableOfStack, { ...describeTable, ignore: ['$.Table.WarmThroughput'] }, ...DESTROY],
  },
  {
    test: 'test_global_table',
    note: `${TABLE_NOTE}; the stack is then destroyed and the table is gone (the test asserted ResourceNotFoundException)`,
    steps: [
      ...deployed(template('dynamodb_global_table.yml')),
      { op: 'DescribeStacks', params: { StackName: STACK } },
      tableOfStack,
      describeTable,
      ...DESTROY,
      { service: 'dynamodb', protocol: 'json', op: 'DescribeTable', params: { TableName: '{{tableName}}' }, fails: true },
    ],
  },
  {
    test: 'test_global_table_with_ttl_and_sse',
    exclusive: MY_TABLE,
    note: `${TABLE_NOTE}; WarmThroughput (of the table and its indexes) appeared in AWS's DescribeTable answers after this recording (2024-03)`,
    steps: [
      ...deployed(template('dynamodb_global_table_sse_enabled.yml')),
      { op: 'DescribeStacks', params: { StackName: STACK } },
      tableOfStack,
      { ...describeTable, ignore: ['$.Table.WarmThroughput', '$.Table.GlobalSecondaryIndexes[*].WarmThroughput'] },
      ...DESTROY,
    ],
  },
  {
    test: 'test_ttl_cdk',
    note: `${CDK_APP_NOTE} (its template is the one LocalStack keeps in tests/aws/cdk_templates/DDBTableTTL/, byte for byte); the table is retained after the stack's deletion`,
    steps: [
      ...provisioned('DDBStackTTL', cdkTemplate('ddb-table-ttl')),
      outputOf('DDBStackTTL', 'tableName'),
      { service: 'dynamodb', protocol: 'json', op: 'DescribeTimeToLive', params: { TableName: '{{tableName}}' }, snapshot: 'table' },
      ...DESTROY,
    ],
  },
]);

const events = resourceModule('test_events', [
  {
    test: 'test_event_rule_creation_without_target',
    expandedWords: { 'event-rule-name': 'event-rule-{{suffix}}' },
    steps: [
      ...deployed(template('events_rule_without_targets.yaml'), { EventRuleName: 'event-rule-{{suffix}}' }),
      { service: 'events', protocol: 'json', op: 'DescribeRule', params: { Name: 'event-rule-{{suffix}}' }, snapshot: 'describe_rule' },
    ],
  },
  {
    test: 'test_rule_pattern_transformation',
    steps: [
      ...deployed(template('events_rule_pattern.yml')),
      outputOf(STACK, 'ruleName'),
      { service: 'events', protocol: 'json', op: 'DescribeRule', params: { Name: '{{ruleName}}' }, snapshot: 'rule', jsonStrings: ['$.EventPattern'] },
    ],
  },
  {
    test: 'test_rule_properties',
    expandedWords: { '<event-bus-name>': 'events-{{suffix}}', '<custom-rule-name>': 'rule-{{suffix}}', '<rule-id>': '{{rule-id}}', '<without-bus-id>': '{{without-bus-id}}' },
    steps: [...deployed(template('events_rule_properties.yaml'), { EventBusName: 'events-{{suffix}}', RuleName: 'rule-{{suffix}}' }), outputsSnapshot(STACK, 'outputs')],
  },
]);

export default [sns, ssm, kinesis, logs, s3, dynamodb, events];
