import type { Tag } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchState } from './state.ts';

export function setTags(state: CloudWatchState, arn: string, tags: Tag[] | undefined): void {
  if (!tags?.length) return;
  let current = state.tags.get(arn);
  if (!current) state.tags.set(arn, (current = new Map()));
  for (const tag of tags) current.set(tag.Key!, tag.Value!);
}
