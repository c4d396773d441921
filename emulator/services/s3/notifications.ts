import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { buildArn } from '../../core/arn.ts';
import type { LambdaFunctionConfiguration, NotificationConfiguration, QueueConfiguration, TopicConfiguration } from '@aws-sdk/client-s3';
import type { Bucket } from './bucket.ts';
import { bucketArn } from './operations/buckets.ts';
import type { S3Object } from './object.ts';
import type { ActingContext, S3Context } from './registry.ts';
import { s3World } from './registry.ts';
import type { DeliverySource } from '../../delivery/types.ts';

/** One destination of a bucket's notification configuration, whatever its kind. */
export interface Destination {
  kind: 'queue' | 'topic' | 'function';
  id: string;
  arn: string;
  events: string[];
  rules: { Name?: string; Value?: string }[];
}

export function destinationsOf(config: NotificationConfiguration | undefined): Destination[] {
  if (!config) return [];
  const entry = (kind: Destination['kind'], c: QueueConfiguration | TopicConfiguration | LambdaFunctionConfiguration, arn: string | undefined): Destination => ({
    kind,
    id: c.Id ?? '',
    arn: arn ?? '',
    events: c.Events ?? [],
    rules: c.Filter?.Key?.FilterRules ?? [],
  });
  return [
    ...(config.QueueConfigurations ?? []).map((c) => entry('queue', c, c.QueueArn)),
    ...(config.TopicConfigurations ?? []).map((c) => entry('topic', c, c.TopicArn)),
    ...(config.LambdaFunctionConfigurations ?? []).map((c) => entry('function', c, c.LambdaFunctionArn)),
  ];
}

function eventMatches(configured: string, eventName: string): boolean {
  return configured.endsWith(':*') ? eventName.startsWith(configured.slice(0, -1)) : configured === eventName;
}

function keyMatches(rules: Destination['rules'], key: string): boolean {
  return rules.every((r) => {
    const name = r.Name?.toLowerCase();
    if (name === 'prefix') return key.startsWith(r.Value ?? '');
    if (name === 'suffix') return key.endsWith(r.Value ?? '');
    return true;
  });
}

/** Form encoding of keys, as S3 event records carry them (`a b/c` -> `a+b/c`). */
function eventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

export function deliverySource(bucket: Bucket): DeliverySource {
  return { servicePrincipal: 's3.amazonaws.com', sourceArn: bucketArn(bucket.name, bucket.region), accountId: bucket.accountId, region: bucket.region };
}

/**
 * Sends AWS's event record (`eventVersion` 2.1) for `eventName` (`s3:ObjectCreated:Put`...) to every destination whose
 * events and key filters match, through the core delivery layer, in the background.
 */
/** What an event describes of its object: restore events also say its storage class and the restored copy's expiry. */
type EventObject = Pick<S3Object, 'key' | 'versionId' | 'etag' | 'body'> & Partial<Pick<S3Object, 'storageClass' | 'restore' | 'accessTier'>> & { deleteMarker?: boolean };

export function notify(ctx: ActingContext, bucket: Bucket, eventName: string, object: EventObject): void {
  const config = bucket.configs.get('notification') as NotificationConfiguration | undefined;
  if (!config) return;
  const destinations = destinationsOf(config);
  if (!destinations.length && !config?.EventBridgeConfiguration) return;
  const world = s3World(ctx.emulator);
  world.eventSequence += 1n;
  // Ordered per key as S3's are: the time, then a counter for events of the same millisecond.
  const sequencer = (BigInt(ctx.emulator.clock.now()) * 1000n + world.eventSequence).toString(16).toUpperCase().padStart(18, '0');
  if (config?.EventBridgeConfiguration) sendToEventBridge(ctx, bucket, eventName, object, sequencer);
  const s3Object = recordObject(bucket, eventName, object, sequencer);
  const restoreCompleted = eventName === 's3:ObjectRestore:Completed';
  const restoreByS3 = restoreCompleted || eventName === 's3:ObjectRestore:Delete';
  for (const destination of destinations) {
    if (!destination.events.some((e) => eventMatches(e, eventName)) || !keyMatches(destination.rules, object.key)) continue;
    const record = {
      eventVersion: LATER_SCHEMA.test(eventName) ? '2.3' : '2.1',
      eventSource: 'aws:s3',
      awsRegion: bucket.region,
      eventTime: ctx.emulator.clock.date().toISOString(),
      eventName: eventName.slice('s3:'.length),
      // A completed (or expired) restore is S3's own doing, on the bucket owner's behalf (AWS-recorded test_restore_object).
      userIdentity: { principalId: restoreByS3 ? `AmazonCustomer:${ownerPrincipal(bucket.accountId)}` : `AWS:${ctx.accessKeyId ?? ctx.accountId}` },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': ctx.requestId, 'x-amz-id-2': randomBytes(48).toString('base64') },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: destination.id,
        bucket: { name: bucket.name, ownerIdentity: { principalId: ownerPrincipal(bucket.accountId) }, arn: bucketArn(bucket.name, bucket.region) },
        object: s3Object,
      },
      ...(restoreCompleted
        ? { glacierEventData: { restoreEventData: { lifecycleRestorationExpiryTime: object.restore?.expiresAt.toISOString(), lifecycleRestoreStorageClass: object.storageClass } } }
        : {}),
      // AWS's event message structure: a transition names the class the object moved to.
      ...(eventName === 's3:LifecycleTransition' ? { lifecycleEventData: { transitionEventData: { destinationStorageClass: object.storageClass } } } : {}),
      ...(eventName === 's3:IntelligentTiering' ? { intelligentTieringEventData: { destinationAccessTier: object.accessTier } } : {}),
    };
    ctx.emulator.deliverInBackground(destination.arn, { body: JSON.stringify({ Records: [record] }), subject: SUBJECT }, deliverySource(bucket));
  }
}

