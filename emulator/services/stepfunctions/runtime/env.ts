import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import type { QueryLanguage } from '../asl/definition.ts';
import type { Json } from '../asl/query.ts';
import type { PathRoots } from '../asl/jsonpath.ts';
import type { Execution, SfnState } from '../state.ts';
import type { EventLog, Frame } from './events.ts';

/** What the interpreter needs of one execution. */
export interface ExecutionEnv {
  readonly emulator: Emulator;
  readonly state: SfnState;
  readonly execution: Execution;
  readonly log: EventLog;
  readonly signal: AbortSignal;
  /** The execution role, as the caller of every service integration. */
  readonly caller: Caller;
  /** The context object's Execution and StateMachine members. */
  readonly context: Record<string, unknown>;
  /**
   * Set when an execution resumes after a restart: the first state it runs was entered before (its entered event
   * is in the history already), at that time.
   */
  resumed?: { enteredId: number; enteredAt: number };
  /** Set by TestState: Wait states do not wait, and each processing step is reported. */
  readonly test?: TestRun;
}

/** What TestState runs a state with, and what it learns of the run beyond the state's output. */
export interface TestRun {
  inspect(step: string, value: unknown): void;
  /** TestState's `mock`: the task's (or Map's, or Parallel's) result or failure, given instead of running it. */
  mock?: () => Json;
  /** TestState's `context`: the whole context object (`$$`) as given, in place of the one an execution builds. */
  context?: Record<string, unknown>;
  /** TestState's `stateConfiguration`: retries already made, failed Map iterations. */
  configuration: { retrierRetryCount?: number; mapIterationFailureCount?: number };
  /** Filled by the run: the retrier or catcher that took the error, and whether the state would be retried. */
  report: { errorDetails?: { catchIndex?: number; retryIndex?: number; retryBackoffIntervalSeconds?: number }; caught?: { error: string; cause?: string }; retriable?: boolean };
}

/** The variables a state sees: its own scope's, then the enclosing ones' (a branch or iteration reads its parent's). */
export class Variables {
  private readonly own = new Map<string, unknown>();

  constructor(private readonly parent?: Variables) {}

  child(): Variables {
    return new Variables(this);
  }

  set(name: string, value: unknown): void {
    this.own.set(name, value);
  }

  all(): Map<string, unknown> {
    const merged = this.parent ? this.parent.all() : new Map<string, unknown>();
    for (const [k, v] of this.own) merged.set(k, v);
    return merged;
  }
}

/** One thread of control: its place in the history, its variables, its query language and extra context (Map.Item). */
export interface Thread {
  readonly frame: Frame;
  readonly vars: Variables;
  readonly language: QueryLanguage;
  readonly extraContext?: Record<string, unknown>;
  /** Told of each state the thread enters (the execution's own thread keeps its redrive point). */
  readonly onEnter?: (name: string, input: unknown) => void;
}

/** A state's JSONPath roots. */
export function rootsOf(input: unknown, context: unknown, vars: Variables): PathRoots {
  return { input, context, variables: vars.all() };
}
