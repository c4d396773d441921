import type { AclInput } from './acl.ts';
import { isDirectoryBucketName } from './directory-names.ts';

/**
 * The IAM action AWS authorizes each S3 request as (Amazon S3 User Guide, "Required permissions for Amazon S3 API
 * operations"; the Service Authorization Reference's actions for Amazon S3). Most operations are their own action;
 * these are not: configuration deletes are authorized as the matching Put, listings as List* actions of the bucket.
 */
const RENAMED: Readonly<Record<string, string>> = {
  HeadBucket: 's3:ListBucket',
  ListObjects: 's3:ListBucket',
  ListObjectsV2: 's3:ListBucket',
  ListObjectVersions: 's3:ListBucketVersions',
  ListMultipartUploads: 's3:ListBucketMultipartUploads',
  ListParts: 's3:ListMultipartUploadParts',
  ListBuckets: 's3:ListAllMyBuckets',
  ListDirectoryBuckets: 's3express:ListAllMyDirectoryBuckets',
  CreateSession: 's3express:CreateSession',
  HeadObject: 's3:GetObject',
  SelectObjectContent: 's3:GetObject',
  CopyObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  UploadPartCopy: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  PutBucketAnalyticsConfiguration: 's3:PutAnalyticsConfiguration',
  DeleteBucketAnalyticsConfiguration: 's3:PutAnalyticsConfiguration',
  GetBucketAnalyticsConfiguration: 's3:GetAnalyticsConfiguration',
  ListBucketAnalyticsConfigurations: 's3:GetAnalyticsConfiguration',
  PutBucketMetricsConfiguration: 's3:PutMetricsConfiguration',
  DeleteBucketMetricsConfiguration: 's3:PutMetricsConfiguration',
  GetBucketMetricsConfiguration: 's3:GetMetricsConfiguration',
  ListBucketMetricsConfigurations: 's3:GetMetricsConfiguration',
  PutBucketInventoryConfiguration: 's3:PutInventoryConfiguration',
  DeleteBucketInventoryConfiguration: 's3:PutInventoryConfiguration',
  GetBucketInventoryConfiguration: 's3:GetInventoryConfiguration',
  ListBucketInventoryConfigurations: 's3:GetInventoryConfiguration',
  PutBucketIntelligentTieringConfiguration: 's3:PutIntelligentTieringConfiguration',
  DeleteBucketIntelligentTieringConfiguration: 's3:PutIntelligentTieringConfiguration',
  GetBucketIntelligentTieringConfiguration: 's3:GetIntelligentTieringConfiguration',
  ListBucketIntelligentTieringConfigurations: 's3:GetIntelligentTieringConfiguration',
  PutBucketCors: 's3:PutBucketCORS',
  DeleteBucketCors: 's3:PutBucketCORS',
  GetBucketCors: 's3:GetBucketCORS',
  PutBucketEncryption: 's3:PutEncryptionConfiguration',
  DeleteBucketEncryption: 's3:PutEncryptionConfiguration',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
  PutBucketLifecycle: 's3:PutLifecycleConfiguration',
  PutBucketLifecycleConfiguration: 's3:PutLifecycleConfiguration',
  DeleteBucketLifecycle: 's3:PutLifecycleConfiguration',
  GetBucketLifecycle: 's3:GetLifecycleConfiguration',
  GetBucketLifecycleConfiguration: 's3:GetLifecycleConfiguration',
  PutBucketReplication: 's3:PutReplicationConfiguration',
  DeleteBucketReplication: 's3:PutReplicationConfiguration',
  GetBucketReplication: 's3:GetReplicationConfiguration',
  DeleteBucketOwnershipControls: 's3:PutBucketOwnershipControls',
  DeleteBucketTagging: 's3:PutBucketTagging',
  PutPublicAccessBlock: 's3:PutBucketPublicAccessBlock',
  DeletePublicAccessBlock: 's3:PutBucketPublicAccessBlock',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  PutBucketAccelerateConfiguration: 's3:PutAccelerateConfiguration',
  GetBucketAccelerateConfiguration: 's3:GetAccelerateConfiguration',
  PutBucketNotification: 's3:PutBucketNotification',
  PutBucketNotificationConfiguration: 's3:PutBucketNotification',
  GetBucketNotificationConfiguration: 's3:GetBucketNotification',
  PutObjectLockConfiguration: 's3:PutBucketObjectLockConfiguration',
  GetObjectLockConfiguration: 's3:GetBucketObjectLockConfiguration',
  CreateBucketMetadataConfiguration: 's3:CreateBucketMetadataTableConfiguration',
  GetBucketMetadataConfiguration: 's3:GetBucketMetadataTableConfiguration',
  DeleteBucketMetadataConfiguration: 's3:DeleteBucketMetadataTableConfiguration',
  PutBucketAbac: 's3:PutBucketABAC',
  GetBucketAbac: 's3:GetBucketABAC',
  WriteGetObjectResponse: 's3-object-lambda:WriteGetObjectResponse',
};

