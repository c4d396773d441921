// LocalStack's Lambda runtime-behaviour tests (tests/aws/services/lambda_/test_lambda.py, Apache-2.0): the invocation
// types and reserved-concurrency calls are reproduced; the others say why not.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { callerAccount, createFunction, createRecorded, ECHO, FUNCTION, onFunction, queueSetup, ROLE, zip } from './lambda-api/common.ts';
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
/** create_lambda_function_aws with lambda_version.py: the CreateFunction of the version tests, its answer recorded as `snapshot`. */
const versionedFunction = (snapshot: string | undefined, label: string, Description: string, extra: Record<string, unknown> = {}): SourceStep => ({
  op: 'CreateFunction',
  params: { FunctionName: FUNCTION, Handler: 'handler.handler', Code: { ZipFile: versionCode(label) }, PackageType: 'Zip', Role: ROLE, Runtime: 'python3.12', Description, ...extra },
  ...(snapshot ? { snapshot, ignore: ['$.CodeSize'] } : {}),
});
/** create_lambda_function_aws's wait until the function is Active. */
const active: SourceStep = { op: 'GetFunctionConfiguration', params: { FunctionName: FUNCTION }, until: { path: '$.State', matches: '^Active$' } };
const invokeAs = (snapshot: string, Qualifier?: string): SourceStep =>
  onFunction('Invoke', snapshot, { Payload: EMPTY_EVENT, ...(Qualifier ? { Qualifier } : {}) }, { jsonStrings: ['$.Payload'] });

/** LocalStack's functions/lambda_timeout.py, in behaviour: print, sleep event.wait seconds, print. */
const TIMEOUT_HANDLER = zip(
  'import logging\nimport time\n\n\ndef handler(event, context):\n    try:\n        print("starting wait")\n        time.sleep(event["wait"])\n        print("done waiting")\n    except Exception as e:\n        print("exception while waiting")\n        logging.error(e)\n',
);

/** LocalStack's functions/lambda_request_id.py, in behaviour: log a line, answer the request id. */
const REQUEST_ID_SOURCE =
  'import logging\n\nlogging.basicConfig(level=logging.INFO)\nLOGGER = logging.getLogger(__name__)\nLOGGER.setLevel(logging.INFO)\n\n\ndef handler(event, context):\n    LOGGER.info("RequestId log message")\n    return context.aws_request_id\n';
/** LocalStack's functions/lambda_context.py, in behaviour: print the request id, fail when asked, else answer it. */
const CONTEXT_REQUEST_ID_SOURCE =
  'def handler(event, context):\n    print(event)\n    print(context.aws_request_id)\n\n    if event.get("fail"):\n        raise Exception("Intentional failure")\n\n    return context.aws_request_id\n';

/** LocalStack's functions/lambda_echo.py zipped as itself (create_lambda_function with a handler names the file). */
const PYTHON_ECHO_FILE = zip('def handler(event, context):\n    return event\n', 'lambda_echo.py');

