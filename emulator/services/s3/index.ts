import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { AwsError } from '../../core/errors.ts';
import { loadModel } from '../../models/load.ts';
import { withPreparation } from './request-preparation.ts';
import { S3Errors } from './errors.ts';
import { s3Action } from './iam-actions.ts';
import { dropBuckets, s3Persistence } from './persistence.ts';
import { s3World } from './registry.ts';
import { s3Http } from './http.ts';
import type { S3State } from './registry.ts';
import { MAX_OBJECT_SIZE } from './write.ts';
import { getBucketAcl, getObjectAcl, putBucketAcl, putObjectAcl } from './operations/acl.ts';
import { bucketConfigHandlers } from './operations/bucket-configs.ts';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './operations/buckets.ts';
import { copyObject } from './operations/copy-object.ts';
import { createSession, directoryBucketArn, listDirectoryBuckets } from './operations/directory-buckets.ts';
import { isDirectoryBucketName } from './directory-names.ts';
import { deleteObject, deleteObjects } from './operations/delete-object.ts';
import { getBucketLifecycle, getBucketNotification, putBucketLifecycle, putBucketNotification } from './operations/deprecated-configs.ts';
import { getObject, headObject } from './operations/get-object.ts';
import { deleteBucketLifecycle, getBucketLifecycleConfiguration, putBucketLifecycleConfiguration } from './operations/lifecycle-config.ts';
import { idConfigHandlers } from './operations/id-configs.ts';
import { listObjects, listObjectsV2, listObjectVersions } from './operations/list-objects.ts';
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, uploadPart, uploadPartCopy } from './operations/multipart.ts';
import { listMultipartUploads, listParts } from './operations/multipart-listings.ts';
import { getBucketNotificationConfiguration, putBucketNotificationConfiguration } from './operations/notification-config.ts';
import { getObjectAttributes } from './operations/object-attributes.ts';
import {
  getObjectLegalHold,
  getObjectLockConfiguration,
  getObjectRetention,
  putObjectLegalHold,
  putObjectLockConfiguration,
  putObjectRetention,
} from './operations/object-lock.ts';
import { getBucketPolicyStatus } from './operations/policy-status.ts';
import { putObject } from './operations/put-object.ts';
import { writeGetObjectResponse } from './object-lambda.ts';
import { renameObject } from './operations/rename-object.ts';
import { restoreObject } from './operations/restore-object.ts';
import { selectObjectContent } from './operations/select-object-content.ts';
import { deleteBucketTagging, deleteObjectTagging, getBucketTagging, getObjectTagging, putBucketTagging, putObjectTagging } from './operations/tagging.ts';
import { getBucketVersioning, putBucketVersioning } from './operations/versioning.ts';
import { getObjectTorrent } from './operations/torrent.ts';
import { updateObjectEncryption } from './operations/update-object-encryption.ts';
import {
  createBucketMetadataConfiguration,
  createBucketMetadataTableConfiguration,
  deleteBucketMetadataConfiguration,
  deleteBucketMetadataTableConfiguration,
  getBucketMetadataConfiguration,
  getBucketMetadataTableConfiguration,
  updateBucketMetadataInventoryTableConfiguration,
  updateBucketMetadataJournalTableConfiguration,
} from './operations/metadata-tables.ts';

/** Bucket names are global, so buckets live in one registry per emulator (see registry.ts), not in per-region state. */
const model = loadModel('s3');

