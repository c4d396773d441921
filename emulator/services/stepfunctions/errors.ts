import { parseArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { Activity, Execution, SfnState, StateMachine } from './state.ts';

/** Step Functions' errors, worded as AWS words them. */
export const SfnErrors = {
  invalidArn: (detail: string) => new AwsError('InvalidArn', `Invalid Arn: '${detail}'`),
  machineDoesNotExist: (arn: string) => new AwsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`),
  executionDoesNotExist: (arn: string) => new AwsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`),
  activityDoesNotExist: (arn: string) => new AwsError('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`),
  invalidName: (name: string) => new AwsError('InvalidName', `Invalid Name: '${name}'`),
  resourceNotFound: (message: string) => new AwsError('ResourceNotFound', message),
  validation: (message: string) => new AwsError('ValidationException', message),
  conflict: (message: string) => new AwsError('ConflictException', message),
  typeNotSupported: () => new AwsError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine'),
  invalidToken: (detail = 'Invalid token') => new AwsError('InvalidToken', `Invalid Token: '${detail}'`),
};

/** Names of state machines, executions, activities and aliases: 1 to 80 characters, none of AWS's reserved ones. */
const INVALID_NAME = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

export function checkName(name: string, max = 80): void {
  if (name.length === 0 || name.length > max || INVALID_NAME.test(name)) throw SfnErrors.invalidName(name);
}

/** A Step Functions ARN of one of the expected resource types; InvalidArn as AWS words it otherwise. */
export function checkArn(text: string, types: string[]): { resourceType: string; parts: string[] } {
  const arn = parseArn(text);
  if (!arn || arn.service !== 'states') throw SfnErrors.invalidArn(`Invalid ARN prefix: ${text}`);
  const [resourceType, ...parts] = arn.resource.split(':');
  if (!types.includes(resourceType)) throw SfnErrors.invalidArn(`Resource type not valid in this context: ${resourceType}`);
  return { resourceType, parts };
}

/** A state machine ARN (not a version's or an alias's). */
export function findMachine(state: SfnState, arn: string): StateMachine {
  const { parts } = checkArn(arn, ['stateMachine']);
  if (parts.length !== 1) throw SfnErrors.invalidArn(`Invalid ARN format: ${arn}`);
  const machine = state.machines.get(arn);
  if (!machine) throw SfnErrors.machineDoesNotExist(arn);
  return machine;
}

export function findExecution(state: SfnState, arn: string): Execution {
  checkArn(arn, ['execution']);
  const execution = state.executions.get(arn);
  if (!execution || !execution.recorded) throw SfnErrors.executionDoesNotExist(arn);
  return execution;
}

export function findActivity(state: SfnState, arn: string): Activity {
  checkArn(arn, ['activity']);
  const activity = state.activities.get(arn);
  if (!activity) throw SfnErrors.activityDoesNotExist(arn);
  return activity;
}

/** `stateMachine:name:qualifier` → the base machine's ARN and the qualifier (a version number or an alias name). */
export function splitQualified(state: SfnState, arn: string): { machineArn: string; qualifier?: string } {
  const { parts } = checkArn(arn, ['stateMachine']);
  if (parts.length > 2) throw SfnErrors.invalidArn(`Invalid ARN format: ${arn}`);
  // Another account's or region's machine is not the caller's same-named one.
  const named = parseArn(arn)!;
  if (named.accountId !== state.accountId || named.region !== state.region) throw SfnErrors.machineDoesNotExist(arn);
  return { machineArn: state.arn(`stateMachine:${parts[0]}`), qualifier: parts[1] };
}

/** Jackson's wording for execution input that is not JSON, which AWS returns. */
export function parseJsonInput(text: string, error: (detail: string) => AwsError): unknown {
  if (text.trim() === '') throw error('Invalid execution input.');
  try {
    return JSON.parse(text);
  } catch {
    const token = /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
    if (token) throw error(`Unrecognized token '${token[1]}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
    const quote = /^\s*\{\s*(')/.exec(text);
    if (quote) throw error("Unexpected character (''' (code 39)): was expecting double-quote to start field name");
    throw error('Invalid execution input.');
  }
}

export function executionInputError(detail: string): AwsError {
  return new AwsError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`);
}

/** Opaque page tokens: the offset of the next item. */
export function page<T>(items: T[], maxResults: number | undefined, nextToken: string | undefined): { items: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const decoded = /^[0-9]+$/.test(Buffer.from(nextToken, 'base64url').toString('utf8')) ? Number(Buffer.from(nextToken, 'base64url').toString('utf8')) : NaN;
    if (!Number.isSafeInteger(decoded)) throw SfnErrors.invalidToken();
    start = decoded;
  }
  const size = maxResults || 100;
  const slice = items.slice(start, start + size);
  return { items: slice, nextToken: start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : undefined };
}
