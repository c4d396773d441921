import type { DeliveryStreamDescription, DeliveryStreamEncryptionConfiguration, DeliveryStreamType } from '@aws-sdk/client-firehose';
import { describeDestination, type Destination } from './destinations.ts';

/** A record waiting in a delivery stream's buffer. */
export interface BufferedRecord {
  /** The RecordId PutRecord answered (Lambda transformations see it as `recordId`). */
  id: string;
  data: Buffer;
  /** Arrival on the emulator clock (ms): the timestamp namespace of prefixes and `approximateArrivalTimestamp`. */
  arrival: number;
  /** Set for records read from a Kinesis stream source. */
  kinesis?: { shardId: string; partitionKey: string; sequenceNumber: string; approximateArrivalTimestamp: number };
}

export interface KinesisSource {
  KinesisStreamARN: string;
  RoleARN: string;
  DeliveryStartTimestamp: Date;
  /** The last sequence number read per shard, so a restored stream goes on where it stopped. */
  positions: Map<string, string>;
}

/** One delivery stream: its configuration as DescribeDeliveryStream shows it, and the records it buffers. */
export class DeliveryStream {
  status: 'CREATING' | 'ACTIVE' | 'DELETING' = 'ACTIVE';
  versionId = 1;
  lastUpdated?: Date;
  readonly tags = new Map<string, string>();
  encryption: DeliveryStreamEncryptionConfiguration = { Status: 'DISABLED' };
  kinesisSource?: KinesisSource;
  /** Other sources (Direct PUT throughput hint, MSK, database) are stored as described. */
  sourceDescription?: Record<string, unknown>;
  buffer: BufferedRecord[] = [];
  bufferedBytes = 0;
  /** Emulator-clock time at which the buffer is due, when it holds records. */
  flushDueAt?: number;
  /** Not state: the cancel function of the pending flush timer and the running flush (see delivery/buffer.ts). */
  cancelFlush?: () => void;
  flushing?: Promise<void>;
  stopPolling?: () => void;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly type: DeliveryStreamType,
    readonly created: Date,
    public destination: Destination,
  ) {}

  describe(): DeliveryStreamDescription {
    const source = this.kinesisSource
      ? {
          KinesisStreamSourceDescription: {
            KinesisStreamARN: this.kinesisSource.KinesisStreamARN,
            RoleARN: this.kinesisSource.RoleARN,
            DeliveryStartTimestamp: this.kinesisSource.DeliveryStartTimestamp,
          },
        }
      : this.sourceDescription;
    return {
      DeliveryStreamName: this.name,
      DeliveryStreamARN: this.arn,
      DeliveryStreamStatus: this.status,
      // A stream reading a Kinesis stream has no encryption of its own to describe (AWS's recording shows none).
      ...(this.type === 'KinesisStreamAsSource' ? {} : { DeliveryStreamEncryptionConfiguration: this.encryption }),
      DeliveryStreamType: this.type,
      VersionId: String(this.versionId),
      CreateTimestamp: this.created,
      LastUpdateTimestamp: this.lastUpdated,
      Source: source,
      Destinations: [{ DestinationId: this.destination.id, ...describeDestination(this.destination) }],
      HasMoreDestinations: false,
    };
  }
}
