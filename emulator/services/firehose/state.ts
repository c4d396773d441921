import { DeliveryStream } from './stream.ts';
import { streamNotFound } from './errors.ts';

/** Firehose's state for one account and region: delivery streams by name. */
export class FirehoseState {
  readonly streams = new Map<string, DeliveryStream>();
  /** Set once the emulator disposes this state: background work stops. */
  disposed = false;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  stream(name: string): DeliveryStream {
    const stream = this.streams.get(name);
    if (!stream) throw streamNotFound(name, this.accountId);
    return stream;
  }
}
