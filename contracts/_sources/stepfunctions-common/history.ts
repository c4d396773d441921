// How a Step Functions execution history recorded by LocalStack's AWS-validated tests is read back and judged: shared
// by the sources that replay those tests (github.com/localstack/localstack, tests/aws/services/stepfunctions/v2,
// Apache-2.0).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotRoot } from '../../../verifier/port/snapshot-root.ts';
import type { SourceStep } from '../../../verifier/port/source-types.ts';

export interface HistoryEvent {
  id: number;
  previousEventId?: number;
  type: string;
  stateEnteredEventDetails?: { input?: string };
}
export type Snapshot = Record<string, { 'recorded-date': string; 'recorded-content': Record<string, { events?: HistoryEvent[] }> }>;
export type Recorded = Snapshot[string];

/** Polls a history until the execution's end is in it. */
export const ENDED = { path: '$.events', matches: '"type":"Execution(Succeeded|Failed|TimedOut|Aborted)"' };

/** The caller's account, which role ARNs name: the replay learns it first. */
export const CALLER: SourceStep = { service: 'sts', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' }, protocol: 'query' };
/** The execution role the tests create (its ARN redacted as `snf_role_arn`); twinstack does not assume it. */
export const ROLE_ARN = 'arn:{{partition}}:iam::{{accountId}}:role/sfn-role';

/**
 * Whether the recorded history shows the execution's end: the test read it once the execution had ended (LocalStack's
 * `create_and_record_execution` awaits that), so the replay polls for it too rather than reading it straight after
 * StartExecution. An execution that waits (a 0 s Wait state still waits for a timer) may not have ended by then.
 */
export function endsInRecording(recorded: Recorded, key: string): boolean {
  const events = recorded['recorded-content'][key]?.events ?? [];
  return new RegExp(ENDED.matches).test(JSON.stringify(events.at(-1) ?? {}));
}

/** The date from which AWS links a distributed Map's MapStateExited to MapRunStarted (its first recording doing so). */
const MAP_EXIT_LINK_CHANGE = Date.UTC(2024, 10, 13);
/** The date from which AWS writes the first state's input re-serialized, not as the client sent it (its first recording doing so). */
const FIRST_INPUT_CHANGE = Date.UTC(2024, 6, 20);

function recordedAt(recorded: Recorded): number {
  const [day, month, year] = recorded['recorded-date'].split(',')[0].split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

/**
 * The first state's input in a recording made before AWS began writing it re-serialized (2024-07: two recordings of
 * `["Hello", "World"]` show `["Hello","World"]` there; the twelve earlier ones, the client's text): judged as JSON.
 */
export function clientTextFirstInput(recorded: Recorded, key: string): string[] {
  const input = recorded['recorded-content'][key]?.events?.[1]?.stateEnteredEventDetails?.input;
  if (recordedAt(recorded) >= FIRST_INPUT_CHANGE || input === undefined) return [];
  try {
    return JSON.stringify(JSON.parse(input)) === input ? [] : ['$.events[1].stateEnteredEventDetails.input'];
  } catch {
    return [];
  }
}

/**
 * The paths of a history's MapStateExited links to MapRunSucceeded, in a recording made before AWS changed that link to
 * MapRunStarted (every recording from 2024-11-13 on links it so; every earlier one, to MapRunSucceeded): not judged,
 * as twinstack writes what AWS writes now.
 */
export function outdatedMapExitLinks(recorded: Recorded, key: string): string[] {
  const events = recorded['recorded-content'][key]?.events ?? [];
  if (recordedAt(recorded) >= MAP_EXIT_LINK_CHANGE) return [];
  const typeOf = new Map(events.map((e) => [e.id, e.type]));
  return events.flatMap((e, i) => (e.type === 'MapStateExited' && typeOf.get(e.previousEventId!) === 'MapRunSucceeded' ? [`$.events[${i}].previousEventId`] : []));
}

/**
 * GetExecutionHistory judged against the history recorded under `key`: read once the execution has ended where the
 * recording shows its end (or after `waited` waits), with the forms of the recording's time (see above).
 */
export function historyStep(recorded: Recorded, key: string, executionArn: string, jsonStrings: string[], waited = false): SourceStep {
  const ignore = outdatedMapExitLinks(recorded, key);
  return {
    op: 'GetExecutionHistory',
    params: { executionArn },
    snapshot: key,
    jsonStrings: [...jsonStrings, ...clientTextFirstInput(recorded, key)],
    ...(ignore.length ? { ignore } : {}),
    ...(waited || endsInRecording(recorded, key) ? { until: ENDED } : {}),
  };
}

/** Members AWS types as text (a JSON document) that the snapshot holds decoded: judged as JSON. */
const DOCUMENT_MEMBERS = new Set(['input', 'output', 'cause', 'parameters']);

/** The paths, in a recorded answer, of JSON documents sent as text that the snapshot stores decoded. */
export function decodedDocuments(value: unknown): string[] {
  const recorded = (value ?? {}) as { events?: Record<string, unknown>[] } & Record<string, unknown>;
  const decoded = (members: Record<string, unknown>, path: string) =>
    Object.entries(members).flatMap(([name, v]) => (DOCUMENT_MEMBERS.has(name) && typeof v !== 'string' ? [`${path}.${name}`] : []));
  const events = (recorded.events ?? []).flatMap((event, i) =>
    Object.entries(event).flatMap(([name, details]) => {
      if (!name.endsWith('EventDetails') || !details || typeof details !== 'object') return [];
      const path = `$.events[${i}].${name}`;
      const assigned = (details as { assignedVariables?: Record<string, unknown> }).assignedVariables ?? {};
      return [
        ...decoded(details as Record<string, unknown>, path),
        ...Object.entries(assigned).flatMap(([variable, v]) => (typeof v !== 'string' ? [`${path}.assignedVariables.${variable}`] : [])),
      ];
    }),
  );
  // TestState's inspection data: each member is a JSON document as text.
  const inspection = Object.entries((recorded.inspectionData ?? {}) as Record<string, unknown>).flatMap(([name, v]) => (v && typeof v === 'object' && name !== 'errorDetails' && name !== 'request' && name !== 'response' ? [`$.inspectionData.${name}`] : []));
  return [...decoded(recorded, '$'), ...events, ...inspection];
}

/** A recorded test module (its folder under the snapshots and its file name). */
interface RecordedModule {
  dir: string;
  module: string;
}

/** The module's AWS-validated snapshot file. */
export const moduleSnapshot = (m: RecordedModule): Snapshot => JSON.parse(readFileSync(join(snapshotRoot(), m.dir, `${m.module}.snapshot.json`), 'utf8')) as Snapshot;

/** What every Step Functions source file of a recorded module declares alike: its names, ids and the JSON protocol. */
export const moduleSourceBase = (m: RecordedModule) => ({
  service: 'stepfunctions',
  module: m.module,
  snapshotDir: m.dir,
  idPrefix: `${m.module}.${m.dir.split('/').pop()}.`,
  variants: {},
  defaultProtocol: 'json' as const,
});
