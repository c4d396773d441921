import type { ListTagsForDeliveryStreamInput, TagDeliveryStreamInput, UntagDeliveryStreamInput } from '@aws-sdk/client-firehose';
import type { RequestContext } from '../../../core/service.ts';
import type { FirehoseState } from '../state.ts';
import { addTags } from '../tags.ts';

type Ctx = RequestContext<FirehoseState>;

export function tagDeliveryStream(input: TagDeliveryStreamInput, ctx: Ctx) {
  addTags(ctx.state.stream(input.DeliveryStreamName!).tags, input.Tags!, ctx.caller);
  return {};
}

export function untagDeliveryStream(input: UntagDeliveryStreamInput, ctx: Ctx) {
  const stream = ctx.state.stream(input.DeliveryStreamName!);
  for (const key of input.TagKeys!) stream.tags.delete(key);
  return {};
}

export function listTagsForDeliveryStream(input: ListTagsForDeliveryStreamInput, ctx: Ctx) {
  const stream = ctx.state.stream(input.DeliveryStreamName!);
  const limit = input.Limit ?? 50;
  const after = input.ExclusiveStartTagKey;
  const tags = [...stream.tags]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([key]) => after === undefined || key > after)
    .map(([Key, Value]) => ({ Key, Value }));
  return { Tags: tags.slice(0, limit), HasMoreTags: tags.length > limit };
}
