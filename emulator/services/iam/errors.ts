import { AwsError } from '../../core/errors.ts';

/** IAM's errors, with the messages AWS writes. Codes are the model's shape names; the protocol maps them to IAM's. */
export const IamErrors = {
  noSuchEntity: (message: string) => new AwsError('NoSuchEntityException', message),
  alreadyExists: (message: string) => new AwsError('EntityAlreadyExistsException', message),
  deleteConflict: (message: string) => new AwsError('DeleteConflictException', message),
  limitExceeded: (message: string) => new AwsError('LimitExceededException', message),
  invalidInput: (message: string) => new AwsError('InvalidInputException', message),
  malformedPolicy: (message: string) => new AwsError('MalformedPolicyDocumentException', message),
  passwordPolicyViolation: (message: string) => new AwsError('PasswordPolicyViolationException', message),
  unmodifiable: (message: string) => new AwsError('UnmodifiableEntityException', message),
  invalidAuthenticationCode: (message: string) => new AwsError('InvalidAuthenticationCodeException', message),
  notAttachable: (message: string) => new AwsError('PolicyNotAttachableException', message),
  /** Query-protocol services report input problems as `ValidationError`. */
  validation: (message: string) => new AwsError('ValidationError', message, { status: 400 }),
  invalidArn: () => new AwsError('ValidationError', 'Invalid ARN:  Could not be parsed!', { status: 400 }),
};
