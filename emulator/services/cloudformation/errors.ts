import { AwsError } from '../../core/errors.ts';

/** CloudFormation answers almost every bad request with a 400 `ValidationError`. */
export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message, { status: 400 });
}

/** A template problem: reported as a ValidationError whose message starts with "Template format error". */
export const templateError = validationError;

export function stackNotFound(name: string): AwsError {
  return validationError(`Stack with id ${name} does not exist`);
}
