import { randomUUID } from 'node:crypto';
import type { MockInput, TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { checkDefinition, invalidDefinitionMessage, type MachineDef, type QueryLanguage, type StateDef } from '../asl/definition.ts';
import { asStatesError, StatesError } from '../asl/errors.ts';
import type { Json } from '../asl/query.ts';
import { executionInputError, parseJsonInput, SfnErrors } from '../errors.ts';
import { Variables, type ExecutionEnv } from '../runtime/env.ts';
import { EventLog, Frame, payload } from '../runtime/events.ts';
import { runState } from '../runtime/interpreter.ts';
import type { Execution, SfnState } from '../state.ts';

type Ctx = RequestContext<SfnState>;

/**
 * TestState: one state run on its own, for real (its task calls are made), with the processing steps reported as
 * inspection data at INFO, DEBUG or TRACE level. Map and Parallel states are refused, as AWS refuses them.
 */
export async function testState(input: TestStateInput, ctx: Ctx): Promise<TestStateOutput> {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(input.definition!) as Record<string, unknown>;
  } catch {
    throw new AwsError('InvalidDefinition', invalidDefinitionMessage(checkDefinition(input.definition!).diagnostics));
  }
  const isMachine = parsed.States !== undefined;
  const name = isMachine ? (input.stateName ?? (parsed.StartAt as string)) : 'TestState';
  const found = isMachine ? findState(parsed as unknown as MachineDef, name) : { def: parsed as unknown as StateDef };
  const def = found?.def;
  if (!def) throw new AwsError('InvalidDefinition', `Invalid State Machine Definition: 'The state ${name} does not exist'`);
  if (def.Type === 'Map' || def.Type === 'Parallel')
    throw new AwsError('InvalidDefinition', 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]');
  const wrapper = JSON.stringify({ StartAt: name, States: { [name]: { ...def, ...(def.Type === 'Choice' || def.Type === 'Succeed' || def.Type === 'Fail' || def.Next || def.End ? {} : { End: true }) } }, ...(isMachine && parsed.QueryLanguage ? { QueryLanguage: parsed.QueryLanguage } : {}) });
  const check = checkDefinition(wrapper);
  const relevant = check.diagnostics.filter((d) => d.code !== 'MISSING_TRANSITION_TARGET');
  if (relevant.length) throw new AwsError('InvalidDefinition', invalidDefinitionMessage(relevant));
  // A mocked task calls nothing, so it needs no role (AWS's TestState takes one without a roleArn).
  if (def.Type === 'Task' && !input.roleArn && !input.mock) throw SfnErrors.validation('RoleArn must be specified when testing a Task state');
  const text = input.input ?? '{}';
  const value = parseJsonInput(text, executionInputError);
  const inspection: Record<string, string> = { input: text };
  const execution: Execution = {
    arn: ctx.state.arn(`execution:TestStateMachine:${randomUUID()}`),
    name: 'TestState',
    stateMachineArn: ctx.state.arn('stateMachine:TestStateMachine'),
    config: { definition: wrapper, roleArn: input.roleArn ?? '', type: 'STANDARD', loggingConfiguration: { level: 'OFF' }, tracingConfiguration: { enabled: false }, revisionId: '' },
    machineName: 'TestStateMachine',
    status: 'RUNNING',
    startDate: ctx.emulator.clock.date(),
    input: text,
    events: [],
    redriveCount: 0,
    recorded: false,
  };
  const role = parseArn(input.roleArn ?? '');
  const controller = new AbortController();
  const env: ExecutionEnv = {
    emulator: ctx.emulator,
    state: ctx.state,
    execution,
    log: new EventLog(execution.events, ctx.emulator.clock),
    signal: controller.signal,
    caller: role ? { accountId: role.accountId || ctx.accountId, arn: input.roleArn! } : ctx.caller,
    context: { Execution: { Id: execution.arn, Input: value, Name: execution.name, RoleArn: input.roleArn, StartTime: execution.startDate.toISOString() }, StateMachine: { Id: execution.stateMachineArn, Name: execution.machineName } },
    test: {
      inspect: (step, v) => (inspection[step] = payload(v)),
      ...(input.mock ? { mock: mocked(input.mock) } : {}),
      ...(input.context !== undefined ? { context: parseJsonInput(input.context, executionInputError) as Record<string, unknown> } : {}),
    },
  };
  const vars = new Variables();
  for (const [k, v] of Object.entries(input.variables ? (JSON.parse(input.variables) as Record<string, unknown>) : {})) vars.set(k, v);
  const level = input.inspectionLevel ?? 'INFO';
  const data = () => (level === 'INFO' ? undefined : { inspectionData: inspection });
  try {
    const outcome = await runState(env, { frame: new Frame(0), vars, language: (def.QueryLanguage ?? found?.language ?? (parsed.QueryLanguage as 'JSONata' | undefined) ?? 'JSONPath') as 'JSONPath' | 'JSONata' }, name, def, value);
    const caught = outcome.next !== undefined && ((def.Catch as { Next: string }[] | undefined) ?? []).some((c) => c.Next === outcome.next) && execution.events.some((e) => e.type === 'TaskFailed');
    return { output: payload(outcome.output), ...(outcome.next !== undefined ? { nextState: outcome.next } : {}), status: caught ? 'CAUGHT_ERROR' : 'SUCCEEDED', ...data() };
  } catch (thrown) {
    const error = asStatesError(thrown);
    return { ...(error.error ? { error: error.error } : {}), ...(error.causeText !== undefined ? { cause: error.causeText } : {}), status: 'FAILED', ...data() };
  } finally {
    controller.abort();
  }
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

/** The task's mocked outcome: its result (a JSON document as text), or its error and cause. */
function mocked(mock: MockInput): () => Json {
  if (mock.errorOutput) {
    const { error, cause } = mock.errorOutput;
    return () => {
      throw new StatesError(error ?? 'States.TaskFailed', cause);
    };
  }
  const result = parseJsonInput(mock.result ?? 'null', executionInputError);
  return () => result as Json;
}
