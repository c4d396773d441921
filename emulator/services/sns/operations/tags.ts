import type { ListTagsForResourceCommandInput, Tag, TagResourceCommandInput, UntagResourceCommandInput } from '@aws-sdk/client-sns';
import { AwsError } from '../../../core/errors.ts';
import type { Caller } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { invalidParameter } from '../errors.ts';
import { stateForArn, type SnsContext } from '../lookup.ts';
import type { Topic } from '../topic.ts';

const MAX_TAGS = 50;

/** Tags from the request's list; a key given twice is refused as AWS does. */
export function tagsFromList(list: Tag[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const { Key, Value } of list) {
    if (tags.has(Key ?? '')) throw invalidParameter('Duplicated keys are not allowed.');
    tags.set(Key ?? '', Value ?? '');
  }
  return tags;
}

export function validateTags(tags: Map<string, string>, existing: number, caller: Caller): void {
  for (const [key, value] of tags) {
  // No AWS recording or documentation gives this service's words for an `aws:` key: the message is ours.
    if (isReservedTagKey(key, caller)) throw invalidParameter("Tags Reason: Tag keys can't start with 'aws:'");
    if (key.length < 1 || key.length > 128) throw invalidParameter('Tags Reason: Tag keys must be between 1 and 128 characters long');
    if (value.length > 256) throw invalidParameter('Tags Reason: Tag values must be at most 256 characters long');
  }
  if (tags.size + existing > MAX_TAGS) {
    throw new AwsError('TagLimitExceededException', 'Could not complete request: tag quota of per resource exceeded');
  }
}

function taggedTopic(ctx: SnsContext, arn: string | undefined): Topic {
  const topic = arn ? stateForArn(ctx, arn)?.topics.get(arn) : undefined;
  if (!topic || topic.accountId !== ctx.accountId) throw new AwsError('ResourceNotFoundException', 'Resource does not exist');
  return topic;
}

export function tagResource(input: TagResourceCommandInput, ctx: SnsContext) {
  const topic = taggedTopic(ctx, input.ResourceArn);
  const tags = tagsFromList(input.Tags ?? []);
  validateTags(tags, [...topic.tags.keys()].filter((k) => !tags.has(k)).length, ctx.caller);
  for (const [key, value] of tags) topic.tags.set(key, value);
  return {};
}

export function untagResource(input: UntagResourceCommandInput, ctx: SnsContext) {
  const topic = taggedTopic(ctx, input.ResourceArn);
  for (const key of input.TagKeys ?? []) topic.tags.delete(key);
  return {};
}

export function listTagsForResource(input: ListTagsForResourceCommandInput, ctx: SnsContext) {
  const topic = taggedTopic(ctx, input.ResourceArn);
  return { Tags: [...topic.tags].map(([Key, Value]) => ({ Key, Value })) };
}
