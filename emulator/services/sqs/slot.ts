import type { MessageState, StoredMessage } from './message.ts';

/** A queue's bookkeeping for one of its messages. */
export interface Slot {
  readonly message: StoredMessage;
  /** Enqueue order within the queue: messages are served oldest first. */
  readonly order: number;
  /** As of the queue's last look at the clock (see Schedule.advance). */
  state: MessageState;
  /** Bumped on every change of state, so that heap entries made before it are known to be stale. */
  version: number;
  removed: boolean;
  /** Every receipt handle issued for the message (a standard queue accepts any of them): the message's own list. */
  readonly handles: string[];
  /** FIFO only: the neighbours within the message group. */
  prev?: Slot;
  next?: Slot;
}

export function newSlot(message: StoredMessage, order: number): Slot {
  return { message, order, state: 'visible', version: 0, removed: false, handles: (message.receiptHandles ??= []) };
}

/** Decides which visible messages a receive gets: oldest first (standard) or group by group (FIFO). */
export interface Picker {
  /** A message joined the queue; its state is already set. */
  added(slot: Slot): void;
  /** A message already in the queue became visible. */
  visible(slot: Slot): void;
  removed(slot: Slot): void;
  /**
   * Offers visible messages enqueued before `before` to `take` (which returns false when it redrove the message
   * instead) until `max` were taken.
   */
  pick(max: number, before: number, take: (slot: Slot) => boolean): void;
  /** Drops stale bookkeeping once it outweighs what `messages` live messages can need. */
  compact(messages: number): void;
  clear(): void;
}
