import type { ListTagsForResourceRequest, ListTagsForResourceResult, S3Tag, TagResourceRequest, UntagResourceRequest } from '@aws-sdk/client-s3-control';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { checkAccount, type S3ControlContext } from '../access.ts';

/**
 * TagResource / UntagResource / ListTagsForResource for general purpose buckets (`arn:aws:s3:::<bucket>`: the
 * bucket's own tag set, read and written through S3's front door) and this account's access points (kept with the
 * access point). AWS's errors: AWS-recorded TestS3ControlTagging of LocalStack's suite.
 */

const noSuchResource = () => new AwsError('NoSuchResource', "The specified resource doesn't exist.", { status: 404 });
const invalidTag = (message: string) => new AwsError('InvalidTag', message, { status: 400 });
/** The characters AWS takes in tag keys and values: letters, digits, spaces and `_ . : / = + - @`. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function checkTags(tags: S3Tag[]): void {
  if (tags.some((t) => t.Key?.toLowerCase().startsWith('aws:'))) {
    throw invalidTag('User-defined tag keys can\'t start with "aws:". This prefix is reserved for system tags. Remove "aws:" from your tag keys and try again.');
  }
  if (new Set(tags.map((t) => t.Key)).size !== tags.length) throw invalidTag('There are duplicate tag keys in your request. Remove the duplicate tag keys and try again.');
  const invalid = (text: string | undefined, max: number) => text === undefined || text.length > max || !TAG_TEXT.test(text);
  if (tags.some((t) => invalid(t.Key, 128) || invalid(t.Value, 256) || t.Key === '')) {
    throw invalidTag(
      "This request contains a tag key or value that isn't valid. Valid characters include the following: [a-zA-Z+-=._:/]. Tag keys can contain up to 128 characters. Tag values can contain up to 256 characters.",
    );
  }
}

/** Where a resource's tags live: read and replaced as a whole. */
interface TagStore {
  read(): Promise<S3Tag[]>;
  write(tags: S3Tag[]): Promise<void>;
}

function storeOf(ctx: S3ControlContext, resourceArn: string | undefined): TagStore {
  const arn = parseArn(resourceArn ?? '');
  if (arn?.service === 's3' && !arn.region && !arn.accountId && !arn.resource.includes('/')) return bucketStore(ctx, arn.resource);
  const accessPoint = /^accesspoint\/(.+)$/.exec(arn?.resource ?? '')?.[1];
  if (arn?.service === 's3' && accessPoint && arn.accountId === ctx.accountId && arn.region === ctx.region) {
    const found = ctx.state.accessPoints.get(accessPoint);
    if (found) {
      return {
        read: async () => found.tags ?? [],
        write: async (tags) => {
          found.tags = tags;
        },
      };
    }
  }
  throw noSuchResource();
}

/** A bucket's tags, through S3's own operations as the caller (its account walls and policies apply). */
function bucketStore(ctx: S3ControlContext, bucket: string): TagStore {
  const call = async <T>(operation: string, input: object): Promise<T> => {
    try {
      return await ctx.emulator.call<T>('s3', operation, { Bucket: bucket, ...input }, { caller: ctx.caller, region: ctx.region });
    } catch (error) {
      if (error instanceof AwsError && error.code === 'NoSuchBucket') throw noSuchResource();
      throw error;
    }
  };
  return {
    async read() {
      try {
        return (await call<{ TagSet?: S3Tag[] }>('GetBucketTagging', {})).TagSet ?? [];
      } catch (error) {
        if (error instanceof AwsError && error.code === 'NoSuchTagSet') return [];
        throw error;
      }
    },
    async write(tags) {
      if (tags.length) await call('PutBucketTagging', { Tagging: { TagSet: tags } });
      else await call('DeleteBucketTagging', {});
    },
  };
}

export async function tagResource(input: TagResourceRequest, ctx: S3ControlContext): Promise<Record<string, never>> {
  checkAccount(input, ctx);
  const given = input.Tags ?? [];
  checkTags(given);
  const store = storeOf(ctx, input.ResourceArn);
  const current = await store.read();
  const keys = new Set(given.map((t) => t.Key));
  await store.write([...current.filter((t) => !keys.has(t.Key)), ...given.map((t) => ({ Key: t.Key, Value: t.Value }))]);
  return {};
}

export async function untagResource(input: UntagResourceRequest, ctx: S3ControlContext): Promise<Record<string, never>> {
  checkAccount(input, ctx);
  const store = storeOf(ctx, input.ResourceArn);
  const removed = new Set(input.TagKeys ?? []);
  const current = await store.read();
  if (current.some((t) => removed.has(t.Key!))) await store.write(current.filter((t) => !removed.has(t.Key!)));
  return {};
}

export async function listTagsForResource(input: ListTagsForResourceRequest, ctx: S3ControlContext): Promise<ListTagsForResourceResult> {
  checkAccount(input, ctx);
  return { Tags: await storeOf(ctx, input.ResourceArn).read() };
}
