import { AwsError } from '../../core/errors.ts';

/** `InvalidParameter` (400): AWS prefixes every message with "Invalid parameter: ". */
export const invalidParameter = (detail: string) => new AwsError('InvalidParameterException', `Invalid parameter: ${detail}`);

/** `InvalidParameter` with a message AWS words without the usual prefix ("Invalid token", "Invalid SMS endpoint"). */
export const invalidParameterRaw = (message: string) => new AwsError('InvalidParameterException', message);

/** `ParameterValueInvalid` (400), used for message attribute checks. */
export const parameterValueInvalid = (message: string) => new AwsError('InvalidParameterValueException', message);

export const notFound = (message: string) => new AwsError('NotFoundException', message);

export const topicNotFound = () => notFound('Topic does not exist');
export const subscriptionNotFound = () => notFound('Subscription does not exist');

/** Coral's message for a missing required member, as SNS answers it (code ValidationError). */
export const validationError = (path: string) =>
  new AwsError('ValidationError', `1 validation error detected: Value null at '${path}' failed to satisfy constraint: Member must not be null`, {
    status: 400,
  });
