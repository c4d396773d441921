// LocalStack's AWS-validated Step Functions API tests (github.com/localstack/localstack,
// tests/aws/services/stepfunctions/v2/test_sfn_api*.py, Apache-2.0) reproduced as request sequences. Expected
// responses come only from the recorded snapshots. Fixtures: `create_state_machine_iam_role` gives a role of the
// caller's account (any ARN is judged, as the test redacts it); `create_state_machine` calls CreateStateMachine with
// the test's parameters; `await_execution_*` polls DescribeExecution (a Pass machine ends before the next call here).
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

/** templates/base/statemachines/pass_result.json5, as the test sends it (Python's json.dumps). */
const PASS_RESULT = '{"Comment": "BASE_PASS_RESULT", "StartAt": "State_1", "States": {"State_1": {"Type": "Pass", "Result": {"Arg1": "argument1"}, "End": true}}}';
const PASS_RESULT_ARG2 = '{"Comment": "BASE_PASS_RESULT", "StartAt": "State_1", "States": {"State_1": {"Type": "Pass", "Result": {"Arg1": "argument1", "Arg2": "Argument2"}, "End": true}}}';
/** templates/base/statemachines/invalid_der.json5. */
const INVALID_DER = '{"Comment": "BASE_INVALID_DER", "StartAt": "State_1"}';
/** templates/base/statemachines/wait_1_min.json5. */
const WAIT_1_MIN = '{"Comment": "BASE_WAIT_1_MIN", "StartAt": "State_1", "States": {"State_1": {"Type": "Wait", "Seconds": 60, "End": true}}}';

const ROLE = 'arn:{{partition}}:iam::{{accountId}}:role/sfn-role';
const MACHINE = 'statemachine_{{suffix}}';
const MACHINE_ARN = 'arn:{{partition}}:states:{{region}}:{{accountId}}:stateMachine:statemachine_{{suffix}}';

const caller: SourceStep = { service: 'sts', protocol: 'query', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } };
const create = (snapshot?: string, definition = PASS_RESULT): SourceStep => ({
  op: 'CreateStateMachine',
  params: { name: MACHINE, definition, roleArn: ROLE },
  ...(snapshot ? { snapshot } : {}),
  capture: { machineArn: '$.stateMachineArn' },
});
const describe = (snapshot: string): SourceStep => ({ op: 'DescribeStateMachine', params: { stateMachineArn: '{{machineArn}}' }, snapshot, jsonStrings: ['$.definition'] });
const start = (snapshot?: string, input?: string): SourceStep => ({
  op: 'StartExecution',
  params: { stateMachineArn: '{{machineArn}}', ...(input === undefined ? {} : { input }) },
  ...(snapshot ? { snapshot } : {}),
  capture: { executionArn: '$.executionArn' },
});
const history = (snapshot: string, params: Record<string, unknown> = {}): SourceStep => ({
  op: 'GetExecutionHistory',
  params: { executionArn: '{{executionArn}}', ...params },
  snapshot,
  jsonStrings: ['$.events[0].executionStartedEventDetails.input', '$.events[1].stateEnteredEventDetails.input', '$.events[2].stateExitedEventDetails.output', '$.events[3].executionSucceededEventDetails.output'],
});

