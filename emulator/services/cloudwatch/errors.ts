import { AwsError } from '../../core/errors.ts';

export const invalidValue = (message: string) => new AwsError('InvalidParameterValueException', message);
export const invalidCombination = (message: string) => new AwsError('InvalidParameterCombinationException', message);
export const missingParameter = (message: string) => new AwsError('MissingRequiredParameterException', message);
export const resourceNotFound = (message = '') => new AwsError('ResourceNotFound', message);
