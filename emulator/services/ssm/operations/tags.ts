import type { AddTagsToResourceCommandInput, ListTagsForResourceCommandInput, RemoveTagsFromResourceCommandInput } from '@aws-sdk/client-ssm';
import { SsmErrors } from '../errors.ts';
import { nameOf, type SsmContext } from '../parameters.ts';
import type { Parameter } from '../state.ts';

const MAX_TAGS = 50;

export function checkTagCount(count: number): void {
  if (count > MAX_TAGS) throw SsmErrors.tooManyTags();
}

/** Tag operations for parameters (the other SSM resource types are not served by twinstack). */
function taggedParameter(ctx: SsmContext, input: { ResourceType?: string; ResourceId?: string }): Parameter {
  if (input.ResourceType !== 'Parameter') throw SsmErrors.invalidResourceType();
  const parameter = ctx.state.parameters.get(nameOf(ctx, input.ResourceId!));
  if (!parameter) throw SsmErrors.invalidResourceId();
  return parameter;
}

export function addTagsToResource(input: AddTagsToResourceCommandInput, ctx: SsmContext) {
  const parameter = taggedParameter(ctx, input);
  const tags = parameter.tags.map((t) => ({ ...t }));
  for (const tag of input.Tags!) {
    const existing = tags.find((t) => t.Key === tag.Key);
    if (existing) existing.Value = tag.Value;
    else tags.push({ Key: tag.Key, Value: tag.Value });
  }
  checkTagCount(tags.length);
  parameter.tags = tags;
  return {};
}

export function removeTagsFromResource(input: RemoveTagsFromResourceCommandInput, ctx: SsmContext) {
  const parameter = taggedParameter(ctx, input);
  const drop = new Set(input.TagKeys);
  parameter.tags = parameter.tags.filter((t) => !drop.has(t.Key!));
  return {};
}

export function listTagsForResource(input: ListTagsForResourceCommandInput, ctx: SsmContext) {
  return { TagList: taggedParameter(ctx, input).tags.map((t) => ({ ...t })) };
}
