import { AwsError } from '../../core/errors.ts';

/** SSM's errors with the messages AWS writes. */
export const SsmErrors = {
  // AWS answers GetParameter of a missing parameter with an empty message.
  notFound: () => new AwsError('ParameterNotFound', ''),
  versionNotFound: (name: string, version: string) =>
    new AwsError('ParameterVersionNotFound', `Systems Manager could not find version ${version} of ${name}. Verify the version and try again.`),
  alreadyExists: () => new AwsError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.'),
  validation: (message: string) => new AwsError('ValidationException', message, { status: 400 }),
  hierarchyLimit: () =>
    new AwsError(
      'HierarchyLevelLimitExceededException',
      'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.',
    ),
  patternMismatch: (pattern: string) => new AwsError('ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${pattern}`),
  invalidAllowedPattern: () => new AwsError('InvalidAllowedPatternException', 'The allowed pattern is not a valid regular expression.'),
  maxVersions: (name: string) =>
    new AwsError(
      'ParameterMaxVersionLimitExceeded',
      `You attempted to create a new version of ${name} by calling the PutParameter API with the overwrite flag. Version 1, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.`,
    ),
  invalidResourceId: () => new AwsError('InvalidResourceId', ''),
  invalidResourceType: () => new AwsError('InvalidResourceType', ''),
  invalidKeyId: (message: string) => new AwsError('InvalidKeyId', message),
  invalidFilterKey: (message: string) => new AwsError('InvalidFilterKey', message),
  invalidNextToken: () => new AwsError('InvalidNextToken', 'The specified token is not valid.'),
  tooManyTags: () => new AwsError('TooManyTagsError', 'The Tags parameter exceeds the maximum of 50 tags.'),
};
