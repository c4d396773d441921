import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../core/errors.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import type { ResourceRequest, Properties } from '../provider.ts';
import type { OperationType } from '@aws-sdk/client-cloudformation';
import type { CloudFormationState, Stack, StackOperation } from '../state.ts';

/** Where a stack operation runs: the emulator, and the CloudFormation state of the stack's account and region. */
export interface Run {
  emulator: Emulator;
  state: CloudFormationState;
  accountId: string;
  region: string;
  /** The ClientRequestToken of the operation, shown on its events. */
  token?: string;
  /** The stack operation under way, whose id the events carry (an automatic rollback starts its own). */
  operation?: StackOperation;
}

/** Starts a stack operation with a new id: the run's events carry it from now on. */
export function beginOperation(stack: Stack, run: Run, type: OperationType, changeSetId?: string): StackOperation {
  const operation: StackOperation = { id: randomUUID(), type, status: 'IN_PROGRESS', started: run.emulator.clock.date(), changeSetId };
  (stack.operations ??= []).unshift(operation);
  run.operation = operation;
  return operation;
}

export function endOperation(run: Run, status: 'SUCCEEDED' | 'FAILED'): void {
  const operation = run.operation;
  if (!operation || operation.status !== 'IN_PROGRESS') return;
  operation.status = status;
  operation.ended = run.emulator.clock.date();
}

/**
 * Moves the run's operation along with the stack's status: a rollback CloudFormation starts after a failure is an
 * operation of its own (the failed one ends FAILED); a final status (`*_COMPLETE`, `*_FAILED`) ends the operation.
 */
function followStatus(stack: Stack, run: Run, status: string): void {
  const rollingBack = status === 'ROLLBACK_IN_PROGRESS' || status === 'UPDATE_ROLLBACK_IN_PROGRESS';
  if (rollingBack && run.operation && run.operation.type !== 'ROLLBACK' && run.operation.type !== 'CONTINUE_ROLLBACK') {
    const failed = run.operation;
    endOperation(run, 'FAILED');
    beginOperation(stack, run, 'ROLLBACK', failed.changeSetId).undoes = failed.id;
  }
  if (status.endsWith('_FAILED')) endOperation(run, 'FAILED');
  else if (status.endsWith('_COMPLETE')) endOperation(run, 'SUCCEEDED');
}

export function recordEvent(
  stack: Stack,
  run: Run,
  event: { logicalId: string; physicalId?: string; type: string; status: string; reason?: string; properties?: unknown },
): void {
  stack.events.unshift({
    StackId: stack.stackId,
    EventId: event.physicalId === stack.stackId ? randomUUID() : `${event.logicalId}-${randomUUID()}`,
    StackName: stack.stackName,
    LogicalResourceId: event.logicalId,
    PhysicalResourceId: event.physicalId ?? '',
    ResourceType: event.type,
    Timestamp: run.emulator.clock.date(),
    ResourceStatus: event.status as never,
    ResourceStatusReason: event.reason,
    ResourceProperties: event.properties === undefined ? undefined : JSON.stringify(event.properties),
    ClientRequestToken: run.token,
    OperationId: run.operation?.id,
  });
}

/** Sets the stack's status, with the stack event that goes with it. */
export function setStatus(stack: Stack, run: Run, status: string, reason?: string): void {
  stack.status = status;
  stack.statusReason = reason;
  followStatus(stack, run, status);
  recordEvent(stack, run, { logicalId: stack.stackName, physicalId: stack.stackId, type: 'AWS::CloudFormation::Stack', status, reason });
}

const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** The random tail CloudFormation gives generated names: 12 to 13 upper-case letters and digits. */
export function randomSuffix(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_CHARS[Math.floor(Math.random() * NAME_CHARS.length)];
  return out;
}

/** `<stack>-<logicalId>-<RANDOM>`, the stack and logical id parts shortened to fit `maxLength` as CloudFormation does. */
export function generatedName(stackName: string, logicalId: string, options: { maxLength?: number; lowerCase?: boolean; separator?: string } = {}): string {
  const separator = options.separator ?? '-';
  const suffix = randomSuffix();
  const room = (options.maxLength ?? 255) - suffix.length - 2 * separator.length;
  let stackPart = stackName;
  let logicalPart = logicalId;
  if (stackPart.length + logicalPart.length > room) {
    stackPart = stackPart.slice(0, Math.max(Math.floor(room / 2), room - logicalPart.length));
    logicalPart = logicalPart.slice(0, room - stackPart.length);
  }
  const name = [stackPart, logicalPart, suffix].join(separator);
  return options.lowerCase ? name.toLowerCase() : name;
}

/**
 * The stack's caller as services see the engine's calls: CloudFormation in `calledVia`, as IAM's aws:CalledVia lists
 * it (services then accept the `aws:cloudformation:*` tags the engine puts on resources, and only on its calls).
 */
export function engineCaller(stack: Stack): Caller {
  return { ...stack.caller, calledVia: ['cloudformation.amazonaws.com'] };
}

/** What a resource type is handed for one resource of a stack. */
export function resourceRequest(stack: Stack, run: Run, logicalId: string, resourceType: string, properties: Properties): ResourceRequest {
  const caller = engineCaller(stack);
  return {
    logicalId,
    resourceType,
    stackName: stack.stackName,
    stackId: stack.stackId,
    accountId: run.accountId,
    region: run.region,
    properties,
    stackTags: (stack.tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value! })),
    emulator: run.emulator,
    caller,
    call: (service, operation, input) => run.emulator.call(service, operation, input, { caller, accountId: run.accountId, region: run.region }),
    physicalName: (options) => generatedName(stack.stackName, logicalId, options),
  };
}

const HANDLER_CODES: [RegExp, string][] = [
  [/AlreadyExists|InUse|Conflict|EntityAlreadyExists/, 'AlreadyExists'],
  [/NotFound|NoSuch|DoesNotExist|NonExistent/, 'NotFound'],
  [/Throttl|TooMany/, 'Throttling'],
  [/AccessDenied|Unauthori[sz]ed/, 'AccessDenied'],
  [/Validation|Invalid|Malformed|Missing/, 'InvalidRequest'],
  [/^InternalFailure$/, 'InternalFailure'],
  [/^NotStabilized$/, 'NotStabilized'],
];

/** A failed resource's status reason, in the form the CloudFormation registry gives service errors. */
export function failureReason(error: unknown): string {
  if (!(error instanceof AwsError)) return 'Internal Failure';
  if (error.code === 'ValidationError') return error.message;
  const handlerCode = HANDLER_CODES.find(([pattern]) => pattern.test(error.code))?.[1] ?? 'GeneralServiceException';
  return `Resource handler returned message: "${error.message}" (RequestToken: ${randomUUID()}, HandlerErrorCode: ${handlerCode})`;
}

/** Whether a delete failed only because the resource is already gone (CloudFormation then counts it deleted). */
export function isAlreadyGone(error: unknown): boolean {
  return error instanceof AwsError && /NotFound|NoSuch|DoesNotExist|NonExistent/.test(error.code);
}
