// LocalStack's AWS-validated Step Functions API tests (github.com/localstack/localstack,
// tests/aws/services/stepfunctions/v2/test_sfn_api*.py, Apache-2.0) reproduced as request sequences. Expected
// responses come only from the recorded snapshots. Fixtures: `create_state_machine_iam_role` gives a role of the
// caller's account (any ARN is judged, as the test redacts it); `create_state_machine` calls CreateStateMachine with
// the test's parameters; `await_execution_*` polls DescribeExecution (a Pass machine ends before the next call here).
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

/**
 * templates/base/statemachines/pass_result.json5 as the test sends it (Python's json.dumps), with the Comment and the
 * Result the test may have edited.
 */
const passResult = (comment = 'BASE_PASS_RESULT', result = '{"Arg1": "argument1"}') =>
  `{"Comment": "${comment}", "StartAt": "State_1", "States": {"State_1": {"Type": "Pass", "Result": ${result}, "End": true}}}`;
const PASS_RESULT = passResult();
const PASS_RESULT_ARG2 = passResult(undefined, '{"Arg1": "argument1", "Arg2": "Argument2"}');
/** The same definition as `json.dumps(definition, indent=4)` writes it (Python's and JSON.stringify's forms agree). */
const PASS_RESULT_INDENTED = JSON.stringify(JSON.parse(PASS_RESULT), null, 4);
/** templates/callbacks/statemachines/sqs_wait_for_task_token.json5. */
const SQS_WAIT_FOR_TASK_TOKEN = JSON.stringify({
  StartAt: 'SendMessageWithWait',
  States: {
    SendMessageWithWait: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: { 'QueueUrl.$': '$.QueueUrl', MessageBody: { 'Message.$': '$.Message', 'TaskToken.$': '$$.Task.Token' } },
      End: true,
    },
  },
});
/** templates/base/statemachines/invalid_der.json5. */
const INVALID_DER = '{"Comment": "BASE_INVALID_DER", "StartAt": "State_1"}';
/** templates/base/statemachines/wait_1_min.json5. */
const WAIT_1_MIN = '{"Comment": "BASE_WAIT_1_MIN", "StartAt": "State_1", "States": {"State_1": {"Type": "Wait", "Seconds": 60, "End": true}}}';

const ROLE = 'arn:{{partition}}:iam::{{accountId}}:role/sfn-role';
/** The second and third roles of the tests that update a machine's role (each test creates its own). */
const ROLE_T1 = `${ROLE}-t1`;
const ROLE_T2 = `${ROLE}-t2`;
const MACHINE = 'statemachine_{{suffix}}';
const MACHINE_ARN = 'arn:{{partition}}:states:{{region}}:{{accountId}}:stateMachine:statemachine_{{suffix}}';
/** The tests' nonexistent machine: the created one's ARN with another name. */
const NONEXISTENT_ARN = `${MACHINE_ARN}-other`;
/** The tests' nonexistent execution: the started one's ARN with its last four characters made `0000`. */
const NONEXISTENT_EXECUTION_ARN = '{{executionArnHead}}0000';

/** The words the tests' transformers wrote for the ARNs and tokens they made up, put back (longer words first). */
const EXPANDED_WORDS = {
  ssm_nonexistent_arn: NONEXISTENT_ARN,
  sm_nonexistent_arn: NONEXISTENT_ARN,
  invalid_execution_arn: NONEXISTENT_EXECUTION_ARN,
  '<invalid_token_1025_chars>': 'x'.repeat(1025),
  '<invalid_token_3097_chars>': 'x'.repeat(3097),
};
const REDACTED_WORDS = { snf_role_arn: 'any', snf_role_arn_t0: 'any', snf_role_arn_t1: 'any', snf_role_arn_t2: 'any' } as const;

