import { randomUUID } from 'node:crypto';
import type { Emulator } from '../../core/emulator.ts';
import { AwsError } from '../../core/errors.ts';
import type { FunctionVersion, LambdaFunction } from './function.ts';
import { deliverLogs } from './log-delivery.ts';
import { recordConcurrency, recordInvocation, recordThrottle } from './metrics.ts';
import type { InvocationResult } from './runtime/environment.ts';
import { framedLog, platformLogFormat } from './runtime/platform-log.ts';
import { environmentSpec, InvokeFailure } from './runtime/spec.ts';
import type { LambdaState } from './state.ts';

/** AWS's concurrency limit per account and region (the default quota). */
export const ACCOUNT_CONCURRENCY = 1000;
const MAX_LOG_EVENTS = 10_000;

export interface InvokeRequest {
  payload: Buffer;
  /** The ARN the caller named (qualified when it named a version or alias). */
  invokedArn: string;
  clientContext?: string;
  requestId?: string;
  onChunk?: (chunk: Buffer) => void;
}

export interface InvokeOutcome extends InvocationResult {
  requestId: string;
  executedVersion: string;
}

export const throttled = () =>
  new AwsError('TooManyRequestsException', 'Rate Exceeded.', { status: 429, fields: { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' } });

/**
 * Refuses an invocation the function's concurrency cannot take now. Provisioned concurrency is carved out of the
 * reserved: a version with it runs on its own environments first, and only what is left of the reserved serves the
 * rest (AWS-recorded test_lambda_concurrency_block: reserved 1, provisioned 1 on version 1, $LATEST throttled).
 */
export function checkConcurrency(emulator: Emulator, state: LambdaState, fn: LambdaFunction, version?: string): void {
  let provisioned = 0;
  let provisionedBusy = 0;
  for (const [qualifier, entry] of fn.provisionedConcurrency) {
    const runs = fn.aliases.get(qualifier)?.FunctionVersion ?? qualifier;
    const busy = Math.min(entry.requested, state.pool.busyCount(`${fn.arn}:${runs}`));
    if (runs === version && busy < entry.requested) return;
    provisioned += entry.requested;
    provisionedBusy += busy;
  }
  const limit = fn.reservedConcurrency === undefined ? ACCOUNT_CONCURRENCY : fn.reservedConcurrency - provisioned;
  if (limit <= 0 || state.pool.busyCount(fn.arn) - provisionedBusy >= limit) {
    recordThrottle(emulator, state, fn);
    throw throttled();
  }
}

/** Runs one invocation in a warm environment of the version (or a new one), records its log and returns the outcome. */
export async function runInvocation(emulator: Emulator, state: LambdaState, fn: LambdaFunction, version: FunctionVersion, request: InvokeRequest): Promise<InvokeOutcome> {
  const requestId = request.requestId ?? randomUUID();
  const executedVersion = version.config.Version ?? '$LATEST';
  let result: InvocationResult;
  try {
    const env = await state.pool.acquire(`${fn.arn}:${executedVersion}:`, () => environmentSpec(emulator, state, fn, version));
    recordConcurrency(emulator, state, fn);
    try {
      result = await env.invoke({ requestId, payload: request.payload, invokedFunctionArn: request.invokedArn, clientContext: decodeClientContext(request.clientContext), onChunk: request.onChunk });
    } finally {
      state.pool.release(env);
    }
  } catch (error) {
    if (!(error instanceof InvokeFailure)) throw error;
    const payload = { errorType: error.errorType, errorMessage: `RequestId: ${requestId} Error: ${error.message}` };
    const report = { requestId, version: executedVersion, durationMs: 0, memoryMb: version.config.MemorySize ?? 128, maxMemoryUsedMb: 0, status: 'error' as const, errorType: error.errorType };
    const log = framedLog(platformLogFormat(version.config.LoggingConfig), report, `${error.message}\n`);
    result = { payload: Buffer.from(JSON.stringify(payload)), functionError: 'Unhandled', log, durationMs: 0 };
  }
  recordLog(emulator, state, fn, result);
  recordInvocation(emulator, state, fn, result);
  return { ...result, requestId, executedVersion };
}

/** Keeps the invocation's log readable from the emulator and sends it to CloudWatch Logs when that service runs. */
function recordLog(emulator: Emulator, state: LambdaState, fn: LambdaFunction, result: InvocationResult) {
  let events = state.logs.get(fn.name);
  if (!events) state.logs.set(fn.name, (events = []));
  const timestamp = emulator.clock.now();
  const lines = result.log.split(/(?<=\n)/).filter(Boolean).map((message) => ({ timestamp, message }));
  events.push(...lines);
  if (events.length > MAX_LOG_EVENTS) events.splice(0, events.length - MAX_LOG_EVENTS);
  if (process.env.LAMBDA_PRINT_LOGS === '1') process.stdout.write(result.log.replace(/^/gm, `[lambda ${fn.name}] `));
  const stream = result.logStream ?? `${emulator.clock.date().toISOString().slice(0, 10).replaceAll('-', '/')}/[${fn.latest.config.Version}]twinstack`;
  const cloudwatch = lines.map((l) => ({ ...l, message: l.message.replace(/\n$/, '') })).filter((l) => l.message);
  deliverLogs(emulator, state, fn, stream, cloudwatch);
}

/** X-Amz-Client-Context is base64 JSON; the runtime receives the JSON. */
function decodeClientContext(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return Buffer.from(value, 'base64').toString('utf8');
}

/** LogType Tail: the last 4 KB of the invocation's log, base64. */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - 4096)).toString('base64');
}
