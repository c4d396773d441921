import type { Tag } from '@aws-sdk/client-kms';
import type { Caller } from '../../core/service.ts';
import { isReservedTagKey } from '../../core/tags.ts';
import { KmsErrors } from './errors.ts';

const MAX_TAGS = 50;

/** KMS's tag rules: no `aws:` prefix (any case), no duplicate keys in one request, at most 50 per key. */
export function checkTags(tags: Tag[], caller: Caller): void {
  const keys = new Set<string>();
  for (const tag of tags) {
    if (isReservedTagKey(tag.TagKey!, caller)) throw KmsErrors.tag('Tags beginning with aws: are reserved');
    if (keys.has(tag.TagKey!)) throw KmsErrors.tag('Duplicate tag keys');
    keys.add(tag.TagKey!);
  }
  if (tags.length > MAX_TAGS) throw KmsErrors.tag('Too many tags');
}

export function mergeTags(current: Tag[], added: Tag[], caller: Caller): Tag[] {
  checkTags(added, caller);
  const out = current.map((t) => ({ ...t }));
  for (const tag of added) {
    const existing = out.find((t) => t.TagKey === tag.TagKey);
    if (existing) existing.TagValue = tag.TagValue;
    else out.push({ TagKey: tag.TagKey, TagValue: tag.TagValue });
  }
  if (out.length > MAX_TAGS) throw KmsErrors.tag('Too many tags');
  return out;
}
