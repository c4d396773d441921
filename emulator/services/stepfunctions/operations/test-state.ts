import { randomUUID } from 'node:crypto';
import type { InspectionData, MockInput, TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { checkDefinition, invalidDefinitionMessage, type MachineDef, type QueryLanguage, type StateDef } from '../asl/definition.ts';
import { asStatesError, StatesError } from '../asl/errors.ts';
import type { Json } from '../asl/query.ts';
import { executionInputError, parseJsonInput, SfnErrors } from '../errors.ts';
import { Variables, type ExecutionEnv, type TestRun } from '../runtime/env.ts';
import { EventLog, Frame, payload } from '../runtime/events.ts';
import { runState } from '../runtime/interpreter.ts';
import type { Execution, SfnState } from '../state.ts';

type Ctx = RequestContext<SfnState>;

/** The name AWS's TestState gives a state tested on its own (in its definition errors and in `$$.State.Name`). */
const TESTED = 'StateName';
/** Inspection data members that are numbers, not JSON documents as text. */
const NUMBER_MEMBERS = new Set(['maxConcurrency', 'toleratedFailureCount', 'toleratedFailurePercentage']);

/**
 * TestState: one state run on its own, for real (its task calls are made) or with its result mocked (a Map's or
 * Parallel's too, which run only with a mock), with the processing steps reported as inspection data at INFO, DEBUG or
 * TRACE level. Retriers retry nothing: the answer says whether the state would be retried (RETRIABLE).
 */
export async function testState(input: TestStateInput, ctx: Ctx): Promise<TestStateOutput> {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(input.definition!) as Record<string, unknown>;
  } catch {
    throw new AwsError('InvalidDefinition', invalidDefinitionMessage(checkDefinition(input.definition!).diagnostics));
  }
  const isMachine = parsed.States !== undefined;
  const name = isMachine ? (input.stateName ?? (parsed.StartAt as string)) : TESTED;
  const found = isMachine ? findState(parsed as unknown as MachineDef, name) : { def: parsed as unknown as StateDef };
  const def = found?.def;
  if (!def && input.stateName !== undefined) throw SfnErrors.validation('State not found in definition');
  if (!def) throw new AwsError('InvalidDefinition', `Invalid State Machine Definition: 'The state ${name} does not exist'`);
  const wrapper = JSON.stringify({ StartAt: name, States: { [name]: { ...def, ...(def.Type === 'Choice' || def.Type === 'Succeed' || def.Type === 'Fail' || def.Next || def.End ? {} : { End: true }) } }, ...(isMachine && parsed.QueryLanguage ? { QueryLanguage: parsed.QueryLanguage } : {}) });
  const check = checkDefinition(wrapper);
  const relevant = check.diagnostics.filter((d) => d.code !== 'MISSING_TRANSITION_TARGET');
  if (relevant.length) throw new AwsError('InvalidDefinition', invalidDefinitionMessage(relevant));
  const mockResult = checkMock(input, def);
  // A mocked task calls nothing, so it needs no role (AWS's TestState takes one without a roleArn).
  if (def.Type === 'Task' && !input.roleArn && !input.mock) throw SfnErrors.validation('RoleArn must be specified when testing a Task state');
  const context = input.context === undefined ? undefined : checkContext(parseJsonInput(input.context, executionInputError), def);
  const text = input.input ?? '{}';
  const value = parseJsonInput(text, executionInputError);
  // The input or mocked result passed on unchanged is answered as the text given, as AWS answers it.
  const textOf = (v: unknown) => (v === undefined ? payload(v) : mockResult !== undefined && v === mockResult ? input.mock!.result! : v === value && typeof v === 'object' ? text : payload(v));
  const inspection: Record<string, unknown> = { input: text };
  // AWS runs the state in an express execution of a machine of its own, both named at random.
  const machineName = randomUUID();
  const executionName = randomUUID();
  const execution: Execution = {
    arn: ctx.state.arn(`express:${machineName}:${executionName}`),
    name: executionName,
    stateMachineArn: ctx.state.arn(`stateMachine:${machineName}`),
    config: { definition: wrapper, roleArn: input.roleArn ?? '', type: 'STANDARD', loggingConfiguration: { level: 'OFF' }, tracingConfiguration: { enabled: false }, revisionId: '' },
    machineName,
    status: 'RUNNING',
    startDate: ctx.emulator.clock.date(),
    input: text,
    events: [],
    redriveCount: 0,
    recorded: false,
  };
  const role = parseArn(input.roleArn ?? '');
  const controller = new AbortController();
  const test: TestRun = {
    inspect: (step, v) => (inspection[step] = NUMBER_MEMBERS.has(step) ? v : textOf(v)),
    ...(input.mock ? { mock: mocked(input.mock, mockResult) } : {}),
    ...(context ? { context } : {}),
    configuration: { retrierRetryCount: input.stateConfiguration?.retrierRetryCount, mapIterationFailureCount: input.stateConfiguration?.mapIterationFailureCount },
    report: {},
  };
  const env: ExecutionEnv = {
    emulator: ctx.emulator,
    state: ctx.state,
    execution,
    log: new EventLog(execution.events, ctx.emulator.clock),
    signal: controller.signal,
    caller: role ? { accountId: role.accountId || ctx.accountId, arn: input.roleArn! } : ctx.caller,
    context: {
      Execution: { Id: execution.arn, Input: value, Name: execution.name, RoleArn: input.roleArn ?? null, StartTime: execution.startDate.toISOString() },
      StateMachine: { Id: execution.stateMachineArn, Name: machineName },
    },
    test,
  };
  const vars = new Variables();
  for (const [k, v] of Object.entries(input.variables ? (JSON.parse(input.variables) as Record<string, unknown>) : {})) vars.set(k, v);
  const level = input.inspectionLevel ?? 'INFO';
  // The variables after the state (those given and those it assigned), when there are any.
  const variables = () => (vars.all().size ? { variables: payload(Object.fromEntries(vars.all())) } : {});
  const data = () => (level === 'INFO' ? undefined : { inspectionData: { ...inspection, ...variables(), ...(test.report.errorDetails ? { errorDetails: test.report.errorDetails } : {}) } as InspectionData });
  try {
    const outcome = await runState(env, { frame: new Frame(0), vars, language: (def.QueryLanguage ?? found?.language ?? (parsed.QueryLanguage as 'JSONata' | undefined) ?? 'JSONPath') as 'JSONPath' | 'JSONata' }, name, def, value);
    const { caught } = test.report;
    return {
      ...(caught ? { error: caught.error, ...(caught.cause !== undefined ? { cause: caught.cause } : {}) } : {}),
      output: textOf(outcome.output),
      ...(outcome.next !== undefined ? { nextState: outcome.next } : {}),
      status: caught ? 'CAUGHT_ERROR' : 'SUCCEEDED',
      ...data(),
    };
  } catch (thrown) {
    const error = asStatesError(thrown);
    return { ...(error.error ? { error: error.error } : {}), ...(error.causeText !== undefined ? { cause: error.causeText } : {}), status: test.report.retriable ? 'RETRIABLE' : 'FAILED', ...data() };
  } finally {
    controller.abort();
  }
}

