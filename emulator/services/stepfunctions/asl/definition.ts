/**
 * An Amazon States Language definition: its shape, and the checks AWS makes when a state machine is created,
 * updated or validated (ValidateStateMachineDefinition's diagnostics, CreateStateMachine's InvalidDefinition).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- definitions are user JSON, read field by field */
import { parseTimestamp } from './timestamp.ts';
export type QueryLanguage = 'JSONPath' | 'JSONata';

export interface RetrierDef {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface CatcherDef {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: unknown;
  Assign?: Record<string, unknown>;
}

export interface StateDef {
  Type: 'Task' | 'Wait' | 'Pass' | 'Succeed' | 'Fail' | 'Choice' | 'Parallel' | 'Map';
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  Next?: string;
  End?: boolean;
  InputPath?: string | null;
  OutputPath?: string | null;
  Parameters?: unknown;
  Arguments?: unknown;
  ResultSelector?: unknown;
  ResultPath?: string | null;
  Result?: unknown;
  Output?: unknown;
  Assign?: Record<string, unknown>;
  Retry?: RetrierDef[];
  Catch?: CatcherDef[];
  [field: string]: any;
}

export interface MachineDef {
  StartAt: string;
  States: Record<string, StateDef>;
  Comment?: string;
  Version?: string;
  TimeoutSeconds?: number;
  QueryLanguage?: QueryLanguage;
  ProcessorConfig?: { Mode?: string; ExecutionType?: string };
}

export interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  location?: string;
}

const STATE_TYPES = ['Task', 'Wait', 'Pass', 'Succeed', 'Fail', 'Choice', 'Parallel', 'Map'];

