import { AwsError } from '../../core/errors.ts';
import type { Caller } from '../../core/service.ts';
import { isReservedTagKey } from '../../core/tags.ts';
import { S3Errors } from './errors.ts';
import type { Tag } from './object.ts';

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function invalidTag(message: string, fields: Record<string, string>): AwsError {
  return new AwsError('InvalidTag', message, { status: 400, fields });
}

/** What AWS answers to an `aws:` key: each API words it its own way. */
const SYSTEM_KEY: Record<TagKind, (key: string) => AwsError> = {
  Object: (key) => invalidTag('Your TagKey cannot be prefixed with aws:', { TagKey: key }),
  Bucket: (key) => invalidTag('System tags cannot be added/updated by requester', { TagKey: key }),
  NewBucket: () =>
    invalidTag('User-defined tag keys can\'t start with "aws:". This prefix is reserved for system tags. Remove "aws:" from your tag keys and try again.', {}),
};

type TagKind = 'Object' | 'Bucket' | 'NewBucket';

/**
 * AWS's tag rules: a Key and a Value element in each tag (else the XML is malformed), keys 1–128 and values 0–256
 * characters of the allowed set, no `aws:` keys, no duplicate keys, at most `max`.
 */
export function validateTags(tags: Partial<Tag>[], max: number, kind: TagKind, caller: Caller): Tag[] {
  if (tags.some((tag) => tag.Key === undefined || tag.Value === undefined)) throw S3Errors.malformedXml();
  if (tags.length > max) throw invalidTag(`${kind === 'Object' ? 'Object' : 'Bucket'} tags cannot be greater than ${max}`, {});
  const seen = new Set<string>();
  for (const { Key: key = '', Value: value = '' } of tags) {
    if (isReservedTagKey(key, caller)) throw SYSTEM_KEY[kind](key);
    if (!key || key.length > 128 || !TAG_TEXT.test(key)) throw invalidTag('The TagKey you have provided is invalid', { TagKey: key });
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
export function tagsFromHeader(header: string | undefined, caller: Caller): Tag[] {
  if (header === undefined || header === '') return [];
  const params = new URLSearchParams(header);
  const keys = [...params.keys()];
  if (new Set(keys).size !== keys.length) throw malformedHeader(header);
  try {
    return validateTags(
      [...params.entries()].map(([Key, Value]) => ({ Key, Value })),
      10,
      'Object',
      caller,
    );
  } catch {
    throw malformedHeader(header);
  }
}