/** A request naming a version (`versionId`) is authorized as the version's own action. */
const OF_VERSION: Readonly<Record<string, string>> = {
  GetObject: 's3:GetObjectVersion',
  HeadObject: 's3:GetObjectVersion',
  DeleteObject: 's3:DeleteObjectVersion',
  GetObjectAcl: 's3:GetObjectVersionAcl',
  PutObjectAcl: 's3:PutObjectVersionAcl',
  GetObjectTagging: 's3:GetObjectVersionTagging',
  PutObjectTagging: 's3:PutObjectVersionTagging',
  DeleteObjectTagging: 's3:DeleteObjectVersionTagging',
  GetObjectAttributes: 's3:GetObjectVersionAttributes',
};

/**
 * A directory bucket's (S3 Express One Zone) requests: the Regional endpoint's bucket operations are `s3express:`
 * actions of their own (the SDK's Permissions of CreateBucket, DeleteBucket, the bucket policy, encryption, lifecycle,
 * inventory and metrics operations); every Zonal endpoint request (objects, listings, HeadBucket) is authorized as
 * `s3express:CreateSession` on the bucket, the session-based authorization AWS describes for them.
 */
const OF_DIRECTORY_BUCKET: Readonly<Record<string, string>> = {
  CreateBucket: 's3express:CreateBucket',
  DeleteBucket: 's3express:DeleteBucket',
  PutBucketPolicy: 's3express:PutBucketPolicy',
  GetBucketPolicy: 's3express:GetBucketPolicy',
  DeleteBucketPolicy: 's3express:DeleteBucketPolicy',
  PutBucketEncryption: 's3express:PutEncryptionConfiguration',
  DeleteBucketEncryption: 's3express:PutEncryptionConfiguration',
  GetBucketEncryption: 's3express:GetEncryptionConfiguration',
  PutBucketLifecycleConfiguration: 's3express:PutLifecycleConfiguration',
  DeleteBucketLifecycle: 's3express:PutLifecycleConfiguration',
  GetBucketLifecycleConfiguration: 's3express:GetLifecycleConfiguration',
  PutBucketInventoryConfiguration: 's3express:PutInventoryConfiguration',
  DeleteBucketInventoryConfiguration: 's3express:PutInventoryConfiguration',
  GetBucketInventoryConfiguration: 's3express:GetInventoryConfiguration',
  ListBucketInventoryConfigurations: 's3express:GetInventoryConfiguration',
  PutBucketMetricsConfiguration: 's3express:PutMetricsConfiguration',
  DeleteBucketMetricsConfiguration: 's3express:PutMetricsConfiguration',
  GetBucketMetricsConfiguration: 's3express:GetMetricsConfiguration',
  ListBucketMetricsConfigurations: 's3express:GetMetricsConfiguration',
};

/** The action every Zonal endpoint request on a directory bucket is authorized as. */
export const SESSION_ACTION = 's3express:CreateSession';

/**
 * The action of a request: `null` for DeleteObjects, whose keys are each authorized as `s3:DeleteObject` (or
 * `s3:DeleteObjectVersion`) on their own object, denied keys answering `AccessDenied` in the result.
 */
