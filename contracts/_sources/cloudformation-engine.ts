// LocalStack's AWS-validated CloudFormation engine tests (github.com/localstack/localstack,
// tests/aws/services/cloudformation/engine/, Apache-2.0) reproduced as request sequences: templates of
// tests/aws/templates/ deployed by the `deploy_cfn_template` fixture or refused by CreateChangeSet, then the stack and
// its resources read back. Expected responses come only from the recorded snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { deployed, outputsOf, outputsSnapshot, STACK, template, waitForStack } from './cloudformation/common.ts';

const parametersOf = (parameters: Record<string, string>) => Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));

/** A test's own `create_change_set` call (no capabilities), refused: the snapshot holds the error. */
export function refusedChangeSet(body: string, parameters: Record<string, string>, snapshot: string, name = 'initial'): SourceStep {
  const params = { StackName: STACK, ChangeSetName: name, ChangeSetType: 'CREATE', TemplateBody: body };
  return { op: 'CreateChangeSet', params: Object.keys(parameters).length ? { ...params, Parameters: parametersOf(parameters) } : params, snapshot };
}

/** `deploy_cfn_template` refused at its first call (CreateChangeSet): the snapshot holds the error. */
export function refusedDeploy(body: string, parameters: Record<string, string>, snapshot: string): SourceStep {
  return { ...deployed(body, parameters)[0], capture: undefined, snapshot };
}

/** One output of `stack.outputs` snapshotted alone. */
export function stackOutput(key: string, snapshot: string): SourceStep {
  return { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot, select: `$.Stacks[0].Outputs[?(@.OutputKey=='${key}')].OutputValue` };
}

/** The fixture's `stack.destroy()`: DeleteStack and its waiter. */
export const DESTROY: SourceStep[] = [{ op: 'DeleteStack', params: { StackName: '{{stackId}}' } }, waitForStack('{{stackId}}')];

const DIGEST = 'it snapshots capture_per_resource_events, a digest the test built from DescribeStackEvents (events grouped by resource), not a response';

const conditionOption = { OptionParameter: 'option-b' };

const conditions: SourceFile = {
  service: 'cloudformation',
  module: 'test_conditions',
  snapshotDir: 'cloudformation/engine',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'TestCloudFormationConditions::test_dependent_ref',
      steps: [refusedChangeSet(template('conditions/ref-condition.yaml'), { TopicName: 'test-topic-{{suffix}}', SsmParamName: 'test-param-{{suffix}}', ...conditionOption }, 'dependent_ref_exc')],
    },
    { test: 'TestCloudFormationConditions::test_dependent_get_att', steps: [refusedChangeSet(template('conditions/get-att-condition.yml'), conditionOption, 'dependent_ref_exc')] },
    {
      test: 'TestCloudFormationConditions::test_output_reference_to_skipped_resource',
      steps: [refusedDeploy(template('conditions/ref-condition-output.yaml'), conditionOption, 'unresolved_resource_reference_exception')],
    },
    {
      test: 'TestValidateConditions::test_validate_equals_args_len',
      steps: [refusedChangeSet(JSON.stringify({ Conditions: { ShouldDeploy: { 'Fn::Equals': ['a'] } }, Resources: { Topic1: { Type: 'AWS::SNS::Topic' } } }), {}, 'error', 'ch-{{suffix}}')],
    },
    {
      test: 'TestCloudFormationConditions::test_references_to_disabled_resources',
      note: 'the test sorts the stack resources and parameters by name: compared in any order',
      expandedWords: { '<parameter-value>': 'v{{suffix}}' },
      steps: (toggle) => [
        ...deployed(template('references_to_conditions.yml'), { Toggle: toggle, ParameterValue: 'v{{suffix}}' }),
        { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: 'stack-description', unordered: ['$.Stacks[0].Parameters'], ignore: ['$.Stacks[0].LastOperations'] },
        { op: 'DescribeStackResources', params: { StackName: '{{stackId}}' }, snapshot: 'resources-description', unordered: ['$.StackResources'] },
      ],
    },
    {
      test: 'TestCloudFormationConditions::test_conditional_resource_referencing_conditional',
      steps: [
        ...deployed(template('conditions/conditional-resource-getatt-delete.yaml'), { EnableQueue: 'false' }),
        { op: 'DescribeStackResources', params: { StackName: '{{stackId}}' }, snapshot: 'resources-description', unordered: ['$.StackResources'] },
      ],
    },
    {
      test: 'TestCloudFormationConditions::test_nested_conditions',
      note: "the change set and stack waiters are polling steps; the stack's events (stack_events) are not judged (AWS's event order and ids follow its own timing), nor the order of its parameters (AWS's own, e.g. Topic2Name, Topic1Name, Topic3Name in test_stacks' recordings)",
      expandedWords: { '<bucket-name>': 'ls-test-bucket-{{suffix}}' },
      steps: (param) => {
        const [envType, bucket] = param.split('-');
        return [
          {
            op: 'CreateChangeSet',
            params: {
              StackName: STACK,
              ChangeSetName: 'initial',
              TemplateBody: template('conditions/nested-conditions.yaml'),
              ChangeSetType: 'CREATE',
              Parameters: parametersOf({ EnvType: envType, BucketName: bucket === 'bucket' ? 'ls-test-bucket-{{suffix}}' : '' }),
            },
            snapshot: 'create_cs_result',
          },
          { op: 'DescribeChangeSet', params: { ChangeSetName: 'initial', StackName: STACK }, until: { path: '$.Status', matches: '^(CREATE_COMPLETE|FAILED)$' } },
          { op: 'DescribeChangeSet', params: { ChangeSetName: 'initial', StackName: STACK }, snapshot: 'describe_changeset_result', unordered: ['$.Changes', '$.Parameters'] },
          { op: 'ExecuteChangeSet', params: { ChangeSetName: 'initial', StackName: STACK } },
          waitForStack(STACK),
          { op: 'DescribeStackResources', params: { StackName: STACK }, snapshot: 'stack_resources', unordered: ['$.StackResources'] },
          { op: 'DescribeStacks', params: { StackName: STACK }, snapshot: 'describe_stack_result', unordered: ['$.Stacks[0].Parameters'], ignore: ['$.Stacks[0].LastOperations'] },
        ];
      },
    },
  ],
  notPorted: {},
  notPortedOtherwise: 'not reproduced yet',
};

