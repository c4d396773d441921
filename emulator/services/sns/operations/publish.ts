import { createHash, randomUUID } from 'node:crypto';
import type { MessageAttributeValue, PublishBatchCommandInput, PublishBatchRequestEntry, PublishCommandInput } from '@aws-sdk/client-sns';
import { AwsError } from '../../../core/errors.ts';
import { checkArnShape } from '../arns.ts';
import { fanOut } from '../dispatch.ts';
import type { PublishedMessage } from '../envelope.ts';
import { invalidParameter } from '../errors.ts';
import { findTopic, stateForArn, type SnsContext } from '../lookup.ts';
import { attributeBytes, checkMessageAttributes } from '../message-attributes.ts';
import { recordSent } from '../outbox.ts';
import { isPhoneNumber } from '../phone.ts';
import type { SnsState } from '../state.ts';
import type { Topic } from '../topic.ts';

const MAX_MESSAGE_BYTES = 262_144;
const DEDUPLICATION_WINDOW_MS = 5 * 60_000;
const BATCH_ID = /^[A-Za-z0-9_-]+$/;

interface Entry {
  Message?: string;
  Subject?: string;
  MessageStructure?: string;
  MessageAttributes?: Record<string, MessageAttributeValue>;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
}

/** Checks one message (Publish or a batch entry) and returns it ready to deliver, without FIFO fields. */
function checkMessage(entry: Entry, attributePath: string): Omit<PublishedMessage, 'messageId' | 'timestamp'> {
  if (entry.Message === undefined || entry.Message === '') throw invalidParameter('Empty message');
  if (entry.Subject !== undefined && (entry.Subject === '' || entry.Subject.length > 100 || /[\x00-\x1f]/.test(entry.Subject) || !entry.Subject.trim())) {
    throw invalidParameter('Subject');
  }
  const attributesSize = checkMessageAttributes(entry.MessageAttributes, attributePath);
  if (Buffer.byteLength(entry.Message) + attributesSize > MAX_MESSAGE_BYTES) throw invalidParameter('Message too long');
  let perProtocol: Record<string, string> | undefined;
  if (entry.MessageStructure === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(entry.Message);
    } catch {
      throw invalidParameter('Message Structure - JSON message body failed to parse');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw invalidParameter('Message Structure - JSON message body failed to parse');
    }
    const texts = parsed as Record<string, unknown>;
    if (typeof texts.default !== 'string') throw invalidParameter('Message Structure - No default entry in JSON message body');
    perProtocol = Object.fromEntries(Object.entries(texts).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  } else if (entry.MessageStructure !== undefined) {
    throw invalidParameter('MessageStructure');
  }
  return {
    message: perProtocol?.default ?? entry.Message,
    perProtocol,
    subject: entry.Subject,
    attributes: entry.MessageAttributes ?? {},
  };
}