const api: SourceFile = {
  service: 'stepfunctions',
  module: 'test_sfn_api',
  snapshotDir: 'stepfunctions/v2',
  idPrefix: 'test_sfn_api.',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { snf_role_arn: 'any' },
  scenarios: [
    {
      test: 'TestSnfApi::test_create_delete_invalid_sm',
      steps: [caller, { op: 'CreateStateMachine', params: { name: MACHINE, definition: INVALID_DER, roleArn: ROLE }, snapshot: 'invalid_definition_1' }],
    },
    {
      test: 'TestSnfApi::test_delete_nonexistent_sm',
      note: 'the nonexistent ARN is the created one with another name',
      steps: [caller, create(), { op: 'DeleteStateMachine', params: { stateMachineArn: `${MACHINE_ARN}-other` }, snapshot: 'deletion_resp_1' }],
    },
    {
      test: 'TestSnfApi::test_create_exact_duplicate_sm',
      steps: [caller, create('creation_resp_1'), describe('describe_resp_1'), create('creation_resp_2'), describe('describe_resp_2'), describe('describe_resp_1_2')],
    },
    {
      test: 'TestSnfApi::test_create_duplicate_sm_name',
      steps: [
        caller,
        create('creation_resp_1'),
        describe('describe_resp_1'),
        { op: 'CreateStateMachine', params: { name: MACHINE, definition: PASS_RESULT_ARG2, roleArn: ROLE }, snapshot: 'already_exists_1' },
      ],
    },
    {
      test: 'TestSnfApi::test_start_execution',
      steps: [
        caller,
        create('creation_resp'),
        start('exec_resp'),
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'exec_list_resp' },
        history('exec_hist_resp'),
      ],
    },
    {
      test: 'TestSnfApi::test_invalid_start_execution_arn',
      steps: [
        caller,
        create('creation_resp'),
        { op: 'DeleteStateMachine', params: { stateMachineArn: '{{machineArn}}' } },
        {
          op: 'StartExecution',
          params: { stateMachineArn: 'arn:{{partition}}:states:{{region}}:{{accountId}}:stateMachine:statemachine_invalid_statemachine_{{suffix}}' },
          snapshot: 'start_exec_of_deleted',
        },
      ],
    },
    {
      test: 'TestSnfApi::test_invalid_start_execution_input',
      steps: [
        caller,
        create('creation_resp'),
        { op: 'StartExecution', params: { stateMachineArn: '{{machineArn}}', input: 'not some json' }, snapshot: 'start_exec_str_inp' },
        { op: 'StartExecution', params: { stateMachineArn: '{{machineArn}}', input: "{'not': 'json'" }, snapshot: 'start_exec_not_json_inp' },
        { op: 'StartExecution', params: { stateMachineArn: '{{machineArn}}', input: '' }, snapshot: 'start_res_empty' },
        start('start_res_num', '2'),
        start('start_res_str', '"some text"'),
        start('start_res_null', 'null'),
      ],
    },
    {
      test: 'TestSnfApi::test_stop_execution',
      steps: [
        caller,
        create('creation_resp', WAIT_1_MIN),
        start('exec_resp'),
        { op: 'StopExecution', params: { executionArn: '{{executionArn}}' }, snapshot: 'stop_res' },
        { op: 'GetExecutionHistory', params: { executionArn: '{{executionArn}}' }, snapshot: 'exec_hist_resp', jsonStrings: ['$.events[0].executionStartedEventDetails.input', '$.events[1].stateEnteredEventDetails.input'] },
      ],
    },
    {
      test: 'TestSnfApi::test_describe_execution',
      steps: [
        caller,
        create('creation_resp'),
        start('exec_resp'),
        { op: 'DescribeExecution', params: { executionArn: '{{executionArn}}' }, snapshot: 'describe_execution', jsonStrings: ['$.input', '$.output'] },
      ],
    },
    {
      test: 'TestSnfApi::test_state_machine_status_filter',
      steps: [
        caller,
        create('creation_resp'),
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'list_before_execution' },
        start('exec_resp'),
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}', statusFilter: 'SUCCEEDED' }, snapshot: 'list_succeeded_when_complete' },
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}', statusFilter: 'RUNNING' }, snapshot: 'list_running_when_complete' },
      ],
    },
    {
      test: 'TestSnfApi::test_start_sync_execution',
      steps: [caller, create('creation_response'), { op: 'StartSyncExecution', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'start_sync_execution_error' }],
    },
    {
      test: 'TestSnfApi::test_create_update_state_machine_base_update_none',
      steps: [caller, create('creation_resp_t0'), describe('describe_resp_t0'), { op: 'UpdateStateMachine', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'missing_required_parameter' }],
    },
    {
      test: 'TestSnfApi::test_get_execution_history_reversed',
      steps: [
        caller,
        create(),
        start(),
        history('get_execution_history_reverseOrder[False]', { reverseOrder: false }),
        {
          op: 'GetExecutionHistory',
          params: { executionArn: '{{executionArn}}', reverseOrder: true },
          snapshot: 'get_execution_history_reverseOrder[True]',
          jsonStrings: ['$.events[0].executionSucceededEventDetails.output', '$.events[1].stateExitedEventDetails.output', '$.events[2].stateEnteredEventDetails.input', '$.events[3].executionStartedEventDetails.input'],
        },
      ],
    },
  ],
  notPorted: {
    test_create_delete_valid_sm: 'needs a Lambda function (covered by test/stepfunctions)',
    test_cloudformation_definition_create_describe: 'the state machine is created through CloudFormation',
    test_cloudformation_definition_string_create_describe: 'the state machine is created through CloudFormation',
  },
};

const createPublished = (snapshot: string, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateStateMachine',
  params: { name: MACHINE, definition: PASS_RESULT, roleArn: ROLE, publish: true, ...extra },
  snapshot,
  capture: { machineArn: '$.stateMachineArn', versionArn: '$.stateMachineVersionArn' },
});
const describeVersion = (snapshot: string): SourceStep => ({ op: 'DescribeStateMachine', params: { stateMachineArn: '{{versionArn}}' }, snapshot, jsonStrings: ['$.definition'] });
const listVersions = (snapshot: string): SourceStep => ({ op: 'ListStateMachineVersions', params: { stateMachineArn: '{{machineArn}}' }, snapshot });
const updateSame = (snapshot: string): SourceStep => ({ op: 'UpdateStateMachine', params: { stateMachineArn: '{{machineArn}}', definition: PASS_RESULT, publish: true }, snapshot });