const references: SourceFile = {
  service: 'cloudformation',
  module: 'test_references',
  snapshotDir: 'cloudformation/engine',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    { test: 'TestDependsOn::test_depends_on_with_missing_reference', steps: [refusedChangeSet(template('engine/cfn_dependson_nonexisting_resource.yaml'), {}, 'depends_on_nonexisting_exception', 'init')] },
    {
      test: 'test_useful_error_when_invalid_ref',
      steps: [refusedDeploy(JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { Name: { Ref: 'InvalidRef' } } } } }), {}, 'validation_error')],
    },
    {
      test: 'TestFnSub::test_fn_sub_cases',
      steps: [...deployed(template('engine/cfn_fn_sub.yaml'), { ParameterName: 'test-param-{{suffix}}' }), outputsSnapshot('{{stackId}}', 'outputs')],
    },
    {
      test: 'TestFnSub::test_non_string_parameter_in_sub',
      expandedWords: { '<ssm-parameter-name>': 'test-param-{{suffix}}' },
      steps: [
        ...deployed(template('cfn_number_in_sub.yml'), { ParameterName: 'test-param-{{suffix}}' }),
        { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: 'test-param-{{suffix}}' }, snapshot: 'get-parameter-result', select: '$.Parameter' },
      ],
    },
    {
      test: 'test_resolve_transitive_placeholders_in_strings',
      note: 'the SQS client speaks AWS JSON',
      expandedWords: { '/cdk-bootstrap/.../': '/cdk-bootstrap/v{{suffix}}/' },
      steps: [
        ...deployed(template('legacy_transitive_ref.yaml'), { QueueName: 'q-{{suffix}}', Qualifier: 'v{{suffix}}' }),
        outputsOf('{{stackId}}', { queueUrl: 'QueueURL' }),
        { service: 'sqs', protocol: 'json', op: 'ListQueueTags', params: { QueueUrl: '{{queueUrl}}' }, snapshot: 'tags' },
      ],
    },
    {
      test: 'TestPseudoParameters::test_stack_id',
      note: "only the output is reproduced: the recording's stack-id entry holds its own stack's id",
      expandedWords: { '<stack-name>': 'stack-{{suffix}}' },
      steps: [...deployed(template('stack-id-validation.yaml')), stackOutput('ParameterValue', 'parameter-value')],
    },
  ],
  notPorted: {},
};

const mappingTopic = (selector: string, extra: Record<string, string> = {}) => ({ TopicName: 'test-topic-{{suffix}}', TopicNameSuffixSelector: selector, ...extra });