/**
 * TestState's rules for `mock` and `stateConfiguration`, checked before anything runs: a mock only for a Task, Map or
 * Parallel state (which need one), one result or error, and a Map's or Parallel's result of the shape the state
 * gives. The mocked result, parsed.
 */
function checkMock(input: TestStateInput, def: StateDef): Json | undefined {
  const { mock, stateConfiguration: configuration } = input;
  const iterates = def.Type === 'Map' || def.Type === 'Parallel';
  if (!mock) {
    if (configuration?.mapIterationFailureCount !== undefined) throw SfnErrors.validation('TestState does not support MapIterationFailureCount when a mock is not specified.');
    if (iterates) throw new AwsError('InvalidDefinition', 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]');
    return undefined;
  }
  if (mock.result !== undefined && mock.errorOutput) throw SfnErrors.validation('A test mock should have only one of the following fields: [result, errorOutput].');
  if (input.revealSecrets) throw SfnErrors.validation('TestState does not support RevealSecrets when a mock is specified.');
  if (def.Type !== 'Task' && !iterates) throw SfnErrors.validation(`State type '${def.Type}' is not supported when a mock is specified`);
  if (mock.errorOutput) return undefined;
  let result: Json;
  try {
    result = JSON.parse(mock.result ?? 'null') as Json;
  } catch {
    throw SfnErrors.validation('Mocked result must be valid JSON');
  }
  if (def.Type === 'Map' && def.ResultWriter !== undefined) {
    if (typeof result !== 'object' || result === null || Array.isArray(result)) throw SfnErrors.validation('Mocked result must be a JSON object.');
  } else if (iterates && !Array.isArray(result)) throw SfnErrors.validation('Mocked result must be an array.');
  if (def.Type === 'Parallel' && (result as Json[]).length !== ((def.Branches as unknown[] | undefined) ?? []).length)
    throw SfnErrors.validation('Mocked result must contain the same number of items as number of Parallel branches.');
  if (def.Type === 'Map' && Array.isArray(result) && (configuration?.mapIterationFailureCount ?? 0) > result.length)
    throw SfnErrors.validation('Map iteration failure count must be less than or equal to the number of Map iterations');
  return result;
}

