import { AwsError } from '../../../core/errors.ts';

// AWS's words, recorded (shared/reference/aws-snapshots/logs/test_logs_delivery).
export const sourceNotFound = (deleted = false) => new AwsError('ResourceNotFoundException', `Requested Delivery Source does not exist in this account.${deleted ? '.' : ''}`);
export const destinationNotFound = () => new AwsError('ResourceNotFoundException', 'Requested Delivery Destination does not exist in this account.');
export const deliveryNotFound = () => new AwsError('ResourceNotFoundException', 'Requested Delivery does not exist in this account.');
export const validation = (message: string) => new AwsError('ValidationException', message);
export const conflict = (message: string) => new AwsError('ConflictException', message);
