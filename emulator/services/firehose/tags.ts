import type { Tag } from '@aws-sdk/client-firehose';
import type { Caller } from '../../core/service.ts';
import { isReservedTagKey } from '../../core/tags.ts';
import { invalidArgument, limitExceeded } from './errors.ts';

const MAX_TAGS = 50;
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Merges tags into a stream's tag set with AWS's rules (tag characters, at most 50 tags per stream). */
export function addTags(target: Map<string, string>, tags: Tag[], caller: Caller) {
  if (tags.some((t) => !TAG_CHARACTERS.test(t.Key ?? '') || !TAG_CHARACTERS.test(t.Value ?? '') || isReservedTagKey(t.Key ?? '', caller))) {
    throw invalidArgument('Tag keys and values may only contain Unicode letters, digits, white space, and _ . : / = + - @; keys may not start with aws:.');
  }
  const keys = new Set([...target.keys(), ...tags.map((t) => t.Key!)]);
  if (keys.size > MAX_TAGS) throw limitExceeded(`A delivery stream cannot have more than ${MAX_TAGS} tags.`);
  for (const tag of tags) target.set(tag.Key!, tag.Value ?? '');
}
