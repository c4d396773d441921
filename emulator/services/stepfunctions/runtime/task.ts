import { parseArn } from '../../../core/arn.ts';
import { StatesError, statesRuntime } from '../asl/errors.ts';
import { select } from '../asl/jsonpath.ts';
import type { Json } from '../asl/query.ts';
import { callAwsSdk } from '../integrations/aws-sdk.ts';
import { callHttp } from '../integrations/http.ts';
import { callOptimized, functionError, isOptimized } from '../integrations/optimized.ts';
import { parseResource, type TaskResource } from '../integrations/resource.ts';
import { ActivityQueue } from './activity-queue.ts';
import { rootsOf, type ExecutionEnv } from './env.ts';
import { payload } from './events.ts';
import type { StateScope } from './interpreter.ts';
import { untilAborted } from './running.ts';
import { TaskTokens } from './task-tokens.ts';

/** A Task state's work: the call, its history events (as AWS names them per resource kind), its timeouts. */
export async function runTask(scope: StateScope): Promise<Json> {
  const { env, def, io } = scope;
  const resource = parseResource(def.Resource as string);
  const timeout = await secondsField(scope, 'TimeoutSeconds');
  const heartbeat = await secondsField(scope, 'HeartbeatSeconds');
  const waits = resource.kind === 'activity' || (resource.kind === 'service' && resource.pattern === 'token');
  const callback = waits ? new Callback(env, heartbeat) : undefined;
  // A context object TestState was given keeps its own task token.
  if (callback && !env.test?.context?.Task) io.context.Task = { Token: callback.token };
  const parameters = await io.effectiveInput();
  const taskEnv = await withCredentials(scope, env);
  const names = eventNames(resource);
  const timers = new Timers(env, timeout, callback);
  try {
    return await untilAborted(Promise.race([perform(scope, taskEnv, resource, parameters, timeout, heartbeat, callback), timers.expired]), env.signal);
  } catch (thrown) {
    if (env.signal.aborted) throw thrown;
    const error = thrown instanceof StatesError ? thrown : new StatesError('States.TaskFailed', (thrown as Error).message);
    const timedOut = error.error === 'States.Timeout' || error.error === 'States.HeartbeatTimeout';
    const details: Record<string, unknown> = { ...names.ids, ...(error.error ? { error: error.error } : {}), ...(error.causeText !== undefined ? { cause: error.causeText } : {}) };
    env.log.add(scope.thread.frame, timedOut ? names.timedOut : names.failed, { [names.detailsOf(timedOut ? names.timedOut : names.failed)]: details });
    throw error;
  } finally {
    timers.cancel();
    callback?.release();
  }
}

async function perform(
  scope: StateScope,
  env: ExecutionEnv,
  resource: TaskResource,
  parameters: Json,
  timeout: number | undefined,
  heartbeat: number | undefined,
  callback: Callback | undefined,
): Promise<Json> {
  const { thread } = scope;
  if (env.test?.mock) return env.test.mock();
  const log = (type: string, details: Record<string, unknown> = {}) => env.log.add(thread.frame, type, Object.keys(details).length ? { [detailsKey(type)]: details } : {});
  const limits = { ...(timeout !== undefined ? { timeoutInSeconds: timeout } : {}), ...(heartbeat !== undefined ? { heartbeatInSeconds: heartbeat } : {}) };
  if (resource.kind === 'function') {
    log('LambdaFunctionScheduled', { resource: resource.arn, input: payload(parameters), inputDetails: { truncated: false }, ...(timeout !== undefined ? { timeoutInSeconds: timeout } : {}) });
    log('LambdaFunctionStarted');
    const response = await env.emulator
      .call<{ FunctionError?: string; Payload?: Uint8Array }>('lambda', 'Invoke', { FunctionName: resource.arn, Payload: Buffer.from(payload(parameters)) }, { caller: env.caller, region: env.state.region })
      .catch((error: unknown) => {
        throw new StatesError(`Lambda.${(error as { code?: string }).code ?? 'ServiceException'}`, (error as Error).message);
      });
    if (response.FunctionError) throw functionError(response);
    const output = Buffer.from(response.Payload ?? []).toString('utf8') || 'null';
    log('LambdaFunctionSucceeded', { output, outputDetails: { truncated: false } });
    return JSON.parse(output) as Json;
  }
  if (resource.kind === 'activity') {
    const activity = env.state.activities.get(resource.arn);
    if (!activity) throw statesRuntime(`The activity ${resource.arn} does not exist.`);
    log('ActivityScheduled', { resource: resource.arn, input: payload(parameters), inputDetails: { truncated: false }, ...limits });
    let queue = env.state.activityQueues.get(resource.arn);
    if (!queue) env.state.activityQueues.set(resource.arn, (queue = new ActivityQueue()));
    queue.offer({ token: callback!.token, input: payload(parameters), started: (workerName) => log('ActivityStarted', workerName ? { workerName } : {}) });
    callback!.onRelease = () => queue.withdraw(callback!.token);
    const output = await callback!.result;
    log('ActivitySucceeded', { output, outputDetails: { truncated: false } });
    return JSON.parse(output) as Json;
  }
  const ids = { resourceType: resource.resourceType, resource: resource.resource };
  log('TaskScheduled', { ...ids, region: env.state.region, parameters: payload(parameters), ...limits });
  log('TaskStarted', ids);
  const call = async (): Promise<{ submitted?: Json; result: Json }> => {
    if (resource.resourceType === 'http' && resource.action === 'invoke') return { result: await callHttp(parameters, env.signal) };
    if (resource.resourceType.startsWith('aws-sdk:')) return { result: await callAwsSdk(env, resource.resourceType.slice(8), resource.action, parameters) };
    if (isOptimized(resource.resourceType, resource.action)) return callOptimized(env, resource.resourceType, resource.action, resource.pattern, parameters);
    throw statesRuntime(`The resource provided ${scope.def.Resource as string} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`);
  };
  if (resource.pattern === 'token') {
    const { result: submitted } = await call();
    log('TaskSubmitted', { ...ids, output: payload(submitted), outputDetails: { truncated: false } });
    const output = await callback!.result;
    log('TaskSucceeded', { ...ids, output, outputDetails: { truncated: false } });
    return JSON.parse(output) as Json;
  }
  const { submitted, result } = await call();
  if (submitted !== undefined) log('TaskSubmitted', { ...ids, output: payload(submitted), outputDetails: { truncated: false } });
  log('TaskSucceeded', { ...ids, output: payload(result), outputDetails: { truncated: false } });
  return result;
}

