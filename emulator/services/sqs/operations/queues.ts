import type {
  CreateQueueCommandInput,
  DeleteQueueCommandInput,
  GetQueueUrlCommandInput,
  ListQueuesCommandInput,
} from '@aws-sdk/client-sqs';
import { AwsError } from '../../../core/errors.ts';
import { applyAttributes, validateAttributes } from '../attributes.ts';
import { invalidParameterValue, missingParameter } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { paginate } from '../pagination.ts';
import { Queue } from '../queue.ts';
import { accessibleQueue, queueUrl, resolveQueue, stateFor, type SqsContext } from '../queue-url.ts';
import { validateRedrivePolicy } from '../redrive.ts';
import { validateTags } from './tags.ts';

function validateQueueName(name: string, fifo: boolean): void {
  const max = LIMITS.maxQueueNameLength;
  if (fifo) {
    if (!/^[A-Za-z0-9_-]+\.fifo$/.test(name) || name.length > max) {
      throw invalidParameterValue(
        `The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to ${max} in length.`,
      );
    }
  } else if (!/^[A-Za-z0-9_-]+$/.test(name) || name.length > max) {
    throw invalidParameterValue(`Can only include alphanumeric characters, hyphens, or underscores. 1 to ${max} in length`);
  }
}

export function createQueue(input: CreateQueueCommandInput, ctx: SqsContext) {
  const name = input.QueueName;
  if (!name) throw missingParameter('QueueName');
  const requested = input.Attributes ?? {};
  const fifo = requested.FifoQueue?.toLowerCase() === 'true';
  validateQueueName(name, fifo);
  const attributes = validateAttributes(requested, fifo);
  if (attributes.RedrivePolicy !== undefined) attributes.RedrivePolicy = validateRedrivePolicy(ctx, attributes.RedrivePolicy, fifo);
  if (input.tags) validateTags(input.tags, ctx.caller);

  const existing = ctx.state.queues.get(name);
  if (existing) {
    // Same name: only attributes the caller states must match (omitted ones are fine), as in AWS.
    for (const [attribute, value] of Object.entries(attributes)) {
      if ((existing.attributes[attribute] ?? '') !== value) {
        throw new AwsError('QueueNameExists', `A queue already exists with the same name and a different value for attribute ${attribute}`);
      }
    }
    return { QueueUrl: queueUrl(ctx, existing) };
  }
  const queue = new Queue(name, ctx.accountId, ctx.region, fifo, ctx.state.timers);
  applyAttributes(queue.attributes, attributes);
  queue.settleDeduplicationScope();
  for (const [key, value] of Object.entries(input.tags ?? {})) queue.tags.set(key, value);
  ctx.state.queues.set(name, queue);
  return { QueueUrl: queueUrl(ctx, queue) };
}

export function deleteQueue(input: DeleteQueueCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  stateFor(ctx, queue.accountId, queue.region).queues.delete(queue.name);
  queue.purge(ctx.emulator.clock.now());
  queue.notify();
  return {};
}

export function getQueueUrl(input: GetQueueUrlCommandInput, ctx: SqsContext) {
  if (!input.QueueName) throw missingParameter('QueueName');
  const queue = accessibleQueue(ctx, { accountId: input.QueueOwnerAWSAccountId ?? ctx.accountId, region: ctx.region, name: input.QueueName });
  return { QueueUrl: queueUrl(ctx, queue) };
}

export function listQueues(input: ListQueuesCommandInput, ctx: SqsContext) {
  const prefix = input.QueueNamePrefix ?? '';
  const queues = [...ctx.state.queues.values()].filter((q) => q.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
  const { page, nextToken } = paginate(queues, (q) => q.name, input.MaxResults, input.NextToken);
  return {
    QueueUrls: page.length ? page.map((q) => queueUrl(ctx, q)) : undefined,
    NextToken: nextToken,
  };
}