/** The subject of S3's messages to SNS topics (AWS-recorded test_s3_notifications_sns); other targets have none. */
export const SUBJECT = 'Amazon S3 Notification';

/** Events whose records carry eventVersion 2.3 (2.1 for the others), as AWS sends them. */
const LATER_SCHEMA = /^s3:(ObjectTagging|ObjectAcl|LifecycleExpiration|LifecycleTransition|IntelligentTiering)(:|$)/;
const EMPTY_MD5 = createHash('md5').digest('hex');

/**
 * The `s3.object` of an event record, as AWS fills it per kind of event (AWS-recorded test_s3_notifications_sqs):
 * created and restored objects give size and ETag; a delete marker its (empty) ETag; tagging and ACL changes the ETag
 * and no sequencer; a removal only the key; the version id whenever the bucket has versioning.
 */
function recordObject(bucket: Bucket, eventName: string, object: EventObject, sequencer: string): Record<string, unknown> {
  const [, kind, action] = eventName.split(':');
  const s3Object: Record<string, unknown> = { key: eventKey(object.key) };
  const etag = object.etag.replace(/"/g, '') || EMPTY_MD5;
  if (kind === 'ObjectCreated' || kind === 'ObjectRestore') Object.assign(s3Object, { size: object.body.size, eTag: etag });
  else if (action === 'DeleteMarkerCreated' || kind === 'ObjectTagging' || kind === 'ObjectAcl') s3Object.eTag = etag;
  if (object.versionId !== 'null' && bucket.versioning) s3Object.versionId = object.versionId;
  if (kind !== 'ObjectTagging' && kind !== 'ObjectAcl') s3Object.sequencer = sequencer;
  return s3Object;
}

/**
 * EventBridge's detail-type and S3's reason for each event S3 sends to the default bus (the S3 User Guide's "Amazon
 * EventBridge mapping": every event type but the replication ones and ReducedRedundancyLostObject has one).
 */
function eventBridgeKind(eventName: string): { detailType: string; reason?: string; deletionType?: string } | undefined {
  const [, kind, action] = eventName.split(':');
  if (kind === 'ObjectCreated') {
    const reasons: Record<string, string> = { Put: 'PutObject', Post: 'POST Object', Copy: 'CopyObject', CompleteMultipartUpload: 'CompleteMultipartUpload' };
    return { detailType: 'Object Created', reason: reasons[action] ?? action };
  }
  if (kind === 'ObjectRestore') {
    const restores: Record<string, string> = { Post: 'Object Restore Initiated', Completed: 'Object Restore Completed', Delete: 'Object Restore Expired' };
    return { detailType: restores[action] };
  }
  if (kind === 'LifecycleTransition') return { detailType: 'Object Storage Class Changed' };
  if (kind === 'IntelligentTiering') return { detailType: 'Object Access Tier Changed' };
  if (kind === 'ObjectAcl') return { detailType: 'Object ACL Updated' };
  if (kind === 'ObjectTagging') return { detailType: action === 'Put' ? 'Object Tags Added' : 'Object Tags Deleted' };
  if (kind === 'ObjectRemoved' || kind === 'LifecycleExpiration') {
    return {
      detailType: 'Object Deleted',
      reason: kind === 'LifecycleExpiration' ? 'Lifecycle Expiration' : 'DeleteObject',
      deletionType: action === 'DeleteMarkerCreated' ? 'Delete Marker Created' : 'Permanently Deleted',
    };
  }
  return undefined;
}

/**
 * The `detail.object` of an EventBridge event (AWS-recorded test_s3_notifications_eventbridge): created objects give
 * size, ETag and sequencer; deletions the sequencer; restores size and ETag; ACL and tag changes the ETag.
 */
function detailObject(detailType: string, object: EventObject, sequencer: string): Record<string, unknown> {
  const detail: Record<string, unknown> = { key: object.key };
  const etag = object.etag.replace(/"/g, '');
  if (detailType === 'Object Created' || detailType.startsWith('Object Restore') || CHANGED.has(detailType)) Object.assign(detail, { size: object.body.size, etag });
  else if (detailType !== 'Object Deleted') detail.etag = etag;
  if (object.versionId !== 'null') detail['version-id'] = object.versionId;
  if (detailType === 'Object Created' || detailType === 'Object Deleted') detail.sequencer = sequencer;
  return detail;
}

/** Events about an object's storage moving, which name where it went. */
const CHANGED = new Set(['Object Storage Class Changed', 'Object Access Tier Changed']);

/**
 * Events S3 sends of its own doing (lifecycle rules, Intelligent-Tiering, a restore's completion and expiry): their
 * requester is S3 and no source IP is given ("Only present for events triggered by an S3 request").
 */
const BY_S3 = /^s3:(LifecycleExpiration|LifecycleTransition|IntelligentTiering|ObjectRestore:(Completed|Delete))(:|$)/;

/** With EventBridge enabled on the bucket, every event also goes to the account's default event bus, in AWS's form. */
function sendToEventBridge(ctx: ActingContext, bucket: Bucket, eventName: string, object: EventObject, sequencer: string): void {
  const kind = eventBridgeKind(eventName);
  if (!kind) return;
  const restore = kind.detailType === 'Object Restore Initiated' || kind.detailType === 'Object Restore Completed';
  const completed = kind.detailType === 'Object Restore Completed';
  const byS3 = BY_S3.test(eventName);
  const event = {
    version: '0',
    id: randomUUID(),
    'detail-type': kind.detailType,
    source: 'aws.s3',
    account: bucket.accountId,
    time: ctx.emulator.clock.date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: bucket.region,
    resources: [bucketArn(bucket.name, bucket.region)],
    detail: {
      version: '0',
      bucket: { name: bucket.name },
      object: detailObject(kind.detailType, object, sequencer),
      'request-id': ctx.requestId,
      requester: byS3 ? 's3.amazonaws.com' : ctx.accountId,
      ...(byS3 ? {} : { 'source-ip-address': '127.0.0.1' }),
      // Restore events name the archive's storage class instead of a reason (AWS-recorded test_restore_object).
      ...(restore ? { 'source-storage-class': object.storageClass } : {}),
      ...(kind.detailType === 'Object Storage Class Changed' ? { 'destination-storage-class': object.storageClass } : {}),
      ...(kind.detailType === 'Object Access Tier Changed' ? { 'destination-access-tier': object.accessTier } : {}),
      ...(kind.reason ? { reason: kind.reason } : {}),
      ...(completed ? { 'restore-expiry-time': object.restore?.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z') } : {}),
      ...(kind.deletionType ? { 'deletion-type': kind.deletionType } : {}),
    },
  };
  const bus = buildArn({ service: 'events', region: bucket.region, accountId: bucket.accountId, resource: 'event-bus/default' });
  ctx.emulator.deliverInBackground(bus, { body: JSON.stringify(event) }, deliverySource(bucket));
}

/** The owner id event records show: a stable, AWS-shaped (A + 13 upper-case alphanumerics) id per account. */
function ownerPrincipal(accountId: string): string {
  return `A${BigInt(accountId || '0').toString(36).toUpperCase().padStart(13, '0')}`;
}

/** AWS's `s3:TestEvent`, sent to each destination when a configuration is stored. */
export function testEvent(ctx: S3Context, bucket: Bucket): string {
  return JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: ctx.emulator.clock.date().toISOString(),
    Bucket: bucket.name,
    RequestId: ctx.requestId,
    HostId: randomBytes(48).toString('base64'),
  });
}
