// More of LocalStack's AWS-validated CloudFormation API tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/api/test_stacks.py, Apache-2.0) as request sequences; the templates are those of
// tests/aws/templates/ (templates/), expected responses only the recorded snapshots.
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BEFORE_LAST_OPERATIONS, deployed, STACK, template, waitForStack } from './common.ts';

const describeStack = (stack: string, snapshot: string, select = '$.Stacks[0]'): SourceStep => ({
  op: 'DescribeStacks',
  params: { StackName: stack },
  snapshot,
  ...(select === '$' ? {} : { select }),
  ignore: select === '$' ? ['$.Stacks[0].LastOperations'] : BEFORE_LAST_OPERATIONS,
});

/** DescribeStackEvents as the tests snapshot it (sorted by time, so judged in any order); event ids hold dates. */
export function stackEvents(stack: string, snapshot: string): SourceStep {
  return {
    op: 'DescribeStackEvents',
    params: { StackName: stack },
    snapshot,
    unordered: ['$.StackEvents'],
    patterns: { '$.StackEvents[*].EventId': '.+' },
    jsonStrings: ['$.StackEvents[*].ResourceProperties'],
    // Events name their operation since 2025 (AWS's recordings of 2026 have OperationId).
    ignore: ['$.StackEvents[*].OperationId'],
  };
}

const deleteStack = (stack: string): SourceStep[] => [{ op: 'DeleteStack', params: { StackName: stack } }, waitForStack(stack)];

// test_name_conflicts' MINIMAL_TEMPLATE (an indented literal: a leading newline, 4-space indents).
const MINIMAL_TEMPLATE = '\nResources:\n    SimpleParam:\n        Type: AWS::SSM::Parameter\n        Properties:\n            Value: test\n            Type: String\n';

const TOPICS = { Topic1Name: 'topic-1-{{suffix}}', Topic2Name: 'topic-2-{{suffix}}', Topic3Name: 'topic-3-{{suffix}}' };