const caller: SourceStep = { service: 'sts', protocol: 'query', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' } };
const create = (snapshot?: string, definition = PASS_RESULT, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateStateMachine',
  params: { name: MACHINE, definition, roleArn: ROLE, ...extra },
  ...(snapshot ? { snapshot } : {}),
  capture: { machineArn: '$.stateMachineArn' },
});
const describe = (snapshot: string, stateMachineArn = '{{machineArn}}'): SourceStep => ({ op: 'DescribeStateMachine', params: { stateMachineArn }, snapshot, jsonStrings: ['$.definition'] });
const start = (snapshot?: string, input?: string, stateMachineArn = '{{machineArn}}'): SourceStep => ({
  op: 'StartExecution',
  params: { stateMachineArn, ...(input === undefined ? {} : { input }) },
  ...(snapshot ? { snapshot } : {}),
  capture: { executionArn: '$.executionArn', executionArnHead: { from: '$.executionArn', regex: '^(.*)....$' } },
});
const update = (snapshot: string, params: Record<string, unknown>, capture?: SourceStep['capture']): SourceStep => ({
  op: 'UpdateStateMachine',
  params: { stateMachineArn: '{{machineArn}}', ...params },
  snapshot,
  ...(capture ? { capture } : {}),
});
/** Create, describe, then two updates each followed by a describe (the update tests' shape). */
const createUpdateTwice = (first: Record<string, unknown>, second: Record<string, unknown>, updateKey = 'update_state_machine_res_t1'): SourceStep[] => [
  caller,
  create('creation_resp_t0'),
  describe('describe_resp_t0'),
  update(updateKey, first),
  describe('describe_resp_t1'),
  update('update_state_machine_res_t2', second),
  describe('describe_resp_t2'),
];
const describeForExecution = (snapshot: string): SourceStep => ({
  op: 'DescribeStateMachineForExecution',
  params: { executionArn: '{{executionArn}}' },
  snapshot,
  jsonStrings: ['$.definition'],
});
/** The test's `{exception_typename, exception_value}` of one call (no setup). */
const failing = (op: string, params: Record<string, unknown>, snapshot = 'exception'): SourceStep => ({ op, params, snapshot });
/** A list operation's two pages (10, then 3 with the first page's token) and its recorded out-of-range requests. */
const pages = (op: string, params: Record<string, unknown>, keys: { page1: string; page2: string; tooLarge: string; longToken: string }, longToken: number): SourceStep[] => [
  { op, params: { ...params, maxResults: 10 }, snapshot: keys.page1, capture: { nextToken: '$.nextToken' } },
  { op, params: { ...params, maxResults: 3, nextToken: '{{nextToken}}' }, snapshot: keys.page2 },
  { op, params: { ...params, maxResults: 1001 }, snapshot: keys.tooLarge },
  // The empty nextToken the tests also send is refused by boto3 before sending (its ParamValidationError is recorded).
  { op, params: { ...params, nextToken: 'x'.repeat(longToken) }, snapshot: keys.longToken },
];
const thirteen = <T>(make: (i: number) => T): T[] => Array.from({ length: 13 }, (_, i) => make(i));
const EXECUTION_PAGES = { page1: 'list-executions-page-1', page2: 'list-executions-page-2', tooLarge: 'list-executions-invalid-param-too-large', longToken: 'list-executions-invalid-param-long-nextToken' };
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
  redactedWords: REDACTED_WORDS,
  expandedWords: EXPANDED_WORDS,
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
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}', statusFilter: 'SUCCEEDED' }, snapshot: 'list_before_execution' },
        start('exec_resp'),
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}', statusFilter: 'SUCCEEDED' }, snapshot: 'list_succeeded_when_complete' },
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}', statusFilter: 'RUNNING' }, snapshot: 'list_running_when_complete' },
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}', statusFilter: 'succeeded' }, snapshot: 'list_executions_filter_exc' },
      ],
    },
    {
      test: 'TestSnfApi::test_create_duplicate_definition_format_sm',
      steps: [
        caller,
        create('creation_resp_1'),
        describe('describe_resp_1'),
        { op: 'CreateStateMachine', params: { name: MACHINE, definition: PASS_RESULT_INDENTED, roleArn: ROLE }, snapshot: 'already_exists_1' },
      ],
    },
    {
      test: 'TestSnfApi::test_list_sms',
      note: 'the listings the test filters to its own machines are not reproduced: the replay shares its account with other scenarios',
      steps: [
        caller,
        ...[0, 1, 2].map((i): SourceStep => ({
          op: 'CreateStateMachine',
          params: { name: `statemachine_${i + 1}_{{suffix}}`, definition: PASS_RESULT, roleArn: ROLE },
          snapshot: `creation_resp_${i}`,
          capture: { [`machine${i}`]: '$.stateMachineArn' },
        })),
        ...[0, 1, 2].map((i): SourceStep => ({ op: 'DeleteStateMachine', params: { stateMachineArn: `{{machine${i}}}` }, snapshot: `deletion_resp_${i}` })),
      ],
    },
    {
      test: 'TestSnfApi::test_create_update_state_machine_base_definition',
      steps: createUpdateTwice({ definition: passResult(undefined, '{"Arg1": "AfterUpdate1"}') }, { definition: passResult(undefined, '{"Arg1": "AfterUpdate2"}') }, 'update_state_machine_res'),
    },
    { test: 'TestSnfApi::test_create_update_state_machine_base_role_arn', steps: createUpdateTwice({ roleArn: ROLE_T1 }, { roleArn: ROLE_T2 }) },
    {
      test: 'TestSnfApi::test_create_update_state_machine_base_definition_and_role',
      steps: createUpdateTwice(
        { definition: passResult(undefined, '{"Arg1": "AfterUpdate1"}'), roleArn: ROLE_T1 },
        { definition: passResult(undefined, '{"Arg1": "AfterUpdate2"}'), roleArn: ROLE_T2 },
      ),
    },
    { test: 'TestSnfApi::test_create_update_state_machine_same_parameters', steps: createUpdateTwice({ roleArn: ROLE_T1 }, { definition: PASS_RESULT, roleArn: ROLE_T1 }) },
    { test: 'TestSnfApi::test_describe_state_machine_for_execution', steps: [caller, create('creation_resp'), start('exec_resp'), describeForExecution('describe_resp')] },
    {
      test: 'TestSnfApi::test_describe_nonexistent_sm',
      steps: [caller, create(), { op: 'DescribeStateMachine', params: { stateMachineArn: NONEXISTENT_ARN }, snapshot: 'describe_nonexistent_sm' }],
    },
    { test: 'TestSnfApi::test_describe_invalid_arn_sm', steps: [failing('DescribeStateMachine', { stateMachineArn: 'not_a_valid_arn' })] },
    { test: 'TestSnfApi::test_list_execution_no_such_state_machine', steps: [caller, create(), failing('ListExecutions', { stateMachineArn: NONEXISTENT_ARN })] },
    { test: 'TestSnfApi::test_list_execution_invalid_arn', steps: [failing('ListExecutions', { stateMachineArn: 'invalid_state_machine_arn' })] },
    { test: 'TestSnfApi::test_describe_execution_no_such_state_machine', steps: [caller, create(), start(), failing('DescribeExecution', { executionArn: NONEXISTENT_EXECUTION_ARN })] },
    { test: 'TestSnfApi::test_get_execution_history_no_such_execution', steps: [caller, create(), start(), failing('GetExecutionHistory', { executionArn: NONEXISTENT_EXECUTION_ARN })] },
    { test: 'TestSnfApi::test_get_execution_history_invalid_arn', steps: [failing('GetExecutionHistory', { executionArn: 'invalid_state_machine_arn' })] },
    { test: 'TestSnfApi::test_describe_execution_invalid_arn', steps: [failing('DescribeExecution', { executionArn: 'invalid_state_machine_arn' })] },
    {
      test: 'TestSnfApi::test_describe_execution_arn_containing_punctuation',
      steps: [
        caller,
        { ...create('creation_resp'), params: { name: 'state.machine_{{suffix}}', definition: PASS_RESULT, roleArn: ROLE } },
        { ...start('exec_resp'), params: { stateMachineArn: '{{machineArn}}', name: 'state.machine.execution_{{suffix}}' } },
        { op: 'DescribeExecution', params: { executionArn: '{{executionArn}}' }, snapshot: 'describe_execution', jsonStrings: ['$.input', '$.output'] },
      ],
    },
    {
      test: 'TestSnfApi::test_describe_sm_arn_containing_punctuation',
      steps: [caller, { ...create('creation_resp'), params: { name: 'state.machine_{{suffix}}', definition: PASS_RESULT, roleArn: ROLE } }, describe('describe_resp')],
    },
    {
      test: 'TestSnfApi::test_list_sms_pagination',
      note: "the pages the test filters to its own machines are not reproduced (the replay shares its account with other scenarios); its out-of-range requests are",
      steps: [
        { op: 'ListStateMachines', params: { maxResults: 1001 }, snapshot: 'list-state-machines-invalid-param-too-large' },
        { op: 'ListStateMachines', params: { nextToken: 'x'.repeat(1025) }, snapshot: 'list-state-machines-invalid-param-long-nextToken' },
      ],
    },
    {
      test: 'TestSnfApi::test_list_executions_pagination',
      steps: [
        caller,
        create(),
        ...thirteen(() => start(undefined, '{}')),
        ...pages('ListExecutions', { stateMachineArn: '{{machineArn}}' }, EXECUTION_PAGES, 3097),
        { op: 'DeleteStateMachine', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'deletion_resp' },
      ],
    },
    {
      test: 'TestSnfApi::test_list_executions_versions_pagination',
      steps: [
        caller,
        { ...create(undefined, PASS_RESULT, { publish: true }), capture: { machineArn: '$.stateMachineArn', versionArn: '$.stateMachineVersionArn' } },
        ...thirteen(() => start(undefined, '{}', '{{versionArn}}')),
        ...pages('ListExecutions', { stateMachineArn: '{{versionArn}}' }, { ...EXECUTION_PAGES, page2: 'list-execution-page-2' }, 3097),
        { op: 'DeleteStateMachineVersion', params: { stateMachineVersionArn: '{{versionArn}}' }, snapshot: 'deletion_resp' },
      ],
    },
    {
      test: 'TestSnfApi::test_start_execution_idempotent',
      steps: [
        { service: 'sqs', protocol: 'json', op: 'CreateQueue', params: { QueueName: 'queue-{{suffix}}' }, capture: { queueUrl: '$.QueueUrl' } },
        caller,
        create('creation_resp', SQS_WAIT_FOR_TASK_TOKEN),
        {
          op: 'StartExecution',
          params: { stateMachineArn: '{{machineArn}}', input: '{"QueueUrl": "{{queueUrl}}", "Message": "test_message_txt"}', name: 'execution_name_{{suffix}}' },
          snapshot: 'exec_resp',
          capture: { executionArn: '$.executionArn' },
        },
        {
          op: 'StartExecution',
          params: { stateMachineArn: '{{machineArn}}', input: '{"QueueUrl": "{{queueUrl}}", "Message": "test_message_txt"}', name: 'execution_name_{{suffix}}' },
          snapshot: 'exec_resp_idempotent',
        },
        {
          op: 'StartExecution',
          params: { stateMachineArn: '{{machineArn}}', input: '{"body" : "different-data"}', name: 'execution_name_{{suffix}}' },
          snapshot: 'start_exec_already_exists',
        },
        { op: 'StopExecution', params: { executionArn: '{{executionArn}}' }, snapshot: 'stop_res' },
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
  redactedWords: REDACTED_WORDS,
  expandedWords: EXPANDED_WORDS,
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
    { test: 'TestSnfApiVersioning::test_create_express_with_publish', steps: [caller, createPublished('creation_resp_1', { type: 'EXPRESS' })] },
    {
      test: 'TestSnfApiVersioning::test_update_state_machine',
      steps: [
        caller,
        create('creation_resp_1'),
        update('update_resp_1', { definition: passResult('BASE_PASS_RESULT-R1'), publish: true }),
        listVersions('list_versions_resp_1'),
        update('update_resp_2', { definition: passResult('BASE_PASS_RESULT-R2'), publish: true }, { version2Arn: '$.stateMachineVersionArn' }),
        listVersions('list_versions_resp_2'),
        { op: 'UpdateStateMachine', params: { stateMachineArn: '{{version2Arn}}', definition: passResult('BASE_PASS_RESULT-R3') }, snapshot: 'invalid_arn_1' },
        { op: 'UpdateStateMachine', params: { stateMachineArn: '{{version2Arn}}', definition: passResult('BASE_PASS_RESULT-R3'), publish: true }, snapshot: 'invalid_arn_2' },
      ],
    },
    {
      test: 'TestSnfApiVersioning::test_publish_state_machine_version',
      steps: [
        caller,
        create('creation_resp_1'),
        update('update_resp_1', { definition: passResult('BASE_PASS_RESULT-R1') }),
        { op: 'PublishStateMachineVersion', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'publish_v1', capture: { v1Arn: '$.stateMachineVersionArn' } },
        listVersions('list_versions_resp_1'),
        describe('describe_v1', '{{v1Arn}}'),
        update('update_resp_2', { definition: passResult('BASE_PASS_RESULT-R2') }, { revisionR2: '$.revisionId' }),
        {
          op: 'PublishStateMachineVersion',
          params: { stateMachineArn: '{{machineArn}}', description: 'PublishedV2Description' },
          snapshot: 'publish_v2',
          capture: { v2Arn: '$.stateMachineVersionArn' },
        },
        listVersions('list_versions_resp_2'),
        describe('describe_v2', '{{v2Arn}}'),
        update('update_resp_3', { definition: passResult('BASE_PASS_RESULT-R3') }),
        { op: 'PublishStateMachineVersion', params: { stateMachineArn: '{{machineArn}}', revisionId: '{{revisionR2}}' }, snapshot: 'conflict_exception' },
      ],
    },
    {
      test: 'TestSnfApiVersioning::test_start_version_execution',
      note: "recorded in 2023-08, before AWS added redriveCount to ListExecutions' items (2023-11; its later recordings, e.g. test_state_machine_status_filter's of 2024-03, carry it): that member is not judged",
      steps: [
        caller,
        createPublished('creation_resp_1'),
        start('execution_resp'),
        { op: 'ListExecutions', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'exec_list_resp', ignore: ['$.executions[*].redriveCount'] },
        start('execution_version_resp', undefined, '{{versionArn}}'),
        { op: 'ListExecutions', params: { stateMachineArn: '{{versionArn}}' }, snapshot: 'exec_version_list_resp', ignore: ['$.executions[*].redriveCount'] },
      ],
    },
    {
      test: 'TestSnfApiVersioning::test_version_ids_between_deletions',
      steps: [
        caller,
        createPublished('creation_resp_1'),
        { op: 'UpdateStateMachine', params: { stateMachineArn: '{{machineArn}}', definition: passResult('BASE_PASS_RESULT-R2'), publish: true } },
        { op: 'DeleteStateMachineVersion', params: { stateMachineVersionArn: '{{machineArn}}:2' } },
        { op: 'PublishStateMachineVersion', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'publish_res_v2_2' },
      ],
    },
    {
      test: 'TestSnfApiVersioning::test_describe_state_machine_for_execution_of_version',
      steps: [caller, createPublished('creation_resp_1'), start('execution_resp', undefined, '{{versionArn}}'), describeForExecution('describe_resp')],
    },
    {
      test: 'TestSnfApiVersioning::test_describe_state_machine_for_execution_of_version_with_revision',
      steps: [
        caller,
        create('creation_resp_1'),
        update('update_resp', { definition: passResult('BASE_PASS_RESULT-R2'), publish: true }),
        start('execution_resp', undefined, '{{machineArn}}:1'),
        describeForExecution('describe_resp'),
      ],
    },
    { test: 'TestSnfApiVersioning::test_publish_state_machine_version_no_such_machine', steps: [caller, create(), failing('PublishStateMachineVersion', { stateMachineArn: NONEXISTENT_ARN })] },
    { test: 'TestSnfApiVersioning::test_publish_state_machine_version_invalid_arn', steps: [failing('PublishStateMachineVersion', { stateMachineArn: 'invalid_arn' })] },
    {
      test: 'TestSnfApiVersioning::test_list_state_machine_versions_pagination',
      note: 'the test deletes its 13 versions afterwards without recording the responses',
      steps: [
        caller,
        create('creation_resp_1'),
        // Each revision's Comment adds `-R<n>` to the previous one's.
        ...thirteen((i) => ({
          op: 'UpdateStateMachine',
          params: { stateMachineArn: '{{machineArn}}', definition: passResult(`BASE_PASS_RESULT${thirteen((j) => `-R${j + 1}`).slice(0, i + 1).join('')}`), publish: true },
        })),
        ...pages(
          'ListStateMachineVersions',
          { stateMachineArn: '{{machineArn}}' },
          {
            page1: 'list-state-machine-versions-page-1',
            page2: 'list-state-machine-versions-page-2',
            tooLarge: 'list-state-machine-versions-invalid-param-too-large',
            longToken: 'list-state-machine-versions-invalid-param-long-nextToken',
          },
          1025,
        ),
      ],
    },
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
  redactedWords: REDACTED_WORDS,
  expandedWords: EXPANDED_WORDS,
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
    {
      test: 'TestSnfApiTagging::test_tag_state_machine_version',
      steps: [
        caller,
        create('creation_resp_1'),
        { op: 'PublishStateMachineVersion', params: { stateMachineArn: '{{machineArn}}' }, snapshot: 'publish_resp', capture: { versionArn: '$.stateMachineVersionArn' } },
        { op: 'TagResource', params: { resourceArn: '{{versionArn}}', tags: [{ key: 'key1', value: 'value1' }] }, snapshot: 'error' },
      ],
    },
    {
      test: 'TestSnfApiTagging::test_create_state_machine',
      steps: [
        caller,
        create('creation_resp_1', PASS_RESULT, { tags: [{ key: 'key1', value: 'value1' }, { key: 'key2', value: 'value2' }] }),
        { op: 'ListTagsForResource', params: { resourceArn: '{{machineArn}}' }, snapshot: 'list_resources_res' },
      ],
    },
  ],
  notPorted: {
    test_tag_invalid_state_machine: "boto3 refused the parameters before sending them (the snapshot holds its ParamValidationError)",
  },
};

export default [api, versioning, tagging];
