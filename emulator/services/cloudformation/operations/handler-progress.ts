import type { RecordHandlerProgressInput } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';

const STATUSES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED'];

function checkStatus(value: string | undefined, member: string): void {
  if (value !== undefined && !STATUSES.includes(value)) {
    throw validationError(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${STATUSES.join(', ')}]`);
  }
}

/**
 * Where a resource handler reports its progress, naming its operation by the bearer token CloudFormation handed it.
 * Twinstack never invokes extension handlers, so no operation has a token: every report is refused as AWS refuses
 * a token it does not know.
 */
export function recordHandlerProgress(input: RecordHandlerProgressInput) {
  const token = input.BearerToken;
  if (token === undefined) throw validationError("1 validation error detected: Value null at 'bearerToken' failed to satisfy constraint: Member must not be null");
  if (input.OperationStatus === undefined) throw validationError("1 validation error detected: Value null at 'operationStatus' failed to satisfy constraint: Member must not be null");
  if (!/^[ -~]{1,128}$/.test(token)) {
    throw validationError(`1 validation error detected: Value '${token}' at 'bearerToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [ -~]+`);
  }
  checkStatus(input.OperationStatus, 'operationStatus');
  checkStatus(input.CurrentOperationStatus, 'currentOperationStatus');
  if (input.StatusMessage !== undefined && input.StatusMessage.length > 1024) {
    throw validationError("1 validation error detected: Value at 'statusMessage' failed to satisfy constraint: Member must have length less than or equal to 1024");
  }
  throw new AwsError('OperationStatusCheckFailedException', `No handler operation in progress has the bearer token ${token}`);
}
