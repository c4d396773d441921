import { AwsError } from '../../core/errors.ts';

/** Secrets Manager's errors with the messages AWS writes (from the AWS-recorded snapshots where they hold one). */
export const SecretsErrors = {
  notFound: () => new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
  stageNotFound: (stage: string) => new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`),
  versionNotFound: (id: string) => new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${id}`),
  markedForDeletion: () => new AwsError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion."),
  scheduledForDeletion: () => new AwsError('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion."),
  exists: (name: string) => new AwsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`),
  invalidRequest: (message: string) => new AwsError('InvalidRequestException', message),
  invalidParameter: (message: string) => new AwsError('InvalidParameterException', message),
  validation: (message: string) => new AwsError('ValidationException', message, { status: 400 }),
  malformedPolicy: (message: string) => new AwsError('MalformedPolicyDocumentException', message),
  invalidNextToken: () => new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.'),
  noToken: () => new AwsError('InvalidRequestException', 'You must provide a ClientRequestToken value. We recommend a UUID-type value.'),
};
