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

interface Subscription {
  listener: ChangeListener;
  /** Whether the subscriber may want a change of this table (its stream, replicas, destinations, recovery are on). */
  wants: (table: Table) => boolean;
}

/**
 * Subscribers to item changes of all tables of one account and region. Each says which tables it listens to, so that
 * a write to a table no one listens to (no stream, replica, Kinesis destination or point-in-time recovery, the common
 * case) builds no change at all.
 */
export class ChangeHub {
  private readonly subscriptions = new Set<Subscription>();

  /** The emulator clock that stamps changes. */
  constructor(readonly clock: Clock) {}

  /** Returns a function that unsubscribes. */
  subscribe(listener: ChangeListener, wants: (table: Table) => boolean): () => void {
    const subscription = { listener, wants };
    this.subscriptions.add(subscription);
    return () => this.subscriptions.delete(subscription);
  }

  /** Whether a change of `table` would reach any subscriber. */
  wanted(table: Table): boolean {
    for (const { wants } of this.subscriptions) if (wants(table)) return true;
    return false;
  }

  emit(change: ItemChange) {
    for (const { listener, wants } of this.subscriptions) if (wants(change.table)) listener(change);
  }
}
