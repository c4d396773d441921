import type { AttributeMap } from './md5.ts';

/** A message as a queue stores it. Times are epoch milliseconds. */
export interface StoredMessage {
  id: string;
  body: string;
  md5OfBody: string;
  attributes: AttributeMap;
  md5OfAttributes?: string;
  systemAttributes: AttributeMap;
  md5OfSystemAttributes?: string;
  senderId: string;
  sentAt: number;
  /** Until then the message is delayed (DelaySeconds). */
  delayedUntil: number;
  /** Until then a received message is in flight. */
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt?: number;
  /** The handle of the latest receive; FIFO queues accept only this one while the message is in flight. */
  receiptHandle?: string;
  /** Every receipt handle issued for the message in its queue (a standard queue accepts any of them). */
  receiptHandles?: string[];
  groupId?: string;
  deduplicationId?: string;
  sequenceNumber?: string;
  /** Set when a redrive moved the message into a dead-letter queue. */
  deadLetterSourceArn?: string;
}

export type MessageState = 'visible' | 'delayed' | 'inflight';

export function messageState(message: StoredMessage, now: number): MessageState {
  if (message.receiptHandle !== undefined && message.visibleAt > now) return 'inflight';
  if (message.delayedUntil > now) return 'delayed';
  return 'visible';
}
