// TestCfnLambdaIntegrations of LocalStack's AWS-validated CloudFormation tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/resources/test_lambda.py, Apache-2.0) reproduced as request sequences: a function
// wired to an SNS topic, an SQS queue, a DynamoDB stream or a Kinesis stream by a template of tests/aws/templates/,
// the resources read through their services, then a message sent and the function's log polled until it shows it.
// Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { deployed, DESTROY, outputsOf, resourceModule, STACK, template } from './cloudformation/common.ts';
import { lambda } from './cloudformation-lambda-versions.ts';

const iam = (op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service: 'iam', protocol: 'query', op, params, ...more });
const json = (service: string, op: string, params: Record<string, unknown>, more: Partial<SourceStep> = {}): SourceStep => ({ service, protocol: 'json', op, params, ...more });

/** The message the tests send; its text is what they look for in the function's log. */
const MESSAGE = 'msg-verification-{{suffix}}';

/**
 * The tests' wait_logs: FilterLogEvents of the function's log group until an event holds `seen`. The group appears with
 * the function's first run (FilterLogEvents fails before), so its appearance is polled first.
 */
const waitForLog = (seen: string): SourceStep[] => [
  json('logs', 'DescribeLogGroups', { logGroupNamePrefix: '/aws/lambda/{{FunctionName}}' }, { until: { path: '$.logGroups[0].logGroupName', matches: '.', timeoutSeconds: 120 } }),
  json('logs', 'FilterLogEvents', { logGroupName: '/aws/lambda/{{FunctionName}}' }, { until: { path: '$.events', matches: seen, timeoutSeconds: 120 } }),
];

/** The tests' wait_esm_active: GetEventSourceMapping until the mapping is Enabled. */
const WAIT_ESM: SourceStep = lambda('GetEventSourceMapping', { UUID: '{{ESMId}}' }, { until: { path: '$.State', matches: '^Enabled$' } });

/** After deployment.destroy() the mapping is gone (the test expects ResourceNotFoundException, not recorded). */
const GONE: SourceStep[] = [...DESTROY, lambda('GetEventSourceMapping', { UUID: '{{ESMId}}' }, { fails: true })];

/** Lambda's reading of the function and its mapping (CodeSize was redacted as `<code-size>`: not judged). */
const functionAndMapping: SourceStep[] = [
  lambda('GetFunction', { FunctionName: '{{FunctionName}}' }, { snapshot: 'get_function_result', ignore: ['$.Configuration.CodeSize'], capture: { roleName: { from: '$.Configuration.Role', regex: 'role/(.+)$' } } }),
  lambda('GetEventSourceMapping', { UUID: '{{ESMId}}' }, { snapshot: 'get_esm_result' }),
];

/** The function's role, its managed policies and its one inline policy (the test's `{"policies": [...]}`). */
const roleSteps: SourceStep[] = [
  iam('GetRole', { RoleName: '{{roleName}}' }, { snapshot: 'get_role_result', jsonStrings: ['$.Role.AssumeRolePolicyDocument'] }),
  iam('ListAttachedRolePolicies', { RoleName: '{{roleName}}' }, { snapshot: 'list_attached_role_policies_result' }),
  iam('ListRolePolicies', { RoleName: '{{roleName}}' }, { snapshot: 'list_inline_role_policies_result' }),
  iam('GetRolePolicy', { RoleName: '{{roleName}}', PolicyName: 'fnServiceRoleDefaultPolicy0ED5D3E5' }, { snapshot: 'role_policies', within: 'policies.0', jsonStrings: ['$.PolicyDocument'] }),
];

/** What the mapping tests share up to the reads of the source: deploy, outputs, the stack's resources. */
const mappingStack = (file: string, outputs: string[]): SourceStep[] => [
  ...deployed(template(file)),
  outputsOf(STACK, 'FunctionName', 'ESMId', ...outputs),
  { op: 'DescribeStackResources', params: { StackName: '{{stackId}}' }, snapshot: 'stack_resources', unordered: ['$.StackResources'] },
  ...functionAndMapping,
];

// AWS counts a topic's subscriptions late: its recording shows none confirmed right after the stack made one.
const LATE_COUNTERS = ['$.Attributes.SubscriptionsConfirmed', '$.Attributes.SubscriptionsPending'];

