import { AwsError } from '../../core/errors.ts';

/** Kinesis errors with AWS's wording. All are modelled, so the model gives their HTTP status (400). */
export const invalidArgument = (message: string) => new AwsError('InvalidArgumentException', message);
export const resourceInUse = (message: string) => new AwsError('ResourceInUseException', message);
export const resourceNotFound = (message: string) => new AwsError('ResourceNotFoundException', message);
export const limitExceeded = (message: string) => new AwsError('LimitExceededException', message);
export const validation = (message: string) => new AwsError('ValidationException', message);

export const streamNotFound = (name: string, accountId: string) => resourceNotFound(`Stream ${name} under account ${accountId} not found.`);

export const shardNotFound = (shardId: string, streamName: string, accountId: string) =>
  resourceNotFound(`Shard ${shardId} in stream ${streamName} under account ${accountId} does not exist`);

export const streamNotActive = (name: string, accountId: string) =>
  resourceInUse(`Stream ${name} under account ${accountId} not ACTIVE, instead in state UPDATING`);
