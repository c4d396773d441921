// LocalStack's multi-runtime tests (tests/aws/services/lambda_/test_lambda_runtimes.py, Apache-2.0). The Node.js
// test is reproduced (every nodejs* runtime runs on the Node.js that runs twinstack); the others say why not.
import type { SourceFile } from '../../verifier/port/source-types.ts';
import { callerAccount, CODE_SIZE, createFunction, zip } from './lambda-api/common.ts';

/** LocalStack's functions/lambda_handler_es6.mjs, in behaviour: log the event, answer a greeting naming it. */
const ES6_HANDLER = zip(
  'export const handler = async (event) => {\n  console.log(JSON.stringify(event));\n  return { statusCode: 200, body: JSON.stringify(`response from localstack lambda: ${JSON.stringify(event)}`) };\n};\n',
  'lambda_handler_es6.mjs',
);

const source: SourceFile = {
  service: 'lambda',
  module: 'test_lambda_runtimes',
  snapshotDir: 'lambda',
  testDir: 'lambda_',
  variants: {},
  defaultProtocol: 'rest-json',
  // The module's transformer writes CodeSha256 as `<code-sha-256>`, numbered: `<<code-sha-256>:1>`.
  redactedWords: { '<<code-sha-256>:1>': 'any' },
  scenarios: [
    {
      test: 'TestNodeJSRuntimes::test_invoke_nodejs_es6_lambda',
      note: 'the test then waits for the function\'s log events in CloudWatch Logs (not recorded)',
      steps: (runtime) => [
        callerAccount,
        {
          ...createFunction({ FunctionName: 'test-function-{{suffix}}', Runtime: runtime, Handler: 'lambda_handler_es6.handler', Code: { ZipFile: ES6_HANDLER } }),
          snapshot: 'creation-result',
          within: 'CreateFunctionResponse',
          ignore: CODE_SIZE,
        },
        {
          op: 'Invoke',
          params: { FunctionName: 'test-function-{{suffix}}', Payload: { $blob: Buffer.from('{"event_type": "test_lambda"}').toString('base64') } },
          snapshot: 'invocation-result',
          jsonStrings: ['$.Payload'],
        },
      ],
    },
  ],
  notPorted: (test) => {
    if (test.startsWith('TestJavaRuntimes::')) return 'deploys Java handlers (prebuilt jars); twinstack runs Node.js, Python and provided (bootstrap) functions only';
    if (test === 'TestPythonRuntimes::test_handler_in_submodule') {
      return "records nothing: the test asserts the handler's answer in its code; a handler in a package named by a Python keyword (localstack_package.def.main) is run by test/lambda/runtimes.test.ts";
    }
    if (test === 'TestPythonRuntimes::test_python_runtime_correct_versions') {
      return "records nothing, and cannot hold here: the handler answers the interpreter's version, which must equal the runtime's; every python* runtime runs on the machine's one python3 (the function's log says so when they differ)";
    }
    if (test === 'TestGoProvidedRuntimes::test_uncaught_exception_invoke') {
      return "deploys the scenario's Go program compiled against aws-lambda-go: a binary of several MB that a contract file should not carry; provided (bootstrap) functions are tested in test/lambda/invoke.test.ts";
    }
    if (test === 'TestGoProvidedRuntimes::test_manual_endpoint_injection') return "records nothing: the test asserts in its code that the Go handler reached SQS (a compiled binary as above)";
    if (test === 'TestCloudwatchLogs::test_multi_line_prints') {
      return "the recorded value is the function's log events read back from CloudWatch Logs after polling, which the test itself leaves unverified ('the logs are too different'): AWS's INIT_START line names runtime versions of AWS machines";
    }
    return undefined;
  },
};

export default source;
