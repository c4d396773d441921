import type { Tag } from '@aws-sdk/client-iam';
import { IamErrors } from './errors.ts';

const MAX_TAGS = 50;

/** Tag keys are unique regardless of case on IAM entities. */
export function checkNewTags(tags: Tag[] | undefined): void {
  if (!tags) return;
  const keys = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key!.toLowerCase();
    if (keys.has(key)) throw IamErrors.invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    keys.add(key);
  }
  if (tags.length > MAX_TAGS) throw IamErrors.limitExceeded(`The number of tags has reached the maximum limit.`);
}

/** Adds or replaces tags (TagUser, TagRole...), keeping the entity's tag order. */
export function mergeTags(current: Tag[], added: Tag[]): Tag[] {
  checkNewTags(added);
  const out = current.map((t) => ({ ...t }));
  for (const tag of added) {
    const existing = out.find((t) => t.Key!.toLowerCase() === tag.Key!.toLowerCase());
    if (existing) existing.Value = tag.Value;
    else out.push({ Key: tag.Key, Value: tag.Value });
  }
  if (out.length > MAX_TAGS) throw IamErrors.limitExceeded('The number of tags has reached the maximum limit.');
  return out;
}

export function removeTags(current: Tag[], keys: string[]): Tag[] {
  const drop = new Set(keys.map((k) => k.toLowerCase()));
  return current.filter((t) => !drop.has(t.Key!.toLowerCase()));
}

export function copyTags(tags: Tag[] | undefined): Tag[] {
  checkNewTags(tags);
  return (tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value }));
}
