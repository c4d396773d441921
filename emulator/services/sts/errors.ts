import { AwsError } from '../../core/errors.ts';

/** STS reports input problems as `ValidationError` (query-protocol services), not Coral's `ValidationException`. */
export const StsErrors = {
  validation: (message: string) => new AwsError('ValidationError', message, { status: 400 }),
  invalidParameterValue: (message: string) => new AwsError('InvalidParameterValue', message, { status: 400 }),
  accessDenied: (message: string) => new AwsError('AccessDenied', message, { status: 403 }),
  invalidArn: (arn: string) => new AwsError('ValidationError', `${arn} is invalid`, { status: 400 }),
};
