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

  // Documents. Where AWS's wording is not published, the message is the error's description in the SSM API reference.
  documentNotFound: () => new AwsError('InvalidDocument', 'The specified document does not exist.'),
  documentExists: (name: string) => new AwsError('DocumentAlreadyExists', `Document with same name ${name} already exists`),
  documentContent: (message: string) => new AwsError('InvalidDocumentContent', message),
  documentSchema: (message: string) => new AwsError('InvalidDocumentSchemaVersion', message),
  documentTooBig: () => new AwsError('MaxDocumentSizeExceeded', 'The size limit of a document is 64 KB.'),
  documentVersion: (message = 'The document version is not valid or does not exist.') => new AwsError('InvalidDocumentVersion', message),
  documentOperation: (message: string) => new AwsError('InvalidDocumentOperation', message),
  duplicateContent: () => new AwsError('DuplicateDocumentContent', 'The content of the association document matches another document. Change the content of the document and try again.'),
  duplicateVersionName: () => new AwsError('DuplicateDocumentVersionName', 'The version name has already been used in this document. Specify a different version name, and then try again.'),
  versionLimit: () => new AwsError('DocumentVersionLimitExceeded', 'The document has too many versions. Delete one or more document versions and try again.'),
  documentLimit: () => new AwsError('DocumentLimitExceeded', 'You can have at most 500 active SSM documents.'),
  permissionLimit: () => new AwsError('DocumentPermissionLimit', 'The document can\'t be shared with more Amazon Web Services accounts. You can specify a maximum of 20 accounts per API operation to share a private document. By default, you can share a private document with a maximum of 1,000 accounts.'),
  associatedInstances: () => new AwsError('AssociatedInstances', 'You must disassociate a document from all managed nodes before you can delete it.'),

  // Associations.
  associationNotFound: () => new AwsError('AssociationDoesNotExist', 'The specified association does not exist.'),
  associationVersion: () => new AwsError('InvalidAssociationVersion', 'The version you specified isn\'t valid. Use ListAssociationVersions to view all versions of an association according to the association ID. Or, use the $LATEST parameter to view the latest version of the association.'),
  invalidParameters: (message: string) => new AwsError('InvalidParameters', message),
  invalidSchedule: (message: string) => new AwsError('InvalidSchedule', message),
  invalidTarget: (message: string) => new AwsError('InvalidTarget', message),

  // Maintenance windows and patch baselines.
  doesNotExist: (message: string) => new AwsError('DoesNotExistException', message),
  idempotentMismatch: () => new AwsError('IdempotentParameterMismatch', 'Error returned when an idempotent operation is retried and the parameters don\'t match the original call to the API with the same idempotency token.'),
  targetInUse: (message: string) => new AwsError('TargetInUseException', message),
  alreadyExistsException: (message: string) => new AwsError('AlreadyExistsException', message),
  resourceInUse: (message: string) => new AwsError('ResourceInUseException', message),

  // Resource data syncs and service settings.
  syncNotFound: (name: string) => new AwsError('ResourceDataSyncNotFoundException', `Sync ${name} does not exist.`, { fields: { SyncName: name } }),
  syncExists: (name: string) => new AwsError('ResourceDataSyncAlreadyExistsException', `Sync ${name} already exists.`, { fields: { SyncName: name } }),
  syncConfiguration: (message: string) => new AwsError('ResourceDataSyncInvalidConfigurationException', message),
  syncConflict: (message: string) => new AwsError('ResourceDataSyncConflictException', message),
  opsMetadataNotFound: (arn: string) => new AwsError('OpsMetadataNotFoundException', `OpsMetadata object ${arn} not found.`),
  opsMetadataArgument: (message: string) => new AwsError('OpsMetadataInvalidArgumentException', message),
  opsItemNotFound: (id: string) => new AwsError('OpsItemNotFoundException', `OpsItem with id ${id} not found.`),
  opsItemParameter: (names: string[], message: string) => new AwsError('OpsItemInvalidParameterException', message, { fields: { ParameterNames: names } }),
  settingNotFound: (id: string) => new AwsError('ServiceSettingNotFound', `ServiceSetting ${id} is not found.`),

  // Resource policies: AWS's wording is not published; the messages are the errors' descriptions in the API reference.
  policyParameter: (names: string[]) =>
    new AwsError('ResourcePolicyInvalidParameterException', 'One or more parameters specified for the call aren\'t valid. Verify the parameters and their values and try again.', { fields: { ParameterNames: names } }),
  policyResourceNotFound: () => new AwsError('ResourceNotFoundException', 'The specified parameter to be shared could not be found.'),
  policyNotFound: () => new AwsError('ResourcePolicyNotFoundException', 'No policies with the specified policy ID and hash could be found.'),
  policyConflict: () =>
    new AwsError(
      'ResourcePolicyConflictException',
      'The hash provided in the call doesn\'t match the stored hash. This exception is thrown when trying to update an obsolete policy version or when multiple requests to update a policy are sent.',
    ),
  policyLimit: () =>
    new AwsError(
      'ResourcePolicyLimitExceededException',
      'The PutResourcePolicy API action enforces two limits. A policy can\'t be greater than 1024 bytes in size. And only one policy can be attached to OpsItemGroup. Verify these limits and try again.',
    ),
  malformedPolicy: () =>
    new AwsError('MalformedResourcePolicyDocumentException', 'The specified policy document is malformed or invalid, or excessive PutResourcePolicy or DeleteResourcePolicy calls have been made.'),
};
