import { AwsError } from '../../core/errors.ts';

export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);
export const notFound = (message: string) => new AwsError('ResourceNotFoundException', message);
export const alreadyExists = (message: string) => new AwsError('ResourceAlreadyExistsException', message);
export const groupNotFound = () => notFound('The specified log group does not exist.');
export const streamNotFound = () => notFound('The specified log stream does not exist.');
export const invalidToken = () => invalidParameter('The specified nextToken is invalid.');
