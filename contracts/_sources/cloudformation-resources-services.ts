// LocalStack's AWS-validated CloudFormation resource tests of CloudWatch, KMS, Firehose, Secrets Manager and the
// CloudFormation types (github.com/localstack/localstack, tests/aws/services/cloudformation/resources/, Apache-2.0)
// reproduced as request sequences: a template of tests/aws/templates/ deployed by the `deploy_cfn_template` fixture,
// then the resources read through their services. Expected responses come only from the recorded snapshots.
import type { SourceStep } from '../../verifier/port/source-types.ts';
import { cdkTemplate, deployed, DESTROY, outputsOf, outputsSnapshot, provisioned, resourceModule, STACK, template } from './cloudformation/common.ts';
import { callerAccount, ROLE, zip } from './lambda-api/common.ts';

/** CloudWatch's DescribeAlarms as the tests call it (boto3 spoke query to CloudWatch when they were recorded). */
const describeAlarms = (params: Record<string, unknown>, snapshot?: string, list = '$.MetricAlarms'): SourceStep => ({
  service: 'cloudwatch',
  protocol: 'query',
  op: 'DescribeAlarms',
  params,
  ...(snapshot ? { snapshot, select: list } : {}),
});

const cloudwatch = resourceModule(
  'test_cloudwatch',
  [
    {
      test: 'test_alarm_creation',
      steps: [
        ...deployed(
          JSON.stringify({
            Resources: {
              Alarm: {
                Type: 'AWS::CloudWatch::Alarm',
                Properties: { AlarmName: 'alarm-{{suffix}}', ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1, MetricName: 'Errors', Namespace: 'AWS/Lambda', Period: 300, Statistic: 'Average', Threshold: 1 },
              },
            },
            Outputs: { AlarmName: { Value: { Ref: 'Alarm' } }, AlarmArnFromAtt: { Value: { 'Fn::GetAtt': 'Alarm.Arn' } } },
          }),
        ),
        outputsSnapshot(STACK, 'alarm_outputs'),
      ],
    },
    {
      test: 'test_composite_alarm_creation',
      note: 'the alarms are gone after stack.destroy() (the test expects empty lists, not recorded)',
      steps: [
        ...deployed(template('cfn_cw_composite_alarm.yml')),
        outputsOf(STACK, 'CompositeAlarmName', 'MetricAlarmName'),
        { ...describeAlarms({ AlarmNames: ['{{CompositeAlarmName}}'], AlarmTypes: ['CompositeAlarm'] }, 'composite_alarm', '$.CompositeAlarms'), jsonStrings: ['$[0].StateReasonData'] },
        describeAlarms({ AlarmNames: ['{{MetricAlarmName}}'] }, 'metric_alarm'),
        ...DESTROY,
        describeAlarms({ AlarmNames: ['{{CompositeAlarmName}}'], AlarmTypes: ['CompositeAlarm'] }),
        describeAlarms({ AlarmNames: ['{{MetricAlarmName}}'] }),
      ],
    },
    {
      test: 'test_alarm_ext_statistic',
      steps: [...deployed(template('cfn_cw_simple_alarm.yml')), outputsOf(STACK, 'MetricAlarmName'), describeAlarms({ AlarmNames: ['{{MetricAlarmName}}'] }, 'simple_alarm'), ...DESTROY, describeAlarms({ AlarmNames: ['{{MetricAlarmName}}'] })],
    },
  ],
  { notPorted: { test_alarm_no_statistic: 'records no response (its snapshot is empty)' } },
);

const kms = resourceModule('test_kms', [
  {
    test: 'test_cfn_with_kms_resources',
    note: 'the alias is listed before and after stack.destroy() (the test counts it, not recorded)',
    expandedWords: { '<key-alias:1>': 'alias/sample-{{suffix}}' },
    steps: [
      ...deployed(template('template34.yaml'), { AliasName: 'alias/sample-{{suffix}}' }),
      outputsSnapshot(STACK, 'stack-outputs'),
      { service: 'kms', protocol: 'json', op: 'ListAliases', params: {} },
      ...DESTROY,
      { service: 'kms', protocol: 'json', op: 'ListAliases', params: {} },
    ],
  },
]);

