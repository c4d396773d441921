import type { ListQueueTagsCommandInput, TagQueueCommandInput, UntagQueueCommandInput } from '@aws-sdk/client-sqs';
import type { Caller } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { invalidParameterValue } from '../errors.ts';
import { resolveQueue, type SqsContext } from '../queue-url.ts';

const MAX_TAGS = 50;

export function validateTags(tags: Record<string, string>, caller: Caller): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS) throw invalidParameterValue(`Too many tags added for queue. Tag limit is ${MAX_TAGS}.`);
  for (const key of keys) {
    if (key.length === 0 || key.length > 128 || isReservedTagKey(key, caller)) {
      throw invalidParameterValue(`Tag key '${key}' is invalid.`);
    }
    // A query-protocol Tag.N.Key without its Tag.N.Value decodes to no value; AWS's tag values are strings.
    if (typeof tags[key] !== 'string') throw invalidParameterValue(`Tag value for key '${key}' is invalid.`);
    if (tags[key].length > 256) throw invalidParameterValue(`Tag value for key '${key}' is too long.`);
  }
}

export function tagQueue(input: TagQueueCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  const tags = input.Tags ?? {};
  if (Object.keys(tags).length === 0) throw invalidParameterValue('The request must contain a non-empty Tags parameter.');
  validateTags(tags, ctx.caller);
  for (const [key, value] of Object.entries(tags)) queue.tags.set(key, value);
  return {};
}

export function untagQueue(input: UntagQueueCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  for (const key of input.TagKeys ?? []) queue.tags.delete(key);
  return {};
}

export function listQueueTags(input: ListQueueTagsCommandInput, ctx: SqsContext) {
  const queue = resolveQueue(ctx, input.QueueUrl);
  return { Tags: queue.tags.size ? Object.fromEntries(queue.tags) : undefined };
}
