import type { PurgeQueueCommandInput } from '@aws-sdk/client-sqs';
import { AwsError } from '../../../core/errors.ts';
import { LIMITS } from '../limits.ts';
import { resolveQueue, type SqsContext } from '../queue-url.ts';

export function purgeQueue(input: PurgeQueueCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  const now = ctx.emulator.clock.now();
  if (queue.lastPurgeAt && now - queue.lastPurgeAt < LIMITS.purgeIntervalMs) {
    throw new AwsError('PurgeQueueInProgress', `Only one PurgeQueue operation on ${queue.name} is allowed every 60 seconds.`);
  }
  queue.purge(now);
  return {};
}