const firehose = resourceModule('test_firehose', [
  {
    test: 'test_firehose_stack_with_kinesis_as_source',
    steps: [
      ...deployed(template('firehose_kinesis_as_source.yaml'), { BucketName: 'bucket-{{suffix}}', StreamName: 'stream-{{suffix}}', DeliveryStreamName: 'delivery-stream-{{suffix}}' }),
      outputsSnapshot(STACK, 'outputs'),
      { service: 'firehose', protocol: 'json', op: 'DescribeDeliveryStream', params: { DeliveryStreamName: 'delivery-stream-{{suffix}}' }, until: { path: '$.DeliveryStreamDescription.DeliveryStreamStatus', matches: '^ACTIVE$' } },
      { service: 'firehose', protocol: 'json', op: 'DescribeDeliveryStream', params: { DeliveryStreamName: 'delivery-stream-{{suffix}}' }, snapshot: 'delivery_stream' },
    ],
  },
]);

// The snapshots kept the recorded stack's name and id in the secret's system tags, and the recorded version id as a
// key of VersionIdsToStages (the test skips both): no replay can give those values.
const SECRET_RUN_VALUES = ['$.Tags[*].Value', '$.VersionIdsToStages'];
const describeSecret = (name: string, snapshot: string): SourceStep => ({ service: 'secretsmanager', protocol: 'json', op: 'DescribeSecret', params: { SecretId: name }, snapshot });

const secretsmanager = resourceModule('test_secretsmanager', [
  {
    test: 'test_cfn_secretsmanager_gen_secret',
    steps: [
      ...deployed(template('secretsmanager_secret.yml'), { SecretName: 'dev/db/pass-{{suffix}}' }),
      { ...describeSecret('dev/db/pass-{{suffix}}', 'secret'), ignore: SECRET_RUN_VALUES },
      { service: 'secretsmanager', protocol: 'json', op: 'GetSecretValue', params: { SecretId: 'dev/db/pass-{{suffix}}' } },
    ],
  },
  {
    test: 'test_cfn_handle_secretsmanager_secret',
    steps: [
      ...deployed(template('secretsmanager_secret.yml'), { SecretName: 'secret-{{suffix}}' }),
      { ...describeSecret('secret-{{suffix}}', 'secret'), ignore: SECRET_RUN_VALUES },
      ...DESTROY,
      describeSecret('secret-{{suffix}}', 'exception'),
    ],
  },
  {
    test: 'test_cfn_secret_policy',
    steps: (blockPublicPolicy) => [
      ...deployed(template('secretsmanager_secret_policy.yml'), { BlockPublicPolicy: blockPublicPolicy }),
      outputsSnapshot(STACK, 'outputs', { capture: { secretId: "$.Stacks[0].Outputs[?(@.OutputKey=='SecretId')].OutputValue" } }),
      { service: 'secretsmanager', protocol: 'json', op: 'GetResourcePolicy', params: { SecretId: '{{secretId}}' }, snapshot: 'resource_policy', jsonStrings: ['$.ResourcePolicy'] },
    ],
  },
  {
    test: 'test_cdk_deployment_generates_secret_value_if_no_value_is_provided',
    note: "the test's CDK app (written in Python at test time) is cloudformation/cdk-apps/synth.ts in TypeScript, deployed as LocalStack's CDK provisioner does",
    expandedWords: { '<secret_name>': 'my_secret{{suffix}}' },
    steps: [
      ...provisioned('SecretGeneration{{suffix}}', cdkTemplate('secret-generated-value')),
      outputsOf('SecretGeneration{{suffix}}', 'SecretName', 'SecretARN'),
      { service: 'secretsmanager', protocol: 'json', op: 'GetSecretValue', params: { SecretId: '{{SecretName}}' }, snapshot: 'generated_key' },
      ...DESTROY,
    ],
  },
], {
  redactedWords: { 'secret-string': 'any' },
});

