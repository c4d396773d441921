import type { Caller } from '../../core/service.ts';
import { isReservedTagKey } from '../../core/tags.ts';
import { invalidArgument } from './errors.ts';
import { MAX_TAGS_PER_STREAM } from './limits.ts';

const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u;

/** Merges tags into a tag set with Kinesis' checks (characters, at most 50 per stream). */
export function addTags(target: Map<string, string>, tags: Record<string, string>, streamName: string, accountId: string, caller: Caller) {
  const entries = Object.entries(tags);
  // `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives Kinesis' words: ours.
  const reserved = entries.find(([k]) => isReservedTagKey(k, caller));
  if (reserved) throw invalidArgument(`Tag key ${reserved[0]} is reserved: tag keys can't start with 'aws:'.`);
  if (entries.some(([k, v]) => !TAG_CHARACTERS.test(k) || !TAG_CHARACTERS.test(v))) {
    throw invalidArgument('Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.');
  }
  const keys = new Set([...target.keys(), ...entries.map(([k]) => k)]);
  if (keys.size > MAX_TAGS_PER_STREAM) {
    throw invalidArgument(
      `Failed to add tags to stream ${streamName} under account ${accountId} because a given stream cannot have more than ${MAX_TAGS_PER_STREAM} tags associated with it.`,
    );
  }
  for (const [k, v] of entries) target.set(k, v);
}

export function removeTags(target: Map<string, string>, keys: string[]) {
  if (keys.some((k) => !TAG_CHARACTERS.test(k))) {
    throw invalidArgument('Some tags contain invalid characters. Valid characters: Unicode letters, digits, white space, _ . / = + - % @.');
  }
  for (const key of keys) target.delete(key);
}
