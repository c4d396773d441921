import { AwsError } from '../../core/errors.ts';

/** KMS's errors with the messages AWS writes (from the AWS-recorded KMS snapshots where they record one). */
export const KmsErrors = {
  notFound: (message: string) => new AwsError('NotFoundException', message),
  invalidKeyId: (keyId: string) => new AwsError('NotFoundException', `Invalid keyId '${keyId}'`),
  keyMissing: (arn: string) => new AwsError('NotFoundException', `Key '${arn}' does not exist`),
  disabled: (arn: string) => new AwsError('DisabledException', `${arn} is disabled.`),
  invalidState: (message: string) => new AwsError('KMSInvalidStateException', message),
  invalidCiphertext: () => new AwsError('InvalidCiphertextException', ''),
  incorrectKey: () => new AwsError('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.'),
  invalidUsage: (arn: string, usage: string, operation: string) =>
    new AwsError('InvalidKeyUsageException', `${arn} key usage is ${usage} which is not valid for ${operation}.`),
  invalidKeyUsage: (message: string) => new AwsError('InvalidKeyUsageException', message),
  invalidSignature: () => new AwsError('KMSInvalidSignatureException', ''),
  invalidMac: () => new AwsError('KMSInvalidMacException', ''),
  unsupported: (message: string) => new AwsError('UnsupportedOperationException', message),
  validation: (message: string) => new AwsError('ValidationException', message, { status: 400 }),
  alreadyExists: (message: string) => new AwsError('AlreadyExistsException', message),
  tag: (message: string) => new AwsError('TagException', message),
  limitExceeded: (message: string) => new AwsError('LimitExceededException', message),
  malformedPolicy: (message: string) => new AwsError('MalformedPolicyDocumentException', message),
  dryRun: () => new AwsError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.'),
  notAuthorized: () => new AwsError('NotAuthorizedException', 'Cannot create alias with prefix alias/aws/', { status: 400 }),
  accessDenied: (message: string) => new AwsError('AccessDeniedException', message, { status: 400 }),
};