/** LocalStack's functions/lambda_cache.{js,py}, in behaviour: answer a module-level counter, then increment it. */
const NODE_CACHE = zip('let counter = 0;\n\nexports.handler = async () => ({ counter: counter++ });\n', 'lambda_cache.js');
const PYTHON_CACHE = zip('counter = 0\n\n\ndef handler(event, context):\n    global counter\n    answer = {"counter": counter}\n    counter += 1\n    return answer\n');
/** LocalStack's functions/lambda_response_size.py, in behaviour: print, then answer a string of event.bytenum a's. */
const RESPONSE_SIZE = 'def handler(event, context):\n    print("generating bytes...")\n    return "a" * event["bytenum"]\n';
/** LocalStack's functions/lambda_introspect.py as test_mixed_architecture uses it: answer the machine's platform. */
const INTROSPECT_SOURCE = 'import platform\n\n\ndef handler(event, context):\n    return {"platform_machine": platform.machine()}\n';
/** LocalStack's functions/lambda_sleep_environment.py, in behaviour: sleep event.sleep seconds, answer the environment. */
const SLEEP_ENVIRONMENT = 'import os\nimport time\n\n\ndef handler(event, context):\n    time.sleep(event.get("sleep", 0))\n    return {"environment": dict(os.environ)}\n';
/** LocalStack's functions/lambda_process_inspection.py, in behaviour: answer the environment of the process event.pid. */
const PROCESS_INSPECTION = 'def handler(event, context):\n    with open(f"/proc/{event[\'pid\']}/environ") as f:\n        entries = [e for e in f.read().split("\\0") if e]\n    return {"environment": dict(e.split("=", 1) for e in entries)}\n';
/** LocalStack's functions/lambda_integration.js, in behaviour: log a line, answer {context} through the callback. */
const NODE_CONTEXT = zip(
  "exports.handler = function (event, context, callback) {\n  console.log('Node.js Lambda handler executing.');\n  callback(null, { context });\n};\n",
  'lambda_integration.js',
);

/** LoggingConfig, which AWS has answered since November 2023: not in the recordings made before. */
const SINCE_2023 = ['$.LoggingConfig'];
/** test_lambda_provisioned_concurrency_moves_with_alias's alias (test_alias_<uid>). */
const MOVING_ALIAS = 'test_alias_{{suffix}}';

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

