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
 * The action of a request: `null` for DeleteObjects, whose keys are each authorized as `s3:DeleteObject` (or
 * `s3:DeleteObjectVersion`) on their own object, denied keys answering `AccessDenied` in the result.
 */
export function s3Action(operation: string, input: { VersionId?: unknown }): string | null {
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
