import { changedProperties, jsonText, resourceTags, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { KmsErrors } from '../errors.ts';
import { readKeySettings } from './read.ts';

/** Applies the changed settings a key and a replica key share (and rotation, which only a key has). */
export async function settings(request: ResourceRequest, keyId: string, changed: Set<string>) {
  const p = request.properties;
  if (changed.has('EnableKeyRotation')) await request.call('kms', String(p.EnableKeyRotation) === 'true' ? 'EnableKeyRotation' : 'DisableKeyRotation', { KeyId: keyId });
  if (changed.has('Enabled')) await request.call('kms', String(p.Enabled) === 'false' ? 'DisableKey' : 'EnableKey', { KeyId: keyId });
  if (changed.has('Description')) await request.call('kms', 'UpdateKeyDescription', { KeyId: keyId, Description: p.Description ?? '' });
  if (changed.has('KeyPolicy') && p.KeyPolicy !== undefined) await request.call('kms', 'PutKeyPolicy', { KeyId: keyId, PolicyName: 'default', Policy: jsonText(p.KeyPolicy) });
}

/** `AWS::KMS::Key`: Ref is the key id; GetAtt Arn, KeyId. Deleting schedules the deletion (PendingWindowInDays). */
export const key: ResourceType = {
  properties: [
    'BypassPolicyLockoutSafetyCheck',
    'Description',
    'EnableKeyRotation',
    'Enabled',
    'KeyPolicy',
    'KeySpec',
    'KeyUsage',
    'MultiRegion',
    'Origin',
    'PendingWindowInDays',
    'RotationPeriodInDays',
    'Tags',
  ],
  async create(request) {
    const p = request.properties;
    const { KeyMetadata } = await request.call('kms', 'CreateKey', {
      Description: p.Description,
      KeyUsage: p.KeyUsage,
      KeySpec: p.KeySpec,
      Origin: p.Origin,
      MultiRegion: p.MultiRegion === undefined ? undefined : String(p.MultiRegion) === 'true',
      Policy: jsonText(p.KeyPolicy),
      BypassPolicyLockoutSafetyCheck: p.BypassPolicyLockoutSafetyCheck === undefined ? undefined : String(p.BypassPolicyLockoutSafetyCheck) === 'true',
      Tags: resourceTags(request).map((t) => ({ TagKey: t.Key, TagValue: t.Value })),
    });
    await settings(request, KeyMetadata.KeyId, new Set(['EnableKeyRotation', 'Enabled'].filter((k) => p[k] !== undefined)));
    return { physicalId: KeyMetadata.KeyId, attributes: { Arn: KeyMetadata.Arn, KeyId: KeyMetadata.KeyId } };
  },
  async update(request) {
    await settings(request, request.physicalId, changedProperties(request.previous, request.properties));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('kms', 'ScheduleKeyDeletion', { KeyId: request.physicalId, PendingWindowInDays: Number(request.properties.PendingWindowInDays ?? 30) });
  },
  async read(request) {
    const { metadata, properties } = await readKeySettings(request);
    const rotation = metadata.KeySpec === 'SYMMETRIC_DEFAULT' && metadata.Origin === 'AWS_KMS' ? await request.call('kms', 'GetKeyRotationStatus', { KeyId: request.physicalId }) : undefined;
    return {
      ...properties,
      EnableKeyRotation: rotation?.KeyRotationEnabled ?? false,
      ...(rotation?.RotationPeriodInDays !== undefined ? { RotationPeriodInDays: rotation.RotationPeriodInDays } : {}),
      KeySpec: metadata.KeySpec,
      KeyUsage: metadata.KeyUsage,
      MultiRegion: metadata.MultiRegion,
      Origin: metadata.Origin,
    };
  },
  createOnly: ['KeySpec', 'KeyUsage', 'MultiRegion', 'Origin'],
};

/** An alias of the account and region, by name (KMS has no call that describes one alias). */
async function findAlias(request: ResourceRequest, name: string): Promise<{ AliasName: string; TargetKeyId: string }> {
  let Marker: string | undefined;
  do {
    const page = await request.call<{ Aliases: { AliasName: string; TargetKeyId: string }[]; NextMarker?: string }>('kms', 'ListAliases', { Limit: 100, Marker });
    const found = page.Aliases.find((a) => a.AliasName === name);
    if (found) return found;
    Marker = page.NextMarker;
  } while (Marker);
  throw KmsErrors.notFound(`Alias ${name} is not found.`);
}

/** `AWS::KMS::Alias`: Ref is the alias name. */
export const alias: ResourceType = {
  properties: ['AliasName', 'TargetKeyId'],
  async create(request) {
    await request.call('kms', 'CreateAlias', { AliasName: request.properties.AliasName, TargetKeyId: request.properties.TargetKeyId });
    return { physicalId: request.properties.AliasName, attributes: {} };
  },
  async update(request) {
    await request.call('kms', 'UpdateAlias', { AliasName: request.physicalId, TargetKeyId: request.properties.TargetKeyId });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('kms', 'DeleteAlias', { AliasName: request.physicalId });
  },
  async read(request) {
    const alias = await findAlias(request, request.physicalId);
    const given = request.properties.TargetKeyId;
    // The template may name the key by its ARN; KMS answers its id.
    const same = typeof given === 'string' && (given === alias.TargetKeyId || given.endsWith(`:key/${alias.TargetKeyId}`));
    return { AliasName: alias.AliasName, TargetKeyId: same ? given : alias.TargetKeyId };
  },
  createOnly: ['AliasName'],
};
