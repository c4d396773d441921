// LocalStack's Lambda runtime-behaviour tests (tests/aws/services/lambda_/test_lambda.py, Apache-2.0): the invocation
// types and reserved-concurrency calls are reproduced; the others say why not.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { callerAccount, createRecorded, ECHO, FUNCTION, onFunction, ROLE, zip } from './lambda-api/common.ts';
import { urlScenarios } from './lambda-behaviour/urls.ts';

/** LocalStack's functions/lambda_echo.js, in behaviour: answer the event. */
const NODE_ECHO = zip('exports.handler = async (event) => event;\n', 'lambda_echo.js');
/** LocalStack's functions/lambda_none.{py,js}, in behaviour: answer nothing. */
const PYTHON_NONE = zip('def handler(event, context):\n    print(event)\n');
const NODE_NONE = zip('exports.handler = async (event) => {\n  console.log(JSON.stringify(event));\n};\n', 'lambda_none.js');

/** LocalStack's functions/lambda_invocation_type.py, in behaviour: answer AWS_LAMBDA_INITIALIZATION_TYPE. */
const INVOCATION_TYPE = zip(
  'import os\nimport time\n\n\ndef handler(event, context):\n    if event.get("wait"):\n        time.sleep(event["wait"])\n    init_type = os.environ["AWS_LAMBDA_INITIALIZATION_TYPE"]\n    print(f"{init_type=}")\n    return init_type\n',
);
const invocationTypeFunction: SourceStep = {
  op: 'CreateFunction',
  params: { FunctionName: FUNCTION, Runtime: 'python3.12', Role: 'arn:{{partition}}:iam::{{accountId}}:role/lambda-test-role', Handler: 'handler.handler', Code: { ZipFile: INVOCATION_TYPE }, Timeout: 30, Environment: { Variables: {} } },
};

/** Provisioned concurrency on `qualifier` as the tests set it, read before and after the poll that waits for READY. */
const provision = (qualifier: string, count: number): SourceStep[] => [
  onFunction('PutProvisionedConcurrencyConfig', 'put_provisioned_5', { Qualifier: qualifier, ProvisionedConcurrentExecutions: count }),
  onFunction('GetProvisionedConcurrencyConfig', 'get_provisioned_prewait', { Qualifier: qualifier }),
  { op: 'GetProvisionedConcurrencyConfig', params: { FunctionName: FUNCTION, Qualifier: qualifier }, until: { path: '$.Status', matches: '^READY$' } },
  onFunction('GetProvisionedConcurrencyConfig', 'get_provisioned_postwait', { Qualifier: qualifier }),
];

/** LocalStack's functions/lambda_multiple_handlers.py, in behaviour: two handlers, each answering its name. */
const MULTIPLE_HANDLERS = zip(
  ['handler', 'handler_two'].map((name) => `def ${name}(event, context):\n    result = {\n        "handler": "${name}",\n    }\n    print(result)\n    return result\n`).join('\n\n'),
);

/** LocalStack's functions/lambda_version.py with the version label the test fills in, in behaviour. */
const versionCode = (label: string) =>
  zip(
    `def handler(event, context):\n    result = {\n        "version_id": "${label}",\n        "invoked_arn": context.invoked_function_arn,\n        "version_from_ctx": context.function_version,\n    }\n    print(result)\n    return result\n`,
  );
const updated = (Qualifier?: string): SourceStep => ({
  op: 'GetFunctionConfiguration',
  params: { FunctionName: FUNCTION, ...(Qualifier ? { Qualifier } : {}) },
  until: { path: '$.LastUpdateStatus', matches: '^Successful$' },
});
const invokeAs = (snapshot: string, Qualifier?: string): SourceStep =>
  onFunction('Invoke', snapshot, { Payload: EMPTY_EVENT, ...(Qualifier ? { Qualifier } : {}) }, { jsonStrings: ['$.Payload'] });

