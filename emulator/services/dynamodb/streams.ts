import { randomUUID } from 'node:crypto';
import { RecordMap } from '../../persistence/records.ts';
import type { KeySchemaElement, StreamViewType } from '@aws-sdk/client-dynamodb';
import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { itemSize } from './expressions/index.ts';
import type { ChangeHub, ItemChange } from './changes.ts';
import type { Table } from './table.ts';

/** DynamoDB Streams keeps records for 24 hours. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StoredRecord {
  sequenceNumber: bigint;
  record: StreamRecord;
  at: number;
}

let lastLabelTime = 0;

/** A creation time for a new stream on the emulator clock, later than every earlier one: no two streams ever share a label. */
function labelTime(now: number): Date {
  lastLabelTime = Math.max(now, lastLabelTime + 1);
  return new Date(lastLabelTime);
}

/** A table's stream: one shard that stays open while the stream is enabled. */
export interface TableStream {
  arn: string;
  label: string;
  tableName: string;
  tableId: string;
  viewType: StreamViewType;
  keySchema: KeySchemaElement[];
  created: Date;
  status: 'ENABLED' | 'DISABLED';
  shardId: string;
  startingSequenceNumber: bigint;
  endingSequenceNumber?: bigint;
  /** The newest sequence number dropped by the 24-hour retention. */
  trimmedThrough?: bigint;
  /** The newest record's sequence number, trimmed or not. */
  latestSequenceNumber?: bigint;
  /** By sequence number, oldest first; persisted a record at a time. */
  records: RecordMap<string, StoredRecord>;
  /** The stream's own resource policy (PutResourcePolicy with the stream's ARN), apart from its table's. */
  resourcePolicy?: { policy: string; revisionId: string };
}

/** All streams of one account and region; records every table change for tables whose stream is enabled. */
export class StreamRegistry {
  readonly streams = new Map<string, TableStream>();
  private nextSequence = 100000000000000000000n;

  constructor(
    changes: ChangeHub,
    private readonly region: string,
  ) {
    this.listenTo(changes);
  }

  /** Records the table changes `changes` reports (also after a restore from persisted state). */
  listenTo(changes: ChangeHub) {
    changes.subscribe(
      (change) => this.record(change),
      (table) => table.latestStream !== undefined,
    );
  }

  enable(table: Table, viewType: StreamViewType): TableStream {
    const now = labelTime(table.now().getTime());
    // AWS labels streams with their creation time (ISO 8601 without zone).
    const label = now.toISOString().replace('Z', '');
    const stream: TableStream = {
      arn: `${table.arn}/stream/${label}`,
      label,
      tableName: table.name,
      tableId: table.id,
      viewType,
      keySchema: table.keySchema,
      created: now,
      status: 'ENABLED',
      shardId: `shardId-${String(now.getTime()).padStart(20, '0')}-${randomUUID().slice(0, 8)}`,
      startingSequenceNumber: this.nextSequence,
      records: new RecordMap(),
    };
    this.streams.set(stream.arn, stream);
    table.latestStream = { arn: stream.arn, label };
    return stream;
  }

  disable(table: Table) {
    const stream = table.latestStream && this.streams.get(table.latestStream.arn);
    if (!stream || stream.status === 'DISABLED') return;
    stream.status = 'DISABLED';
    stream.endingSequenceNumber = this.nextSequence - 1n;
  }

  /** Streams of a table outlive it (readable for 24 hours), disabled. */
  tableDeleted(table: Table) {
    this.disable(table);
  }

  trim(stream: TableStream, now: number) {
    const cutoff = now - RETENTION_MS;
    for (const [key, stored] of stream.records) {
      if (stored.at >= cutoff) return;
      stream.trimmedThrough = stored.sequenceNumber;
      stream.records.delete(key);
    }
  }

  private record(change: ItemChange) {
    const table = change.table;
    const stream = table.latestStream && this.streams.get(table.latestStream.arn);
    if (!stream || stream.status !== 'ENABLED' || table.streamSpecification?.StreamEnabled !== true) return;
    const sequenceNumber = this.nextSequence++;
    const view = stream.viewType;
    const newImage = (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES') && change.newImage ? change.newImage : undefined;
    const oldImage = (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES') && change.oldImage ? change.oldImage : undefined;
    const sizeBytes = itemSize(change.keys) + (newImage ? change.newSize : 0) + (oldImage ? change.oldSize : 0);
    const record: StreamRecord = {
      eventID: randomUUID().replace(/-/g, ''),
      eventName: change.eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.region,
      dynamodb: {
        // Streams report creation times in whole seconds.
        ApproximateCreationDateTime: new Date(Math.floor(change.at.getTime() / 1000) * 1000),
        Keys: change.keys,
        NewImage: newImage,
        OldImage: oldImage,
        SequenceNumber: sequenceNumber.toString(),
        SizeBytes: sizeBytes,
        StreamViewType: view,
      },
      userIdentity: change.userIdentity ? { Type: change.userIdentity.type, PrincipalId: change.userIdentity.principalId } : undefined,
    };
    stream.records.set(sequenceNumber.toString(), { sequenceNumber, record, at: change.at.getTime() });
    stream.latestSequenceNumber = sequenceNumber;
    this.trim(stream, change.at.getTime());
  }
}
