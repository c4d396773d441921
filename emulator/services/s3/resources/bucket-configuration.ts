import type { Properties } from '../../cloudformation/provider.ts';

/** CloudFormation's lifecycle rule (flat, `ExpirationInDays`...) as the S3 API's LifecycleRule. */
function lifecycleRule(rule: Properties) {
  const filter = rule.Prefix !== undefined || rule.TagFilters || rule.ObjectSizeGreaterThan !== undefined || rule.ObjectSizeLessThan !== undefined;
  const tags = ((rule.TagFilters ?? []) as { Key: string; Value: string }[]).map((t) => ({ Key: t.Key, Value: t.Value }));
  const conditions = [
    rule.Prefix !== undefined ? { Prefix: rule.Prefix } : undefined,
    ...tags.map((Tag) => ({ Tag })),
    rule.ObjectSizeGreaterThan !== undefined ? { ObjectSizeGreaterThan: Number(rule.ObjectSizeGreaterThan) } : undefined,
    rule.ObjectSizeLessThan !== undefined ? { ObjectSizeLessThan: Number(rule.ObjectSizeLessThan) } : undefined,
  ].filter(Boolean) as Record<string, unknown>[];
  const expiration = {
    ...(rule.ExpirationInDays !== undefined ? { Days: Number(rule.ExpirationInDays) } : {}),
    ...(rule.ExpirationDate !== undefined ? { Date: new Date(rule.ExpirationDate) } : {}),
    ...(rule.ExpiredObjectDeleteMarker !== undefined ? { ExpiredObjectDeleteMarker: String(rule.ExpiredObjectDeleteMarker) === 'true' } : {}),
  };
  const noncurrent = rule.NoncurrentVersionExpiration ?? (rule.NoncurrentVersionExpirationInDays !== undefined ? { NoncurrentDays: rule.NoncurrentVersionExpirationInDays } : undefined);
  return {
    ID: rule.Id,
    Status: rule.Status,
    Filter: !filter ? { Prefix: '' } : conditions.length === 1 ? conditions[0] : { And: Object.assign({}, ...conditions.filter((c) => !('Tag' in c)), tags.length ? { Tags: tags } : {}) },
    ...(Object.keys(expiration).length ? { Expiration: expiration } : {}),
    ...(noncurrent ? { NoncurrentVersionExpiration: { NoncurrentDays: Number(noncurrent.NoncurrentDays), NewerNoncurrentVersions: noncurrent.NewerNoncurrentVersions === undefined ? undefined : Number(noncurrent.NewerNoncurrentVersions) } } : {}),
    ...(rule.AbortIncompleteMultipartUpload ? { AbortIncompleteMultipartUpload: { DaysAfterInitiation: Number(rule.AbortIncompleteMultipartUpload.DaysAfterInitiation) } } : {}),
    ...(rule.Transitions || rule.Transition
      ? { Transitions: ((rule.Transitions ?? [rule.Transition]) as Properties[]).map((t) => ({ StorageClass: t.StorageClass, Days: t.TransitionInDays === undefined ? undefined : Number(t.TransitionInDays), Date: t.TransitionDate ? new Date(t.TransitionDate) : undefined })) }
      : {}),
    ...(rule.NoncurrentVersionTransitions
      ? { NoncurrentVersionTransitions: (rule.NoncurrentVersionTransitions as Properties[]).map((t) => ({ StorageClass: t.StorageClass, NoncurrentDays: Number(t.TransitionInDays) })) }
      : {}),
  };
}

const CANNED_ACLS: Record<string, string> = {
  Private: 'private',
  PublicRead: 'public-read',
  PublicReadWrite: 'public-read-write',
  AuthenticatedRead: 'authenticated-read',
  BucketOwnerRead: 'bucket-owner-read',
  BucketOwnerFullControl: 'bucket-owner-full-control',
  LogDeliveryWrite: 'log-delivery-write',
  AwsExecRead: 'aws-exec-read',
};

export function cannedAcl(accessControl: string | undefined): string | undefined {
  return accessControl === undefined ? undefined : (CANNED_ACLS[accessControl] ?? accessControl);
}

/** One bucket property: how to set it (and how to clear it) with S3's operations. */
export interface BucketSetting {
  put(bucket: string, value: Properties): [operation: string, input: object];
  clear?: (bucket: string) => [operation: string, input: object];
}

/** A notification's key filter: CloudFormation's `S3Key.Rules` are the API's `Key.FilterRules`. */
function notificationFilter(filter: Properties | undefined) {
  return filter?.S3Key ? { Key: { FilterRules: (filter.S3Key.Rules as Properties[]).map((r) => ({ Name: r.Name, Value: r.Value })) } } : undefined;
}

/** CloudFormation's notification configurations (one `Event` each) as the API's (a list of `Events`), by their target member. */
function notifications(list: Properties[] | undefined, target: string, arnMember: string) {
  return list?.map((c) => ({ [arnMember]: c[target], Events: [c.Event], Filter: notificationFilter(c.Filter) }));
}

