import { AwsError } from '../../core/errors.ts';

/** S3 Control's errors, with S3's codes and messages. */
export const S3ControlErrors = {
  noSuchAccessPoint: (name: string) =>
    new AwsError('NoSuchAccessPoint', 'The specified accesspoint does not exist', { status: 404, fields: { AccessPointName: name } }),
  alreadyOwned: () =>
    new AwsError('AccessPointAlreadyOwnedByYou', 'Your previous request to create the named accesspoint succeeded and you already own it.', { status: 409 }),
  noSuchPolicy: () => new AwsError('NoSuchAccessPointPolicy', 'The specified accesspoint policy does not exist', { status: 404 }),
  noSuchBucket: (bucket: string) => new AwsError('NoSuchBucket', 'The specified bucket does not exist', { status: 404, fields: { BucketName: bucket } }),
  accessDenied: () => new AwsError('AccessDenied', 'Access Denied', { status: 403 }),
  invalidRequest: (message: string) => new AwsError('InvalidRequest', message, { status: 400 }),
  malformedPolicy: (message: string) => new AwsError('MalformedPolicy', message, { status: 400 }),
  invalidNextToken: () => new AwsError('InvalidNextToken', 'The continuation token provided is incorrect', { status: 400 }),
};
