import type {
  AddTagsToStreamCommandInput,
  ListTagsForResourceCommandInput,
  ListTagsForStreamCommandInput,
  RemoveTagsFromStreamCommandInput,
  TagResourceCommandInput,
  UntagResourceCommandInput,
} from '@aws-sdk/client-kinesis';
import type { RequestContext } from '../../../core/service.ts';
import type { KinesisState } from '../state.ts';
import { addTags, removeTags } from '../tags.ts';

type Ctx = RequestContext<KinesisState>;

function tagList(tags: Map<string, string>) {
  return [...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([Key, Value]) => ({ Key, Value }));
}

export function addTagsToStream(input: AddTagsToStreamCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  addTags(stream.tags, input.Tags!, stream.name, stream.accountId, ctx.caller);
  return {};
}

export function removeTagsFromStream(input: RemoveTagsFromStreamCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  removeTags(stream.tags, input.TagKeys!);
  return {};
}

export function listTagsForStream(input: ListTagsForStreamCommandInput, ctx: Ctx) {
  const stream = ctx.state.stream(input);
  const limit = input.Limit ?? 50;
  const after = input.ExclusiveStartTagKey;
  const tags = tagList(stream.tags).filter((t) => after === undefined || t.Key > after);
  return { Tags: tags.slice(0, limit), HasMoreTags: tags.length > limit };
}

/** The tag set of a stream or consumer ARN (TagResource and friends accept both). */
function resourceTags(arn: string, ctx: Ctx): { tags: Map<string, string>; streamName: string } {
  if (arn.includes('/consumer/')) {
    const { stream, consumer } = ctx.state.consumerByArn(arn);
    return { tags: consumer.tags, streamName: stream.name };
  }
  const stream = ctx.state.stream({ StreamARN: arn });
  return { tags: stream.tags, streamName: stream.name };
}

export function tagResource(input: TagResourceCommandInput, ctx: Ctx) {
  const { tags, streamName } = resourceTags(input.ResourceARN!, ctx);
  addTags(tags, input.Tags!, streamName, ctx.state.accountId, ctx.caller);
  return {};
}

export function untagResource(input: UntagResourceCommandInput, ctx: Ctx) {
  removeTags(resourceTags(input.ResourceARN!, ctx).tags, input.TagKeys!);
  return {};
}

export function listTagsForResource(input: ListTagsForResourceCommandInput, ctx: Ctx) {
  return { Tags: tagList(resourceTags(input.ResourceARN!, ctx).tags) };
}
