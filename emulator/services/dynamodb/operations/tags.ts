import type {
  ListTagsOfResourceCommandInput,
  ListTagsOfResourceCommandOutput,
  TagResourceCommandInput,
  UntagResourceCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Caller, RequestContext } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { invalidParameter } from '../errors.ts';
import type { DynamoState } from '../state.ts';

type Ctx = RequestContext<DynamoState>;

/** `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives DynamoDB's words: ours. */
export function checkTagKeys(tags: { Key?: string }[] | undefined, caller: Caller): void {
  const key = tags?.find((t) => isReservedTagKey(t.Key ?? '', caller))?.Key;
  if (key !== undefined) throw invalidParameter(`Tag key ${key} is reserved: tag keys can't start with 'aws:'.`);
}

export function tagResource(input: TagResourceCommandInput, ctx: Ctx): Record<string, never> {
  const table = ctx.state.tableByArn(input.ResourceArn!);
  checkTagKeys(input.Tags, ctx.caller);
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
