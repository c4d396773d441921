// TestLambdaRecursion and TestLambdaSnapStart scenarios of test_lambda_api.py that Python functions reproduce.
import type { SourceScenario } from '../../../verifier/port/source-types.ts';
import { callerAccount, CODE_SIZE, CONFIGURATION_CODE_SIZE, createFunction, ECHO, FUNCTION, onFunction, ROLE } from './common.ts';

const recursionFunction = createFunction({ Description: 'Lambda with recursion test' });

/** The multiruntime fixture's CreateFunction: the runtime's echo handler, no environment, its own response recorded. */
const multiruntimeCreate = (runtime: string) => ({
  op: 'CreateFunction',
  params: { FunctionName: FUNCTION, Runtime: runtime, Handler: 'handler.handler', Role: ROLE, Code: { ZipFile: ECHO }, MemorySize: 1024, Timeout: 5 },
  snapshot: 'create_function_response',
  ignore: CODE_SIZE,
});

export const functionSettingScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaRecursion::test_put_function_recursion_config_allow',
    steps: [
      callerAccount,
      recursionFunction,
      onFunction('PutFunctionRecursionConfig', 'put_recursion_config_response', { RecursiveLoop: 'Allow' }),
      onFunction('GetFunctionRecursionConfig', 'get_recursion_config_response'),
    ],
  },
  {
    test: 'TestLambdaRecursion::test_put_function_recursion_config_default_terminate',
    steps: [callerAccount, recursionFunction, onFunction('GetFunctionRecursionConfig', 'get_recursion_default_terminate_response')],
  },
  {
    test: 'TestLambdaRecursion::test_put_function_recursion_config_invalid_value',
    steps: [callerAccount, recursionFunction, onFunction('PutFunctionRecursionConfig', 'put_recursion_invalid_value_error', { RecursiveLoop: 'InvalidValue' })],
  },
  {
    test: 'TestLambdaSnapStart::test_snapstart_exceptions',
    steps: [
      callerAccount,
      {
        op: 'CreateFunction',
        params: {
          FunctionName: 'invalid-function-{{suffix}}',
          Handler: 'cloud.localstack.sample.LambdaHandlerWithLib',
          Code: { ZipFile: ECHO },
          PackageType: 'Zip',
          Role: ROLE,
          Runtime: 'java21',
          SnapStart: { ApplyOn: 'invalidOption' },
        },
        snapshot: 'create_function_invalid_snapstart_apply',
      },
    ],
  },
  {
    test: 'TestLambdaSnapStart::test_snapstart_lifecycle',
    note: "the [python*] variants, with the echo handler of LocalStack's multiruntime fixture; the test waits for the published version to be active before reading it",
    steps: (runtime) => [
      callerAccount,
      multiruntimeCreate(runtime),
      { op: 'PublishVersion', params: { FunctionName: FUNCTION, Description: 'version1' } },
      onFunction('GetFunction', 'get_function_response_latest', {}, { ignore: CONFIGURATION_CODE_SIZE }),
      { op: 'GetFunction', params: { FunctionName: `${FUNCTION}:1` }, snapshot: 'get_function_response_version_1', ignore: CONFIGURATION_CODE_SIZE },
    ],
  },
  {
    test: 'TestLambdaSnapStart::test_snapstart_update_function_configuration',
    note: "the [python*] variants, with the echo handler of LocalStack's multiruntime fixture",
    steps: (runtime) => [
      callerAccount,
      multiruntimeCreate(runtime),
      onFunction('UpdateFunctionConfiguration', 'update_function_response', { SnapStart: { ApplyOn: 'PublishedVersions' } }, { ignore: CODE_SIZE }),
    ],
  },
];
