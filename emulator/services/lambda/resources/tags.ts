import { resourceTags, type ResourceRequest, type ResourceUpdate } from '../../cloudformation/provider.ts';

/** The resource's tags and the stack's, as the map Lambda's Create operations and TagResource take. */
export const tagMap = (request: ResourceRequest): Record<string, string> => Object.fromEntries(resourceTags(request).map((t) => [t.Key, t.Value]));

/** After a change of Tags: the previous keys removed, the template's (and the stack's) tags set. */
export async function retag(request: ResourceUpdate, arn: string): Promise<void> {
  const old = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key);
  if (old.length) await request.call('lambda', 'UntagResource', { Resource: arn, TagKeys: old });
  const tags = tagMap(request);
  if (Object.keys(tags).length) await request.call('lambda', 'TagResource', { Resource: arn, Tags: tags });
}
