import { AwsError } from '../../core/errors.ts';

/** DynamoDB's errors with AWS's wording. */
export const validation = (message: string) => new AwsError('ValidationException', message, { status: 400 });

/** "One or more parameter values were invalid: ..." is how DynamoDB prefixes most semantic validation errors. */
export const invalidParameter = (detail: string) => validation(`One or more parameter values were invalid: ${detail}`);

/** Item operations report a missing table without naming it; table operations name it. */
export const resourceNotFound = (detail?: string) =>
  new AwsError('ResourceNotFoundException', detail ? `Requested resource not found: ${detail}` : 'Requested resource not found');

export const tableNotFound = (name: string) => resourceNotFound(`Table: ${name} not found`);

export const resourceInUse = (message: string) => new AwsError('ResourceInUseException', message);

export const keyMismatch = () => validation('The provided key element does not match the schema');
