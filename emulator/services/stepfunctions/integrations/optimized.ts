import { randomUUID } from 'node:crypto';
import { StatesError } from '../asl/errors.ts';
import type { Json } from '../asl/query.ts';
import type { ExecutionEnv } from '../runtime/env.ts';
import { sleep, untilAborted } from '../runtime/running.ts';
import { optimizedError } from './errors.ts';
import { dynamodbAnswer, JSON_ANSWER, LAMBDA_ANSWER, queryAnswer, SNS_NAMESPACE, type Answer } from './sdk-answer.ts';
import type { Pattern } from './resource.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- task parameters are user JSON */

/**
 * The optimized integrations (`arn:aws:states:::lambda:invoke`, `sqs:sendMessage`, `dynamodb:putItem`,
 * `states:startExecution.sync`...): each a real call of the service's operation through the front door, its
 * parameters and result shaped as Step Functions shapes them.
 */
interface Integration {
  service: string;
  operation: string;
  input(parameters: any, env: ExecutionEnv): object;
  output(result: any): Json;
  /** How the service's answer looked on the wire, which Step Functions reports as the SDK's HTTP metadata; none: not reported. */
  answer?: Answer;
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function jsonOrText(bytes: Uint8Array | undefined): Json {
  const body = Buffer.from(bytes ?? []).toString('utf8');
  if (body === '') return null;
  try {
    return JSON.parse(body) as Json;
  } catch {
    return body;
  }
}

const passThrough = (result: any): Json => JSON.parse(JSON.stringify(result ?? {})) as Json;

const INTEGRATIONS: Record<string, Integration> = {
  'lambda:invoke': {
    service: 'lambda',
    operation: 'Invoke',
    answer: LAMBDA_ANSWER,
    // A null Payload is none: the function gets Lambda's empty event.
    input: (p) => ({ ...p, Payload: p.Payload === undefined || p.Payload === null ? undefined : Buffer.from(text(p.Payload), 'utf8') }),
    output: (r) => defined({ ExecutedVersion: r.ExecutedVersion, FunctionError: r.FunctionError, LogResult: r.LogResult, Payload: jsonOrText(r.Payload), StatusCode: r.StatusCode }),
  },
  'sqs:sendMessage': { service: 'sqs', operation: 'SendMessage', answer: JSON_ANSWER, input: (p) => ({ ...p, MessageBody: p.MessageBody === undefined || p.MessageBody === null ? undefined : text(p.MessageBody) }), output: passThrough },
  'sns:publish': { service: 'sns', operation: 'Publish', answer: queryAnswer('Publish', SNS_NAMESPACE), input: (p) => ({ ...p, Message: p.Message === undefined ? undefined : text(p.Message) }), output: passThrough },
  'dynamodb:getItem': { service: 'dynamodb', operation: 'GetItem', answer: dynamodbAnswer('x-amzn-requestid'), input: (p) => p, output: passThrough },
  'dynamodb:putItem': { service: 'dynamodb', operation: 'PutItem', answer: dynamodbAnswer('x-amzn-RequestId'), input: (p) => p, output: passThrough },
  'dynamodb:deleteItem': { service: 'dynamodb', operation: 'DeleteItem', answer: dynamodbAnswer('x-amzn-RequestId'), input: (p) => p, output: passThrough },
  'dynamodb:updateItem': { service: 'dynamodb', operation: 'UpdateItem', answer: dynamodbAnswer('x-amzn-RequestId'), input: (p) => p, output: passThrough },
  'events:putEvents': {
    service: 'events',
    operation: 'PutEvents',
    // Each event names the state machine and the execution that sent it, after its own resources.
    input: (p, env) => ({
      ...p,
      Entries: (p.Entries ?? []).map((e: any) => ({ ...e, Detail: e.Detail === undefined ? undefined : text(e.Detail), Resources: [...(e.Resources ?? []), env.execution.stateMachineArn, env.execution.arn] })),
    }),
    output: passThrough,
  },
  'states:startExecution': {
    service: 'stepfunctions',
    operation: 'StartExecution',
    answer: JSON_ANSWER,
    input: (p) => defined({ stateMachineArn: p.StateMachineArn, name: p.Name, input: p.Input === undefined ? undefined : text(p.Input), traceHeader: p.TraceHeader }),
    output: (r) => ({ ExecutionArn: r.executionArn, StartDate: (r.startDate as Date).getTime() }),
  },
};

export function isOptimized(resourceType: string, action: string): boolean {
  return Object.hasOwn(INTEGRATIONS, `${resourceType}:${action}`);
}

/** The HTTP metadata the AWS SDK for Java reports of the service's answer, which Step Functions copies into these results. */
function sdkMetadata(answer: Answer, shaped: Json, response: unknown, requestId: string, date: Date): Record<string, Json> {
  const body = answer.body(shaped, response, requestId);
  const headers = { 'Content-Length': String(Buffer.byteLength(body)), 'Content-Type': answer.contentType, Date: date.toUTCString(), ...answer.headers(body, requestId, response, date) };
  return {
    SdkHttpMetadata: { AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
  };
}

/** Calls an optimized integration; for `.sync` patterns also waits for the job (a child execution) to end. */
export async function callOptimized(env: ExecutionEnv, resourceType: string, action: string, pattern: Pattern, parameters: Json): Promise<{ submitted?: Json; result: Json }> {
  const integration = INTEGRATIONS[`${resourceType}:${action}`];
  const requestId = randomUUID();
  let response: unknown;
  try {
    response = await env.emulator.call(integration.service, integration.operation, integration.input(parameters ?? {}, env), { caller: env.caller, region: env.state.region });
  } catch (error) {
    throw optimizedError(resourceType, error, requestId);
  }
  const shaped = integration.output(response);
  const { answer } = integration;
  const result = answer && typeof shaped === 'object' && shaped !== null ? { ...shaped, ...sdkMetadata(answer, shaped, response, requestId, env.emulator.clock.date()) } : shaped;
  // lambda:invoke re-serializes the function's error payload compactly, unlike a Task whose Resource is the function.
  // An entry EventBridge refused fails the task, its answer the cause (the accepted entries are sent all the same).
  if (integration.operation === 'PutEvents' && ((response as { FailedEntryCount?: number }).FailedEntryCount ?? 0) > 0) throw new StatesError('EventBridge.FailedEntry', JSON.stringify(shaped));
  if (integration.operation === 'Invoke' && (response as { FunctionError?: string }).FunctionError && pattern !== 'token') throw functionError(response as { Payload?: Uint8Array }, true);
  if (pattern === 'sync' || pattern === 'sync2') return { submitted: result, result: await waitForChild(env, (response as { executionArn: string }).executionArn, pattern) };
  return { result };
}

/** A function's error result as the task's error: its errorType, and the whole error payload as the cause. */
export function functionError(response: { Payload?: Uint8Array }, compact = false): StatesError {
  const body = Buffer.from(response.Payload ?? []).toString('utf8');
  try {
    const payload = JSON.parse(body) as { errorType?: string };
    return new StatesError(payload.errorType ?? 'Exception', compact ? JSON.stringify(payload) : body);
  } catch {
    // a payload that is not JSON keeps the generic name
    return new StatesError('Exception', body);
  }
}

/** `.sync` and `.sync:2` of StartExecution: polls the child execution until it ends, as Step Functions does. */
async function waitForChild(env: ExecutionEnv, executionArn: string, pattern: Pattern): Promise<Json> {
  for (;;) {
    // A child of this account and region is awaited directly; others are polled.
    const running = env.state.running.get(executionArn);
    if (running) await untilAborted(running.done, env.signal);
    const described = await env.emulator.call<Record<string, any>>('stepfunctions', 'DescribeExecution', { executionArn }, { caller: env.caller, region: env.state.region });
    if (described.status !== 'RUNNING') {
      const parse = (value: string | undefined) => (pattern === 'sync2' && value !== undefined ? (JSON.parse(value) as Json) : value);
      const output = defined({
        ExecutionArn: described.executionArn,
        Input: parse(described.input),
        InputDetails: { Included: true },
        Name: described.name,
        Output: parse(described.output),
        OutputDetails: described.output === undefined ? undefined : { Included: true },
        RedriveCount: described.redriveCount,
        RedriveStatus: described.redriveStatus,
        RedriveStatusReason: described.redriveStatusReason,
        StartDate: (described.startDate as Date).getTime(),
        StateMachineArn: described.stateMachineArn,
        Status: described.status,
        StopDate: (described.stopDate as Date | undefined)?.getTime(),
        Error: described.error,
        Cause: described.cause,
      });
      if (described.status === 'SUCCEEDED') return output;
      throw new StatesError('States.TaskFailed', JSON.stringify(output));
    }
    await sleep((task, ms) => env.emulator.schedule(task, ms), 1000, env.signal);
  }
}