function checkFifo(topic: Topic, entry: Entry): void {
  if (topic.fifo) {
    if (!entry.MessageGroupId) throw invalidParameter('The MessageGroupId parameter is required for FIFO topics');
    if (!entry.MessageDeduplicationId && topic.attributes.get('ContentBasedDeduplication') !== 'true') {
      throw invalidParameter('The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    }
  } else if (entry.MessageDeduplicationId) {
    throw invalidParameter('MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type');
  }
}

/**
 * Assigns FIFO fields; false when the message is a duplicate within the 5-minute window: accepted, not delivered, and
 * answered with the first message's MessageId and SequenceNumber, as AWS answers a republished batch.
 */
function sequence(ctx: SnsContext, topic: Topic, entry: Entry, message: PublishedMessage): boolean {
  // A standard topic passes a MessageGroupId on to its queues.
  message.messageGroupId = entry.MessageGroupId;
  if (!topic.fifo) return true;
  const now = ctx.emulator.clock.now();
  for (const [id, first] of topic.deduplication) if (first.until <= now) topic.deduplication.delete(id);
  const id = entry.MessageDeduplicationId ?? createHash('sha256').update(entry.Message ?? '').digest('hex');
  message.deduplicationId = id;
  const first = topic.deduplication.get(id);
  if (first) {
    message.messageId = first.messageId;
    message.sequenceNumber = first.sequenceNumber;
    return false;
  }
  topic.sequence += 1n;
  message.sequenceNumber = topic.sequence.toString().padStart(20, '0');
  topic.deduplication.set(id, { until: now + DEDUPLICATION_WINDOW_MS, messageId: message.messageId, sequenceNumber: message.sequenceNumber });
  return true;
}

function subscriptionsOf(ctx: SnsContext, topic: Topic) {
  const state = stateForArn(ctx, topic.arn) ?? ctx.emulator.state<SnsState>('sns', topic.accountId, topic.region);
  return [...topic.subscriptions].map((arn) => state.subscriptions.get(arn)!).filter(Boolean);
}

function publishToTopic(ctx: SnsContext, topic: Topic, entry: Entry, checked: ReturnType<typeof checkMessage>) {
  const message: PublishedMessage = { ...checked, messageId: randomUUID(), timestamp: ctx.emulator.clock.date().toISOString() };
  if (sequence(ctx, topic, entry, message)) fanOut(ctx.emulator, topic, subscriptionsOf(ctx, topic), message);
  return { MessageId: message.messageId, SequenceNumber: message.sequenceNumber };
}

function publishToPhone(ctx: SnsContext, phoneNumber: string, checked: ReturnType<typeof checkMessage>) {
  if (!isPhoneNumber(phoneNumber)) throw invalidParameter(`PhoneNumber Reason: ${phoneNumber} is not valid to publish to`);
  const messageId = randomUUID();
  recordSent(ctx.emulator, {
    protocol: 'sms',
    endpoint: phoneNumber,
    accountId: ctx.accountId,
    region: ctx.region,
    message: checked.perProtocol?.sms ?? checked.message,
    messageId,
    timestamp: ctx.emulator.clock.date().toISOString(),
    attributes: checked.attributes,
  });
  return { MessageId: messageId };
}

function publishToEndpoint(ctx: SnsContext, targetArn: string, checked: ReturnType<typeof checkMessage>) {
  const endpoint = ctx.state.platformEndpoints.get(targetArn);
  if (!endpoint) throw invalidParameter('TargetArn Reason: No endpoint found for the target arn specified');
  if (endpoint.attributes.get('Enabled') === 'false') throw new AwsError('EndpointDisabledException', 'Endpoint is disabled');
  const messageId = randomUUID();
  const platform = endpoint.arn.split('/')[1];
  recordSent(ctx.emulator, {
    protocol: 'application',
    endpoint: targetArn,
    accountId: ctx.accountId,
    region: ctx.region,
    message: checked.perProtocol?.[platform] ?? checked.message,
    subject: checked.subject,
    messageId,
    timestamp: ctx.emulator.clock.date().toISOString(),
    attributes: checked.attributes,
  });
  return { MessageId: messageId };
}

export function publish(input: PublishCommandInput, ctx: SnsContext) {
  if (input.PhoneNumber !== undefined) {
    return publishToPhone(ctx, input.PhoneNumber, checkMessage(input, 'messageAttributes'));
  }
  const target = input.TopicArn ?? input.TargetArn;
  checkArnShape(input.TopicArn !== undefined ? 'TopicArn' : 'TargetArn', target ?? '');
  const checked = checkMessage(input, 'messageAttributes');
  if (input.TargetArn !== undefined && /:endpoint\//.test(input.TargetArn)) return publishToEndpoint(ctx, input.TargetArn, checked);
  const topic = findTopic(ctx, target, 'Publish');
  checkFifo(topic, input);
  return publishToTopic(ctx, topic, input, checked);
}

const MAX_BATCH = 10;

export function publishBatch(input: PublishBatchCommandInput, ctx: SnsContext) {
  const entries = input.PublishBatchRequestEntries ?? [];
  checkArnShape('TopicArn', input.TopicArn);
  if (entries.length === 0) throw new AwsError('EmptyBatchRequestException', 'The batch request does not contain any entries.');
  if (entries.length > MAX_BATCH) throw new AwsError('TooManyEntriesInBatchRequestException', 'The batch request contains more entries than permissible.');
  const ids = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const id = entry.Id ?? '';
    if (id.length > 80) throw new AwsError('InvalidBatchEntryIdException', `The Id of a batch entry in the batch request is too long: ${id}`);
    if (!BATCH_ID.test(id)) {
      throw new AwsError('InvalidBatchEntryIdException', `The Id of a batch entry in the batch request contains an impermissible character: ${id}`);
    }
    if (ids.has(id)) throw new AwsError('BatchEntryIdsNotDistinctException', 'Two or more batch entries in the request have the same Id.');
    ids.add(id);
    total += Buffer.byteLength(entry.Message ?? '') + attributeBytes(entry.MessageAttributes);
  }
  if (total > MAX_MESSAGE_BYTES) throw new AwsError('BatchRequestTooLongException', 'The length of all the messages put together is more than the limit.');
  const topic = findTopic(ctx, input.TopicArn, 'Publish');
  const checked = entries.map((entry, i) => {
    const message = checkMessage(entry, `publishBatchRequestEntries.${i + 1}.member.messageAttributes`);
    checkFifo(topic, entry);
    return message;
  });
  const successful = entries.map((entry: PublishBatchRequestEntry, i) => ({ Id: entry.Id, ...publishToTopic(ctx, topic, entry, checked[i]) }));
  return { Successful: successful, Failed: [] };
}