const versioning: SourceFile = {
  service: 'stepfunctions',
  module: 'test_sfn_api_versioning',
  snapshotDir: 'stepfunctions/v2',
  idPrefix: 'test_sfn_api_versioning.',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { snf_role_arn: 'any' },
  scenarios: [
    { test: 'TestSnfApiVersioning::test_create_with_publish', steps: [caller, createPublished('creation_resp_1')] },
    {
      test: 'TestSnfApiVersioning::test_create_with_version_description_no_publish',
      steps: [caller, { op: 'CreateStateMachine', params: { name: MACHINE, definition: PASS_RESULT, roleArn: ROLE, versionDescription: 'HelloWorld!' }, snapshot: 'validation_exception' }],
    },
    {
      test: 'TestSnfApiVersioning::test_create_publish_describe_no_version_description',
      steps: [caller, createPublished('creation_resp_1'), describeVersion('describe_resp_version'), describe('describe_resp')],
    },
    {
      test: 'TestSnfApiVersioning::test_create_publish_describe_with_version_description',
      steps: [caller, createPublished('creation_resp_1', { versionDescription: 'HelloWorld!' }), describeVersion('describe_resp_version'), describe('describe_resp')],
    },
    {
      test: 'TestSnfApiVersioning::test_list_delete_version',
      steps: [
        caller,
        createPublished('creation_resp_1'),
        describeVersion('describe_resp_version'),
        listVersions('list_versions_resp_1'),
        { op: 'DeleteStateMachineVersion', params: { stateMachineVersionArn: '{{versionArn}}' }, snapshot: 'delete_version_resp' },
        listVersions('list_versions_resp_2'),
        { op: 'DeleteStateMachineVersion', params: { stateMachineVersionArn: '{{versionArn}}' }, snapshot: 'delete_version_resp_after_del' },
      ],
    },
    {
      test: 'TestSnfApiVersioning::test_idempotent_publish',
      steps: [
        caller,
        create('creation_resp_1'),
        { op: 'PublishStateMachineVersion', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'publish_v1_1' },
        { op: 'PublishStateMachineVersion', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'publish_v1_2' },
        listVersions('list_versions_resp'),
      ],
    },
    { test: 'TestSnfApiVersioning::test_empty_revision_with_publish_and_publish_on_creation', steps: [caller, createPublished('creation_resp_1'), updateSame('update_resp_1'), updateSame('update_resp_2')] },
    { test: 'TestSnfApiVersioning::test_empty_revision_with_publish_and_no_publish_on_creation', steps: [caller, create('creation_resp_1'), updateSame('update_resp_1'), updateSame('update_resp_2')] },
  ],
  notPorted: {},
};

/** test_tag_state_machine's and test_untag_state_machine's parameters, by their pytest ids. */
const TAG_LISTS: Record<string, { key: string; value: string }[]> = {
  tag_list0: [],
  tag_list1: [{ key: 'key1', value: 'value1' }],
  tag_list2: [{ key: 'key1', value: '' }],
  tag_list3: [
    { key: 'key1', value: 'value1' },
    { key: 'key1', value: 'value1' },
  ],
  tag_list4: [
    { key: 'key1', value: 'value1' },
    { key: 'key2', value: 'value2' },
  ],
};
const TAG_KEYS: Record<string, string[]> = { tag_keys0: [], tag_keys1: ['key1'], tag_keys2: ['key1', 'key1'], tag_keys3: ['key1', 'key2'] };

const untag = (param: string): SourceStep[] => [
  caller,
  create('creation_resp_1'),
  { op: 'TagResource', params: { resourceArn: '{{machineArn}}', tags: [{ key: 'key1', value: 'value1' }] }, snapshot: 'tag_resource_resp' },
  { op: 'UntagResource', params: { resourceArn: '{{machineArn}}', tagKeys: TAG_KEYS[param] }, snapshot: 'untag_resource_resp' },
  { op: 'ListTagsForResource', params: { resourceArn: '{{machineArn}}' }, snapshot: 'list_resources_res' },
];

const tagging: SourceFile = {
  service: 'stepfunctions',
  module: 'test_sfn_api_tagging',
  snapshotDir: 'stepfunctions/v2',
  idPrefix: 'test_sfn_api_tagging.',
  variants: {},
  defaultProtocol: 'json',
  redactedWords: { snf_role_arn: 'any' },
  scenarios: [
    {
      test: 'TestSnfApiTagging::test_tag_state_machine',
      note: 'the tag_keys variants were recorded by an earlier form of the test that untagged (as test_untag_state_machine does)',
      steps: (param) =>
        Object.hasOwn(TAG_KEYS, param)
          ? untag(param)
          : [
              caller,
              create('creation_resp_1'),
              { op: 'TagResource', params: { resourceArn: '{{machineArn}}', tags: TAG_LISTS[param] }, snapshot: 'tag_resource_resp' },
              { op: 'ListTagsForResource', params: { resourceArn: '{{machineArn}}' }, snapshot: 'list_resources_res' },
            ],
    },
    { test: 'TestSnfApiTagging::test_untag_state_machine', steps: untag },
  ],
  notPorted: {
    test_tag_invalid_state_machine: "boto3 refused the parameters before sending them (the snapshot holds its ParamValidationError)",
  },
};

export default [api, versioning, tagging];
