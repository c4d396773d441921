import { invalidParameter } from './errors.ts';
import type { StoredMessage } from './message.ts';
import type { Queue } from './queue.ts';
import { parseQueueArn, queueByArn, type SqsContext } from './queue-url.ts';

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export function parseRedrivePolicy(text: string | undefined): RedrivePolicy | undefined {
  if (!text) return undefined;
  try {
    const policy = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    return { deadLetterTargetArn: String(policy.deadLetterTargetArn), maxReceiveCount: Number(policy.maxReceiveCount) };
  } catch {
    return undefined;
  }
}

/**
 * RedrivePolicy must name an existing queue of the same type and a maxReceiveCount of 1-1000. Returns it as AWS
 * stores and returns it, whatever formatting the caller sent: canonical JSON, maxReceiveCount a number.
 */
export function validateRedrivePolicy(ctx: SqsContext, text: string, fifo: boolean): string {
  if (text === '') return text;
  const fail = (reason: string) => invalidParameter('RedrivePolicy', text, reason);
  let policy: Record<string, unknown>;
  try {
    policy = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw fail('Redrive policy is not a valid JSON map.');
  }
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy)) throw fail('Redrive policy is not a valid JSON map.');
  if (policy.deadLetterTargetArn === undefined) throw fail('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (policy.maxReceiveCount === undefined) throw fail('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const count = Number(policy.maxReceiveCount);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw fail('Invalid value for maxReceiveCount: ' + String(policy.maxReceiveCount) + ', valid values are from 1 to 1000 both inclusive.');
  const arn = String(policy.deadLetterTargetArn);
  if (!parseQueueArn(arn)) throw fail('Invalid value for deadLetterTargetArn.');
  const target = queueByArn(ctx, arn);
  if (!target) throw fail('Dead letter target does not exist.');
  if (target.fifo !== fifo) throw fail('Dead-letter queue must be same type of queue as the source.');
  return JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: count });
}

/**
 * Returns a receive-time hook that moves messages which already reached maxReceiveCount to the dead-letter queue,
 * keeping their id, attributes and receive count, as AWS does.
 */
export function redriveHook(ctx: SqsContext, queue: Queue): ((message: StoredMessage) => boolean) | undefined {
  const policy = parseRedrivePolicy(queue.attributes.RedrivePolicy);
  if (!policy) return undefined;
  return (message) => {
    if (message.receiveCount < policy.maxReceiveCount) return false;
    const target = queueByArn(ctx, policy.deadLetterTargetArn);
    if (!target) return false;
    queue.remove(message);
    moveMessage(message, target, { deadLetterSourceArn: queue.arn });
    return true;
  };
}

/** Enqueues a message that left another queue (redrive or move task) as a fresh, visible copy. */
export function moveMessage(message: StoredMessage, target: Queue, changes: Partial<StoredMessage>): void {
  target.enqueue({
    ...message,
    receiptHandle: undefined,
    receiptHandles: undefined,
    visibleAt: 0,
    delayedUntil: 0,
    ...changes,
  });
}