/** LocalStack's functions/lambda_timeout.py, in behaviour: print, sleep event.wait seconds, print. */
const TIMEOUT_HANDLER = zip(
  'import logging\nimport time\n\n\ndef handler(event, context):\n    try:\n        print("starting wait")\n        time.sleep(event["wait"])\n        print("done waiting")\n    except Exception as e:\n        print("exception while waiting")\n        logging.error(e)\n',
);

const EMPTY_EVENT = { $blob: Buffer.from('{}').toString('base64') };
const HELLO = { $blob: Buffer.from('{"hello": "world"}').toString('base64') };

/** The invocation_echo_lambda fixture: the echo handler of the variant's runtime (create_lambda_function's defaults). */
const echoFunction = (runtime: string): SourceStep => ({
  op: 'CreateFunction',
  params: {
    FunctionName: FUNCTION,
    Runtime: runtime,
    Role: 'arn:{{partition}}:iam::{{accountId}}:role/lambda-test-role',
    Handler: runtime.startsWith('nodejs') ? 'lambda_echo.handler' : 'handler.handler',
    Code: { ZipFile: runtime.startsWith('nodejs') ? NODE_ECHO : ECHO },
    Timeout: 30,
    Environment: { Variables: {} },
  },
  capture: { functionArn: '$.FunctionArn' },
});

/** create_lambda_function with a Python handler file of LocalStack's functions/ folder (reproduced in behaviour, same lines). */
const pythonFunction = (file: string, source: string, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateFunction',
  params: {
    FunctionName: FUNCTION,
    Runtime: 'python3.12',
    Role: 'arn:{{partition}}:iam::{{accountId}}:role/lambda-test-role',
    Handler: `${file}.handler`,
    Code: { ZipFile: zip(source, `${file}.py`) },
    Timeout: 30,
    ...extra,
  },
});

/** TestLambdaErrors: one function, one Invoke whose failure AWS recorded as `invocation_error`. */
const invocationError = (create: SourceStep, ignore: string[] = []): SourceStep[] => [
  callerAccount,
  create,
  { op: 'Invoke', params: { FunctionName: FUNCTION }, snapshot: 'invocation_error', jsonStrings: ['$.Payload'], ignore },
];

