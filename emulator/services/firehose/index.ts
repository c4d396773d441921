import type { ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { rearm } from './delivery/buffer.ts';
import { startKinesisSource } from './kinesis-source.ts';
import { startDeliveryStreamEncryption, stopDeliveryStreamEncryption } from './operations/encryption.ts';
import { putRecord, putRecordBatch } from './operations/records.ts';
import { createDeliveryStream, deleteDeliveryStream, describeDeliveryStream, listDeliveryStreams } from './operations/streams.ts';
import { listTagsForDeliveryStream, tagDeliveryStream, untagDeliveryStream } from './operations/tags.ts';
import { updateDestination } from './operations/update-destination.ts';
import { FirehoseState } from './state.ts';
import { DeliveryStream } from './stream.ts';
import { firehoseDeliveryTarget } from './target.ts';

const firehose: ServiceDefinition<FirehoseState> = {
  name: 'firehose',
  model: loadModel('firehose'),
  handlers: {
    CreateDeliveryStream: createDeliveryStream,
    DeleteDeliveryStream: deleteDeliveryStream,
    DescribeDeliveryStream: describeDeliveryStream,
    ListDeliveryStreams: listDeliveryStreams,
    PutRecord: putRecord,
    PutRecordBatch: putRecordBatch,
    UpdateDestination: updateDestination,
    TagDeliveryStream: tagDeliveryStream,
    UntagDeliveryStream: untagDeliveryStream,
    ListTagsForDeliveryStream: listTagsForDeliveryStream,
    StartDeliveryStreamEncryption: startDeliveryStreamEncryption,
    StopDeliveryStreamEncryption: stopDeliveryStreamEncryption,
  },
  createState: (accountId, region) => new FirehoseState(accountId, region),
  // Firehose reports Coral's constraint violations as ValidationException.
  validation: 'coral',
  deliveryTarget: firehoseDeliveryTarget,
  disposeState(state) {
    state.disposed = true;
    for (const stream of state.streams.values()) {
      stream.stopPolling?.();
      stream.cancelFlush?.();
    }
  },
  // Streams with their buffered records and Kinesis read positions; timers and pollers are re-armed on restore.
  persistence: {
    classes: {
      FirehoseState,
      DeliveryStream: { type: DeliveryStream, transient: { cancelFlush: () => undefined, flushing: () => undefined, stopPolling: () => undefined } },
    },
    revive(state, emulator) {
      for (const stream of state.streams.values()) {
        rearm(emulator, state, stream);
        if (stream.kinesisSource) startKinesisSource(emulator, state, stream);
      }
    },
  },
};

export default firehose;
