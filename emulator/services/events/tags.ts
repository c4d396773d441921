import { AwsError } from '../../core/errors.ts';
import type { Caller } from '../../core/service.ts';
import { isReservedTagKey } from '../../core/tags.ts';
import type { Tag } from '@aws-sdk/client-eventbridge';
import type { EventsState } from './state.ts';

export function setTags(state: EventsState, arn: string, tags: Tag[] | undefined): void {
  if (!tags?.length) return;
  let current = state.tags.get(arn);
  if (!current) state.tags.set(arn, (current = new Map()));
  for (const tag of tags) current.set(tag.Key!, tag.Value!);
}

export function tagList(state: EventsState, arn: string): Tag[] {
  return [...(state.tags.get(arn) ?? [])].map(([Key, Value]) => ({ Key, Value }));
}

/** `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives this service's words: ours. */
export function checkTagKeys(tags: Tag[] | undefined, caller: Caller): void {
  const key = tags?.find((t) => isReservedTagKey(t.Key ?? '', caller))?.Key;
  if (key !== undefined) throw new AwsError('ValidationException', `Tag key ${key} is reserved: tag keys can't start with 'aws:'.`);
}
