import type { AddTagsToResourceCommandInput, ListTagsForResourceCommandInput, RemoveTagsFromResourceCommandInput, Tag } from '@aws-sdk/client-ssm';
import type { Caller } from '../../../core/service.ts';
import { isReservedTagKey } from '../../../core/tags.ts';
import { SsmErrors } from '../errors.ts';
import { nameOf, type SsmContext } from '../parameters.ts';

const MAX_TAGS = 50;

export function checkTagCount(count: number): void {
  if (count > MAX_TAGS) throw SsmErrors.tooManyTags();
}

/** `aws:` keys are AWS's (CloudFormation's own on its calls excepted). No AWS recording gives SSM's words: ours. */
export function checkTagKeys(tags: Tag[] | undefined, caller: Caller): void {
  const tag = tags?.find((t) => isReservedTagKey(t.Key ?? '', caller));
  if (tag) throw SsmErrors.invalidParameters(`Tag key ${tag.Key} is not allowed: tag keys can't start with 'aws:'.`);
}

/** Whatever holds a resource's tags. */
interface Tagged {
  tags: Tag[];
}

/**
 * The resource a tag operation names, by type: parameters (name or ARN), the account's documents (name),
 * maintenance windows, patch baselines, associations and OpsItems (id), OpsMetadata (the ARN's part after
 * `opsmetadata`). Managed instances and automations are not served by twinstack, so none of theirs exists.
 */
function taggedResource(ctx: SsmContext, input: { ResourceType?: string; ResourceId?: string }): Tagged {
  const id = input.ResourceId!;
  let resource: Tagged | undefined;
  switch (input.ResourceType) {
    case 'Parameter':
      resource = ctx.state.parameters.get(nameOf(ctx, id));
      break;
    case 'Document':
      resource = ctx.state.documents.get(id);
      break;
    case 'MaintenanceWindow':
      resource = ctx.state.windows.get(id);
      break;
    case 'PatchBaseline':
      resource = ctx.state.baselines.get(id);
      break;
    case 'Association':
      resource = ctx.state.associations.get(id);
      break;
    case 'OpsItem':
      resource = ctx.state.opsItems.get(id);
      break;
    case 'OpsMetadata':
      resource = ctx.state.opsMetadata.get(id);
      break;
    case 'ManagedInstance':
    case 'Automation':
      break;
    default:
      throw SsmErrors.invalidResourceType();
  }
  if (!resource) throw SsmErrors.invalidResourceId();
  return resource;
}

export function addTagsToResource(input: AddTagsToResourceCommandInput, ctx: SsmContext) {
  const resource = taggedResource(ctx, input);
  checkTagKeys(input.Tags, ctx.caller);
  const tags = resource.tags.map((t) => ({ ...t }));
  for (const tag of input.Tags!) {
    const existing = tags.find((t) => t.Key === tag.Key);
    if (existing) existing.Value = tag.Value;
    else tags.push({ Key: tag.Key, Value: tag.Value });
  }
  checkTagCount(tags.length);
  resource.tags = tags;
  return {};
}

export function removeTagsFromResource(input: RemoveTagsFromResourceCommandInput, ctx: SsmContext) {
  const resource = taggedResource(ctx, input);
  const drop = new Set(input.TagKeys);
  resource.tags = resource.tags.filter((t) => !drop.has(t.Key!));
  return {};
}

export function listTagsForResource(input: ListTagsForResourceCommandInput, ctx: SsmContext) {
  return { TagList: taggedResource(ctx, input).tags.map((t) => ({ ...t })) };
}
