// LocalStack's multi-runtime tests (tests/aws/services/lambda_/test_lambda_common.py, Apache-2.0): the uncaught
// exception test is reproduced for the Node.js and Python runtimes; the others say why not. Their Java, .NET and Ruby
// variants run handlers twinstack does not run.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { callerAccount, CODE_SIZE, FUNCTION, ROLE, zip } from './lambda-api/common.ts';

/** The uncaughtexception scenario's handlers, in behaviour: print the event, fail naming its error_msg. */
const UNCAUGHT = {
  python: zip('import json\n\ndef handler(event, ctx):\n    print(json.dumps(event))\n    raise Exception(f"Failed: {event.get(\'error_msg\')}")\n'),
  nodejs: zip('exports.handler = async function (event, context) {\n  throw Error(`Error: ${event.error_msg}`);\n};\n', 'index.js'),
};

/** The wrapper scenario's package: the test adds this script to the introspection handler, which answers its environment. */
const WRAPPER = { environment_wrapper: '#!/bin/bash\nexport WRAPPER_VAR=test-value\nexec "$@"\n' };
const WRAPPED = {
  python: zip('import os\n\ndef handler(event, ctx):\n    return {"environment": {"WRAPPER_VAR": os.environ.get("WRAPPER_VAR")}}\n', 'handler.py', WRAPPER),
  nodejs: zip('exports.handler = async () => ({ environment: { WRAPPER_VAR: process.env.WRAPPER_VAR } });\n', 'index.js', WRAPPER),
};

/**
 * The introspection scenario's handlers, in behaviour: answer the environment, the context's members and an empty
 * package list. (The test's Node.js handler reads `memoryLimitInMb`, which Node's context does not have: its answer
 * has no memory_limit_in_mb, and neither has this one's.)
 */
const INTROSPECTION = {
  python: zip(
    'import json\nimport os\n\n\ndef handler(event, context):\n    print(json.dumps(event))\n    ctx = {\n        "function_name": context.function_name,\n        "function_version": context.function_version,\n        "invoked_function_arn": context.invoked_function_arn,\n        "memory_limit_in_mb": context.memory_limit_in_mb,\n        "aws_request_id": context.aws_request_id,\n        "log_group_name": context.log_group_name,\n        "log_stream_name": context.log_stream_name,\n        "remaining_time_in_millis": context.get_remaining_time_in_millis(),\n    }\n    return {"environment": dict(os.environ), "ctx": ctx, "packages": []}\n',
  ),
  nodejs: zip(
    'exports.handler = async (event, context) => ({\n  environment: process.env,\n  ctx: {\n    function_name: context.functionName,\n    function_version: context.functionVersion,\n    invoked_function_arn: context.invokedFunctionArn,\n    aws_request_id: context.awsRequestId,\n    log_group_name: context.logGroupName,\n    log_stream_name: context.logStreamName,\n    remaining_time_in_millis: context.getRemainingTimeInMillis(),\n  },\n  packages: [],\n});\n',
    'index.js',
  ),
};

/** The runtime tests' function: their handler file for the runtime's language, 1024 MB, the code written for it. */
function runtimeFunction(runtime: string, code: Record<'nodejs' | 'python', ReturnType<typeof zip>>, Environment?: { Variables: Record<string, string> }): SourceStep {
  const nodejs = runtime.startsWith('nodejs');
  return {
    op: 'CreateFunction',
    params: { FunctionName: FUNCTION, Runtime: runtime, Handler: nodejs ? 'index.handler' : 'handler.handler', Role: ROLE, Code: { ZipFile: code[nodejs ? 'nodejs' : 'python'] }, MemorySize: 1024, ...(Environment ? { Environment } : {}) },
    snapshot: 'create_function_result',
    ignore: CODE_SIZE,
  };
}

