// LocalStack's AWS-validated CloudFormation tests of several modules (github.com/localstack/localstack,
// tests/aws/services/cloudformation/, Apache-2.0) reproduced as request sequences: NoEcho parameters (api/test_stacks.py),
// nested stacks (api/test_nested_stacks.py), a stack whose deletion is blocked (api/test_stacks.py). They claim their
// tests of modules other sources describe. Templates are those of tests/aws/templates/ or the tests' own; expected
// responses come only from the recorded snapshots.
import type { SourceFile, SourceScenario, SourceStep } from '../../verifier/port/source-types.ts';
import { DESTROY, deployed, STACK, template, waitForChangeSet, waitForStack } from './cloudformation/common.ts';

/** A module's tests these scenarios reproduce, and those they leave out with a reason. */
function claiming(module: string, scenarios: SourceScenario[], notPorted: Record<string, string> = {}): SourceFile {
  const tests = new Set([...scenarios.map((s) => s.test), ...Object.keys(notPorted)]);
  return { service: 'cloudformation', module, snapshotDir: 'cloudformation/api', variants: {}, defaultProtocol: 'query', scenarios, notPorted, claims: (test) => tests.has(test) };
}

// ---- test_no_echo_parameter -------------------------------------------------------------------------------------

// Recorded in 2025, before DescribeStacks answered LastOperations.
const BEFORE_LAST_OPERATIONS_OF_STACK = ['$.Stacks[0].LastOperations'];

const NO_ECHO = template('cfn_no_echo.yml');
// The test's `yaml.dump` of the template parsed with SecretParameter's NoEcho set to false (keys sorted, tags expanded).
const NO_ECHO_FALSE =
  "AWSTemplateFormatVersion: '2010-09-09'\nOutputs:\n  SecretValue:\n    Description: Secret value from parameter\n    Value:\n      Ref: SecretParameter\nParameters:\n  NormalParameter:\n    Default: Some default value here\n    Description: Some normal parameter here\n    Type: String\n  SecretParameter:\n    Description: Secret value here\n    NoEcho: false\n    Type: String\n  SecretParameterWithDefault:\n    Default: Default secret value here\n    Description: Secret value here\n    NoEcho: true\n    Type: String\nResources:\n  LocalBucket:\n    Metadata:\n      SensitiveData:\n        Ref: SecretParameter\n    Properties:\n      BucketName: cfn-noecho-bucket\n      Tags:\n      - Key: SecretTag\n        Value:\n          Ref: SecretParameter\n    Type: AWS::S3::Bucket\n";

const secret = (value: string) => [{ ParameterKey: 'SecretParameter', ParameterValue: value }];
const stackSnapshot = (snapshot: string): SourceStep => ({ op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot, unordered: ['$.Stacks[0].Parameters'], ignore: BEFORE_LAST_OPERATIONS_OF_STACK });

/** The test's own change set of the stack (an UPDATE, no capabilities), waited for and described, then its stack. */
function describedChangeSet(name: string, body: string, value: string, snapshots: [string, string]): SourceStep[] {
  return [
    { op: 'CreateChangeSet', params: { StackName: STACK, TemplateBody: body, ChangeSetName: name, Parameters: secret(value) } },
    { ...waitForChangeSet(name), params: { StackName: STACK, ChangeSetName: name } },
    { op: 'DescribeChangeSet', params: { StackName: '{{stackId}}', ChangeSetName: name }, snapshot: snapshots[0], unordered: ['$.Parameters'] },
    stackSnapshot(snapshots[1]),
  ];
}

const noEcho: SourceScenario = {
  test: 'test_no_echo_parameter',
  note: "the stack has one resource, so the test's loop over DescribeStackResources is one DescribeStackResource; its bucket's name is fixed, so the scenario runs alone and deletes the stack as the fixture's clean-up does",
  exclusive: () => 's3-bucket:cfn-noecho-bucket',
  steps: [
    ...deployed(NO_ECHO, { SecretParameter: 'SecretValue' }),
    stackSnapshot('describe_stacks'),
    { op: 'DescribeStackResources', params: { StackName: '{{stackId}}' } },
    { op: 'DescribeStackResource', params: { StackName: STACK, LogicalResourceId: 'LocalBucket' }, snapshot: 'describe_stack_resource_details_LocalBucket', jsonStrings: ['$.StackResourceDetail.Metadata'] },
    ...describedChangeSet('CreateChangeSetSecretParameterValue-{{suffix}}', NO_ECHO, 'NewSecretValue1', ['describe_change_set_on_create_complete', 'describe_stack_on_create_complete']),
    { op: 'UpdateStack', params: { StackName: STACK, TemplateBody: NO_ECHO, Parameters: secret('NewSecretValue1') } },
    waitForStack(STACK),
    stackSnapshot('describe_updated_stacks'),
    ...describedChangeSet('UpdateSecretParameterValue-{{suffix}}', NO_ECHO, 'NewSecretValue2', ['describe_updated_change_set', 'describe_updated_stacks_change_set']),
    ...describedChangeSet('UpdateSecretParameterNoEchoToFalse-{{suffix}}', NO_ECHO_FALSE, 'NewSecretValue2', ['describe_updated_change_set_no_echo_true', 'describe_updated_stacks_no_echo_true']),
    ...describedChangeSet('UpdateSecretParameterNoEchoToTrue-{{suffix}}', NO_ECHO, 'NewSecretValue2', ['describe_updated_change_set_no_echo_false', 'describe_updated_stacks_no_echo_false']),
    ...DESTROY,
  ],
};

