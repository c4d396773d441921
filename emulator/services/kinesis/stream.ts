import { buildArn } from '../../core/arn.ts';
import { evenRanges, type HashRange } from './hash-keys.ts';
import { Shard } from './shard.ts';

export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';

export interface Consumer {
  name: string;
  arn: string;
  createdAt: Date;
  tags: Map<string, string>;
}

/** One Kinesis data stream. Streams are ACTIVE at once: clients and tests expect to use them right after creation. */
export class Stream {
  readonly arn: string;
  readonly createdAt: Date;
  readonly shards: Shard[] = [];
  readonly tags = new Map<string, string>();
  readonly consumers = new Map<string, Consumer>();
  retentionHours = 24;
  encryption: { type: 'NONE' | 'KMS'; keyId?: string } = { type: 'NONE' };
  enhancedMetrics: string[] = [];
  maxRecordSizeKiB = 1024;
  warmThroughputMiBps?: number;
  /** Clock time of the last trim a writer did (see trimOnWrite). */
  private lastWriteTrim = 0;

  constructor(
    readonly name: string,
    readonly accountId: string,
    readonly region: string,
    public mode: StreamMode,
    shardCount: number,
    /** The emulator clock's time of creation. */
    now: number,
  ) {
    this.arn = buildArn({ service: 'kinesis', region, accountId, resource: `stream/${name}` });
    this.createdAt = new Date(now);
    for (const range of evenRanges(shardCount)) this.addShard(range, now);
  }

  addShard(range: HashRange, now: number, parentShardId?: string, adjacentParentShardId?: string): Shard {
    const shard = new Shard(this.shards.length, range, now, parentShardId, adjacentParentShardId);
    this.shards.push(shard);
    return shard;
  }

  openShards(): Shard[] {
    return this.shards.filter((s) => s.open);
  }

  shard(shardId: string): Shard | undefined {
    return this.shards.find((s) => s.id === shardId);
  }

  /** The open shard whose hash key range holds a hash key (written by hashKeyText). */
  shardFor(hashKey: string): Shard {
    // A loop rather than find(): no closure per record written.
    for (const shard of this.shards) if (shard.open && shard.contains(hashKey)) return shard;
    throw new Error(`no open shard of ${this.name} holds hash key ${hashKey}`);
  }

  trim(now: number) {
    for (const shard of this.shards) shard.trim(this.retentionHours, now);
  }

  /**
   * Writers trim too, at most once a second: a stream only ever written to would otherwise keep every record past
   * its retention until someone reads it (memory that grows without bound under a steady put load).
   */
  trimOnWrite(now: number) {
    if (now - this.lastWriteTrim < 1000 && now >= this.lastWriteTrim) return;
    this.lastWriteTrim = now;
    this.trim(now);
  }


  /** Shards that are the children of a shard (after a split or merge). */
  childrenOf(shardId: string): Shard[] {
    return this.shards.filter((s) => s.parentShardId === shardId || s.adjacentParentShardId === shardId);
  }

  modeDetails() {
    return { StreamMode: this.mode };
  }

  enhancedMonitoring() {
    return [{ ShardLevelMetrics: [...this.enhancedMetrics] }];
  }
}