const cloudformation = resourceModule(
  'test_cloudformation',
  [
    {
      test: 'test_create_macro',
      note: 'create_lambda_function makes the macro function (python3.12, a handler that does nothing) and waits until it is active',
      expandedWords: { '<macro-name>': 'macro-{{suffix}}' },
      steps: [
        callerAccount,
        { service: 'lambda', protocol: 'rest-json', op: 'CreateFunction', params: { FunctionName: 'macro_lambda_{{suffix}}', Runtime: 'python3.12', Role: ROLE, Handler: 'handler.handler', Code: { ZipFile: zip('\ndef handler(event, context):\n    pass\n') } } },
        { service: 'lambda', protocol: 'rest-json', op: 'GetFunction', params: { FunctionName: 'macro_lambda_{{suffix}}' }, until: { path: '$.Configuration.State', matches: '^Active$' } },
        ...deployed(template('macro_resource.yml'), { FunctionName: 'macro_lambda_{{suffix}}', MacroName: 'macro-{{suffix}}' }),
        outputsSnapshot(STACK, 'stack-outputs'),
      ],
    },
  ],
  {
    notPorted: {
      test_waitconditionhandle: "its one entry is the handle's presigned URL with the recorded stack's name, id, date and signature unredacted: no replay can give it",
      test_waitcondition:
        "its one entry holds the recorded stack's name and id unredacted (the test skips verifying it), and the stack waits for a signal a thread of the test PUTs to the presigned handle URL (not an AWS operation)",
    },
  },
);

const describeStateMachine = (snapshot: string): SourceStep => ({
  service: 'stepfunctions',
  protocol: 'json',
  op: 'DescribeStateMachine',
  params: { stateMachineArn: '{{StateMachineArnOutput}}' },
  snapshot,
  jsonStrings: ['$.definition'],
});
const DEFINITION = (comment: string) => JSON.stringify({ Comment: comment, StartAt: 'S0', States: { S0: { Type: 'Succeed' } } });
const putDefinition = (key: string, comment: string): SourceStep => ({ service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: 'bucket-{{suffix}}', Key: key, Body: DEFINITION(comment) } });

const stepfunctions = resourceModule('test_stepfunctions', [
  {
    test: 'test_cfn_statemachine_default_s3_location',
    note: 's3_create_bucket makes the bucket holding the definitions; the update reads a second object',
    steps: [
      { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: 'bucket-{{suffix}}' } },
      putDefinition('file-key-{{suffix}}.json', 'step: on create'),
      ...deployed(template('statemachine_machine_default_s3_location.yml'), { BucketName: 'bucket-{{suffix}}', ObjectKey: 'file-key-{{suffix}}.json' }),
      outputsOf(STACK, 'StateMachineArnOutput'),
      describeStateMachine('describe_state_machine_output_on_create'),
      putDefinition('2-file-key-{{suffix}}.json', 'step: on update'),
      ...deployed(template('statemachine_machine_default_s3_location.yml'), { BucketName: 'bucket-{{suffix}}', ObjectKey: '2-file-key-{{suffix}}.json' }, 'UPDATE', 'change-set-2-{{suffix}}'),
      describeStateMachine('describe_state_machine_output_on_update'),
    ],
  },
  {
    test: 'test_statemachine_create_with_logging_configuration',
    steps: [...deployed(template('statemachine_machine_logging_configuration.yml')), outputsOf(STACK, 'StateMachineArnOutput'), describeStateMachine('describe_state_machine_result')],
  },
]);

export default [cloudwatch, kms, firehose, secretsmanager, cloudformation, stepfunctions];