/** `taskScheduledEventDetails` for `TaskScheduled`, `lambdaFunctionFailedEventDetails` for `LambdaFunctionFailed`... */
function detailsKey(type: string): string {
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
}

function eventNames(resource: TaskResource) {
  const prefix = resource.kind === 'function' ? 'LambdaFunction' : resource.kind === 'activity' ? 'Activity' : 'Task';
  return {
    failed: `${prefix}Failed`,
    timedOut: `${prefix}TimedOut`,
    ids: resource.kind === 'service' ? { resourceType: resource.resourceType, resource: resource.resource } : {},
    detailsOf: detailsKey,
  };
}

/** TimeoutSeconds/HeartbeatSeconds, their `...Path` forms, or their JSONata forms. */
async function secondsField(scope: StateScope, field: 'TimeoutSeconds' | 'HeartbeatSeconds'): Promise<number | undefined> {
  const { def, io } = scope;
  let value: unknown = def[field];
  if (io.jsonata && value !== undefined) value = await io.value(value, field);
  const path = def[`${field}Path`] as string | undefined;
  if (path !== undefined) {
    const found = select(path, rootsOf(io.raw, io.context, io.vars));
    if (!found.found) throw statesRuntime(`Invalid path '${path}' : No results for path: $['${path.replace(/^\$\.?/, '')}']`);
    value = found.value;
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 99_999_999) throw statesRuntime(`The ${field} value must be a positive integer, got ${JSON.stringify(value)}`);
  return value;
}

/** A Task's Credentials: the integration calls are made as that role. */
async function withCredentials(scope: StateScope, env: ExecutionEnv): Promise<ExecutionEnv> {
  const credentials = scope.def.Credentials as Record<string, unknown> | undefined;
  if (!credentials) return env;
  const template = scope.io.jsonata ? await scope.io.value(credentials, 'Credentials') : credentials;
  const roots = rootsOf(scope.io.raw, scope.io.context, scope.io.vars);
  const role = ((template as Record<string, unknown>).RoleArn ?? select(String((template as Record<string, unknown>)['RoleArn.$']), roots).value) as string;
  const parsed = parseArn(String(role));
  if (!parsed) throw statesRuntime(`The role ARN '${String(role)}' in Credentials is not valid`);
  return { ...env, caller: { accountId: parsed.accountId || env.state.accountId, arn: String(role) } };
}

/** A task waiting for SendTaskSuccess/SendTaskFailure: its token, and heartbeats that keep it alive. */
class Callback {
  readonly token: string;
  readonly result: Promise<string>;
  heartbeatExpired!: Promise<never>;
  onRelease?: () => void;
  private cancelHeartbeat?: () => void;
  private failHeartbeat!: (error: StatesError) => void;

  constructor(
    private readonly env: ExecutionEnv,
    private readonly heartbeatSeconds: number | undefined,
  ) {
    let succeed!: (output: string) => void;
    let fail!: (error: StatesError) => void;
    this.result = new Promise<string>((resolve, reject) => {
      succeed = resolve;
      fail = reject;
    });
    this.heartbeatExpired = new Promise<never>((_, reject) => (this.failHeartbeat = reject));
    this.heartbeatExpired.catch(() => undefined);
    this.result.catch(() => undefined);
    env.state.tokens ??= new TaskTokens();
    this.token = env.state.tokens.issue({
      executionArn: env.execution.arn,
      succeed,
      fail: (error, cause) => fail(new StatesError(error ?? '', cause)),
      heartbeat: heartbeatSeconds === undefined ? undefined : () => this.armHeartbeat(),
    });
    this.armHeartbeat();
  }

  private armHeartbeat(): void {
    if (this.heartbeatSeconds === undefined) return;
    this.cancelHeartbeat?.();
    this.cancelHeartbeat = this.env.emulator.schedule(() => this.failHeartbeat(new StatesError('States.HeartbeatTimeout')), this.heartbeatSeconds * 1000);
  }

  release(): void {
    this.cancelHeartbeat?.();
    this.env.state.tokens?.release(this.token);
    this.onRelease?.();
  }
}

/** The task's timeout and heartbeat timeout on the emulator clock, as one promise that rejects when either expires. */
class Timers {
  readonly expired: Promise<never>;
  private cancelTimeout?: () => void;

  constructor(env: ExecutionEnv, timeoutSeconds: number | undefined, callback: Callback | undefined) {
    this.expired = new Promise<never>((_, reject) => {
      if (timeoutSeconds !== undefined) this.cancelTimeout = env.emulator.schedule(() => reject(new StatesError('States.Timeout')), timeoutSeconds * 1000);
      callback?.heartbeatExpired.catch(reject);
    });
    this.expired.catch(() => undefined);
  }

  cancel(): void {
    this.cancelTimeout?.();
  }
}