const integrations: SourceFile = resourceModule(
  'test_lambda',
  [
    {
      test: 'TestCfnLambdaIntegrations::test_cfn_lambda_permissions',
      note: 'the test sorted the stack resources by logical id; it then publishes to the topic and waits for the message in the function\'s log',
      steps: [
        ...deployed(template('cfn_lambda_sns_permissions.yaml')),
        { op: 'DescribeStackResources', params: { StackName: '{{stackId}}' }, snapshot: 'stack_resources', unordered: ['$.StackResources'] },
        outputsOf(STACK, 'FunctionName', 'TopicArn'),
        lambda('GetFunction', { FunctionName: '{{FunctionName}}' }, { snapshot: 'get_function_result', ignore: ['$.Configuration.CodeSize'] }),
        { service: 'sns', protocol: 'query', op: 'GetTopicAttributes', params: { TopicArn: '{{TopicArn}}' }, snapshot: 'get_topic_attributes_result', jsonStrings: ['$.Attributes.Policy', '$.Attributes.EffectiveDeliveryPolicy'], ignore: LATE_COUNTERS },
        lambda('GetPolicy', { FunctionName: '{{FunctionName}}' }, { snapshot: 'get_policy_result', jsonStrings: ['$.Policy'] }),
        { service: 'sns', protocol: 'query', op: 'Publish', params: { Message: MESSAGE, TopicArn: '{{TopicArn}}' } },
        ...waitForLog('msg-verification-'),
      ],
    },
    {
      test: 'TestCfnLambdaIntegrations::test_cfn_lambda_sqs_source',
      note: "the test sorted the stack resources by logical id; it then sends to the queue and waits for the message in the function's log. The queue's physical id is its URL, whose host is the endpoint's (AWS's https://sqs.<region>.amazonaws.com): judged as the queue URL the stack's output gives",
      expandedWords: { 'https://sqs.<region>.amazonaws.com/111111111111/<resource:2>': '{{QueueUrl}}' },
      steps: [
        ...mappingStack('cfn_lambda_sqs_source.yaml', ['QueueUrl']),
        json('sqs', 'GetQueueAttributes', { QueueUrl: '{{QueueUrl}}', AttributeNames: ['All'] }, { snapshot: 'get_queue_atts_result' }),
        ...roleSteps,
        WAIT_ESM,
        json('sqs', 'SendMessage', { QueueUrl: '{{QueueUrl}}', MessageBody: MESSAGE }),
        ...waitForLog('msg-verification-'),
        ...GONE,
      ],
    },
    {
      test: 'TestCfnLambdaIntegrations::test_cfn_lambda_dynamodb_source',
      note: 'the test sorted the stack resources by logical id; it then writes to the table and waits for the message in the function\'s log',
      steps: [
        ...mappingStack('cfn_lambda_dynamodb_source.yaml', ['TableName', 'StreamArn']),
        json('dynamodb', 'DescribeTable', { TableName: '{{TableName}}' }, { snapshot: 'describe_table_result' }),
        json('dynamodbstreams', 'DescribeStream', { StreamArn: '{{StreamArn}}' }, { snapshot: 'describe_stream_result' }),
        ...roleSteps,
        WAIT_ESM,
        json('dynamodb', 'PutItem', { TableName: '{{TableName}}', Item: { id: { S: 'test' }, msg: { S: MESSAGE } } }),
        ...waitForLog('msg-verification-'),
        ...GONE,
      ],
    },
    {
      test: 'TestCfnLambdaIntegrations::test_cfn_lambda_kinesis_source',
      note: "the test sorted the stack resources by logical id; it then puts a record and waits for its data (base64, as the function's event carries it) in the function's log",
      steps: [
        ...mappingStack('cfn_lambda_kinesis_source.yaml', ['StreamName']),
        json('kinesis', 'DescribeStream', { StreamName: '{{StreamName}}' }, { snapshot: 'describe_stream_result' }),
        ...roleSteps,
        WAIT_ESM,
        json('kinesis', 'PutRecord', { StreamName: '{{StreamName}}', Data: { $blob: Buffer.from('msg-verification-kinesis').toString('base64') }, PartitionKey: 'samplepartitionkey' }),
        // base64 of the message's first 15 characters ("msg-verificatio"), the part of its encoding that does not vary.
        ...waitForLog('bXNnLXZlcmlmaWNhdGlv'),
        ...GONE,
      ],
    },
  ],
  {
    claims: (test) => test.startsWith('TestCfnLambdaIntegrations::') && test !== 'TestCfnLambdaIntegrations::test_lambda_dynamodb_event_filter',
    redactedWords: { 'shard-id': 'any', 'starting-sequence-number': 'any', starting_hash: 'any', ending_hash: 'any' },
  },
);

export default [integrations];