// ---- test_nested_stacks ------------------------------------------------------------------------------------------

const TEMPLATES = 'cfn-root-{{suffix}}';
const putTemplate = (bucket: string, key: string, body: string): SourceStep => ({ service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: bucket, Key: key, Body: body } });

const nestedOutputInParams: SourceScenario = {
  test: 'test_nested_output_in_params',
  note: "the nested templates are named by the global path-style S3 URLs the test sent AWS (https://s3.amazonaws.com/<bucket>/<key>); the test also gave the bucket a public-read ACL, which AWS has refused on new buckets since April 2023 (their default Object Ownership, BucketOwnerEnforced, disables ACLs) and which the stack does not need, so the scenario makes the bucket without it. Not judged: get_role_response, whose trust policy shows the template's one-element Action list as a string, a rewriting seen in this 2023 recording only (IAM's recordings keep lists, and the role's inline policy here keeps them too)",
  expandedWords: { '<topic>': 'test-topic-{{suffix}}', '<role-name>': 'test-role-{{suffix}}' },
  steps: [
    { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: TEMPLATES } },
    putTemplate(TEMPLATES, 'sub1.yaml', template('nested-stack-outputref/sub1.yaml')),
    putTemplate(TEMPLATES, 'sub2.yaml', template('nested-stack-outputref/sub2.yaml')),
    ...deployed(template('nested-stack-outputref/root.yaml'), {
      Sub1TemplateUrl: `https://s3.amazonaws.com/${TEMPLATES}/sub1.yaml`,
      Sub2TemplateUrl: `https://s3.amazonaws.com/${TEMPLATES}/sub2.yaml`,
      TopicName: 'test-topic-{{suffix}}',
      RoleName: 'test-role-{{suffix}}',
    }),
    { service: 'iam', protocol: 'query', op: 'GetRole', params: { RoleName: 'test-role-{{suffix}}' } },
    { service: 'iam', protocol: 'query', op: 'ListRolePolicies', params: { RoleName: 'test-role-{{suffix}}' }, snapshot: 'role_policies' },
    { service: 'iam', protocol: 'query', op: 'GetRolePolicy', params: { RoleName: 'test-role-{{suffix}}', PolicyName: 'PolicyA' }, snapshot: 'actual_policy', jsonStrings: ['$.PolicyDocument'] },
    ...DESTROY,
  ],
};

const CHILD_BUCKET = 'bucket-{{suffix}}';
const failedNestedStack: SourceScenario = {
  test: 'test_deletion_of_failed_nested_stack',
  note: "the test finds the nested stack's name among all the account's stacks (DescribeStacks filtered by the parent's name); the scenario reads it from the parent's ChildStack resource, whose physical id is the nested stack's id. The child's role has a fixed name (LambdaExecutionRole), so the scenario runs alone",
  exclusive: () => 'iam-role:LambdaExecutionRole',
  expandedWords: { '<nested-stack-name>': '{{nestedStack}}' },
  steps: [
    { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: CHILD_BUCKET } },
    putTemplate(CHILD_BUCKET, 'child.yml', template('cfn_failed_nested_stack_child.yml')),
    {
      op: 'CreateStack',
      params: {
        StackName: STACK,
        TemplateBody: template('cfn_failed_nested_stack_parent.yml'),
        Parameters: [{ ParameterKey: 'TemplateUri', ParameterValue: `https://${CHILD_BUCKET}.s3.{{region}}.amazonaws.com/child.yml` }],
        OnFailure: 'DO_NOTHING',
        Capabilities: ['CAPABILITY_NAMED_IAM'],
      },
      capture: { stackId: '$.StackId' },
    },
    waitForStack('{{stackId}}'),
    { op: 'DescribeStackResource', params: { StackName: STACK, LogicalResourceId: 'ChildStack' }, capture: { nestedStack: { from: '$.StackResourceDetail.PhysicalResourceId', regex: ':stack/([^/]+)/' } } },
    ...DESTROY,
    { op: 'DescribeStacks', params: { StackName: '{{nestedStack}}' }, snapshot: 'error' },
  ],
};

export default [claiming('test_stacks', [noEcho]), claiming('test_nested_stacks', [nestedOutputInParams, failedNestedStack])];