/** The members a context object given to TestState may have, and those of its Execution. */
const CONTEXT_MEMBERS = new Set(['Execution', 'State', 'StateMachine', 'Task']);
const EXECUTION_MEMBERS = new Set(['Id', 'Input', 'Name', 'RoleArn', 'StartTime', 'RedriveCount', 'RedriveTime']);
const EXECUTION_TEXT = ['Id', 'Name', 'RoleArn', 'StartTime'];

/** A context object (`$$`) TestState is given, checked as AWS checks it. */
function checkContext(given: unknown, def: StateDef): Record<string, unknown> {
  const invalid = (why: string) => SfnErrors.validation(`Invalid Context object provided: ${why}`);
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw invalid('Context object must be a JSON object');
  const context = given as Record<string, unknown>;
  for (const member of Object.keys(context)) {
    if (member === 'Map') throw invalid("'Map' field is not supported when mocking a Context object");
    if (!CONTEXT_MEMBERS.has(member)) throw invalid(`Field '${member}' is not allowed`);
  }
  const execution = (context.Execution ?? {}) as Record<string, unknown>;
  for (const member of Object.keys(execution)) if (!EXECUTION_MEMBERS.has(member)) throw invalid(`Field '${member}' is not allowed`);
  for (const member of EXECUTION_TEXT) if (Object.hasOwn(execution, member) && typeof execution[member] !== 'string') throw invalid(`Execution.${member} must be a string`);
  const resource = typeof def.Resource === 'string' ? def.Resource : '';
  if (Object.hasOwn(context, 'Task') && !(def.Type === 'Task' && /\.(sync(:2)?|waitForTaskToken)$/.test(resource)))
    throw invalid("Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern");
  return context;
}

/**
 * The state a stateName names, anywhere in the machine (a Map's ItemProcessor or Iterator, a Parallel's branches), and
 * the query language its enclosing states give it.
 */
function findState(machine: MachineDef, name: string, language?: QueryLanguage): { def: StateDef; language?: QueryLanguage } | undefined {
  const states = (machine.States ?? {}) as Record<string, StateDef>;
  if (Object.hasOwn(states, name)) return { def: states[name], language };
  for (const state of Object.values(states)) {
    const inner = state.QueryLanguage ?? language;
    const machines = [state.ItemProcessor ?? state.Iterator, ...((state.Branches as MachineDef[] | undefined) ?? [])].filter((m): m is MachineDef => !!m && typeof m === 'object');
    for (const child of machines) {
      const hit = findState(child, name, inner);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The mocked outcome: its result (parsed once), or its error and cause. */
function mocked(mock: MockInput, result: Json | undefined): () => Json {
  if (mock.errorOutput) {
    const { error, cause } = mock.errorOutput;
    return () => {
      throw new StatesError(error ?? 'States.TaskFailed', cause);
    };
  }
  return () => result as Json;
}
