import { defaultAttributes, type QueueAttributes } from './attributes.ts';
import { LIMITS } from './limits.ts';
import { messageState, type StoredMessage } from './message.ts';
import { newReceiptHandle } from './receipt-handle.ts';
import type { Timers } from './timers.ts';

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

/** One queue: its attributes, its messages (in send order), FIFO groups and deduplication, and long-poll waiters. */
export class Queue {
  readonly fifo: boolean;
  readonly attributes: QueueAttributes;
  readonly tags = new Map<string, string>();
  readonly createdAt = Math.floor(Date.now() / 1000);
  lastModifiedAt = this.createdAt;
  lastPurgeAt = 0;
  private readonly messages = new Map<string, StoredMessage>();
  /** FIFO only: each group's messages in order; Map order is the order groups are served in (served ones rotate back). */
  private readonly groups = new Map<string, StoredMessage[]>();
  private readonly handles = new Map<string, StoredMessage>();
  private readonly deduplication = new Map<string, { expiresAt: number; message: StoredMessage }>();
  private readonly waiters = new Set<() => void>();

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
  }

  get arn(): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${this.name}`;
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
    return this.attributes.DeduplicationScope === 'messageGroup' ? `${groupId}\u0000${deduplicationId}` : deduplicationId;
  }

  enqueue(message: StoredMessage): void {
    this.messages.set(message.id, message);
    if (this.fifo && message.deduplicationId !== undefined) {
      this.deduplication.set(this.deduplicationKey(message.deduplicationId, message.groupId), {
        expiresAt: message.sentAt + LIMITS.deduplicationWindowMs,
        message,
      });
    }
    if (this.fifo) {
      const group = this.groups.get(message.groupId!);
      if (group) group.push(message);
      else this.groups.set(message.groupId!, [message]);
    }
    this.notify();
  }

  receive(options: ReceiveOptions): StoredMessage[] {
    this.expire(options.now);
    const picked = this.fifo ? this.pickFifo(options) : this.pickStandard(options);
    for (const message of picked) {
      message.receiveCount += 1;
      message.firstReceiveAt ??= options.now;
      message.receiptHandle = this.newHandle(message);
      message.visibleAt = options.now + options.visibilityTimeout * 1000;
    }
    return picked;
  }

  private pickStandard(options: ReceiveOptions): StoredMessage[] {
    const picked: StoredMessage[] = [];
    for (const message of this.messages.values()) {
      if (picked.length >= options.max) break;
      if (messageState(message, options.now) !== 'visible') continue;
      if (options.redrive?.(message)) continue;
      picked.push(message);
    }
    return picked;
  }

  /** Groups in turn; within a group, messages in order up to the first one that is not visible (in flight or delayed). */
  private pickFifo(options: ReceiveOptions): StoredMessage[] {
    const picked: StoredMessage[] = [];
    const served: string[] = [];
    for (const [groupId, group] of [...this.groups]) {
      if (picked.length >= options.max) break;
      const before = picked.length;
      for (const message of [...group]) {
        if (picked.length >= options.max || messageState(message, options.now) !== 'visible') break;
        if (options.redrive?.(message)) continue;
        picked.push(message);
      }
      if (picked.length > before) served.push(groupId);
    }
    for (const groupId of served) {
      const group = this.groups.get(groupId)!;
      this.groups.delete(groupId);
      this.groups.set(groupId, group);
    }
    return picked;
  }

  private newHandle(message: StoredMessage): string {
    const handle = newReceiptHandle(this.arn, message.id);
    this.handles.set(handle, message);
    return handle;
  }

  /** The message a receipt handle was issued for, while the message still exists. */
  messageOf(handle: string): StoredMessage | undefined {
    const message = this.handles.get(handle);
    return message && this.messages.has(message.id) ? message : undefined;
  }

  remove(message: StoredMessage): void {
    if (!this.messages.delete(message.id)) return;
    for (const [handle, owner] of this.handles) if (owner === message) this.handles.delete(handle);
    if (this.fifo) {
      const group = this.groups.get(message.groupId!);
      const index = group?.indexOf(message) ?? -1;
      if (index >= 0) group!.splice(index, 1);
      if (group && group.length === 0) this.groups.delete(message.groupId!);
    }
    // Deleting the last in-flight message of a FIFO group unblocks it for waiting receivers.
    this.notify();
  }

  /** Changes when a received message becomes visible again; 0 makes it visible at once. */
  setVisibility(message: StoredMessage, seconds: number, now: number): void {
    message.visibleAt = now + seconds * 1000;
    if (seconds === 0) this.notify();
  }

  counts(now: number): { visible: number; inflight: number; delayed: number } {
    this.expire(now);
    const counts = { visible: 0, inflight: 0, delayed: 0 };
    for (const message of this.messages.values()) counts[messageState(message, now)] += 1;
    return counts;
  }

  /** Visible messages, oldest first, for move tasks. */
  visibleMessages(now: number): StoredMessage[] {
    this.expire(now);
    return [...this.messages.values()].filter((m) => messageState(m, now) === 'visible');
  }

  purge(now: number): void {
    this.messages.clear();
    this.groups.clear();
    this.handles.clear();
    this.deduplication.clear();
    this.lastPurgeAt = now;
  }

  /** Drops messages older than the retention period (checked lazily, on access). */
  private expire(now: number): void {
    const retentionMs = this.numberAttribute('MessageRetentionPeriod') * 1000;
    for (const message of this.messages.values()) {
      if (message.sentAt + retentionMs <= now) this.remove(message);
    }
    for (const [key, entry] of this.deduplication) if (entry.expiresAt <= now) this.deduplication.delete(key);
  }

  /** The next moment a delayed or in-flight message becomes visible. */
  private nextChange(now: number): number | undefined {
    let next: number | undefined;
    for (const message of this.messages.values()) {
      const at = messageState(message, now) === 'inflight' ? message.visibleAt : message.delayedUntil;
      if (at > now && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Resolves when something may have become receivable: a send, a delete, a visibility change, the next scheduled
   * visibility change, the deadline, or the service stopping. No polling loop runs in between.
   */
  waitForChange(deadline: number): Promise<void> {
    const now = Date.now();
    const wakeAt = Math.min(deadline, this.nextChange(now) ?? deadline);
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
