// LocalStack's AWS-validated change set suites (github.com/localstack/localstack, tests/aws/services/cloudformation/
// test_change_set_*.py, Apache-2.0): each test deploys a template through a change set and updates it with a second
// one, snapshotting every step (the `capture_update_process` fixture). The templates and parameters the tests sent are
// data in cloudformation/capture-update-process.json; expected responses come only from the recorded snapshots.
import { readFileSync } from 'node:fs';
import type { SourceFile, SourceScenario, SourceStep } from '../../verifier/port/source-types.ts';
import { BEFORE_LAST_OPERATIONS, waitForChangeSet, waitForStack } from './cloudformation/common.ts';

interface Captured {
  t1: string;
  t2: string;
  p1: Record<string, string>;
  p2: Record<string, string>;
  /** Words the snapshot's transformers wrote -> the generated names the test sent. */
  names: Record<string, string>;
  /** The fixture sent Capabilities (it did from 2025-08-05; AWS's answers echo them). */
  capabilities: boolean;
}

const DATA = JSON.parse(readFileSync(new URL('./cloudformation/capture-update-process.json', import.meta.url), 'utf8')) as { tests: Record<string, Captured> };

const STACK = 'stack-{{suffix}}';
const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'];

/** One stage of the fixture: a change set made, waited for, described with and without property values, executed. */
function stage(n: 1 | 2, test: Captured): SourceStep[] {
  const parameters = n === 1 ? test.p1 : test.p2;
  const id = `{{changeSet${n}}}`;
  return [
    {
      op: 'CreateChangeSet',
      params: {
        StackName: STACK,
        ChangeSetName: 'cs-{{suffix}}',
        TemplateBody: n === 1 ? test.t1 : test.t2,
        ChangeSetType: n === 1 ? 'CREATE' : 'UPDATE',
        ...(test.capabilities ? { Capabilities: CAPABILITIES } : {}),
        Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      },
      snapshot: `create-change-set-${n}`,
      capture: { [`changeSet${n}`]: '$.Id', stackId: '$.StackId' },
    },
    waitForChangeSet(id),
    // Not judged: twinstack does not give the before and after property values (BeforeContext, AfterContext) yet.
    { op: 'DescribeChangeSet', params: { ChangeSetName: id, IncludePropertyValues: true } },
    // The fixture sorts the changes by logical id; AWS orders a change's details differently from call to call.
    { op: 'DescribeChangeSet', params: { ChangeSetName: id, IncludePropertyValues: false }, snapshot: `describe-change-set-${n}`, unordered: ['$.Changes', '$.Changes[*].ResourceChange.Details'] },
    { op: 'ExecuteChangeSet', params: { ChangeSetName: id }, snapshot: `execute-change-set-${n}` },
    waitForStack('{{stackId}}'),
    { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: `post-create-${n}-describe`, select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
  ];
}

function captureUpdateProcess(test: Captured): SourceStep[] {
  return [
    ...stage(1, test),
    ...stage(2, test),
    { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
    waitForStack('{{stackId}}'),
    { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: 'delete-describe', select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
  ];
}

const NOTE =
  "capture_update_process: the change sets' and stack's waiters are polling steps; per-resource-events is a digest the fixture built from DescribeStackEvents (not a response), and the describe-change-set-N-prop-values entries (IncludePropertyValues) are not judged: twinstack does not give BeforeContext and AfterContext yet";

/** The module's tests, as captured: one scenario per test (its parametrized variants by their parameter). */
function sourceFor(module: string): SourceFile {
  const prefix = `${module}.py::`;
  const byTest = new Map<string, Record<string, Captured>>();
  for (const [nodeId, captured] of Object.entries(DATA.tests)) {
    if (!nodeId.startsWith(prefix)) continue;
    const [, test, param = ''] = /^(.*?)(?:\[(.*)\])?$/.exec(nodeId.slice(prefix.length))!;
    byTest.set(test, { ...byTest.get(test), [param]: captured });
  }
  const scenarios: SourceScenario[] = [...byTest].map(([test, variants]) => ({
    test,
    note: NOTE,
    steps: (param) => captureUpdateProcess(variants[param]),
    expandedWords: (param) => variants[param].names,
  }));
  return {
    service: 'cloudformation',
    module,
    snapshotDir: 'cloudformation',
    variants: {},
    defaultProtocol: 'query',
    // The modules repeat each other's test names: their contracts carry the module's name.
    idPrefix: `${module}.`,
    scenarios,
    notPorted: {},
    notPortedOtherwise: 'not reproduced yet: the test deploys through other fixtures (macros, S3 includes, SSM parameters made first) or snapshots errors of its own calls',
  };
}

const MODULES = ['conditions', 'depends_on', 'exports_imports', 'fn_base64', 'fn_get_attr', 'fn_join', 'fn_select', 'fn_split', 'fn_sub', 'fn_transform', 'global_macros', 'mappings', 'parameters', 'ref', 'values'];

export default [...MODULES.map((m) => sourceFor(`test_change_set_${m}`)), sourceFor('test_change_sets')];