const s3: ServiceDefinition<S3State> = {
  name: 's3',
  model,
  http: s3Http(model),
  validation: 'none',
  // AWS's limits: 5 GiB per PutObject or UploadPart body, streamed; configuration documents are small.
  requestLimits: {
    streamingPayload: MAX_OBJECT_SIZE,
    tooLarge: (limit) => S3Errors.entityTooLarge(limit + 1, limit),
  },
  // Buckets live in the emulator's registry; a state only says which account's buckets a reset forgets.
  createState: (accountId, _region, emulator) => ({ accountId, emulator, sessionKeys: new Set(), readOnlySessions: new Set() }),
  disposeState: (state) => {
    for (const key of state.sessionKeys) state.emulator.credentials.forget(key);
    dropBuckets(state.emulator, state.accountId);
  },
  persistence: s3Persistence,
  // For --enforce-iam: a bucket policy naming the caller grants within the bucket owner's account. A directory
  // bucket's resource is its s3express ARN (one being created: in the caller's account and region).
  resourcePolicy: (input, ctx) => {
    const bucket = typeof input.Bucket === 'string' ? s3World(ctx.emulator).buckets.get(input.Bucket) : undefined;
    if (isDirectoryBucketName(input.Bucket)) {
      const owner = bucket ?? { name: input.Bucket as string, region: ctx.region, accountId: ctx.accountId };
      return { document: bucket?.configs.get('policy') as string | undefined, ownerAccount: owner.accountId, resource: directoryBucketArn(owner) };
    }
    return bucket && { document: bucket.configs.get('policy') as string | undefined, ownerAccount: bucket.accountId };
  },
  // For --enforce-iam: S3's own action names (versions, configuration deletes authorized as their Put...).
  iamAction: s3Action,
  // S3's detailed AccessDenied quotes the resource ARN (`... on resource: "arn:aws:s3:::bucket/key" because ...`, the
  // format the S3 User Guide's "Troubleshoot access denied (403 Forbidden) errors" gives).
  accessDenied: (message) => new AwsError('AccessDenied', message.replace(/ on resource: (\S+) (because|with) /, ' on resource: "$1" $2 '), { status: 403 }),
  // Each request first gets what it needs from S3 Control: an Object Lambda access point's bucket, account blocks.
  handlers: withPreparation({
    ...bucketConfigHandlers,
    ...idConfigHandlers,
    CreateBucket: createBucket,
    DeleteBucket: deleteBucket,
    HeadBucket: headBucket,
    GetBucketLocation: getBucketLocation,
    ListBuckets: listBuckets,
    ListDirectoryBuckets: listDirectoryBuckets,
    CreateSession: createSession,
    PutObject: putObject,
    GetObject: getObject,
    HeadObject: headObject,
    DeleteObject: deleteObject,
    DeleteObjects: deleteObjects,
    CopyObject: copyObject,
    GetObjectAttributes: getObjectAttributes,
    ListObjects: listObjects,
    ListObjectsV2: listObjectsV2,
    ListObjectVersions: listObjectVersions,
    CreateMultipartUpload: createMultipartUpload,
    UploadPart: uploadPart,
    UploadPartCopy: uploadPartCopy,
    CompleteMultipartUpload: completeMultipartUpload,
    AbortMultipartUpload: abortMultipartUpload,
    ListMultipartUploads: listMultipartUploads,
    ListParts: listParts,
    PutBucketVersioning: putBucketVersioning,
    GetBucketVersioning: getBucketVersioning,
    PutBucketTagging: putBucketTagging,
    GetBucketTagging: getBucketTagging,
    DeleteBucketTagging: deleteBucketTagging,
    PutObjectTagging: putObjectTagging,
    GetObjectTagging: getObjectTagging,
    DeleteObjectTagging: deleteObjectTagging,
    PutBucketAcl: putBucketAcl,
    GetBucketAcl: getBucketAcl,
    PutObjectAcl: putObjectAcl,
    GetObjectAcl: getObjectAcl,
    PutObjectLockConfiguration: putObjectLockConfiguration,
    GetObjectLockConfiguration: getObjectLockConfiguration,
    PutObjectRetention: putObjectRetention,
    GetObjectRetention: getObjectRetention,
    PutObjectLegalHold: putObjectLegalHold,
    GetObjectLegalHold: getObjectLegalHold,
    GetBucketPolicyStatus: getBucketPolicyStatus,
    RestoreObject: restoreObject,
    SelectObjectContent: selectObjectContent,
    RenameObject: renameObject,
    PutBucketNotificationConfiguration: putBucketNotificationConfiguration,
    GetBucketNotificationConfiguration: getBucketNotificationConfiguration,
    PutBucketLifecycleConfiguration: putBucketLifecycleConfiguration,
    GetBucketLifecycleConfiguration: getBucketLifecycleConfiguration,
    DeleteBucketLifecycle: deleteBucketLifecycle,
    PutBucketLifecycle: putBucketLifecycle,
    GetBucketLifecycle: getBucketLifecycle,
    PutBucketNotification: putBucketNotification,
    GetObjectTorrent: getObjectTorrent,
    UpdateObjectEncryption: updateObjectEncryption,
    CreateBucketMetadataTableConfiguration: createBucketMetadataTableConfiguration,
    GetBucketMetadataTableConfiguration: getBucketMetadataTableConfiguration,
    DeleteBucketMetadataTableConfiguration: deleteBucketMetadataTableConfiguration,
    CreateBucketMetadataConfiguration: createBucketMetadataConfiguration,
    GetBucketMetadataConfiguration: getBucketMetadataConfiguration,
    DeleteBucketMetadataConfiguration: deleteBucketMetadataConfiguration,
    UpdateBucketMetadataJournalTableConfiguration: updateBucketMetadataJournalTableConfiguration,
    UpdateBucketMetadataInventoryTableConfiguration: updateBucketMetadataInventoryTableConfiguration,
    GetBucketNotification: getBucketNotification,
    WriteGetObjectResponse: writeGetObjectResponse,
  } satisfies Record<string, Handler>),
};

export default s3;