export const stacksScenarios: SourceScenario[] = [
  {
    test: 'TestStacksApi::test_stack_lifecycle',
    note: 'the fixture deploys and updates through change sets; the waiters are polling steps',
    steps: [
      ...deployed(template('simple_api.yaml'), { ApiName: 'test_1{{suffix}}' }),
      describeStack(STACK, 'creation'),
      ...deployed(template('simple_api.yaml'), { ApiName: 'test_2{{suffix}}' }, 'UPDATE', 'change-set-2-{{suffix}}'),
      describeStack(STACK, 'update'),
      ...deleteStack('{{stackId}}'),
      { op: 'DescribeStacks', params: { StackName: STACK }, snapshot: 'describe_deleted_by_name_exc' },
      describeStack('{{stackId}}', 'deleted'),
    ],
  },
  {
    test: 'TestStacksApi::test_stack_update_resources',
    expandedWords: { test_12395eb4: 'test_1{{suffix}}', test_5a3df175: 'test_2{{suffix}}' },
    steps: [
      ...deployed(template('simple_api.yaml'), { ApiName: 'test_1{{suffix}}' }),
      describeStack('{{stackId}}', 'stack_created'),
      ...deployed(template('simple_api.update.yaml'), { ApiName: 'test_2{{suffix}}' }, 'UPDATE', 'change-set-2-{{suffix}}'),
      // Recorded in 2022 without the Capabilities of the update; AWS's 2023 recording (test_stack_lifecycle) has them.
      { ...describeStack('{{stackId}}', 'stack_updated'), ignore: [...BEFORE_LAST_OPERATIONS, '$.Capabilities'] },
      // The bucket's generated name ends in a random tail.
      { op: 'DescribeStackResources', params: { StackName: STACK }, snapshot: 'stack_resources', patterns: { '$.StackResources[1].PhysicalResourceId': 'stack-[a-z0-9]+-bucket-[a-z0-9]{12,13}' } },
    ],
  },
  {
    test: 'TestStacksApi::test_list_events_after_deployment',
    note: "the fixture's cleanup deletes the stack (the topic's name is fixed)",
    exclusive: () => 'sns-topic:sns-topic-simple',
    steps: [...deployed(template('sns_topic_simple.before-2025.yaml')), stackEvents(STACK, 'events'), ...deleteStack('{{stackId}}')],
  },
  {
    test: 'TestStacksApi::test_create_stack_url_as_template',
    steps: [
      {
        op: 'CreateStack',
        params: { StackName: STACK, TemplateBody: 'https://raw.githubusercontent.com/aws-cloudformation/aws-cloudformation-templates/refs/heads/main/EC2/InstanceWithCfnInit.yaml' },
        snapshot: 'stack_create_ec2',
      },
    ],
  },
  {
    test: 'test_updating_an_updated_stack_sets_status',
    note: "the fixture's deployments and the test's own waiters are polling steps",
    expandedWords: { 'topic-1': TOPICS.Topic1Name, 'topic-2': TOPICS.Topic2Name, 'topic-3': TOPICS.Topic3Name },
    steps: [
      ...deployed(template('stack_update_1.yaml'), TOPICS),
      ...deployed(template('stack_update_2.yaml'), TOPICS, 'UPDATE', 'change-set-2-{{suffix}}'),
      ...deployed(template('stack_update_3.yaml'), TOPICS, 'UPDATE', 'change-set-3-{{suffix}}'),
      { ...describeStack(STACK, 'describe-result', '$'), unordered: ['$.Stacks[0].Parameters'] },
    ],
  },
  {
    test: 'test_name_conflicts',
    note: 'the stack waiters are polling steps',
    steps: [
      { op: 'CreateStack', params: { StackName: STACK, TemplateBody: MINIMAL_TEMPLATE }, capture: { stackId: '$.StackId' } },
      waitForStack(STACK),
      { op: 'CreateStack', params: { StackName: STACK, TemplateBody: MINIMAL_TEMPLATE }, snapshot: 'create_stack_already_exists_exc' },
      { op: 'DescribeStacks', params: { StackName: STACK }, snapshot: 'created_stack_desc', select: '$.Stacks[0].StackStatus' },
      ...deleteStack(STACK).slice(0, 1),
      waitForStack('{{stackId}}'),
      { op: 'DescribeStacks', params: { StackName: STACK }, snapshot: 'deleted_stack_not_found_exc' },
      { op: 'DescribeStackEvents', params: { StackName: STACK }, snapshot: 'deleted_stack_events_not_found_by_name' },
      describeStack('{{stackId}}', 'deleted_stack_desc', '$'),
      { op: 'CreateStack', params: { StackName: STACK, TemplateBody: MINIMAL_TEMPLATE }, capture: { newStackId: '$.StackId' } },
      waitForStack(STACK),
      describeStack(STACK, 'new_stack_desc', '$'),
      describeStack('{{stackId}}', 'stack_id_desc', '$'),
      describeStack('{{newStackId}}', 'new_stack_id_desc', '$'),
      { op: 'DeleteStack', params: { StackName: STACK } },
      waitForStack('{{newStackId}}'),
      describeStack('{{newStackId}}', 'deleted_second_stack_desc', '$'),
    ],
  },
];

export const stacksNotPorted: Record<string, string> = {
  'TestStacksApi::test_stack_description_special_chars': 'its template deploys an AWS::EC2::VPC (EC2 is not a twinstack service)',
  test_subnet_id_parameter_type: 'it makes a VPC and subnets through EC2 (not a twinstack service)',
  test_events_resource_types: 'it snapshots the set of resource types it built from the stack events, not a response, and its CDK sample app deploys EC2 resources',
  test_stack_deploy_order: "it snapshots a digest it built from DescribeStackEvents (its three resources' _COMPLETE events sorted by time), not a response",
};
