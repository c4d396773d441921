import type { GetQueueAttributesCommandInput, SetQueueAttributesCommandInput } from '@aws-sdk/client-sqs';
import { applyAttributes, COMPUTED_ATTRIBUTES, isKnownAttributeName, validateAttributes } from '../attributes.ts';
import { unknownAttribute } from '../errors.ts';
import type { Queue } from '../queue.ts';
import { resolveQueue, type SqsContext } from '../queue-url.ts';
import { validateRedrivePolicy } from '../redrive.ts';

function computed(queue: Queue, now: number): Record<string, string> {
  const counts = queue.counts(now);
  return {
    ApproximateNumberOfMessages: String(counts.visible),
    ApproximateNumberOfMessagesNotVisible: String(counts.inflight),
    ApproximateNumberOfMessagesDelayed: String(counts.delayed),
    CreatedTimestamp: String(queue.createdAt),
    LastModifiedTimestamp: String(queue.lastModifiedAt),
    QueueArn: queue.arn,
  };
}

export function getQueueAttributes(input: GetQueueAttributesCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  const names = input.AttributeNames ?? [];
  for (const name of names) if (!isKnownAttributeName(name)) throw unknownAttribute(name);
  const all: Record<string, string> = { ...queue.attributes, ...computed(queue, ctx.emulator.clock.now()) };
  const wanted = names.includes('All') ? Object.keys(all) : names.filter((n) => Object.hasOwn(all, n));
  return wanted.length ? { Attributes: Object.fromEntries(wanted.map((n) => [n, all[n]])) } : {};
}

export function setQueueAttributes(input: SetQueueAttributesCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  const requested = input.Attributes ?? {};
  for (const name of Object.keys(requested)) if (COMPUTED_ATTRIBUTES.includes(name)) throw unknownAttribute(name);
  const attributes = validateAttributes(requested, queue.fifo);
  if (attributes.RedrivePolicy !== undefined) attributes.RedrivePolicy = validateRedrivePolicy(ctx, attributes.RedrivePolicy, queue.fifo);
  applyAttributes(queue.attributes, attributes);
  queue.lastModifiedAt = Math.floor(ctx.emulator.clock.now() / 1000);
  return {};
}
