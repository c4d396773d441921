import type {
  BucketLifecycleConfiguration,
  LambdaFunctionConfiguration,
  LifecycleRule,
  NoncurrentVersionTransition,
  NotificationConfiguration,
  QueueConfiguration,
  TopicConfiguration,
  Transition,
} from '@aws-sdk/client-s3';
import { S3Errors } from '../errors.ts';
import type { S3Context } from '../registry.ts';
import { getBucketLifecycleConfiguration, putBucketLifecycleConfiguration } from './lifecycle-config.ts';
import { getBucketNotificationConfiguration, putBucketNotificationConfiguration } from './notification-config.ts';

/**
 * The deprecated lifecycle and notification forms (`PutBucketLifecycle`, `GetBucketLifecycle`, `PutBucketNotification`,
 * `GetBucketNotification`). AWS serves them on the same `?lifecycle` and `?notification` endpoints as the current forms,
 * over the same stored configuration: a request cannot tell them apart on the wire (requests routed there reach the
 * current handlers, which read and write the same XML), so these handlers translate between the shapes for callers
 * that name the old operation.
 */

/** A rule of the old lifecycle form: a top-level Prefix and at most one transition of each kind. */
interface DeprecatedRule {
  ID?: string;
  Prefix?: string;
  Status?: string;
  Expiration?: LifecycleRule['Expiration'];
  Transition?: Transition;
  NoncurrentVersionTransition?: NoncurrentVersionTransition;
  NoncurrentVersionExpiration?: LifecycleRule['NoncurrentVersionExpiration'];
  AbortIncompleteMultipartUpload?: LifecycleRule['AbortIncompleteMultipartUpload'];
}

interface DeprecatedTarget {
  Id?: string;
  Event?: string;
  Events?: string[];
}

interface DeprecatedNotification {
  TopicConfiguration?: DeprecatedTarget & { Topic?: string };
  QueueConfiguration?: DeprecatedTarget & { Queue?: string };
  CloudFunctionConfiguration?: DeprecatedTarget & { CloudFunction?: string; InvocationRole?: string };
}

function toCurrentRule(rule: DeprecatedRule): LifecycleRule {
  const { Transition: transition, NoncurrentVersionTransition: noncurrent, Prefix, ...rest } = rule;
  // The old form requires a Prefix; an empty one applies to the whole bucket.
  if (Prefix === undefined || rule.Status === undefined) throw S3Errors.malformedXml();
  return {
    ...(rest as LifecycleRule),
    Prefix,
    ...(transition ? { Transitions: [transition] } : {}),
    ...(noncurrent ? { NoncurrentVersionTransitions: [noncurrent] } : {}),
  };
}

function toDeprecatedRule(rule: LifecycleRule): DeprecatedRule {
  const { Filter, Transitions, NoncurrentVersionTransitions, Prefix, ...rest } = rule;
  return {
    ...(rest as DeprecatedRule),
    Prefix: Prefix ?? Filter?.Prefix ?? Filter?.And?.Prefix ?? '',
    ...(Transitions?.length ? { Transition: Transitions[0] } : {}),
    ...(NoncurrentVersionTransitions?.length ? { NoncurrentVersionTransition: NoncurrentVersionTransitions[0] } : {}),
  };
}

export function putBucketLifecycle(input: { Bucket?: string; LifecycleConfiguration?: { Rules?: DeprecatedRule[] } }, ctx: S3Context) {
  const rules = input.LifecycleConfiguration?.Rules;
  if (!rules?.length) throw S3Errors.malformedXml();
  const LifecycleConfiguration: BucketLifecycleConfiguration = { Rules: rules.map(toCurrentRule) };
  putBucketLifecycleConfiguration({ Bucket: input.Bucket, LifecycleConfiguration }, ctx);
  return {};
}

export function getBucketLifecycle(input: { Bucket?: string }, ctx: S3Context) {
  const current = getBucketLifecycleConfiguration(input, ctx);
  return { Rules: (current.Rules ?? []).map(toDeprecatedRule) };
}

function events(target: DeprecatedTarget): string[] {
  return [...(target.Event ? [target.Event] : []), ...(target.Events ?? [])];
}

export function putBucketNotification(input: { Bucket?: string; NotificationConfiguration?: DeprecatedNotification }, ctx: S3Context) {
  const { TopicConfiguration: topic, QueueConfiguration: queue, CloudFunctionConfiguration: fn } = input.NotificationConfiguration ?? {};
  const NotificationConfiguration: NotificationConfiguration = {
    ...(topic?.Topic ? { TopicConfigurations: [{ Id: topic.Id, TopicArn: topic.Topic, Events: events(topic) } as TopicConfiguration] } : {}),
    ...(queue?.Queue ? { QueueConfigurations: [{ Id: queue.Id, QueueArn: queue.Queue, Events: events(queue) } as QueueConfiguration] } : {}),
    ...(fn?.CloudFunction
      ? { LambdaFunctionConfigurations: [{ Id: fn.Id, LambdaFunctionArn: fn.CloudFunction, Events: events(fn) } as LambdaFunctionConfiguration] }
      : {}),
  };
  return putBucketNotificationConfiguration({ Bucket: input.Bucket, NotificationConfiguration }, ctx);
}

/** The old form holds one destination of each kind: the first configured. */
export function getBucketNotification(input: { Bucket: string }, ctx: S3Context): DeprecatedNotification {
  const current = getBucketNotificationConfiguration(input, ctx) as NotificationConfiguration;
  const [topic] = current.TopicConfigurations ?? [];
  const [queue] = current.QueueConfigurations ?? [];
  const [fn] = current.LambdaFunctionConfigurations ?? [];
  return {
    ...(topic ? { TopicConfiguration: { Id: topic.Id, Events: topic.Events, Topic: topic.TopicArn } } : {}),
    ...(queue ? { QueueConfiguration: { Id: queue.Id, Events: queue.Events, Queue: queue.QueueArn } } : {}),
    ...(fn ? { CloudFunctionConfiguration: { Id: fn.Id, Events: fn.Events, CloudFunction: fn.LambdaFunctionArn } } : {}),
  };
}
