import type { Clock } from '../../core/clock.ts';
import type { Item } from './values.ts';
import type { Table } from './table.ts';

export type ChangeKind = 'INSERT' | 'MODIFY' | 'REMOVE';

/** One item-level change, as stream records and other subscribers (Kinesis destinations, Lambda) see it. */
export interface ItemChange {
  table: Table;
  eventName: ChangeKind;
  keys: Item;
  oldImage?: Item;
  newImage?: Item;
  /** The images' sizes as DynamoDB counts them (0 without an image), measured when they were stored. */
  oldSize: number;
  newSize: number;
  /** Set for deletions the service made itself (TTL expiry). */
  userIdentity?: { type: string; principalId: string };
  /** The change arrived from another replica of a global table (replication must not send it back). */
  replicated?: boolean;
  at: Date;
}

/** Who made a write, when it was not the caller of an item operation. */
export interface ChangeOrigin {
  userIdentity?: ItemChange['userIdentity'];
  replicated?: boolean;
}

export type ChangeListener = (change: ItemChange) => void;

/** Subscribers to item changes of all tables of one account and region. */
export class ChangeHub {
  private readonly listeners = new Set<ChangeListener>();

  /** The emulator clock that stamps changes. */
  constructor(readonly clock: Clock) {}

  /** Returns a function that unsubscribes. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ItemChange) {
    for (const listener of this.listeners) listener(change);
  }
}
