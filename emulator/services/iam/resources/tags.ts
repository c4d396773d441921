import { changedProperties, resourceTags, type ResourceUpdate } from '../../cloudformation/provider.ts';

/**
 * Makes a taggable IAM entity's tags (an identity provider, server certificate or MFA device: `Tag<title>` /
 * `Untag<title>`) the template's: keys no longer there removed, the others set. Nothing is called when Tags did not change.
 */
export async function updateEntityTags(request: ResourceUpdate, title: string, id: Record<string, string>): Promise<void> {
  if (!changedProperties(request.previous, request.properties).has('Tags')) return;
  const wanted = resourceTags(request);
  const gone = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key).filter((key) => !wanted.some((t) => t.Key === key));
  if (gone.length) await request.call('iam', `Untag${title}`, { ...id, TagKeys: gone });
  if (wanted.length) await request.call('iam', `Tag${title}`, { ...id, Tags: wanted });
}