const mappings: SourceFile = {
  service: 'cloudformation',
  module: 'test_mappings',
  snapshotDir: 'cloudformation/engine',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    { test: 'TestCloudFormationMappings::test_mapping_with_nonexisting_key', steps: [refusedChangeSet(template('mappings/simple-mapping.yaml'), mappingTopic('C'), 'mapping_nonexisting_key_exc')] },
    { test: 'TestCloudFormationMappings::test_async_mapping_error_first_level_v2', steps: [refusedChangeSet(template('mappings/simple-mapping.yaml'), mappingTopic('C'), 'error', 'cs-{{suffix}}')] },
    {
      test: 'TestCloudFormationMappings::test_async_mapping_error_second_level_v2',
      steps: [refusedChangeSet(template('mappings/simple-mapping.yaml'), mappingTopic('A', { TopicAttributeSelector: 'NotValid' }), 'error', 'cs-{{suffix}}')],
    },
    {
      test: 'TestCloudFormationMappings::test_mapping_with_invalid_refs',
      steps: [refusedChangeSet(template('mappings/simple-mapping-invalid-ref.yaml'), mappingTopic('C', { TopicNameSuffix: 'suffix-c' }), 'mapping_invalid_ref_exc')],
    },
    { test: 'TestCloudFormationMappings::test_mapping_maximum_nesting_depth', steps: [refusedChangeSet(template('mappings/simple-mapping-nesting-depth.yaml'), mappingTopic('A'), 'mapping_maximum_level_exc')] },
    { test: 'TestCloudFormationMappings::test_mapping_minimum_nesting_depth', steps: [refusedChangeSet(template('mappings/simple-mapping-single-level.yaml'), mappingTopic('A'), 'mapping_minimum_level_exc')] },
  ],
  notPorted: {},
};

const deletionPolicy: SourceFile = {
  service: 'cloudformation',
  module: 'test_deletion_policy',
  snapshotDir: 'cloudformation/engine',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'test_deletion_policy_with_deletion',
      note: 'the snapshot holds str() of the SSM error (the SSM client speaks AWS JSON)',
      steps: [
        ...deployed(template('deletion_policy.yaml'), { EnvType: 'dev', ParameterValue: 'v{{suffix}}' }),
        outputsOf('{{stackId}}', { parameterName: 'ParameterName' }),
        ...DESTROY,
        { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: '{{parameterName}}' }, snapshot: 'error', within: 'message' },
      ],
    },
  ],
  notPorted: { test_deletion_policy_with_retain: DIGEST },
};

const updatePolicyParameters = (name: string) => ({ ParameterValue: 'v{{suffix}}', ParameterName: name, PolicyType: 'Delete' });

const updatePolicy: SourceFile = {
  service: 'cloudformation',
  module: 'test_update_policy',
  snapshotDir: 'cloudformation/engine',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [
    {
      test: 'test_update_replace_policy_deletion',
      note: 'the snapshot holds str() of the SSM error (the SSM client speaks AWS JSON)',
      steps: [
        ...deployed(template('update_retain_policy.yaml'), updatePolicyParameters('param-{{suffix}}')),
        ...deployed(template('update_retain_policy.yaml'), updatePolicyParameters('param-2-{{suffix}}'), 'UPDATE', 'change-set-2-{{suffix}}'),
        { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: 'param-2-{{suffix}}' } },
        { service: 'ssm', protocol: 'json', op: 'GetParameter', params: { Name: 'param-{{suffix}}' }, snapshot: 'error', within: 'message' },
      ],
    },
  ],
  notPorted: { test_update_replace_policy_retain: DIGEST },
};

const attributes: SourceFile = {
  service: 'cloudformation',
  module: 'test_attributes',
  snapshotDir: 'cloudformation/engine',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [{ test: 'TestResourceAttributes::test_dependency_on_attribute_with_dot_notation', steps: [...deployed(template('engine/cfn_getatt_dot_dependency.yml')), outputsSnapshot('{{stackId}}', 'outputs')] }],
  notPorted: {
    'TestResourceAttributes::test_invalid_getatt_fails':
      "it snapshots the stack's whole event list of a failed creation (StackDeployError.events), whose order and reasons follow AWS's own timing; the test itself is skipped in LocalStack",
  },
};

const replacement: SourceFile = {
  service: 'cloudformation',
  module: 'test_replacement',
  snapshotDir: 'cloudformation/engine',
  variants: {},
  defaultProtocol: 'query',
  scenarios: [],
  notPorted: { test_requires_replacement: DIGEST },
};

export default [conditions, references, mappings, deletionPolicy, updatePolicy, attributes, replacement];
