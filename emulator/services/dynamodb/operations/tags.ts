import type {
  ListTagsOfResourceCommandInput,
  ListTagsOfResourceCommandOutput,
  TagResourceCommandInput,
  UntagResourceCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import type { DynamoState } from '../state.ts';

type Ctx = RequestContext<DynamoState>;

export function tagResource(input: TagResourceCommandInput, ctx: Ctx): Record<string, never> {
  const table = ctx.state.tableByArn(input.ResourceArn!);
  for (const tag of input.Tags ?? []) table.tags.set(tag.Key!, tag.Value!);
  return {};
}

export function untagResource(input: UntagResourceCommandInput, ctx: Ctx): Record<string, never> {
  const table = ctx.state.tableByArn(input.ResourceArn!);
  for (const key of input.TagKeys ?? []) table.tags.delete(key);
  return {};
}

export function listTagsOfResource(input: ListTagsOfResourceCommandInput, ctx: Ctx): Omit<ListTagsOfResourceCommandOutput, '$metadata'> {
  const table = ctx.state.tableByArn(input.ResourceArn!);
  return { Tags: [...table.tags].map(([Key, Value]) => ({ Key, Value })) };
}
