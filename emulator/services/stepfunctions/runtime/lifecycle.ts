import { parseArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { MachineDef } from '../asl/definition.ts';
import { asStatesError } from '../asl/errors.ts';
import type { Json } from '../asl/query.ts';
import type { Execution, SfnState } from '../state.ts';
import { Variables, type ExecutionEnv } from './env.ts';
import { EventLog, Frame, payload } from './events.ts';
import { runMachine } from './interpreter.ts';
import { sendExecutionLogs } from './logging.ts';
import { StopReason, type RunningExecution } from './running.ts';

/**
 * Starts interpreting an execution in the background: ExecutionStarted now, then the machine, then the record's
 * final status, output or error, and its ending event. StopExecution and the machine's TimeoutSeconds abort it.
 */
export function launch(
  emulator: Emulator,
  state: SfnState,
  execution: Execution,
  machine: MachineDef,
  input: Json,
  options: { redriven?: boolean; resumed?: ExecutionEnv['resumed'] } = {},
): RunningExecution {
  const controller = new AbortController();
  const log = new EventLog(execution.events, emulator.clock);
  const root = new Frame(0);
  if (options.resumed) {
    root.last = options.resumed.enteredId;
  } else if (options.redriven) {
    root.last = execution.events.length;
    log.add(root, 'ExecutionRedriven', { executionRedrivenEventDetails: { redriveCount: execution.redriveCount } });
  } else {
    log.add(
      root,
      'ExecutionStarted',
      {
        executionStartedEventDetails: {
          input: execution.input,
          inputDetails: { truncated: false },
          roleArn: execution.config.roleArn,
          ...(execution.stateMachineAliasArn ? { stateMachineAliasArn: execution.stateMachineAliasArn } : {}),
          ...(execution.stateMachineVersionArn ? { stateMachineVersionArn: execution.stateMachineVersionArn } : {}),
        },
      },
      { detached: true },
    );
  }
  const role = parseArn(execution.config.roleArn);
  const env: ExecutionEnv = {
    emulator,
    state,
    execution,
    log,
    signal: controller.signal,
    resumed: options.resumed,
    caller: { accountId: role?.accountId || state.accountId, arn: execution.config.roleArn },
    context: {
      Execution: {
        Id: execution.arn,
        Input: JSON.parse(execution.input) as Json,
        Name: execution.name,
        RoleArn: execution.config.roleArn,
        StartTime: execution.startDate.toISOString(),
        // Only standard executions can be redriven: an express one's context has no RedriveCount.
        ...(execution.config.type === 'STANDARD' ? { RedriveCount: execution.redriveCount } : {}),
      },
      StateMachine: { Id: execution.stateMachineArn, Name: execution.machineName },
    },
  };
  const cancelTimeout =
    machine.TimeoutSeconds === undefined ? undefined : emulator.schedule(() => controller.abort(new StopReason('timedOut')), machine.TimeoutSeconds * 1000);
  const done = (async () => {
    try {
      // The state a redrive or restart resumes keeps what its parts achieved (see redrive.ts); later ones start afresh.
      let carried = options.redriven || options.resumed ? execution.resumeAt?.done : undefined;
      // A redrive redrives the failed state's map run; a restart gives the state a new one (see abandonMapRuns).
      let mapRunArn = options.redriven ? execution.resumeAt?.mapRunArn : undefined;
      // Variables assigned before the state it resumes are the execution's again.
      const vars = new Variables();
      const kept = options.redriven || options.resumed ? execution.resumeAt?.vars : undefined;
      for (const [name, value] of Object.entries(kept ? (JSON.parse(kept) as Record<string, unknown>) : {})) vars.set(name, value);
      const onEnter = (state: string, value: unknown) => {
        const entered = { enteredAt: emulator.clock.now(), enteredId: execution.events.length + 1, vars: payload(Object.fromEntries(vars.all()) as Json) };
        execution.resumeAt = { state, input: payload(value), ...entered, ...(carried ? { done: carried, redriven: true } : {}), ...(mapRunArn ? { mapRunArn } : {}) };
        carried = undefined;
        mapRunArn = undefined;
      };
      const output = await runMachine(env, { frame: root, vars, language: machine.QueryLanguage ?? 'JSONPath', onEnter }, machine, input);
      finish(emulator, execution, 'SUCCEEDED', { output: payload(output) });
      log.add(root, 'ExecutionSucceeded', { executionSucceededEventDetails: { output: payload(output), outputDetails: { truncated: false } } });
    } catch (thrown) {
      const reason: unknown = controller.signal.reason;
      if (controller.signal.aborted && reason instanceof StopReason) {
        if (reason.kind === 'timedOut') {
          // DescribeExecution of a timed-out execution names no error on AWS (its history's event does).
          finish(emulator, execution, 'TIMED_OUT', {});
          log.add(root, 'ExecutionTimedOut', { executionTimedOutEventDetails: { error: 'States.Timeout' } });
        } else {
          finish(emulator, execution, 'ABORTED', { error: reason.error, cause: reason.cause });
          const details = { ...(reason.error !== undefined ? { error: reason.error } : {}), ...(reason.cause !== undefined ? { cause: reason.cause } : {}) };
          log.add(root, 'ExecutionAborted', { executionAbortedEventDetails: details }, { previous: 0 });
        }
      } else {
        const error = asStatesError(thrown);
        finish(emulator, execution, 'FAILED', { error: error.error || undefined, cause: error.causeText });
        const details = { ...(error.error ? { error: error.error } : {}), ...(error.causeText !== undefined ? { cause: error.causeText } : {}) };
        log.add(root, 'ExecutionFailed', { executionFailedEventDetails: details });
      }
    } finally {
      cancelTimeout?.();
      controller.abort(new StopReason('aborted'));
      state.running.delete(execution.arn);
      emulator.changedInBackground('stepfunctions');
    }
    await sendExecutionLogs(emulator, state, execution).catch(() => undefined);
  })();
  const running: RunningExecution = { controller, done };
  state.running.set(execution.arn, running);
  return running;
}

function finish(emulator: Emulator, execution: Execution, status: Execution['status'], fields: { output?: string; error?: string; cause?: string }): void {
  execution.status = status;
  execution.stopDate = emulator.clock.date();
  execution.output = fields.output;
  execution.error = fields.error;
  execution.cause = fields.cause;
}

/**
 * Standard executions that were running when the emulator stopped go on after a restart from persisted state, from
 * the last top-level state they entered (that state runs again, as after a redrive; a Wait waits only what is
 * left). A distributed Map's child executions are left to their parent, whose Map state runs again with a new map
 * run: the one that was running and its running children end ABORTED, as a stopped parent's would.
 */
export function resumeExecutions(emulator: Emulator, state: SfnState): void {
  abandonMapRuns(emulator, state);
  for (const execution of state.executions.values()) {
    if (execution.status !== 'RUNNING' || execution.config.type !== 'STANDARD' || execution.mapRunArn) continue;
    // The first state is entered as the execution starts, so a running execution always has where it was.
    const at = execution.resumeAt;
    if (!at) continue;
    const machine = JSON.parse(execution.config.definition) as MachineDef;
    const resumed = { enteredId: at.enteredId ?? execution.events.length, enteredAt: at.enteredAt ?? emulator.clock.now() };
    launch(emulator, state, execution, { ...machine, StartAt: at.state }, JSON.parse(at.input) as Json, { resumed });
  }
}

function abandonMapRuns(emulator: Emulator, state: SfnState): void {
  const now = emulator.clock.date();
  for (const run of state.mapRuns.values()) {
    if (run.status !== 'RUNNING') continue;
    Object.assign(run, { status: 'ABORTED', stopDate: now });
    for (const child of state.executions.values()) {
      if (child.mapRunArn !== run.arn || child.status !== 'RUNNING') continue;
      Object.assign(child, { status: 'ABORTED', stopDate: now });
      new EventLog(child.events, emulator.clock).add(new Frame(0), 'ExecutionAborted', { executionAbortedEventDetails: {} }, { previous: 0 });
      run.executionCounts.running--;
      run.itemCounts.running--;
      run.executionCounts.aborted++;
      run.itemCounts.aborted++;
    }
  }
}
