import type { Emulator } from '../../core/emulator.ts';
import { functionArn, type LambdaFunction } from './function.ts';
import { runInvocation, type InvokeOutcome } from './invoke.ts';
import { resolveVersion } from './lookup.ts';
import { executionRoleCaller } from './role.ts';
import { traceId } from './runtime/environment.ts';
import type { LambdaState } from './state.ts';

/** AWS retries a failed asynchronous invocation twice, about one and two minutes later (LocalStack's setting shortens it). */
const retryBaseDelayMs = () => Number(process.env.LAMBDA_RETRY_BASE_DELAY_SECONDS ?? 60) * 1000;
const DEFAULT_MAX_EVENT_AGE_SECONDS = 21_600;
const DEFAULT_RETRIES = 2;

export interface QueuedEvent {
  fn: LambdaFunction;
  qualifier?: string;
  payload: Buffer;
  requestId: string;
}

interface Attempt extends QueuedEvent {
  enqueuedAt: number;
  attempts: number;
}

/** The asynchronous invocation queue of one account and region: retries on its own timers, released on dispose. */
export class AsyncQueue {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private readonly retryDelayMs = retryBaseDelayMs();

  constructor(
    private readonly emulator: Emulator,
    private readonly state: LambdaState,
  ) {}

  push(event: QueuedEvent): void {
    this.later({ ...event, enqueuedAt: this.emulator.clock.now(), attempts: 0 }, 0);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(attempt: Attempt, delayMs: number) {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(attempt);
    }, delayMs);
    this.timers.add(timer);
  }

  private async run(attempt: Attempt) {
    const { fn } = attempt;
    if (this.stopped || this.state.functions.get(fn.name) !== fn) return;
    const config = fn.eventInvokeConfigs.get(attempt.qualifier ?? '$LATEST');
    const maxAge = (config?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_EVENT_AGE_SECONDS) * 1000;
    const retries = config?.MaximumRetryAttempts ?? DEFAULT_RETRIES;
    let outcome: InvokeOutcome | undefined;
    try {
      const { version } = resolveVersion(this.state, fn.name, attempt.qualifier, { route: true });
      // A function that may not run at all fails the event at once, never invoked (AWS-recorded test_reserved_concurrency).
      if (fn.reservedConcurrency === 0) return this.finish(attempt, undefined, 'ZeroReservedConcurrency');
      attempt.attempts++;
      outcome = await runInvocation(this.emulator, this.state, fn, version, {
        payload: attempt.payload,
        invokedArn: functionArn(this.state.region, this.state.accountId, fn.name, attempt.qualifier),
        requestId: attempt.requestId,
      });
    } catch {
      return; // the function or version went away
    }
    if (this.stopped) return;
    if (!outcome.functionError) return this.finish(attempt, outcome, 'Success');
    const age = this.emulator.clock.now() - attempt.enqueuedAt;
    if (attempt.attempts <= retries) {
      const delay = this.retryDelayMs * attempt.attempts;
      if (age + delay <= maxAge) return this.later(attempt, delay);
      return this.finish(attempt, outcome, 'EventAgeExceeded');
    }
    this.finish(attempt, outcome, 'RetriesExhausted');
  }

  /** Sends the invocation record to the OnSuccess/OnFailure destination, or a failed event to the dead-letter queue. */
  private finish(attempt: Attempt, outcome: InvokeOutcome | undefined, condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency') {
    const { fn } = attempt;
    const qualifier = attempt.qualifier ?? '$LATEST';
    const config = fn.eventInvokeConfigs.get(qualifier);
    const destination = condition === 'Success' ? config?.DestinationConfig?.OnSuccess?.Destination : config?.DestinationConfig?.OnFailure?.Destination;
    const source = {
      servicePrincipal: 'lambda.amazonaws.com',
      sourceArn: fn.arn,
      accountId: this.state.accountId,
      region: this.state.region,
      asCaller: executionRoleCaller(fn, this.state.region),
    };
    if (destination) {
      const record = {
        version: '1.0',
        timestamp: this.emulator.clock.date().toISOString(),
        requestContext: {
          requestId: attempt.requestId,
          functionArn: functionArn(this.state.region, this.state.accountId, fn.name, qualifier),
          condition,
          approximateInvokeCount: attempt.attempts,
        },
        requestPayload: parse(attempt.payload),
        // An event that never ran has no response to tell of.
        ...(outcome
          ? {
              responseContext: { statusCode: 200, executedVersion: outcome.executedVersion, ...(outcome.functionError ? { functionError: outcome.functionError } : {}) },
              responsePayload: parse(outcome.payload),
            }
          : {}),
      };
      this.emulator.deliverInBackground(destination, { body: JSON.stringify(record), traceHeader: traceId() }, source, { onFailure: (e) => warn(fn, destination, e) });
      return;
    }
    const dlq = condition === 'Success' ? undefined : fn.latest.config.DeadLetterConfig?.TargetArn;
    if (!dlq) return;
    const error = (outcome ? parse(outcome.payload) : undefined) as { errorMessage?: string } | undefined;
    const attributes = {
      RequestID: { DataType: 'String', StringValue: attempt.requestId },
      ErrorCode: { DataType: 'Number', StringValue: '200' },
      ErrorMessage: { DataType: 'String', StringValue: String(error?.errorMessage ?? '').slice(0, 256) || 'Unhandled' },
    };
    this.emulator.deliverInBackground(dlq, { body: attempt.payload.toString('utf8'), attributes }, source, { onFailure: (e) => warn(fn, dlq, e) });
  }
}

function parse(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    return payload.toString('utf8');
  }
}

function warn(fn: LambdaFunction, target: string, error: unknown) {
  console.warn(`[twinstack] lambda ${fn.name}: delivery to ${target} failed: ${(error as Error)?.message ?? error}`);
}

export function enqueueEvent(emulator: Emulator, state: LambdaState, event: QueuedEvent): void {
  state.asyncQueue ??= new AsyncQueue(emulator, state);
  state.asyncQueue.push(event);
}