/** Tests of the module deliberately not ported, with the reason. */
const NOT_PORTED: Record<string, string> = {
  'TestLambdaBaseFeatures::test_assume_role':
    "the test records one member (Arn) of the GetCallerIdentity document its handler answers, and a contract cannot select a member inside a JSON payload; the session name it shows (the function's name, with @lambda_function appended to a one-letter name) is tested in test/lambda/invoke.test.ts",
  'TestLambdaConcurrency::test_provisioned_concurrency_init_failure':
    'not reproduced yet: provisioned concurrency whose initialization fails ends FAILED with StatusReason FUNCTION_ERROR_INIT_FAILURE on AWS, a status twinstack does not report yet',
  'TestLambdaFeatures::test_basic_invoke': 'recorded in 2022 by a test that is no longer in the test code (its calls are not known)',
  'TestLambdaFeatures::test_lambda_environment': 'recorded in 2022 by a test that is no longer in the test code (its calls are not known)',
  'TestLambdaFeatures::test_invoke_exceptions': "a stale entry recorded in 2023 under the test module's earlier path (tests/aws/lambda_/); the current recording is ported",
  'TestLambdaFeatures::test_invocation_with_logs':
    "the test records the invocation's log tail (LogResult) decoded and split into lines, a form of the answer a contract does not judge yet; LogType Tail is tested in test/lambda/invoke.test.ts",
  'TestLambdaFeatures::test_invocation_with_qualifier': "uploads a binary zip to S3 (PutObject), which the contract format's text request bodies cannot carry",
  'TestLambdaFeatures::test_upload_lambda_from_s3': "uploads a binary zip to S3 (PutObject), which the contract format's text request bodies cannot carry; S3 code is tested in test/lambda/functions.test.ts",
  'TestLambdaBehavior::test_runtime_introspection_arm':
    "the recorded answer is the sandbox of an AWS machine (the sbx_user1051 user, /var/task and /opt ownership and modes, aarch64), which a function running on this machine does not have",
  'TestLambdaBehavior::test_runtime_introspection_x86':
    'the recorded answer is the sandbox of an AWS machine (the sbx_user1051 user, /var/task and /opt ownership and modes), which a function running on this machine does not have',
  'TestLambdaBehavior::test_runtime_ulimits': "the recorded answer is an AWS machine's resource limits (RLIMIT_NPROC 742, RLIMIT_NOFILE 1024...), which a function running on this machine does not have",
  'TestRequestIdHandling::test_request_id_format': 'records nothing: the test asserts the request id format in its code',
  'TestLambdaBaseFeatures::test_large_payloads': 'records nothing: the test asserts the echo of a large payload in its code',
  'TestLambdaBaseFeatures::test_lambda_large_response': 'records nothing: the test asserts the 6 MB answer in its code',
  'TestLambdaURL::test_lambda_url_headers_and_status': 'records nothing: the test asserts the answer in its code',
  'TestLambdaURL::test_lambda_url_invocation_custom_id': 'records nothing: the test asserts the answer in its code',
  'TestLambdaURL::test_lambda_url_invocation_custom_id_aliased': 'records nothing: the test asserts the answer in its code',
  'TestLambdaURL::test_lambda_url_non_existing_url': 'records nothing: the test asserts the answer in its code',
  'TestLambdaBehavior::test_lambda_invoke_timed_out_environment_reuse':
    "recorded in April 2024 with AWS's earlier timeout answer (`<date> <request id> Task timed out after 1.00 seconds`, no errorType), which the November 2025 recording of test_lambda_invoke_with_timeout shows AWS has since replaced (`RequestId: <id> Error: Task timed out...`, errorType Sandbox.Timedout)",
  'TestLambdaURL::test_lambda_url_echo_http_fixture_default':
    "AWS's event carries the headers of its HTTPS front end (x-amzn-tls-version, x-amzn-tls-cipher-suite), which twinstack's plain-HTTP function URLs cannot truthfully give; the same echo without x-amzn-*/x-forwarded-* headers is ported (test_lambda_url_echo_http_fixture_trim_x_headers)",
  'TestLambdaErrors::test_lambda_runtime_exit_segfault':
    "AWS's answer is the function's 30-second timeout (the Python runtime's stack overflow hangs there): a replay would wait 30 s, and this machine's Python may crash instead",
  'TestLambdaErrors::test_lambda_invoke_payload_encoding_error':
    "AWS's message is its Java JSON parser's text (Jackson's byte positions and wording for invalid UTF-8), which twinstack's parser does not reproduce; the error code and status are tested in test/lambda/*.test.ts",
};

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
      note: 'a RequestResponse answer of nothing was recorded as the text "null", judged as the JSON document null',
      steps: (param) => {
        const nodejs = param.startsWith('nodejs');
        return [
          callerAccount,
          {
            ...echoFunction(nodejs ? 'nodejs18.x' : 'python3.12'),
            params: { ...echoFunction('').params, Runtime: nodejs ? 'nodejs18.x' : 'python3.12', Handler: nodejs ? 'lambda_none.handler' : 'handler.handler', Code: { ZipFile: nodejs ? NODE_NONE : PYTHON_NONE } },
          },
          param.endsWith('-Event') ? invoke('Event', FUNCTION) : invoke('RequestResponse', FUNCTION, { jsonStrings: ['$.Payload'] }),
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
      test: 'TestLambdaConcurrency::test_reserved_concurrency',
      note: "the function's handler never runs (reserved concurrency 0), so an echo handler stands in for lambda_introspect.py; the test's wait for the failure message is a poll of ReceiveMessage",
      steps: [
        callerAccount,
        createFunction({ Timeout: 20 }),
        onFunction('GetFunctionConfiguration', 'fn', { Qualifier: '$LATEST' }, { ignore: ['$.CodeSize'], capture: { latestArn: '$.FunctionArn' } }),
        onFunction('PutFunctionConcurrency', 'put_reserved', { ReservedConcurrentExecutions: 0 }),
        { op: 'Invoke', params: { FunctionName: '{{latestArn}}', InvocationType: 'RequestResponse' }, snapshot: 'exc_no_cap_requestresponse' },
        ...queueSetup('test-queue-{{suffix}}'),
        onFunction('PutFunctionEventInvokeConfig', 'put_event_invoke_conf', { MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: '{{queueArn}}' } } }),
        { op: 'Invoke', params: { FunctionName: '{{latestArn}}', InvocationType: 'Event' }, snapshot: 'invoke_result', delaySeconds: 3 },
        {
          service: 'sqs',
          protocol: 'json',
          op: 'ReceiveMessage',
          params: { QueueUrl: '{{queueUrl}}', AttributeNames: ['All'], WaitTimeSeconds: 5 },
          until: { path: '$.Messages[0].MessageId', matches: '.' },
          snapshot: 'msg',
          select: '$.Messages[0]',
          jsonStrings: ['$.Body'],
        },
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
        versionedFunction('create_response', 'version1', 'No version :('),
        active,
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
      test: 'TestLambdaCleanup::test_recreate_function',
      note: "create_lambda_function waits for the function to be Active after each CreateFunction; the Event invocation after is asserted (202), its log line not recorded",
      steps: [
        callerAccount,
        createRecorded('create_function_response_one', { Handler: 'lambda_echo.handler', Code: { ZipFile: PYTHON_ECHO_FILE } }),
        active,
        { op: 'DeleteFunction', params: { FunctionName: FUNCTION } },
        createRecorded('create_function_response_two', { Handler: 'lambda_echo.handler', Code: { ZipFile: PYTHON_ECHO_FILE } }),
        active,
        { op: 'Invoke', params: { FunctionName: FUNCTION, InvocationType: 'Event' } },
      ],
    },
    {
      test: 'TestLambdaBaseFeatures::test_function_state',
      note: 'create_lambda_function_aws waits for the function to be Active before GetFunction',
      steps: [
        callerAccount,
        { op: 'CreateFunction', params: { FunctionName: FUNCTION, Runtime: 'python3.12', Handler: 'handler.handler', Role: ROLE, Code: { ZipFile: ECHO } }, snapshot: 'create-fn-response', ignore: ['$.CodeSize'] },
        active,
        onFunction('GetFunction', 'get-fn-response', {}, { ignore: ['$.Configuration.CodeSize'] }),
      ],
    },
    {
      test: 'TestLambdaBehavior::test_lambda_invoke_no_timeout',
      note: "the test then reads both of the function's prints in its log (not recorded)",
      steps: [
        callerAccount,
        createRecorded('create-result', { Code: { ZipFile: TIMEOUT_HANDLER }, Timeout: 2 }),
        onFunction('Invoke', 'invoke-result', { Payload: { $blob: Buffer.from('{"wait": 1}').toString('base64') } }, { jsonStrings: ['$.Payload'] }),
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
    {
      test: 'TestLambdaAliases::test_lambda_alias_moving',
      note: "create_lambda_function_aws waits for the function to be Active; the function_updated_v2 waiters are polls of GetFunctionConfiguration until LastUpdateStatus is Successful; the test's retry until the alias runs version 2 is a poll of Invoke",
      steps: [
        callerAccount,
        versionedFunction('create_response', 'version1', 'No version :('),
        active,
        { op: 'PublishVersion', params: { FunctionName: FUNCTION, Description: 'First version description :)' } },
        updated('1'),
        onFunction('CreateAlias', 'create_alias_response', { FunctionVersion: '1', Name: 'alias1' }, { capture: { aliasArn: '$.AliasArn' } }),
        invokeAs('invocation_result_qualifier_v1', 'alias1'),
        { op: 'Invoke', params: { FunctionName: '{{aliasArn}}', Payload: EMPTY_EVENT }, snapshot: 'invocation_result_qualifier_v1_arn', jsonStrings: ['$.Payload'] },
        onFunction('UpdateFunctionCode', 'update_lambda_response', { ZipFile: versionCode('version2') }, { ignore: ['$.CodeSize'] }),
        updated(),
        invokeAs('invocation_result_qualifier_v1_after_update', 'alias1'),
        onFunction('PublishVersion', 'second_publish_response', { Description: 'Second version description :)' }, { ignore: ['$.CodeSize'] }),
        updated('2'),
        invokeAs('invocation_result_qualifier_v1_after_publish', 'alias1'),
        onFunction('UpdateAlias', 'update_alias_response', { Name: 'alias1', FunctionVersion: '2' }),
        { ...invokeAs('invocation_result_qualifier_v2', 'alias1'), until: { path: '$.ExecutedVersion', matches: '^2$' } },
        onFunction('Invoke', 'invocation_exc_not_existent', { Qualifier: 'non-existent-alias', Payload: EMPTY_EVENT }),
      ],
    },
    {
      test: 'TestLambdaAliases::test_alias_routingconfig',
      note: "the function_updated_v2 waiters are polls of GetFunctionConfiguration; the test's invocations until both versions answered are asserted, not recorded, and left out",
      steps: [
        callerAccount,
        versionedFunction(undefined, 'version1', 'First version :)', { Publish: true }),
        updated(),
        { op: 'UpdateFunctionCode', params: { FunctionName: FUNCTION, ZipFile: versionCode('version2') } },
        updated(),
        { op: 'PublishVersion', params: { FunctionName: FUNCTION, Description: 'Second version description :)' } },
        updated('2'),
        onFunction('CreateAlias', 'create_alias_response', { FunctionVersion: '1', Name: 'alias1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }),
      ],
    },
    {
      test: 'TestLambdaFeatures::test_invocation_type_event_error',
      note: "the creation response was recorded in 2023 (python3.10), before AWS answered with LoggingConfig: the function is created with today's fixture and not judged; the test then waits for both attempts' START and REPORT lines in the function's log (not reproduced)",
      steps: [
        callerAccount,
        createFunction({ Code: { ZipFile: zip('class CustomException(Exception):\n    pass\n\n\ndef handler(event, context):\n    raise CustomException("some error occurred")\n') } }),
        onFunction('Invoke', 'invocation_response', { Payload: EMPTY_EVENT, InvocationType: 'Event' }),
      ],
    },
    {
      test: 'TestRequestIdHandling::test_request_id_invoke',
      note: "the test then reads the request id in the function's log lines (not reproduced)",
      steps: [callerAccount, pythonFunction('handler', REQUEST_ID_SOURCE, { Environment: { Variables: {} } }), onFunction('Invoke', 'invoke_result', {}, { jsonStrings: ['$.Payload'] })],
    },
    {
      test: 'TestRequestIdHandling::test_request_id_async_invoke_with_retry',
      note: "the function_updated_v2 waiter is a poll of GetFunctionConfiguration; the test then reads both attempts' END lines in the function's log (not reproduced)",
      steps: [
        callerAccount,
        pythonFunction('handler', CONTEXT_REQUEST_ID_SOURCE, { Environment: { Variables: {} } }),
        { op: 'PutFunctionEventInvokeConfig', params: { FunctionName: FUNCTION, MaximumRetryAttempts: 1 } },
        updated(),
        onFunction('Invoke', 'invoke_result', { InvocationType: 'Event', Payload: { $blob: Buffer.from('{"fail": 1}').toString('base64') } }),
      ],
    },
    {
      test: 'TestLambdaBehavior::test_lambda_cache_local',
      note: 'functions/lambda_cache.{js,py} in behaviour: a module-level counter answered, then incremented, so a reused environment answers 0 then 1',
      steps: (param) => [
        callerAccount,
        param === 'nodejs'
          ? { ...echoFunction('nodejs20.x'), params: { ...echoFunction('nodejs20.x').params, Handler: 'lambda_cache.handler', Code: { ZipFile: NODE_CACHE } } }
          : { ...echoFunction('python3.12'), params: { ...echoFunction('python3.12').params, Code: { ZipFile: PYTHON_CACHE } } },
        onFunction('Invoke', 'first_invoke_result', {}, { jsonStrings: ['$.Payload'] }),
        onFunction('Invoke', 'second_invoke_result', {}, { jsonStrings: ['$.Payload'] }),
      ],
    },
    {
      test: 'TestLambdaBaseFeatures::test_lambda_too_large_response',
      note: "functions/lambda_response_size.py in behaviour (it prints, then answers a string of event.bytenum a's); the test's later look for its print in the log is not recorded",
      steps: [
        callerAccount,
        pythonFunction('handler', RESPONSE_SIZE, { Environment: { Variables: {} } }),
        ...['invoke_result', 'invoke_result_2'].map((snapshot) => onFunction('Invoke', snapshot, { Payload: { $blob: Buffer.from('{"bytenum": 7340032}').toString('base64') } }, { jsonStrings: ['$.Payload'] })),
      ],
    },
    {
      test: 'TestLambdaBehavior::test_mixed_architecture',
      note: "the invocations' platform (x86_64, then aarch64) is asserted in the test's code, not recorded, so they are setup here; the function_updated_v2 waiter is a poll of GetFunctionConfiguration",
      steps: [
        callerAccount,
        { ...pythonFunction('handler', INTROSPECT_SOURCE, { Architectures: ['x86_64'], Environment: { Variables: {} } }), snapshot: 'create_function_response', within: 'CreateFunctionResponse', ignore: ['$.CodeSize'] },
        { op: 'Invoke', params: { FunctionName: FUNCTION } },
        onFunction('UpdateFunctionCode', 'update_function_code_response', { ZipFile: zip(INTROSPECT_SOURCE, 'handler.py'), Architectures: ['arm64'] }, { ignore: ['$.CodeSize'] }),
        updated(),
        { op: 'Invoke', params: { FunctionName: FUNCTION } },
      ],
    },
    {
      test: 'TestLambdaBaseFeatures::test_lambda_different_iam_keys_environment',
      note: "only the function's creation is recorded: the comparison of two concurrent environments' credentials is asserted in the test's code",
      steps: [callerAccount, { ...pythonFunction('handler', SLEEP_ENVIRONMENT, { Environment: { Variables: {} } }), snapshot: 'create-result', within: 'CreateFunctionResponse', ignore: ['$.CodeSize'] }],
    },
    {
      test: 'TestLambdaBehavior::test_lambda_init_environment',
      note: "the function's creation; its answer (lambda-init-inspection: the environment of process 1 of an AWS machine, which the test itself says no longer works on AWS) is left out",
      steps: [callerAccount, { ...pythonFunction('handler', PROCESS_INSPECTION, { Runtime: 'python3.14', Environment: { Variables: {} } }), snapshot: 'create-result', within: 'CreateFunctionResponse', ignore: ['$.CodeSize'] }],
    },
    {
      test: 'TestLambdaFeatures::test_lambda_with_context',
      note: "functions/lambda_integration.js in behaviour (it logs a line and answers {context}); recorded in 2022 on nodejs16.x, the runtime the test then used; the test's look for the line in the log is not recorded",
      steps: [
        callerAccount,
        {
          ...echoFunction('nodejs16.x'),
          params: { ...echoFunction('nodejs16.x').params, Handler: 'lambda_integration.handler', Code: { ZipFile: NODE_CONTEXT } },
          snapshot: 'creation',
          within: 'CreateFunctionResponse',
          // Members AWS has answered since this 2022 recording (SnapStart, runtime versions, logging configuration).
          ignore: ['$.CodeSize', '$.SnapStart', '$.RuntimeVersionConfig', '$.LoggingConfig'],
        },
        onFunction(
          'Invoke',
          'invocation',
          { Payload: EMPTY_EVENT, ClientContext: Buffer.from(JSON.stringify({ custom: { foo: 'bar' }, client: { snap: ['crackle', 'pop'] }, env: { fizz: 'buzz' } })).toString('base64') },
          { jsonStrings: ['$.Payload'] },
        ),
      ],
    },
    {
      test: 'TestLambdaConcurrency::test_lambda_provisioned_concurrency_moves_with_alias',
      note: "recorded in 2023 on python3.8, the runtime the test then used; the test's invocations (their initialization types asserted in its code, not recorded) are setup steps, and its waits are polls",
      steps: [
        callerAccount,
        {
          ...invocationTypeFunction,
          params: { ...invocationTypeFunction.params, Runtime: 'python3.8', Timeout: 2 },
          snapshot: 'create-result',
          within: 'CreateFunctionResponse',
          ignore: ['$.CodeSize', ...SINCE_2023],
        },
        onFunction('GetFunctionConfiguration', 'get-function-configuration', { Qualifier: '$LATEST' }, { capture: { revision: '$.RevisionId' }, ignore: SINCE_2023 }),
        onFunction('PublishVersion', 'publish_version_1', { RevisionId: '{{revision}}', Description: 'my-first-version' }, { ignore: SINCE_2023 }),
        onFunction('GetFunctionConfiguration', 'get_function_configuration_version_1', { Qualifier: '1' }, { ignore: SINCE_2023 }),
        updated('1'),
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: '1' } },
        onFunction('CreateAlias', 'create_alias', { FunctionVersion: '1', Name: MOVING_ALIAS }),
        onFunction('GetFunction', 'get_function_before_provisioned', { Qualifier: '1' }, { ignore: ['$.Configuration.LoggingConfig'] }),
        { op: 'PutProvisionedConcurrencyConfig', params: { FunctionName: FUNCTION, Qualifier: MOVING_ALIAS, ProvisionedConcurrentExecutions: 1 } },
        { op: 'GetProvisionedConcurrencyConfig', params: { FunctionName: FUNCTION, Qualifier: MOVING_ALIAS }, until: { path: '$.Status', matches: '^READY$' } },
        onFunction('GetFunction', 'get_function_after_provisioned', { Qualifier: MOVING_ALIAS }, { ignore: ['$.Configuration.LoggingConfig'] }),
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: '1' } },
        { op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier: MOVING_ALIAS } },
        { op: 'UpdateFunctionConfiguration', params: { FunctionName: FUNCTION, Timeout: 10 } },
        updated(),
        onFunction('GetFunctionConfiguration', 'get_function_after_update', {}, { capture: { revision: '$.RevisionId' }, ignore: SINCE_2023 }),
        onFunction('PublishVersion', 'publish_version_2', { RevisionId: '{{revision}}' }, { ignore: SINCE_2023 }),
        onFunction('UpdateAlias', 'update_alias', { FunctionVersion: '2', Name: MOVING_ALIAS }),
        onFunction('GetProvisionedConcurrencyConfig', 'get_provisioned_config_after_alias_move', { Qualifier: MOVING_ALIAS }),
        { op: 'GetProvisionedConcurrencyConfig', params: { FunctionName: FUNCTION, Qualifier: MOVING_ALIAS }, until: { path: '$.Status', matches: '^READY$', timeoutSeconds: 600 } },
        ...['1', '2', MOVING_ALIAS].map((Qualifier): SourceStep => ({ op: 'Invoke', params: { FunctionName: FUNCTION, Qualifier } })),
        onFunction('GetProvisionedConcurrencyConfig', 'provisioned_concurrency_notfound', { Qualifier: '2' }),
      ],
    },
    ...urlScenarios,
  ],
  notPorted: (test) =>
    test.startsWith('TestLambdaMultiAccounts::')
      ? "needs a second account's credentials (the secondary_aws_client fixture) and a grant between the two accounts, which the contract format, signing every call with the target's one set of credentials, cannot express; cross-account access is tested in test/lambda/*.test.ts"
      : Object.hasOwn(NOT_PORTED, test) ? NOT_PORTED[test] : undefined,
  notPortedOtherwise:
    "runtime behaviour not reproduced as contracts yet: these scenarios need the test's own handler sources, read the function's logs, or judge what the test computed from several calls; logs, context, environment, init and throttling are reproduced with real handlers by test/lambda/*.test.ts, and several recorded answers with boto3 by test/lambda/snapshot.test.ts",
};

export default source;
