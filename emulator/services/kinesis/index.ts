import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { describeAccountSettings, describeLimits, updateAccountSettings } from './operations/account.ts';
import { deregisterStreamConsumer, describeStreamConsumer, listStreamConsumers, registerStreamConsumer } from './operations/consumers.ts';
import { getRecords, getShardIterator } from './operations/get-records.ts';
import { putRecord, putRecords } from './operations/put-records.ts';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './operations/resource-policies.ts';
import { decreaseStreamRetentionPeriod, increaseStreamRetentionPeriod } from './operations/retention.ts';
import { listShards, mergeShards, splitShard, updateShardCount } from './operations/shards.ts';
import {
  disableEnhancedMonitoring,
  enableEnhancedMonitoring,
  startStreamEncryption,
  stopStreamEncryption,
  updateMaxRecordSize,
  updateStreamMode,
  updateStreamWarmThroughput,
} from './operations/stream-settings.ts';
import { subscribeToShard } from './operations/subscribe-to-shard.ts';
import { createStream, deleteStream, describeStream, describeStreamSummary, listStreams } from './operations/streams.ts';
import { addTagsToStream, listTagsForResource, listTagsForStream, removeTagsFromStream, tagResource, untagResource } from './operations/tagging.ts';
import { contextForStream } from './account-walls.ts';
import { createKinesisState, KinesisState } from './state.ts';
import { Shard } from './shard.ts';
import { Stream } from './stream.ts';
import { kinesisDeliveryTarget } from './target.ts';

const handlers: Record<string, Handler<KinesisState>> = {
  CreateStream: createStream,
  DeleteStream: deleteStream,
  DescribeStream: describeStream,
  DescribeStreamSummary: describeStreamSummary,
  ListStreams: listStreams,
  ListShards: listShards,
  PutRecord: putRecord,
  PutRecords: putRecords,
  GetShardIterator: getShardIterator,
  GetRecords: getRecords,
  IncreaseStreamRetentionPeriod: increaseStreamRetentionPeriod,
  DecreaseStreamRetentionPeriod: decreaseStreamRetentionPeriod,
  SplitShard: splitShard,
  MergeShards: mergeShards,
  UpdateShardCount: updateShardCount,
  AddTagsToStream: addTagsToStream,
  RemoveTagsFromStream: removeTagsFromStream,
  ListTagsForStream: listTagsForStream,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  StartStreamEncryption: startStreamEncryption,
  StopStreamEncryption: stopStreamEncryption,
  EnableEnhancedMonitoring: enableEnhancedMonitoring,
  DisableEnhancedMonitoring: disableEnhancedMonitoring,
  UpdateStreamMode: updateStreamMode,
  UpdateMaxRecordSize: updateMaxRecordSize,
  UpdateStreamWarmThroughput: updateStreamWarmThroughput,
  RegisterStreamConsumer: registerStreamConsumer,
  DeregisterStreamConsumer: deregisterStreamConsumer,
  DescribeStreamConsumer: describeStreamConsumer,
  ListStreamConsumers: listStreamConsumers,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicy: getResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  SubscribeToShard: subscribeToShard,
  DescribeLimits: describeLimits,
  DescribeAccountSettings: describeAccountSettings,
  UpdateAccountSettings: updateAccountSettings,
};

const kinesis: ServiceDefinition<KinesisState> = {
  name: 'kinesis',
  model: loadModel('kinesis'),
  createState: createKinesisState,
  // Kinesis reports Coral's constraint violations as ValidationException, and names errors without a namespace.
  validation: 'coral',
  deliveryTarget: kinesisDeliveryTarget,
  handlers: Object.fromEntries(
    Object.entries(handlers).map(([operation, handler]) => [
      operation,
      ((input, ctx) => handler(input, contextForStream(input, ctx))) satisfies Handler<KinesisState>,
    ]),
  ),
  // Streams, shards and their records; subscribers (SubscribeToShard) are connections, not state.
  // Each record is a log record of its own (Shard.stored); the positional list is rebuilt on restore.
  persistence: {
    classes: { KinesisState, Stream, Shard: { type: Shard, transient: { listeners: () => new Set(), records: () => [], slab: () => undefined, slabUsed: () => 0, textRange: () => undefined }, revive: (shard: Shard) => shard.rebuild() } },
  },
};

export default kinesis;
