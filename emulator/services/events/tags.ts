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
