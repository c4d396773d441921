// LocalStack's `capture_update_process` fixture (github.com/localstack/localstack,
// localstack-core/localstack/testing/pytest/cloudformation/fixtures.py, Apache-2.0) as a request sequence: a stack
// deployed through a change set and updated through a second one, every step snapshotted. The templates and
// parameters its tests sent are data in capture-update-process.json.
import { readFileSync } from 'node:fs';
import type { SourceScenario, SourceStep } from '../../../verifier/port/source-types.ts';
import { BEFORE_LAST_OPERATIONS, STACK, waitForChangeSet, waitForStack } from './common.ts';

export interface Captured {
  t1: string;
  t2: string;
  p1: Record<string, string>;
  p2: Record<string, string>;
  /** Words the snapshot's transformers wrote -> the generated names the test sent. */
  names: Record<string, string>;
  /** The fixture sent Capabilities (it did from 2025-08-05; AWS's answers echo them). */
  capabilities: boolean;
  /**
   * Recorded before 2025-05-19: AWS then gave the Add changes of an IncludePropertyValues description a `Replacement`
   * of "True" (its recordings since do not), so that member of those descriptions is not judged.
   */
  addsShowReplacement?: boolean;
  /** Why the describe-change-set-N-prop-values entries of this test are not judged, when they are not. */
  propertyValuesNotJudged?: string;
  /** Calls the test made before the first change set, and between the two stages (SSM parameters). */
  before?: Call[];
  between?: Call[];
}

interface Call {
  service: string;
  op: string;
  params: Record<string, unknown>;
}

/** A test's own call: a setup step; the clients of the services it calls (SSM) speak AWS JSON. */
function setup(calls: Call[] = []): SourceStep[] {
  return calls.map(({ service, op, params }) => ({ service, op, params, protocol: 'json' }));
}

const DATA = JSON.parse(readFileSync(new URL('./capture-update-process.json', import.meta.url), 'utf8')) as {
  tests: Record<string, Captured>;
  /** Recorded variants whose recording is empty, with the reason. */
  unrecorded: Record<string, string>;
};

/**
 * DescribeChangeSet with IncludePropertyValues: the resources' before and after properties are JSON text, which the
 * snapshot stores decoded; the fixture sorts the changes, and AWS orders a change's details differently each call.
 */
export const PROPERTY_VALUES: Partial<SourceStep> = {
  jsonStrings: ['$.Changes[*].ResourceChange.BeforeContext', '$.Changes[*].ResourceChange.AfterContext'],
  unordered: ['$.Changes', '$.Changes[*].ResourceChange.Details'],
};

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
    {
      op: 'DescribeChangeSet',
      params: { ChangeSetName: id, IncludePropertyValues: true },
      ...(test.propertyValuesNotJudged ? {} : { ...PROPERTY_VALUES, snapshot: `describe-change-set-${n}-prop-values` }),
      ...(test.addsShowReplacement ? { ignore: ['$.Changes[*].ResourceChange.Replacement'] } : {}),
    },
    // The fixture sorts the changes by logical id; AWS orders a change's details differently from call to call.
    { op: 'DescribeChangeSet', params: { ChangeSetName: id, IncludePropertyValues: false }, snapshot: `describe-change-set-${n}`, unordered: ['$.Changes', '$.Changes[*].ResourceChange.Details'] },
    { op: 'ExecuteChangeSet', params: { ChangeSetName: id }, snapshot: `execute-change-set-${n}` },
    waitForStack('{{stackId}}'),
    { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: `post-create-${n}-describe`, select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
  ];
}

export function captureUpdateProcess(test: Captured): SourceStep[] {
  return [
    ...setup(test.before),
    ...stage(1, test),
    ...setup(test.between),
    ...stage(2, test),
    { op: 'DeleteStack', params: { StackName: '{{stackId}}' } },
    waitForStack('{{stackId}}'),
    { op: 'DescribeStacks', params: { StackName: '{{stackId}}' }, snapshot: 'delete-describe', select: '$.Stacks[0]', ignore: BEFORE_LAST_OPERATIONS },
  ];
}

const NOTE =
  "capture_update_process: the change sets' and stack's waiters are polling steps; per-resource-events (and a test's all-events) are digests the test built from DescribeStackEvents, not responses";

/**
 * The captured tests of one test file (`api/test_stacks.py`, relative to tests/aws/services/cloudformation/): one
 * scenario per test, its parametrized variants by their parameter. Tests recorded under another file (`v2/`) too.
 */
export function updateProcessScenarios(file: string): SourceScenario[] {
  const byTest = new Map<string, { recordedIn?: string; variants: Record<string, Captured>; unported: Record<string, string> }>();
  const split = (nodeId: string) => {
    const at = nodeId.indexOf('::');
    const [, test, param = ''] = /^(.*?)(?:\[(.*)\])?$/.exec(nodeId.slice(at + 2))!;
    return { path: nodeId.slice(0, at), test, param };
  };
  for (const [nodeId, captured] of Object.entries(DATA.tests)) {
    const { path, test, param } = split(nodeId);
    const moved = path === `v2/${file}`;
    if (path !== file && !moved) continue;
    const entry = byTest.get(test) ?? { ...(moved ? { recordedIn: `cloudformation/${path}` } : {}), variants: {}, unported: {} };
    entry.variants[param] = captured;
    byTest.set(test, entry);
  }
  for (const [nodeId, reason] of Object.entries(DATA.unrecorded)) {
    const { path, test, param } = split(nodeId);
    if (path === file) byTest.get(test)!.unported[param] = reason;
  }
  return [...byTest].map(([test, { recordedIn, variants, unported }]) => ({
    test,
    note: [NOTE, ...new Set(Object.values(variants).flatMap((v) => (v.propertyValuesNotJudged ? [v.propertyValuesNotJudged] : [])))].join('; '),
    ...(recordedIn ? { recordedIn } : {}),
    ...(Object.keys(unported).length ? { unportedVariants: unported } : {}),
    steps: (param) => captureUpdateProcess(variants[param]),
    expandedWords: (param) => variants[param].names,
  }));
}