export function s3Action(operation: string, input: { Bucket?: unknown; VersionId?: unknown }): string | null {
  if (isDirectoryBucketName(input.Bucket)) return Object.hasOwn(OF_DIRECTORY_BUCKET, operation) ? OF_DIRECTORY_BUCKET[operation] : SESSION_ACTION;
  if (operation === 'DeleteObjects') return null;
  if (input.VersionId !== undefined && Object.hasOwn(OF_VERSION, operation)) return OF_VERSION[operation];
  return Object.hasOwn(RENAMED, operation) ? RENAMED[operation] : `s3:${operation}`;
}

/** Reading an object (GetObject's action), of one version when it is named: also what a copy's source needs. */
export const readAction = (versionId: string | undefined): string => (versionId === undefined ? 's3:GetObject' : 's3:GetObjectVersion');

/** Deleting an object, or one version of it: what each key of DeleteObjects needs. */
export const deleteAction = (versionId: string | undefined): string => (versionId === undefined ? 's3:DeleteObject' : 's3:DeleteObjectVersion');

/** The one action an access point's policy judges a request as: a DeleteObjects batch as `s3:DeleteObject`. */
export const requestAction = (operation: string, input: { VersionId?: unknown }): string => s3Action(operation, input) ?? deleteAction(undefined);

/** The ACL, tagging and Object Lock headers a write may carry (PutObject, CopyObject, CreateMultipartUpload). */
interface WriteHeaders extends AclInput {
  ObjectLockMode?: string;
  ObjectLockRetainUntilDate?: unknown;
  ObjectLockLegalHoldStatus?: string;
}

/**
 * What a write's headers need besides `s3:PutObject`: an ACL `s3:PutObjectAcl` and a tag set `s3:PutObjectTagging`
 * (PutObject's Permissions; a copy's tags count when it replaces them), an Object Lock retention
 * `s3:PutObjectRetention` and a legal hold `s3:PutObjectLegalHold` (the permissions of setting them afterwards).
 */
export function writeHeaderActions(input: WriteHeaders, setsTags: boolean): string[] {
  const actions: string[] = [];
  if (input.ACL ?? input.GrantFullControl ?? input.GrantRead ?? input.GrantReadACP ?? input.GrantWriteACP) actions.push('s3:PutObjectAcl');
  if (setsTags) actions.push('s3:PutObjectTagging');
  if (input.ObjectLockMode ?? input.ObjectLockRetainUntilDate) actions.push('s3:PutObjectRetention');
  if (input.ObjectLockLegalHoldStatus) actions.push('s3:PutObjectLegalHold');
  return actions;
}

/** The headers of CreateBucket that need permissions of their own. */
interface CreateBucketHeaders extends AclInput {
  ObjectLockEnabledForBucket?: boolean;
  ObjectOwnership?: string;
  CreateBucketConfiguration?: { Tags?: unknown[] };
}

/**
 * What CreateBucket needs besides `s3:CreateBucket` (its Permissions): `s3:PutBucketAcl` for any ACL but `private`,
 * `s3:PutBucketObjectLockConfiguration` and `s3:PutBucketVersioning` to enable Object Lock,
 * `s3:PutBucketOwnershipControls` for `x-amz-object-ownership`, and `s3:TagResource` for tags.
 */
export function createBucketActions(input: CreateBucketHeaders): string[] {
  const actions: string[] = [];
  const grants = input.GrantFullControl ?? input.GrantRead ?? input.GrantReadACP ?? input.GrantWrite ?? input.GrantWriteACP;
  if ((input.ACL !== undefined && input.ACL !== 'private') || grants !== undefined) actions.push('s3:PutBucketAcl');
  if (input.ObjectLockEnabledForBucket) actions.push('s3:PutBucketObjectLockConfiguration', 's3:PutBucketVersioning');
  if (input.ObjectOwnership !== undefined) actions.push('s3:PutBucketOwnershipControls');
  if (input.CreateBucketConfiguration?.Tags?.length) actions.push('s3:TagResource');
  return actions;
}