const REASONS: Record<string, string> = {
  'TestLambdaRuntimesCommon::test_echo_invoke': "records nothing: the test asserts the echo in its code (Node.js and Python echo functions are tested in test/lambda/*.test.ts)",
  'TestLambdaCallingLocalstack::test_manual_endpoint_injection':
    "records nothing: the test asserts in its code that the handler's AWS SDK reached SQS through AWS_ENDPOINT_URL (handlers' SDK clients reaching twinstack are tested in test/lambda/managed-sdk.test.ts)",
};

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda_common',
  snapshotDir: 'lambda',
  testDir: 'lambda_',
  variants: {},
  defaultProtocol: 'rest-json',
  scenarios: [
    {
      test: 'TestLambdaRuntimesCommon::test_uncaught_exception_invoke',
      note: "the [nodejs*] and [python*] variants; the stack trace, which the test redacts, is not judged",
      steps: (runtime) => {
        const nodejs = runtime.startsWith('nodejs');
        return [
          callerAccount,
          runtimeFunction(runtime, UNCAUGHT),
          {
            op: 'Invoke',
            params: { FunctionName: FUNCTION, Payload: { $blob: Buffer.from('{"error_msg": "some_error_msg"}').toString('base64') } },
            snapshot: 'error_result',
            jsonStrings: ['$.Payload'],
            ignore: [nodejs ? '$.Payload.trace' : '$.Payload.stackTrace'],
          },
        ];
      },
    },
    {
      test: 'TestLambdaRuntimesCommon::test_introspection_invoke',
      note: "the [nodejs*] and [python*] variants; the answers' environment is not judged: it is the environment of an AWS machine (/var/task, the runtime API at 169.254.100.1:9001, LANG, PATH, the X-Ray daemon), which a function running on this machine does not have (the variables Lambda defines are tested in test/lambda/invoke.test.ts); the context's members are",
      steps: (runtime) => {
        const invoke = (FunctionName: string, snapshot: string): SourceStep => ({
          op: 'Invoke',
          params: { FunctionName, Payload: { $blob: Buffer.from('{"simple": "payload"}').toString('base64') } },
          snapshot,
          select: '$.Payload',
          jsonStrings: ['$'],
          ignore: ['$.environment'],
        });
        return [
          callerAccount,
          { ...runtimeFunction(runtime, INTROSPECTION, { Variables: { TEST_KEY: 'TEST_VAL' } }), capture: { functionArn: '$.FunctionArn' } },
          invoke(FUNCTION, 'invocation_result_payload'),
          invoke('{{functionArn}}:$LATEST', 'invocation_result_payload_qualified'),
        ];
      },
    },
    {
      test: 'TestLambdaRuntimesCommon::test_runtime_wrapper_invoke',
      note: "the [nodejs*] and [python*] variants; AWS's answer to the Invoke (the wrapper's variable in the environment) was asserted, not recorded, so that step is setup",
      steps: (runtime) => {
        return [
          callerAccount,
          runtimeFunction(runtime, WRAPPED, { Variables: { AWS_LAMBDA_EXEC_WRAPPER: '/var/task/environment_wrapper' } }),
          { op: 'Invoke', params: { FunctionName: FUNCTION, Payload: { $blob: Buffer.from('{"simple": "payload"}').toString('base64') } } },
        ];
      },
    },
  ],
  skippedVariants: {
    ...Object.fromEntries(
      ['provided.al2', 'provided.al2023'].map((runtime) => [
        runtime,
        `runs the scenario's ${runtime} bootstrap: for the introspection and uncaught-exception scenarios a compiled Rust program of several MB that a contract file should not carry (the echo scenario records nothing)`,
      ]),
    ),
    ...Object.fromEntries(
    ['java8.al2', 'java11', 'java17', 'java21', 'java25', 'dotnet6', 'dotnet8', 'dotnet10', 'ruby3.2', 'ruby3.3', 'ruby3.4'].map((runtime) => [
      runtime,
      `runs the ${runtime} handler of LocalStack's multiruntime scenarios; twinstack runs Node.js, Python and provided (bootstrap) functions only`,
    ]),
    ),
  },
  notPorted: (test) => REASONS[test],
  notPortedOtherwise: 'not reproduced yet',
};

export default source;
