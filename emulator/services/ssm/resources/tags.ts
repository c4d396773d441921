import { resourceTags, type ResourceRequest } from '../../cloudformation/provider.ts';

/** The resource's tags (its own and the stack's) for a create call, or nothing when there are none. */
export function createTags(request: ResourceRequest): { Tags?: { Key: string; Value: string }[] } {
  const tags = resourceTags(request);
  return tags.length ? { Tags: tags } : {};
}

/** Makes an SSM resource's tags the template's: removes the keys no longer there, sets the others. */
export async function updateTags(request: ResourceRequest, ResourceType: string, ResourceId: string): Promise<void> {
  const wanted = resourceTags(request);
  const { TagList } = await request.call<{ TagList: { Key: string }[] }>('ssm', 'ListTagsForResource', { ResourceType, ResourceId });
  const gone = TagList.map((t) => t.Key).filter((key) => !wanted.some((t) => t.Key === key));
  if (gone.length) await request.call('ssm', 'RemoveTagsFromResource', { ResourceType, ResourceId, TagKeys: gone });
  if (wanted.length) await request.call('ssm', 'AddTagsToResource', { ResourceType, ResourceId, Tags: wanted });
}