const invoke = (InvocationType: string, FunctionName = '{{functionArn}}', extra: Partial<SourceStep> = {}): SourceStep => ({
  op: 'Invoke',
  params: { FunctionName, Payload: EMPTY_EVENT, InvocationType },
  snapshot: 'invoke-result',
  ...extra,
});

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda',
  snapshotDir: 'lambda',
  testDir: 'lambda_',
  variants: {},
  defaultProtocol: 'rest-json',
  redactedWords: { 'code-sha256': 'any', 'function-url': 'any' },
  scenarios: [
    {
      test: 'TestLambdaFeatures::test_invoke_exceptions',
      steps: [callerAccount, { op: 'Invoke', params: { FunctionName: 'doesnotexist' }, snapshot: 'invoke_function_doesnotexist' }],
    },
    {
      test: 'TestLambdaFeatures::test_invocation_type_request_response',
      note: 'the [python3.9] variant was recorded with an earlier parameter of the same fixture (the echo handler on python3.9)',
      steps: (runtime) => [callerAccount, echoFunction(runtime), invoke('RequestResponse', '{{functionArn}}', { jsonStrings: ['$.Payload'] })],
    },
    {
      test: 'TestLambdaFeatures::test_invocation_type_event',
      note: "the test then waits for the event in the function's logs (not recorded)",
      steps: (runtime) => [callerAccount, echoFunction(runtime), invoke('Event')],
    },
    {
      test: 'TestLambdaFeatures::test_invocation_type_dry_run',
      steps: (runtime) => [callerAccount, echoFunction(runtime), invoke('DryRun')],
    },
    {
      test: 'TestLambdaFeatures::test_invocation_type_no_return_payload',
      note: 'the [*-Event] variants; a RequestResponse answer of nothing was recorded as the text "null", which the verifier reads as a blob',
      steps: (param) => {
        const nodejs = param.startsWith('nodejs');
        return [
          callerAccount,
          {
            ...echoFunction(nodejs ? 'nodejs18.x' : 'python3.12'),
            params: { ...echoFunction('').params, Runtime: nodejs ? 'nodejs18.x' : 'python3.12', Handler: nodejs ? 'lambda_none.handler' : 'handler.handler', Code: { ZipFile: nodejs ? NODE_NONE : PYTHON_NONE } },
          },
          invoke('Event', FUNCTION),
        ];
      },
    },
    {
      test: 'TestLambdaErrors::test_lambda_runtime_error',
      note: "the stack trace is AWS's importlib frames (LocalStack does not judge it either)",
      steps: invocationError(pythonFunction('lambda_runtime_error', 'raise Exception("Runtime startup fails")\n', { Runtime: 'python3.13' }), ['$.Payload.stackTrace']),
    },
    {
      test: 'TestLambdaErrors::test_lambda_runtime_exit',
      steps: invocationError(pythonFunction('lambda_runtime_exit', 'import sys\n\nsys.exit(0)\n')),
    },
    {
      test: 'TestLambdaErrors::test_lambda_handler_error',
      steps: invocationError(pythonFunction('lambda_handler_error', 'def handler(event, context):\n    raise Exception("Handler fails")\n')),
    },
    {
      test: 'TestLambdaErrors::test_lambda_handler_exit',
      steps: invocationError(pythonFunction('lambda_handler_exit', 'import sys\n\n\ndef handler(event, context):\n    sys.exit(0)\n')),
    },
    {
      test: 'TestLambdaErrors::test_lambda_runtime_wrapper_not_found',
      steps: invocationError(pythonFunction('lambda_echo', 'def handler(event, context):\n    return event\n', { Environment: { Variables: { AWS_LAMBDA_EXEC_WRAPPER: '/idontexist.sh' } } })),
    },
    {
      test: 'TestLambdaConcurrency::test_lambda_concurrency_crud',
      steps: [
        callerAccount,
        echoFunction('python3.12'),
        onFunction('GetFunctionConcurrency', 'get_function_concurrency_default'),
        onFunction('PutFunctionConcurrency', 'put_function_concurrency', { ReservedConcurrentExecutions: 0 }),
        onFunction('GetFunctionConcurrency', 'get_function_concurrency_updated'),
        { op: 'DeleteFunctionConcurrency', params: { FunctionName: FUNCTION } },
        onFunction('GetFunctionConcurrency', 'get_function_concurrency_deleted'),
      ],
    },
    {
      test: 'TestLambdaConcurrency::test_lambda_concurrency_update',
      steps: [
        callerAccount,
        echoFunction('python3.12'),
        onFunction('PutFunctionConcurrency', 'put_function_concurrency', { ReservedConcurrentExecutions: 3 }),
        onFunction('GetFunctionConcurrency', 'get_function_concurrency_updated'),
        onFunction('GetFunction', 'get_function_concurrency_info', {}, { ignore: ['$.Configuration.CodeSize'] }),
        { op: 'DeleteFunctionConcurrency', params: { FunctionName: FUNCTION } },
        onFunction('GetFunctionConcurrency', 'get_function_concurrency_deleted'),
      ],
    },
    {
      test: 'TestLambdaConcurrency::test_lambda_concurrency_block',
      note: "the test's wait for the provisioned concurrency (concurrency_update_done) is a poll of GetProvisionedConcurrencyConfig until READY",
      steps: [
        callerAccount,
        echoFunction('python3.12'),
        onFunction('PublishVersion', 'v1_result', {}, { ignore: ['$.CodeSize'] }),
        onFunction('PutFunctionConcurrency', 'reserved_concurrency_result', { ReservedConcurrentExecutions: 1 }),
        onFunction('Invoke', 'invoke_latest_before_block', { Qualifier: '$LATEST', Payload: HELLO }, { jsonStrings: ['$.Payload'] }),
        onFunction('PutProvisionedConcurrencyConfig', 'provisioned_concurrency_result', { Qualifier: '1', ProvisionedConcurrentExecutions: 1 }),
        { op: 'GetProvisionedConcurrencyConfig', params: { FunctionName: FUNCTION, Qualifier: '1' }, until: { path: '$.Status', matches: '^READY$' } },
        onFunction('Invoke', 'invoke_latest_first_exc', { Qualifier: '$LATEST', Payload: HELLO }),
        onFunction('Invoke', 'invoke_v1_after_block', { Qualifier: '1', Payload: HELLO }, { jsonStrings: ['$.Payload'] }),
        onFunction('Invoke', 'invoke_latest_second_exc', { Qualifier: '$LATEST', Payload: HELLO }),
      ],
    },
    {
      test: 'TestLambdaConcurrency::test_provisioned_concurrency',
      note: "the test's two invocations (answers asserted in its code, not recorded) are setup steps",
      steps: [
        callerAccount,
        invocationTypeFunction,
        { op: 'PublishVersion', params: { FunctionName: FUNCTION } },
        ...provision('1', 5),
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: '1' } },
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: '$LATEST' } },
      ],
    },
    {
      test: 'TestLambdaConcurrency::test_provisioned_concurrency_on_alias',
      note: "the test's three invocations (answers asserted in its code, not recorded) are setup steps",
      steps: [
        callerAccount,
        invocationTypeFunction,
        { op: 'PublishVersion', params: { FunctionName: FUNCTION } },
        { op: 'CreateAlias', params: { FunctionName: FUNCTION, Name: 'live', FunctionVersion: '1' } },
        ...provision('live', 5),
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: 'live' } },
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: '1' } },
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: '$LATEST' } },
      ],
    },
    {
      test: 'TestLambdaConcurrency::test_reserved_provisioned_overlap',
      note: "the function_updated_v2 waiter is a poll of GetFunctionConfiguration until LastUpdateStatus is Successful",
      steps: [
        callerAccount,
        invocationTypeFunction,
        { op: 'PublishVersion', params: { FunctionName: FUNCTION } },
        ...provision('1', 2),
        onFunction('PutFunctionConcurrency', 'reserved_lower_than_provisioned_exc', { ReservedConcurrentExecutions: 1 }),
        { op: 'PutFunctionConcurrency', params: { FunctionName: FUNCTION, ReservedConcurrentExecutions: 2 } },
        onFunction('GetFunctionConcurrency', 'get_concurrency'),
        onFunction('Invoke', 'reserved_equals_provisioned_latest_invoke_exc'),
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: '1' } },
        onFunction('UpdateFunctionConfiguration', 'update_func_config', { Timeout: 15 }, { ignore: ['$.CodeSize'] }),
        updated(),
        { op: 'PublishVersion', params: { FunctionName: FUNCTION } },
        onFunction('PutProvisionedConcurrencyConfig', 'reserved_equals_provisioned_another_provisioned_exc', { Qualifier: '2', ProvisionedConcurrentExecutions: 1 }),
        onFunction('PutProvisionedConcurrencyConfig', 'reserved_equals_provisioned_increase_provisioned_exc', { Qualifier: '1', ProvisionedConcurrentExecutions: 3 }),
      ],
    },
    {
      test: 'TestLambdaVersions::test_lambda_handler_update',
      note: 'the function_updated_v2 waiter is a poll of GetFunctionConfiguration until LastUpdateStatus is Successful',
      steps: [
        callerAccount,
        { ...invocationTypeFunction, params: { ...invocationTypeFunction.params, Code: { ZipFile: MULTIPLE_HANDLERS } } },
        onFunction('Invoke', 'invoke_result_handler_one', {}, { jsonStrings: ['$.Payload'] }),
        onFunction('UpdateFunctionConfiguration', 'update_function_configuration_result', { Handler: 'handler.handler_two' }, { ignore: ['$.CodeSize'] }),
        updated(),
        onFunction('GetFunction', 'get_function_result', {}, { ignore: ['$.Configuration.CodeSize'] }),
        onFunction('Invoke', 'invoke_result_handler_two', {}, { jsonStrings: ['$.Payload'] }),
        { op: 'PublishVersion', params: { FunctionName: FUNCTION } },
        updated('1'),
        onFunction('Invoke', 'invoke_result_handler_two_postpublish', {}, { jsonStrings: ['$.Payload'] }),
      ],
    },
    {
      test: 'TestLambdaVersions::test_lambda_versions_with_code_changes',
      note: "create_lambda_function_aws waits for the function to be Active; the function_updated_v2 waiter is a poll of GetFunctionConfiguration until LastUpdateStatus is Successful",
      steps: [
        callerAccount,
        {
          op: 'CreateFunction',
          params: { FunctionName: FUNCTION, Handler: 'handler.handler', Code: { ZipFile: versionCode('version1') }, PackageType: 'Zip', Role: ROLE, Runtime: 'python3.12', Description: 'No version :(' },
          snapshot: 'create_response',
          ignore: ['$.CodeSize'],
        },
        { op: 'GetFunctionConfiguration', params: { FunctionName: FUNCTION }, until: { path: '$.State', matches: '^Active$' } },
        onFunction('PublishVersion', 'first_publish_response', { Description: 'First version description :)' }, { ignore: ['$.CodeSize'] }),
        onFunction('UpdateFunctionCode', 'update_lambda_response', { ZipFile: versionCode('version2') }, { ignore: ['$.CodeSize'] }),
        updated(),
        invokeAs('invocation_result_latest'),
        invokeAs('invocation_result_v1', '1'),
        onFunction('PublishVersion', 'second_publish_response', { Description: 'Second version description :)' }, { ignore: ['$.CodeSize'] }),
        updated('2'),
        invokeAs('invocation_result_v2', '2'),
        onFunction('UpdateFunctionCode', 'update_lambda_response_with_publish', { ZipFile: versionCode('version3'), Publish: true }, { ignore: ['$.CodeSize'] }),
        updated('3'),
        invokeAs('invocation_result_v3', '3'),
        invokeAs('invocation_result_latest_end'),
        invokeAs('invocation_result_v2_end', '2'),
        invokeAs('invocation_result_v1_end', '1'),
      ],
    },
    {
      test: 'TestLambdaBehavior::test_lambda_invoke_with_timeout',
      note: "the test then reads the function's log for the first print and not the second (not recorded)",
      steps: [
        callerAccount,
        createRecorded('create-result', { Code: { ZipFile: TIMEOUT_HANDLER }, Timeout: 1 }),
        onFunction('Invoke', 'invoke-result', { Payload: { $blob: Buffer.from('{"wait": 2}').toString('base64') } }, { jsonStrings: ['$.Payload'] }),
      ],
    },
    ...urlScenarios,
  ],
  skippedVariants: {
    'python-RequestResponse': 'the recorded Payload is the text "null" (boto3 read the body as text), where the verifier reads the Payload blob: not comparable yet',
    'nodejs-RequestResponse': 'the recorded Payload is the text "null" (boto3 read the body as text), where the verifier reads the Payload blob: not comparable yet',
  },
  notPorted: {
    'TestLambdaErrors::test_lambda_runtime_exit_segfault':
      "AWS's answer is the function's 30-second timeout (the Python runtime's stack overflow hangs there): a replay would wait 30 s, and this machine's Python may crash instead",
    'TestLambdaErrors::test_lambda_invoke_payload_encoding_error':
      "AWS's message is its Java JSON parser's text (Jackson's byte positions and wording for invalid UTF-8), which twinstack's parser does not reproduce; the error code and status are tested in test/lambda/*.test.ts",
  },
  notPortedOtherwise:
    "runtime behaviour not reproduced as contracts yet: these scenarios need the test's own handler sources, read the function's logs or wait on timing; echo, errors, timeouts, init errors, context, environment, logs, throttling and URLs are reproduced with real handlers by test/lambda/*.test.ts, and several recorded answers with boto3 by test/lambda/snapshot.test.ts",
};

export default source;