/** Parses and checks a definition; `definition` is set only when there is no ERROR diagnostic. */
export function checkDefinition(text: string, machineType: 'STANDARD' | 'EXPRESS' = 'STANDARD'): { definition?: MachineDef; diagnostics: Diagnostic[] } {
  if (text.trim() === '') return { diagnostics: [schema('Definition must be a valid JSON object')] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { diagnostics: [invalidJson(text)] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { diagnostics: [schema('Definition must be a valid JSON object')] };
  const diagnostics: Diagnostic[] = [];
  checkMachine(parsed as Record<string, any>, '', diagnostics, { machineType, topLanguage: (parsed as MachineDef).QueryLanguage ?? 'JSONPath' });
  return diagnostics.some((d) => d.severity === 'ERROR') ? { diagnostics } : { definition: parsed as MachineDef, diagnostics };
}

/** The message of CreateStateMachine's InvalidDefinition for the first failing diagnostics, as AWS words it. */
export function invalidDefinitionMessage(diagnostics: Diagnostic[]): string {
  const parts = diagnostics.filter((d) => d.severity === 'ERROR').map((d) => `${d.code}: ${d.message}${d.location ? ` at ${d.location}` : ''}`);
  return `Invalid State Machine Definition: '${parts.join(', ')}'`;
}

function schema(message: string, location?: string): Diagnostic {
  return { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, ...(location === undefined ? {} : { location }) };
}

/** Jackson's wording for text that is not JSON, which is what AWS's parser reports. */
function invalidJson(text: string): Diagnostic {
  const token = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
  const source = `[Source: (String)"${text.length > 500 ? `${text.slice(0, 500)}"[truncated ${text.length - 500} chars]` : `${text}"`}; line: 1, column: ${token ? token[0].length + 1 : 1}]`;
  const message = token
    ? `Unrecognized token '${token[1]}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`
    : 'Unexpected character: was expecting a JSON value';
  return { severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: `${message}\n at ${source}`, location: source };
}

interface Scope {
  machineType: 'STANDARD' | 'EXPRESS';
  topLanguage: QueryLanguage;
}

function checkMachine(machine: Record<string, any>, at: string, out: Diagnostic[], scope: Scope): void {
  const missing = ['States', 'StartAt'].filter((f) => machine[f] === undefined);
  if (missing.length) {
    out.push(schema(`These fields are required: [${missing.join(', ')}]`, at || '/'));
    return;
  }
  if (typeof machine.StartAt !== 'string') out.push(schema("The field 'StartAt' must be a string", `${at}/StartAt`));
  if (typeof machine.States !== 'object' || machine.States === null || Array.isArray(machine.States)) {
    out.push(schema("The field 'States' must be an object", `${at}/States`));
    return;
  }
  if (machine.QueryLanguage !== undefined && !['JSONPath', 'JSONata'].includes(machine.QueryLanguage))
    out.push(schema("The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]", `${at}/QueryLanguage`));
  const names = Object.keys(machine.States);
  if (typeof machine.StartAt === 'string' && !names.includes(machine.StartAt))
    out.push({ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: `Missing 'Next' target: ${machine.StartAt}`, location: `${at}/StartAt` });
  for (const name of names) checkState(name, machine.States[name], `${at}/States/${name}`, names, out, scope);
}

function checkState(name: string, state: any, at: string, names: string[], out: Diagnostic[], scope: Scope): void {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    out.push(schema('The state must be an object', at));
    return;
  }
  if (name.length > 80) out.push(schema('State names must be at most 80 characters long', at));
  if (!STATE_TYPES.includes(state.Type)) {
    out.push(schema(`The field 'Type' should have one of these values: [${STATE_TYPES.join(', ')}]`, `${at}/Type`));
    return;
  }
  const language: QueryLanguage = state.QueryLanguage ?? scope.topLanguage;
  if (state.QueryLanguage !== undefined && !['JSONPath', 'JSONata'].includes(state.QueryLanguage))
    out.push(schema("The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]", `${at}/QueryLanguage`));
  if (scope.topLanguage === 'JSONata' && state.QueryLanguage === 'JSONPath')
    out.push(schema("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", at));
  const transitions = !['Succeed', 'Fail', 'Choice'].includes(state.Type);
  if (transitions) {
    if (state.Next === undefined && state.End !== true)
      out.push(schema(`This state must have a 'Next' field or be an 'End' state`, at));
    if (state.Next !== undefined && state.End === true) out.push(schema("The fields 'Next' and 'End' cannot both be set", at));
  }
  const target = (next: unknown, where: string) => {
    if (typeof next === 'string' && !names.includes(next)) out.push({ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: `Missing 'Next' target: ${next}`, location: where });
  };
  target(state.Next, `${at}/Next`);
  if (state.Type === 'Choice') {
    if (!Array.isArray(state.Choices) || state.Choices.length === 0) out.push(schema(state.Choices === undefined ? "These fields are required: [Choices]" : 'Value cannot be empty', state.Choices === undefined ? at : `${at}/Choices`));
    else state.Choices.forEach((choice: any, i: number) => target(choice?.Next, `${at}/Choices[${i}]/Next`));
    target(state.Default, `${at}/Default`);
  }
  for (const [i, catcher] of ((Array.isArray(state.Catch) ? state.Catch : []) as any[]).entries()) target(catcher?.Next, `${at}/Catch[${i}]/Next`);
  if (language === 'JSONata') {
    for (const field of ['InputPath', 'OutputPath', 'Parameters', 'ResultSelector', 'ResultPath', 'ItemsPath', 'SecondsPath', 'TimestampPath', 'ErrorPath', 'CausePath', 'ItemSelector'])
      if (state[field] !== undefined && !(field === 'ItemSelector')) out.push(schema(`The field '${field}' is not supported for the JSONata query language`, `${at}/${field}`));
  } else {
    for (const field of ['Arguments', 'Output'])
      if (state[field] !== undefined) out.push(schema(`The field '${field}' is only supported for the JSONata query language`, `${at}/${field}`));
  }
  if (state.Type === 'Task') checkTask(state, at, out, scope);
  if (state.Type === 'Parallel') {
    if (!Array.isArray(state.Branches)) out.push(schema('These fields are required: [Branches]', at));
    else if (state.Branches.length === 0) out.push(schema('Value cannot be empty', `${at}/Branches`));
    else state.Branches.forEach((branch: any, i: number) => checkMachine(branch ?? {}, `${at}/Branches[${i}]`, out, { ...scope, topLanguage: language }));
  }
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    if (!processor) out.push(schema('These fields are required: [ItemProcessor]', at));
    else checkMachine(processor, `${at}/${state.ItemProcessor ? 'ItemProcessor' : 'Iterator'}`, out, { ...scope, topLanguage: language });
    // A JSONata expression is judged when the state runs.
    const percentage = state.ToleratedFailurePercentage;
    const expression = language === 'JSONata' && typeof percentage === 'string' && /^\{%.*%\}$/s.test(percentage);
    if (percentage !== undefined && !expression && !(percentage >= 0 && percentage <= 100))
      out.push(schema('ToleratedFailurePercentage must be between 0 and 100', `${at}/ToleratedFailurePercentage`));
  }
  if (state.Type === 'Wait') {
    const fields = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'].filter((f) => state[f] !== undefined);
    if (fields.length !== 1) out.push(schema("A Wait state must have exactly one of 'Seconds', 'Timestamp', 'SecondsPath' or 'TimestampPath'", at));
    // A literal Timestamp is checked at creation; a JSONata state's `{% %}` expression only when it runs.
    const expression = language === 'JSONata' && typeof state.Timestamp === 'string' && /^\{%.*%\}$/s.test(state.Timestamp);
    if (state.Timestamp !== undefined && !expression && parseTimestamp(state.Timestamp) === undefined) out.push(schema('String does not match RFC3339 timestamp', `${at}/Timestamp`));
  }
}

function checkTask(state: any, at: string, out: Diagnostic[], scope: Scope): void {
  if (typeof state.Resource !== 'string') {
    out.push(schema('These fields are required: [Resource]', at));
    return;
  }
  if (state.Credentials !== undefined && (typeof state.Credentials !== 'object' || state.Credentials === null || (state.Credentials.RoleArn === undefined && state.Credentials['RoleArn.$'] === undefined)))
    out.push(schema("The field 'RoleArn' is required but was missing", `${at}/Credentials`));
  if (scope.machineType !== 'EXPRESS') return;
  if (/\.sync(:2)?$/.test(state.Resource)) out.push(schema("Express state machine does not support '.sync' service integration", `${at}/Resource`));
  else if (state.Resource.endsWith('.waitForTaskToken')) out.push(schema("Express state machine does not support '.waitForTaskToken' service integration ", `${at}/Resource`));
  else if (/^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(state.Resource)) out.push(schema('Express state machine does not support Activity ARN', `${at}/Resource`));
}
