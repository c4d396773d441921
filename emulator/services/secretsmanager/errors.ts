import { AwsError } from '../../core/errors.ts';

/** Secrets Manager's modelled errors carry their text as a `Message` member, which AWS's JSON bodies spell so. */
export function secretsError(code: string, message: string, status?: number): AwsError {
  return new AwsError(code, message, { status, fields: { Message: message } });
}

/** Secrets Manager's errors with the messages AWS writes (from the AWS-recorded snapshots where they hold one). */
export const SecretsErrors = {
  notFound: () => secretsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
  stageNotFound: (stage: string) => secretsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`),
  versionNotFound: (id: string) => secretsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${id}`),
  markedForDeletion: () => secretsError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion."),
  scheduledForDeletion: () => secretsError('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion."),
  exists: (name: string) => secretsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`),
  invalidRequest: (message: string) => secretsError('InvalidRequestException', message),
  invalidParameter: (message: string) => secretsError('InvalidParameterException', message),
  validation: (message: string) => new AwsError('ValidationException', message, { status: 400 }),
  malformedPolicy: (message: string) => secretsError('MalformedPolicyDocumentException', message),
  invalidNextToken: () => secretsError('InvalidNextTokenException', 'The NextToken value is invalid.'),
  noToken: () => secretsError('InvalidRequestException', 'You must provide a ClientRequestToken value. We recommend a UUID-type value.'),
};
