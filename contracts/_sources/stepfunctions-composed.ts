// LocalStack's AWS-validated Step Functions tests that build their state machine themselves, from several templates
// or from one they edit (a state replaced, a field set, a template chosen by the test's parameter), and need no other
// service (github.com/localstack/localstack, tests/aws/services/stepfunctions/v2, Apache-2.0), reproduced as request
// sequences. Each variant lists the test's calls in order: CreateStateMachine with the definition exactly as the test
// sent it (the template after the test's edits), StartExecution with its input, and the calls whose answers the test
// snapshotted (GetExecutionHistory, DescribeExecution, StartSyncExecution), under the snapshot key holding AWS's answer.
// A call's ARN is the `{{callN}}` capture of the N-th call of the test. Found once by running the test code against a
// recording stand-in for boto3 (its calls are facts of the request sequence); the expectations come only from the
// snapshots.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { CALLER, decodedDocuments, ENDED, historyStep, moduleSnapshot, moduleSourceBase, type Recorded, ROLE_ARN } from './stepfunctions-common/history.ts';

/** One call of the test; `roleArn: "ROLE"` is the execution role the test created (see ROLE_ARN). */
interface Call {
  op: 'CreateStateMachine' | 'StartExecution' | 'StartSyncExecution' | 'DescribeExecution' | 'GetExecutionHistory' | 'TestState';
  params: Record<string, unknown>;
  /** The snapshot key under which the test recorded this call's answer. */
  snapshot?: string;
  /** The call's place among the test's calls (its ARN is `{{callN}}`). */
  call: number;
  /** AWS refused the call (the test expected it to raise): nothing to capture. */
  fails?: true;
  /** Not a call the test judged: it awaited the execution's end here (polling its history), and so does the replay. */
  awaitsEnd?: true;
}

interface Module {
  module: string;
  dir: string;
  tests: { test: string; variants: Record<string, Call[]>; unportedVariants?: Record<string, string> }[];
  /** Words the test's own transformers wrote in place of values (a random number, a start time): any value there. */
  redactedWords?: string[];
}

/** The tests' calls, as data (see above). */
const RECORDED = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'stepfunctions-common', 'composed-calls.json'), 'utf8')) as Module[];

function steps(calls: Call[], recorded: Recorded): SourceStep[] {
  const content = recorded['recorded-content'] as Record<string, unknown>;
  return [
    CALLER,
    ...calls.map(({ op, params, snapshot, call, awaitsEnd, fails }): SourceStep => {
      if (awaitsEnd) return { op, params, until: ENDED };
      if (fails) return { op, params: op === 'CreateStateMachine' || params.roleArn !== undefined ? { ...params, roleArn: ROLE_ARN } : params, snapshot };
      const judged = snapshot === undefined ? {} : { snapshot, jsonStrings: decodedDocuments(content[snapshot]) };
      if (op === 'TestState' && params.roleArn !== undefined) return { op, params: { ...params, roleArn: ROLE_ARN }, ...judged };
      if (op === 'CreateStateMachine') return { op, params: { ...params, roleArn: ROLE_ARN }, capture: { [`call${call}`]: '$.stateMachineArn' }, ...judged };
      if (op === 'StartExecution') return { op, params, capture: { [`call${call}`]: '$.executionArn' }, ...judged };
      if (op === 'GetExecutionHistory') return historyStep(recorded, snapshot!, params.executionArn as string, judged.jsonStrings ?? []);
      return { op, params, ...judged };
    }),
  ];
}

const ported = (t: Module['tests'][number]) => Object.keys(t.variants).length > 0;

const sources: SourceFile[] = RECORDED.map((m) => {
  const snapshot = moduleSnapshot(m);
  const recordedOf = (test: string, param: string) => snapshot[`tests/aws/services/${m.dir}/${m.module}.py::${test}${param === '' ? '' : `[${param}]`}`];
  const tests = new Set(m.tests.map((t) => t.test));
  return {
    ...moduleSourceBase(m),
    redactedWords: Object.fromEntries(['snf_role_arn', 'sfn_role_arn', ...(m.redactedWords ?? [])].map((word) => [word, 'any' as const])),
    claims: (test) => tests.has(test),
    scenarios: m.tests.filter(ported).map((t) => ({
      test: t.test,
      steps: (param: string) => steps(t.variants[param], recordedOf(t.test, param)),
      ...(t.unportedVariants ? { unportedVariants: t.unportedVariants } : {}),
    })),
    // A test none of whose variants is ported: the reason its variants share.
    notPorted: Object.fromEntries(m.tests.filter((t) => !ported(t)).map((t) => [t.test, Object.values(t.unportedVariants ?? {})[0]])),
  };
});

export default sources;
