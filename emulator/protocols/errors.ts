import type { AwsError } from '../core/errors.ts';
import type { ServiceModel } from '../models/types.ts';

/** HTTP status of an error: the model's for modelled errors, else the error's own, else 400. */
export function errorStatus(error: AwsError, model: ServiceModel): number {
  return error.status ?? model.shapes[error.code]?.error?.httpStatusCode ?? 400;
}

/** The code a query-protocol client sees (e.g. `AWS.SimpleQueueService.NonExistentQueue` for `QueueDoesNotExist`). */
export function queryErrorCode(error: AwsError, model: ServiceModel): string {
  const shape = model.shapes[error.code];
  return (shape?.exception && shape.error?.code) || error.code;
}
