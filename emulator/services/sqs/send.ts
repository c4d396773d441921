import { createHash, randomUUID } from 'node:crypto';
import type { MessageSystemAttributeValue } from '@aws-sdk/client-sqs';
import { invalidParameter, invalidParameterValue, missingParameter } from './errors.ts';
import { attributesSize, md5Hex, md5OfAttributes, type AttributeMap } from './md5.ts';
import type { StoredMessage } from './message.ts';
import { validateBody, validateMessageAttributes, validateMessageTag, validateSystemAttributes } from './message-validation.ts';
import { countForQueue } from './metrics.ts';
import { nextSequenceNumber, type Queue } from './queue.ts';
import type { SqsContext } from './queue-url.ts';

/** What SendMessage and each SendMessageBatch entry carry. */
export interface OutgoingMessage {
  MessageBody?: string;
  DelaySeconds?: number;
  MessageAttributes?: AttributeMap;
  MessageSystemAttributes?: Record<string, MessageSystemAttributeValue>;
  MessageDeduplicationId?: string;
  MessageGroupId?: string;
}

export interface SendResult {
  MessageId: string;
  MD5OfMessageBody: string;
  MD5OfMessageAttributes?: string;
  MD5OfMessageSystemAttributes?: string;
  SequenceNumber?: string;
}

/** Body and attribute bytes, which count towards the queue's MaximumMessageSize and the batch limit. */
export function messageSize(message: OutgoingMessage): number {
  return Buffer.byteLength(message.MessageBody ?? '') + attributesSize(message.MessageAttributes);
}

/** FIFO group and deduplication requirements; in a batch AWS reports them for the whole request. */
export function checkFifoFields(queue: Queue, message: OutgoingMessage, missingGroup: (name: string) => Error): void {
  if (!queue.fifo) return;
  if (message.MessageGroupId === undefined) throw missingGroup('MessageGroupId');
  if (message.MessageDeduplicationId === undefined && queue.attributes.ContentBasedDeduplication !== 'true') {
    throw invalidParameterValue(
      'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
  }
}

/** What a message without attributes stores: one shared map, read only, rather than an empty object per message. */
const NO_ATTRIBUTES: AttributeMap = Object.freeze({});

/**
 * Validates one message against the queue and enqueues it (or, for a FIFO duplicate within the deduplication
 * window, accepts it without enqueueing), counts it in the queue's metrics, and returns what SendMessage reports.
 */
export function sendToQueue(ctx: SqsContext, queue: Queue, message: OutgoingMessage, sizeReason: string): SendResult {
  const body = message.MessageBody;
  if (body === undefined || body === '') throw missingParameter('MessageBody');
  validateBody(body);
  if (message.DelaySeconds !== undefined) {
    if (queue.fifo && message.DelaySeconds !== 0) {
      throw invalidParameter('DelaySeconds', message.DelaySeconds, 'The request include parameter that is not valid for this queue type.');
    }
    if (message.DelaySeconds < 0 || message.DelaySeconds > 900) {
      throw invalidParameter('DelaySeconds', message.DelaySeconds, 'DelaySeconds must be >= 0 and <= 900.');
    }
  }
  validateMessageAttributes(message.MessageAttributes);
  validateSystemAttributes(message.MessageSystemAttributes as AttributeMap | undefined);
  const maxSize = queue.numberAttribute('MaximumMessageSize');
  const size = messageSize(message);
  if (size > maxSize) throw invalidParameterValue(`${sizeReason} Reason: Message must be shorter than ${maxSize} bytes.`);
  validateMessageTag('MessageGroupId', message.MessageGroupId);
  validateMessageTag('MessageDeduplicationId', message.MessageDeduplicationId);
  if (!queue.fifo && message.MessageDeduplicationId !== undefined) {
    throw invalidParameter('MessageDeduplicationId', message.MessageDeduplicationId, 'The request include parameter that is not valid for this queue type.');
  }
  checkFifoFields(queue, message, missingParameter);

  const now = queue.timers.clock.now();
  const systemAttributes = (message.MessageSystemAttributes ?? NO_ATTRIBUTES) as AttributeMap;
  const deduplicationId = queue.fifo ? (message.MessageDeduplicationId ?? createHash('sha256').update(body).digest('hex')) : undefined;
  const duplicate = deduplicationId !== undefined ? queue.duplicateOf(deduplicationId, message.MessageGroupId, now) : undefined;
  const stored: StoredMessage = duplicate ?? {
    id: randomUUID(),
    body,
    md5OfBody: md5Hex(body),
    attributes: message.MessageAttributes ?? NO_ATTRIBUTES,
    md5OfAttributes: md5OfAttributes(message.MessageAttributes),
    systemAttributes,
    md5OfSystemAttributes: md5OfAttributes(systemAttributes),
    senderId: ctx.accountId,
    sentAt: now,
    // A FIFO message's DelaySeconds of 0 means "not set": the queue's delay applies.
    delayedUntil: now + (queue.fifo ? queue.numberAttribute('DelaySeconds') : (message.DelaySeconds ?? queue.numberAttribute('DelaySeconds'))) * 1000,
    // Every field a receive sets is there from the start, and visibleAt holds a time (not the small integer 0, which
    // matters only with a receipt handle anyway): a receive then changes no message's shape, and messages sent before
    // the queue's first receive need no migration to a new one when received (V8 hidden classes).
    visibleAt: now,
    receiveCount: 0,
    firstReceiveAt: undefined,
    receiptHandle: undefined,
    receiptHandles: undefined,
    groupId: message.MessageGroupId,
    deduplicationId,
    sequenceNumber: queue.fifo ? nextSequenceNumber() : undefined,
    deadLetterSourceArn: undefined,
  };
  if (!duplicate) queue.enqueue(stored);
  countForQueue(ctx.emulator, queue, 'NumberOfMessagesSent');
  countForQueue(ctx.emulator, queue, 'SentMessageSize', size, 'Bytes');
  // A duplicate answers with the digests of what this request sent, which need not be what the first one sent.
  return {
    MessageId: stored.id,
    MD5OfMessageBody: duplicate ? md5Hex(body) : stored.md5OfBody,
    MD5OfMessageAttributes: duplicate ? md5OfAttributes(message.MessageAttributes) : stored.md5OfAttributes,
    MD5OfMessageSystemAttributes: duplicate ? md5OfAttributes(systemAttributes) : stored.md5OfSystemAttributes,
    SequenceNumber: stored.sequenceNumber,
  };
}
