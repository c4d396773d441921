// TestLambdaSizeLimits scenarios of test_lambda_api.py: the 4 KB environment limit, as the test measures it (the
// variables as compact JSON).
import type { SourceScenario } from '../../../verifier/port/source-types.ts';
import { callerAccount, createFunction, createRecorded } from './common.ts';

const KB = 1024;
/** `"x"` repeated so the JSON of `{ LARGE_VAR: ... }` is `total` bytes long (7 bytes of braces, quotes and colon). */
const largeVar = (total: number) => 'x'.repeat(total - 7 - 'LARGE_VAR'.length);

export const sizeLimitScenarios: SourceScenario[] = [
  {
    test: 'TestLambdaSizeLimits::test_large_environment_variables_fails',
    note: 'the test then checks that GetFunction finds no function; the recorded answer is the refusal',
    steps: [
      callerAccount,
      { ...createFunction({ Environment: { Variables: { LARGE_VAR: largeVar(4 * KB + 1) } } }), capture: undefined, snapshot: 'failed_create_fn_result' },
      { op: 'GetFunction', params: { FunctionName: 'fn-{{suffix}}' }, fails: true },
    ],
  },
  {
    test: 'TestLambdaSizeLimits::test_large_environment_fails_multiple_keys',
    steps: [
      callerAccount,
      {
        ...createFunction({ Environment: { Variables: { SMALL_VAR: 'ok', LARGE_VAR: 'x'.repeat(4064) } } }),
        capture: undefined,
        snapshot: 'failured_create_fn_result_multi_key',
      },
      { op: 'GetFunction', params: { FunctionName: 'fn-{{suffix}}' }, fails: true },
    ],
  },
  {
    test: 'TestLambdaSizeLimits::test_lambda_envvars_near_limit_succeeds',
    steps: [callerAccount, createRecorded('successful_create_fn_result', { Environment: { Variables: { LARGE_VAR: largeVar(4 * KB) } } })],
  },
];
