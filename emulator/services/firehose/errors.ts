import { AwsError } from '../../core/errors.ts';

/** Firehose errors with AWS's wording. All are modelled, so the model gives their HTTP status (400, 503). */
export const invalidArgument = (message: string) => new AwsError('InvalidArgumentException', message);
export const resourceInUse = (message: string) => new AwsError('ResourceInUseException', message);
export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message);
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message);
export const concurrentModification = (message: string) => new AwsError('ConcurrentModificationException', message);

export const streamNotFound = (name: string, accountId: string) => resourceNotFound(`Firehose ${name} under account ${accountId} not found.`);
