import { AwsError } from '../../core/errors.ts';

export const validation = (message: string) => new AwsError('ValidationException', message);
export const notFound = (message: string) => new AwsError('ResourceNotFoundException', message);
export const alreadyExists = (message: string) => new AwsError('ResourceAlreadyExistsException', message);
export const limitExceeded = () => new AwsError('LimitExceededException', 'The requested resource exceeds the maximum number allowed.');
export const busNotFound = (name: string) => notFound(`Event bus ${name} does not exist.`);
export const ruleNotFound = (rule: string, bus: string) => notFound(`Rule ${rule} does not exist on EventBus ${bus}.`);
