import type { Message, ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';
import { invalidParameter } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { md5OfAttributes, type AttributeMap } from '../md5.ts';
import { countForQueue } from '../metrics.ts';
import type { StoredMessage } from '../message.ts';
import type { Queue } from '../queue.ts';
import { resolveQueue, stateFor, type SqsContext } from '../queue-url.ts';
import { redriveHook } from '../redrive.ts';

function checkRange(name: string, value: number | undefined, min: number, max: number, reason: string): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) throw invalidParameter(name, value, reason);
}

/** System attributes a message reports, by name. */
function systemAttributes(queue: Queue, message: StoredMessage): Record<string, string> {
  const out: Record<string, string> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentAt),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveAt ?? message.sentAt),
  };
  const trace = message.systemAttributes.AWSTraceHeader?.StringValue;
  if (trace !== undefined) out.AWSTraceHeader = trace;
  if (message.deadLetterSourceArn) out.DeadLetterQueueSourceArn = message.deadLetterSourceArn;
  if (message.groupId !== undefined) out.MessageGroupId = message.groupId;
  if (queue.fifo) {
    out.MessageDeduplicationId = message.deduplicationId!;
    out.SequenceNumber = message.sequenceNumber!;
  }
  return out;
}

/** `All`, `.*` and `*` select every attribute; `prefix.*` a prefix; anything else an exact name. */
function selectMessageAttributes(attributes: AttributeMap, filters: string[]): AttributeMap {
  const selected: AttributeMap = {};
  for (const [name, value] of Object.entries(attributes)) {
    const wanted = filters.some((f) => f === 'All' || f === '.*' || f === '*' || (f.endsWith('.*') ? name.startsWith(f.slice(0, -2)) : f === name));
    if (wanted) selected[name] = value;
  }
  return selected;
}

const NO_NAMES: readonly string[] = [];

/**
 * The system attribute names a receive asks for, by either parameter (no list made when it names none, as most do).
 * Over the query protocol AttributeName.N, when given, is the list (AWS-recorded
 * test_message_system_attribute_names_with_attribute_names); over JSON the two lists add up.
 */
function systemAttributeNames(input: ReceiveMessageCommandInput, protocol: string): readonly string[] {
  const { AttributeNames: legacy, MessageSystemAttributeNames: current } = input;
  if (!legacy?.length) return current ?? NO_NAMES;
  return current?.length && protocol !== 'query' ? [...legacy, ...current] : legacy;
}

function checkNames(names: readonly unknown[] | undefined): void {
  if (names) for (const name of names) if (typeof name !== 'string') throw invalidParameter('AttributeName', name, 'Attribute names must be strings.');
}

function view(queue: Queue, message: StoredMessage, input: ReceiveMessageCommandInput, names: readonly string[]): Message {
  const out: Message = { MessageId: message.id, ReceiptHandle: message.receiptHandle, MD5OfBody: message.md5OfBody, Body: message.body };
  if (names.length) {
    const all = systemAttributes(queue, message);
    const wanted = names.includes('All') ? Object.keys(all) : names.filter((n) => Object.hasOwn(all, n));
    if (wanted.length) out.Attributes = Object.fromEntries(wanted.map((n) => [n, all[n]]));
  }
  // Most receives ask for no message attributes: nothing to select then.
  if (!input.MessageAttributeNames?.length) return out;
  const attributes = selectMessageAttributes(message.attributes, input.MessageAttributeNames);
  const selected = Object.keys(attributes).length;
  if (selected) {
    out.MessageAttributes = attributes;
    // All of them: the digest the send computed.
    const all = selected === Object.keys(message.attributes).length && message.md5OfAttributes !== undefined;
    out.MD5OfMessageAttributes = all ? message.md5OfAttributes : md5OfAttributes(attributes);
  }
  return out;
}

/**
 * Answers at once when messages are there or the receive does not wait (no promise then, as most receives under load
 * find a message); otherwise waits for a change to the queue until its wait time is over.
 */
export function receiveMessage(input: ReceiveMessageCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  // Everything is checked before a message is taken: a rejected receive leaves every message where it was.
  checkNames(input.AttributeNames);
  checkNames(input.MessageSystemAttributeNames);
  checkNames(input.MessageAttributeNames);
  checkRange('MaxNumberOfMessages', input.MaxNumberOfMessages, 1, LIMITS.maxReceiveMessages, 'Must be between 1 and 10, if provided.');
  checkRange('WaitTimeSeconds', input.WaitTimeSeconds, 0, LIMITS.maxWaitTimeSeconds, 'Must be >= 0 and <= 20, if provided.');
  checkRange('VisibilityTimeout', input.VisibilityTimeout, 0, LIMITS.maxVisibilityTimeout, 'Must be >= 0 and <= 43200, if provided.');
  const waitSeconds = input.WaitTimeSeconds ?? queue.numberAttribute('ReceiveMessageWaitTimeSeconds');
  const deadline = ctx.emulator.clock.now() + waitSeconds * 1000;
  const generation = queue.timers.generation;
  return attempt(queue, input, ctx, deadline, generation) ?? waitAndReceive(queue, input, ctx, deadline, generation);
}

/** One receive: the answer, or undefined when there is nothing yet and the wait goes on. */
function attempt(queue: Queue, input: ReceiveMessageCommandInput, ctx: SqsContext, deadline: number, generation: number) {
  const clock = ctx.emulator.clock;
  const messages = queue.receive({
    max: input.MaxNumberOfMessages ?? 1,
    visibilityTimeout: input.VisibilityTimeout ?? queue.numberAttribute('VisibilityTimeout'),
    now: clock.now(),
    redrive: redriveHook(ctx, queue),
  });
  if (messages.length) {
    countForQueue(ctx.emulator, queue, 'NumberOfMessagesReceived', 1, 'Count', messages.length);
    const names = systemAttributeNames(input, ctx.protocol);
    return { Messages: messages.map((m) => view(queue, m, input, names)) };
  }
  // A deleted queue, or a stopping emulator, answers its waiting receivers with nothing.
  const deleted = stateFor(ctx, queue.accountId, queue.region).queues.get(queue.name) !== queue;
  if (clock.now() >= deadline || deleted || queue.timers.generation !== generation) {
    if (!deleted) countForQueue(ctx.emulator, queue, 'NumberOfEmptyReceives');
    return {};
  }
  return undefined;
}

async function waitAndReceive(queue: Queue, input: ReceiveMessageCommandInput, ctx: SqsContext, deadline: number, generation: number) {
  for (;;) {
    await queue.waitForChange(deadline);
    const answer = attempt(queue, input, ctx, deadline, generation);
    if (answer) return answer;
  }
}