export const BUCKET_SETTINGS: Record<string, BucketSetting> = {
  NotificationConfiguration: {
    put: (Bucket, v) => [
      'PutBucketNotificationConfiguration',
      {
        Bucket,
        NotificationConfiguration: {
          QueueConfigurations: notifications(v.QueueConfigurations, 'Queue', 'QueueArn'),
          TopicConfigurations: notifications(v.TopicConfigurations, 'Topic', 'TopicArn'),
          LambdaFunctionConfigurations: notifications(v.LambdaConfigurations, 'Function', 'LambdaFunctionArn'),
          EventBridgeConfiguration: String(v.EventBridgeConfiguration?.EventBridgeEnabled) === 'true' ? {} : undefined,
        },
      },
    ],
    clear: (Bucket) => ['PutBucketNotificationConfiguration', { Bucket, NotificationConfiguration: {} }],
  },
  ObjectLockConfiguration: {
    put: (Bucket, v) => {
      const retention = v.Rule?.DefaultRetention;
      return [
        'PutObjectLockConfiguration',
        {
          Bucket,
          ObjectLockConfiguration: {
            ObjectLockEnabled: v.ObjectLockEnabled,
            ...(retention ? { Rule: { DefaultRetention: { Mode: retention.Mode, Days: retention.Days === undefined ? undefined : Number(retention.Days), Years: retention.Years === undefined ? undefined : Number(retention.Years) } } } : {}),
          },
        },
      ];
    },
    // Object Lock cannot be turned off again: the bucket keeps it without a default retention.
    clear: (Bucket) => ['PutObjectLockConfiguration', { Bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } }],
  },
  BucketEncryption: {
    put: (Bucket, v) => ['PutBucketEncryption', { Bucket, ServerSideEncryptionConfiguration: { Rules: v.ServerSideEncryptionConfiguration } }],
    clear: (Bucket) => ['DeleteBucketEncryption', { Bucket }],
  },
  VersioningConfiguration: {
    put: (Bucket, v) => ['PutBucketVersioning', { Bucket, VersioningConfiguration: { Status: v.Status } }],
    clear: (Bucket) => ['PutBucketVersioning', { Bucket, VersioningConfiguration: { Status: 'Suspended' } }],
  },
  LifecycleConfiguration: {
    put: (Bucket, v) => ['PutBucketLifecycleConfiguration', { Bucket, LifecycleConfiguration: { Rules: (v.Rules as Properties[]).map(lifecycleRule) } }],
    clear: (Bucket) => ['DeleteBucketLifecycle', { Bucket }],
  },
  PublicAccessBlockConfiguration: {
    put: (Bucket, v) => [
      'PutPublicAccessBlock',
      {
        Bucket,
        PublicAccessBlockConfiguration: Object.fromEntries(
          ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].map((k) => [k, String(v[k]) === 'true']),
        ),
      },
    ],
    clear: (Bucket) => ['DeletePublicAccessBlock', { Bucket }],
  },
  CorsConfiguration: {
    put: (Bucket, v) => [
      'PutBucketCors',
      {
        Bucket,
        CORSConfiguration: {
          CORSRules: (v.CorsRules as Properties[]).map((r) => ({
            ID: r.Id,
            AllowedHeaders: r.AllowedHeaders,
            AllowedMethods: r.AllowedMethods,
            AllowedOrigins: r.AllowedOrigins,
            ExposeHeaders: r.ExposedHeaders,
            MaxAgeSeconds: r.MaxAge === undefined ? undefined : Number(r.MaxAge),
          })),
        },
      },
    ],
    clear: (Bucket) => ['DeleteBucketCors', { Bucket }],
  },
  OwnershipControls: {
    put: (Bucket, v) => ['PutBucketOwnershipControls', { Bucket, OwnershipControls: { Rules: v.Rules } }],
    clear: (Bucket) => ['DeleteBucketOwnershipControls', { Bucket }],
  },
  WebsiteConfiguration: {
    put: (Bucket, v) => [
      'PutBucketWebsite',
      {
        Bucket,
        WebsiteConfiguration: {
          IndexDocument: v.IndexDocument ? { Suffix: v.IndexDocument } : undefined,
          ErrorDocument: v.ErrorDocument ? { Key: v.ErrorDocument } : undefined,
          RedirectAllRequestsTo: v.RedirectAllRequestsTo ? { HostName: v.RedirectAllRequestsTo.HostName, Protocol: v.RedirectAllRequestsTo.Protocol } : undefined,
          // The template's RoutingRuleCondition and RedirectRule are the API's Condition and Redirect.
          RoutingRules: v.RoutingRules?.map((rule: Properties) => ({ Condition: rule.RoutingRuleCondition, Redirect: rule.RedirectRule })),
        },
      },
    ],
    clear: (Bucket) => ['DeleteBucketWebsite', { Bucket }],
  },
};
