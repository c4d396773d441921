import { AwsError } from '../../core/errors.ts';

/** S3's errors, with AWS's codes, messages, statuses and the elements AWS adds to the `<Error>` document. */
export const S3Errors = {
  noSuchBucket: (bucket: string) => new AwsError('NoSuchBucket', 'The specified bucket does not exist', { fields: { BucketName: bucket } }),
  noSuchKey: (key: string) => new AwsError('NoSuchKey', 'The specified key does not exist.', { fields: { Key: key } }),
  noSuchVersion: (key: string, versionId: string) =>
    new AwsError('NoSuchVersion', 'The specified version does not exist.', { status: 404, fields: { Key: key, VersionId: versionId } }),
  invalidVersionId: (versionId: string) =>
    new AwsError('InvalidArgument', 'Invalid version id specified', { status: 400, fields: { ArgumentName: 'versionId', ArgumentValue: versionId } }),
  noSuchUpload: (uploadId: string) =>
    new AwsError('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', {
      fields: { UploadId: uploadId },
    }),
  invalidBucketName: (bucket: string) => new AwsError('InvalidBucketName', 'The specified bucket is not valid.', { status: 400, fields: { BucketName: bucket } }),
  accessDenied: () => new AwsError('AccessDenied', 'Access Denied'),
  invalidArgument: (message: string, name?: string, value?: unknown) =>
    new AwsError('InvalidArgument', message, { status: 400, fields: name === undefined ? undefined : { ArgumentName: name, ArgumentValue: value } }),
  invalidRequest: (message: string) => new AwsError('InvalidRequest', message),
  malformedPolicy: (message: string) => new AwsError('MalformedPolicy', message, { status: 400 }),
  malformedPost: (condition: string) =>
    new AwsError('MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.', { status: 400, fields: { Condition: condition } }),
  invalidBucketState: (message: string) => new AwsError('InvalidBucketState', message, { status: 409 }),
  malformedXml: () =>
    new AwsError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', { status: 400 }),
  preconditionFailed: (condition: string) =>
    new AwsError('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { status: 412, fields: { Condition: condition } }),
  notModified: (headers: Record<string, string>) => new AwsError('NotModified', 'Not Modified', { status: 304, headers }),
  missingContentLength: () => new AwsError('MissingContentLength', 'You must provide the Content-Length HTTP header.', { status: 411 }),
  entityTooLarge: (size: number, max: number) =>
    new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', { status: 400, fields: { ProposedSize: size, MaxSizeAllowed: max } }),
  entityTooSmall: (size: number, min: number) =>
    new AwsError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', { status: 400, fields: { ProposedSize: size, MinSizeAllowed: min } }),
  notImplementedHeader: (header: string, additionalMessage: string | null = `We don't accept the provided value of ${header} header for this API`) =>
    new AwsError('NotImplemented', 'A header you provided implies functionality that is not implemented', {
      status: 501,
      fields: additionalMessage === null ? { Header: header } : { Header: header, additionalMessage },
    }),
  noSuchConfiguration: (code: string, message: string, bucket: string) => new AwsError(code, message, { status: 404, fields: { BucketName: bucket } }),
};
