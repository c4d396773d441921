import { buildArn } from '../../core/arn.ts';
import { RecordMap } from '../../persistence/records.ts';
import { defaultAttributes, type QueueAttributes } from './attributes.ts';
import { FifoGroups } from './fifo-groups.ts';
import { LIMITS } from './limits.ts';
import type { StoredMessage } from './message.ts';
import { newReceiptHandle } from './receipt-handle.ts';
import { Schedule } from './schedule.ts';
import { SendOrder } from './send-order.ts';
import { newSlot, type Picker, type Slot } from './slot.ts';
import type { Timers } from './timers.ts';

// Seeded from real time, not the emulator clock, so that numbers keep increasing across restarts of a persisted emulator.
let lastSequence = BigInt(Date.now()) * 1_000_000n;

/** FIFO sequence numbers: 20+ digits, strictly increasing across the process like AWS's. */
export function nextSequenceNumber(): string {
  lastSequence += 1n;
  return lastSequence.toString().padStart(20, '1');
}

export interface ReceiveOptions {
  max: number;
  visibilityTimeout: number;
  now: number;
  /** Moves a message that exceeded the redrive policy's maxReceiveCount; returns false if it stays. */
  redrive?: (message: StoredMessage) => boolean;
}

/**
 * One queue: its attributes, its messages, FIFO deduplication and long-poll waiters. Sends, receives and deletes cost
 * O(log n) whatever the depth of the queue: nothing scans the messages.
 */
export class Queue {
  readonly fifo: boolean;
  readonly attributes: QueueAttributes;
  readonly tags = new Map<string, string>();
  readonly createdAt: number;
  lastModifiedAt: number;
  lastPurgeAt = 0;
  /**
   * The messages by id, in enqueue order: what persistence saves, one message at a time. Everything below is
   * bookkeeping over them, rebuilt on restore (`rebuild`).
   */
  private readonly messages = new RecordMap<string, StoredMessage>();
  /** In enqueue order. */
  private readonly slots = new Map<StoredMessage, Slot>();
  private readonly handles = new Map<string, Slot>();
  private readonly picker: Picker;
  private readonly schedule: Schedule;
  private enqueued = 0;
  /**
   * In insertion order, which is expiry order but for the rare entry of a message moved in from another queue. The
   * message is the one first sent (a copy after a restore): a duplicate answers with its id and sequence number.
   */
  private readonly deduplication = new RecordMap<string, { expiresAt: number; message: StoredMessage }>();
  private readonly waiters = new Set<() => void>();
  /** The ARN, built once: every received message's receipt handle names it. */
  private arnText: string | undefined;
  /** Set at creation (see settleDeduplicationScope); absent in queues persisted before it was kept. */
  private deduplicationScope: string | undefined;

  constructor(
    readonly name: string,
    readonly accountId: string,
    readonly region: string,
    fifo: boolean,
    /** The timers of the state that owns this queue. */
    readonly timers: Timers,
  ) {
    this.fifo = fifo;
    this.attributes = defaultAttributes(fifo);
    this.picker = fifo ? new FifoGroups() : new SendOrder();
    this.schedule = new Schedule(this.picker);
    this.createdAt = Math.floor(timers.clock.now() / 1000);
    this.lastModifiedAt = this.createdAt;
  }

  get arn(): string {
    return (this.arnText ??= buildArn({ service: 'sqs', region: this.region, accountId: this.accountId, resource: this.name }));
  }

  numberAttribute(name: string): number {
    return Number(this.attributes[name]);
  }

  /** The message sent earlier with the same deduplication id within the 5-minute window, if any. */
  duplicateOf(deduplicationId: string, groupId: string | undefined, now: number): StoredMessage | undefined {
    const entry = this.deduplication.get(this.deduplicationKey(deduplicationId, groupId));
    return entry && entry.expiresAt > now ? entry.message : undefined;
  }

  private deduplicationKey(deduplicationId: string, groupId: string | undefined): string {
    const scope = this.deduplicationScope ?? this.attributes.DeduplicationScope;
    return scope === 'messageGroup' ? `${groupId}\u0000${deduplicationId}` : deduplicationId;
  }

  /**
   * Messages keep being deduplicated by the scope the queue was created with: AWS shows the changed
   * DeduplicationScope but deduplicates as before, for ids seen before and new ones alike (AWS-recorded
   * test_fifo_change_to_high_throughput_after_creation and ..._to_regular_throughput_after_creation).
   */
  settleDeduplicationScope(): void {
    this.deduplicationScope = this.attributes.DeduplicationScope;
  }

  enqueue(message: StoredMessage): void {
    this.messages.set(message.id, message);
    this.track(message, this.timers.clock.now());
    if (this.fifo && message.deduplicationId !== undefined) {
      const key = this.deduplicationKey(message.deduplicationId, message.groupId);
      // Re-inserted, not updated in place, to keep the map in expiry order.
      this.deduplication.delete(key);
      this.deduplication.set(key, { expiresAt: message.sentAt + LIMITS.deduplicationWindowMs, message });
    }
    this.compact();
    this.notify();
  }

