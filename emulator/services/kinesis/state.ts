import { Stream } from './stream.ts';
import { invalidArgument, resourceNotFound, streamNotFound } from './errors.ts';
import type { Consumer } from './stream.ts';

export interface StreamReference {
  StreamName?: string;
  StreamARN?: string;
}

const STREAM_ARN = /^arn:aws[\w-]*:kinesis:([^:]*):(\d{12}):stream\/([^/]+)$/;
const CONSUMER_ARN = /^arn:aws[\w-]*:kinesis:([^:]*):(\d{12}):stream\/([^/]+)\/consumer\/([^/:]+):\d+$/;

/** Kinesis' state for one account and region. */
export class KinesisState {
  readonly streams = new Map<string, Stream>();
  /** Resource policies by stream or consumer ARN. */
  readonly policies = new Map<string, string>();
  minimumThroughputBillingCommitment?: { status: 'ENABLED' | 'DISABLED'; startedAt?: Date; endedAt?: Date };

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  /** The stream named by StreamARN or StreamName (AWS accepts either, or both when they agree). */
  stream(ref: StreamReference): Stream {
    if (ref.StreamARN !== undefined) {
      const match = STREAM_ARN.exec(ref.StreamARN);
      if (!match) throw invalidArgument(`StreamARN ${ref.StreamARN} is invalid.`);
      const [, region, accountId, name] = match;
      if (ref.StreamName !== undefined && ref.StreamName !== name) {
        throw invalidArgument(`StreamARN ${ref.StreamARN} and StreamName ${ref.StreamName} do not refer to the same stream.`);
      }
      const stream = region === this.region && accountId === this.accountId ? this.streams.get(name) : undefined;
      if (!stream) throw streamNotFound(name, accountId);
      return stream;
    }
    if (ref.StreamName === undefined) throw invalidArgument('Either StreamName or StreamARN should be provided.');
    const stream = this.streams.get(ref.StreamName);
    if (!stream) throw streamNotFound(ref.StreamName, this.accountId);
    return stream;
  }

  /** A consumer by its ARN; `stream` (when given) must be the consumer's stream. */
  consumerByArn(arn: string): { stream: Stream; consumer: Consumer } {
    const match = CONSUMER_ARN.exec(arn);
    const stream = match && match[1] === this.region && match[2] === this.accountId ? this.streams.get(match[3]) : undefined;
    const consumer = stream?.consumers.get(match![4]);
    if (!stream || !consumer || consumer.arn !== arn) throw resourceNotFound(`Consumer ${arn} under account ${this.accountId} not found.`);
    return { stream, consumer };
  }

  openShardCount(): number {
    let count = 0;
    for (const stream of this.streams.values()) count += stream.openShards().length;
    return count;
  }
}

export function createKinesisState(accountId: string, region: string) {
  return new KinesisState(accountId, region);
}
