// LocalStack's AWS-validated stack policy tests that read policies from S3 or follow an update under a policy
// (github.com/localstack/localstack, tests/aws/services/cloudformation/api/test_stack_policies.py, Apache-2.0),
// reproduced as request sequences; they claim their tests of the module cloudformation.ts describes. The policy files
// are those of tests/aws/templates/; expected responses come only from the recorded snapshots.
import type { SourceFile, SourceScenario, SourceStep } from '../../verifier/port/source-types.ts';
import { DESTROY, deployed, getPolicy, policyOf, STACK, template, waitForStack } from './cloudformation/common.ts';

// tests/aws/templates/stack_policy.json, invalid_stack_policy.json and empty_policy.json (no newline at their ends).
const STACK_POLICY = '{\n  "Statement": [{"Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"}]\n}';
const INVALID_STACK_POLICY = '{\n  "Effect": "Allow", "Action": "Update:*", "Principal": "*", "Resource": "*"\n}';
const EMPTY_POLICY = '{}';

const BUCKET = 'bucket-{{suffix}}';
// The URL the test built for AWS: the bucket's virtual-hosted global S3 host name.
const POLICY_URL = `https://${BUCKET}.s3.amazonaws.com/policy.json`;


/** The s3_create_bucket fixture and `s3.upload_file` of a policy file to `policy.json`. */
function uploaded(policy: string): SourceStep[] {
  return [
    { service: 's3', protocol: 'rest-xml', op: 'CreateBucket', params: { Bucket: BUCKET } },
    { service: 's3', protocol: 'rest-xml', op: 'PutObject', params: { Bucket: BUCKET, Key: 'policy.json', Body: policy } },
  ];
}

/**
 * The tests deploy sns_topic_simple.yaml, whose topic has a fixed name (sns-topic-simple): the stack is deleted at the
 * end as the fixture's clean-up does, and the scenarios that deploy it run one at a time.
 */
function onSimpleTopic(test: string, policyFile: string, calls: SourceStep[]): SourceScenario {
  return {
    test,
    note: "the policy file is put to the test's bucket and named by the virtual-hosted S3 URL the test sent AWS; the fixture's clean-up deletes the stack",
    exclusive: () => 'sns-topic:sns-topic-simple',
    steps: [...deployed(template('sns_topic_simple.yaml')), ...uploaded(policyFile), ...calls, ...DESTROY],
  };
}

const scenarios: SourceScenario[] = [
  onSimpleTopic('TestStackPolicy::test_set_policy_with_url', STACK_POLICY, [{ op: 'SetStackPolicy', params: { StackName: STACK, StackPolicyURL: POLICY_URL } }, getPolicy('policy')]),
  onSimpleTopic('TestStackPolicy::test_set_invalid_policy_with_url', INVALID_STACK_POLICY, [{ op: 'SetStackPolicy', params: { StackName: STACK, StackPolicyURL: POLICY_URL }, snapshot: 'error' }]),
  onSimpleTopic('TestStackPolicy::test_set_empty_policy_with_url', EMPTY_POLICY, [{ op: 'SetStackPolicy', params: { StackName: STACK, StackPolicyURL: POLICY_URL } }, getPolicy('policy')]),
  onSimpleTopic('TestStackPolicy::test_set_policy_both_policy_and_url', STACK_POLICY, [
    { op: 'SetStackPolicy', params: { StackName: STACK, StackPolicyBody: policyOf('Allow'), StackPolicyURL: POLICY_URL }, snapshot: 'error' },
  ]),
  {
    test: 'TestStackPolicy::test_policy_during_update',
    note:
      "the update's policy denies the API's rename, so the update fails and rolls back; the stack's policy afterwards is judged (policy_after_update). Not judged: policy_during_update, which AWS answered while its update was still running, and a replay finds the update ended within UpdateStack's answer",
    steps: [
      ...deployed(template('simple_api.yaml'), { ApiName: 'api-{{suffix}}' }),
      { op: 'UpdateStack', params: { StackName: STACK, TemplateBody: template('simple_api.yaml'), Parameters: [{ ParameterKey: 'ApiName', ParameterValue: 'api-2-{{suffix}}' }], StackPolicyDuringUpdateBody: policyOf('Deny') } },
      waitForStack(STACK),
      getPolicy('policy_after_update'),
      ...DESTROY,
    ],
  },
];


const tests = new Set(scenarios.map((s) => s.test));
const notPorted: Record<string, string> = {
  'TestStackPolicy::test_set_policy_with_update_operation':
    "its snapshots are GetStackPolicy answers taken while AWS's update was still running (right after UpdateStack and a second later: the test's retry asserts a function object, so it never waits), before the update's new policy applied; a replay finds the update ended within UpdateStack's answer",
  'TestStackPolicy::test_prevent_stack_update': 'records no response (the test follows the stack events of an update the policy denies; test/cloudformation/stack-policy.test.ts checks them)',
  'TestStackPolicy::test_prevent_resource_deletion': 'records no response (the test reads the topic a DeletionPolicy Retain kept; test/cloudformation/stacks.test.ts checks retained resources)',
};

const stackPolicies: SourceFile = {
  service: 'cloudformation',
  module: 'test_stack_policies',
  snapshotDir: 'cloudformation/api',
  variants: {},
  defaultProtocol: 'query',
  scenarios,
  notPorted,
  claims: (test) => tests.has(test) || Object.hasOwn(notPorted, test),
};

export default [stackPolicies];
