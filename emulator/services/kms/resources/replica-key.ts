import { parseArn } from '../../../core/arn.ts';
import { callIn, changedProperties, jsonText, resourceTags, type ResourceRequest, type ResourceType, type ResourceUpdate } from '../../cloudformation/provider.ts';
import { settings } from './key.ts';
import { readKeySettings } from './read.ts';

function kmsTags(request: ResourceRequest) {
  return resourceTags(request).map((t) => ({ TagKey: t.Key, TagValue: t.Value }));
}

async function updateTags(request: ResourceUpdate, keyId: string) {
  const wanted = kmsTags(request);
  const gone = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key).filter((key) => !wanted.some((t) => t.TagKey === key));
  if (gone.length) await request.call('kms', 'UntagResource', { KeyId: keyId, TagKeys: gone });
  if (wanted.length) await request.call('kms', 'TagResource', { KeyId: keyId, Tags: wanted });
}

/**
 * `AWS::KMS::ReplicaKey`: a replica, in the stack's region, of the multi-Region primary key `PrimaryKeyArn` names
 * (ReplicateKey is asked of the primary's region, as AWS requires). Ref is the key id; GetAtt Arn, KeyId. Description,
 * Enabled, KeyPolicy and tags change in place; deleting schedules the replica's deletion (PendingWindowInDays).
 */
export const replicaKey: ResourceType = {
  async create(request) {
    const p = request.properties;
    const primaryRegion = typeof p.PrimaryKeyArn === 'string' ? parseArn(p.PrimaryKeyArn)?.region : undefined;
    const { ReplicaKeyMetadata } = await callIn(request, 'kms', primaryRegion)('ReplicateKey', {
      KeyId: p.PrimaryKeyArn,
      ReplicaRegion: request.region,
      Description: p.Description,
      Policy: jsonText(p.KeyPolicy),
      Tags: kmsTags(request),
    });
    request.initiated?.(ReplicaKeyMetadata.KeyId);
    if (p.Enabled !== undefined && String(p.Enabled) === 'false') await settings(request, ReplicaKeyMetadata.KeyId, new Set(['Enabled']));
    return { physicalId: ReplicaKeyMetadata.KeyId, attributes: { Arn: ReplicaKeyMetadata.Arn, KeyId: ReplicaKeyMetadata.KeyId } };
  },
  async update(request) {
    const changed = changedProperties(request.previous, request.properties);
    await settings(request, request.physicalId, changed);
    if (changed.has('Tags')) await updateTags(request, request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('kms', 'ScheduleKeyDeletion', { KeyId: request.physicalId, PendingWindowInDays: Number(request.properties.PendingWindowInDays ?? 30) });
  },
  async read(request) {
    const { metadata, properties } = await readKeySettings(request);
    return { ...properties, PrimaryKeyArn: metadata.MultiRegionConfiguration?.PrimaryKey?.Arn };
  },
  createOnly: ['PrimaryKeyArn'],
  properties: ['PrimaryKeyArn', 'KeyPolicy', 'Description', 'Enabled', 'PendingWindowInDays', 'Tags'],
};
