import { AwsError } from '../../core/errors.ts';
import { S3Errors } from './errors.ts';
import type { Tag } from './object.ts';

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function invalidTag(message: string, fields: Record<string, string>): AwsError {
  return new AwsError('InvalidTag', message, { status: 400, fields });
}

/** AWS's tag rules: keys 1–128 and values 0–256 characters of the allowed set, no duplicate keys, at most `max`. */
export function validateTags(tags: Tag[], max: number, kind: 'Object' | 'Bucket'): Tag[] {
  if (tags.length > max) throw invalidTag(`${kind} tags cannot be greater than ${max}`, {});
  const seen = new Set<string>();
  for (const { Key: key = '', Value: value = '' } of tags) {
    if (!key || key.length > 128 || !TAG_TEXT.test(key) || key.startsWith('aws:')) {
      throw invalidTag(key.startsWith('aws:') ? 'System tags cannot be added/updated by requester' : 'The TagKey you have provided is invalid', { TagKey: key });
    }
    if (value.length > 256 || !TAG_TEXT.test(value)) throw invalidTag('The TagValue you have provided is invalid', { TagKey: key, TagValue: value });
    if (seen.has(key)) throw invalidTag('Cannot provide multiple Tags with the same key', { TagKey: key });
    seen.add(key);
  }
  return tags.map(({ Key, Value }) => ({ Key: Key ?? '', Value: Value ?? '' }));
}

function malformedHeader(header: string): AwsError {
  return S3Errors.invalidArgument(
    "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.",
    'x-amz-tagging',
    header,
  );
}

/** The `x-amz-tagging` header: URL-encoded query parameters. */
export function tagsFromHeader(header: string | undefined): Tag[] {
  if (header === undefined || header === '') return [];
  const params = new URLSearchParams(header);
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) throw malformedHeader(header);
  try {
    return validateTags(
      [...params.entries()].map(([Key, Value]) => ({ Key, Value })),
      10,
      'Object',
    );
  } catch {
    throw malformedHeader(header);
  }
}