  /** Bookkeeping for a message of the queue: its slot, receipt handles, schedule and picker entries. */
  private track(message: StoredMessage, now: number): void {
    const slot = newSlot(message, this.enqueued++);
    this.slots.set(message, slot);
    for (const handle of slot.handles) this.handles.set(handle, slot);
    this.schedule.add(slot, now);
    if (message.receiptHandle !== undefined && message.visibleAt > now) this.schedule.hide(slot, message.visibleAt);
    this.picker.added(slot);
  }

  /** After a restore: the bookkeeping of the restored messages, made anew in enqueue order. */
  rebuild(): void {
    const now = this.timers.clock.now();
    for (const message of this.messages.values()) this.track(message, now);
  }

  receive(options: ReceiveOptions): StoredMessage[] {
    this.refresh(options.now);
    const picked: StoredMessage[] = [];
    // Messages enqueued during this receive (a redrive into the queue itself) wait for the next one.
    this.picker.pick(options.max, this.enqueued, (slot) => {
      const message = slot.message;
      if (options.redrive?.(message)) return false;
      message.receiveCount += 1;
      message.firstReceiveAt ??= options.now;
      message.receiptHandle = newReceiptHandle(this.arn, message.id, options.now);
      message.visibleAt = options.now + options.visibilityTimeout * 1000;
      slot.handles.push(message.receiptHandle);
      this.messages.touch(message.id);
      this.handles.set(message.receiptHandle, slot);
      this.schedule.hide(slot, message.visibleAt);
      picked.push(message);
      return true;
    });
    this.compact();
    return picked;
  }

  /** The message a receipt handle was issued for, while the message still exists. */
  messageOf(handle: string): StoredMessage | undefined {
    return this.handles.get(handle)?.message;
  }

  remove(message: StoredMessage): void {
    const slot = this.slots.get(message);
    if (!slot) return;
    this.slots.delete(message);
    this.messages.delete(message.id);
    for (const handle of slot.handles) this.handles.delete(handle);
    this.schedule.drop(slot);
    this.picker.removed(slot);
    this.compact();
    // Deleting the last in-flight message of a FIFO group unblocks it for waiting receivers.
    this.notify();
  }

  /** Changes when a received message becomes visible again; 0 makes it visible at once. */
  setVisibility(message: StoredMessage, seconds: number, now: number): void {
    const slot = this.slots.get(message)!;
    message.visibleAt = now + seconds * 1000;
    this.messages.touch(message.id);
    if (seconds > 0) {
      this.schedule.hide(slot, message.visibleAt);
      this.compact();
      return;
    }
    this.schedule.show(slot);
    this.notify();
  }

  counts(now: number): { visible: number; inflight: number; delayed: number } {
    this.refresh(now);
    return { ...this.schedule.counts };
  }

  /** The age in seconds of the oldest message in the queue (0 when empty), as AWS/SQS ApproximateAgeOfOldestMessage. */
  oldestMessageAge(now: number): number {
    this.refresh(now);
    const sentAt = this.schedule.oldestSentAt();
    return sentAt === undefined ? 0 : Math.max(0, Math.floor((now - sentAt) / 1000));
  }

  /** Visible messages, oldest first, for move tasks. */
  visibleMessages(now: number): StoredMessage[] {
    this.refresh(now);
    return [...this.slots.values()].filter((slot) => slot.state === 'visible').map((slot) => slot.message);
  }

  purge(now: number): void {
    this.messages.clear();
    this.slots.clear();
    this.handles.clear();
    this.deduplication.clear();
    this.schedule.clear();
    this.picker.clear();
    this.lastPurgeAt = now;
  }

  /** Brings message states up to `now`: delays and visibility timeouts that ended, and the retention period. */
  private refresh(now: number): void {
    this.schedule.advance(now);
    const cutoff = now - this.numberAttribute('MessageRetentionPeriod') * 1000;
    // Most refreshes find nothing expired: no generator or iterator is made for them.
    if ((this.schedule.oldestSentAt() ?? Infinity) <= cutoff) for (const slot of this.schedule.sentBy(cutoff)) this.remove(slot.message);
    if (this.deduplication.size === 0) return;
    for (const [key, entry] of this.deduplication) {
      if (entry.expiresAt > now) break;
      this.deduplication.delete(key);
    }
  }

  /** Stale heap entries (deleted messages, changed visibility) are dropped once they outnumber the messages. */
  private compact(): void {
    this.schedule.compact(this.slots.size);
    this.picker.compact(this.slots.size);
  }

  notify(): void {
    // Most sends and deletes find nobody waiting: no copy of the (empty) set for them.
    if (this.waiters.size === 0) return;
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Resolves when something may have become receivable: a send, a delete, a visibility change, the next scheduled
   * visibility change, the deadline, or the service stopping. No polling loop runs in between.
   */
  waitForChange(deadline: number): Promise<void> {
    const now = this.timers.clock.now();
    const wakeAt = Math.min(deadline, this.schedule.nextChange() ?? deadline);
    return new Promise((resolve) => {
      const wake = () => {
        this.waiters.delete(wake);
        this.timers.cancel(timer);
        resolve();
      };
      const timer = this.timers.after(wakeAt - now, wake, wake);
      this.waiters.add(wake);
    });
  }
}
