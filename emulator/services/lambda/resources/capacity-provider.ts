import type { CapacityProvider, CapacityProviderScalingConfig, PropagateTags } from '@aws-sdk/client-lambda';
import { changedProperties, type Properties, type ResourceRequest, type ResourceState, type ResourceType } from '../../cloudformation/provider.ts';
import { retag, tagMap } from './tags.ts';

type Tag = { Key: string; Value: string };

/** The template's scaling config with its numbers as numbers (parameters arrive as text). */
function scaling(config: Properties | undefined): CapacityProviderScalingConfig | undefined {
  if (!config) return undefined;
  return {
    ...config,
    ...(config.MaxVCpuCount !== undefined && { MaxVCpuCount: Number(config.MaxVCpuCount) }),
    ...(config.ScalingPolicies && { ScalingPolicies: config.ScalingPolicies.map((p: Properties) => ({ ...p, TargetValue: Number(p.TargetValue) })) }),
  };
}

/** The template lists explicit tags as Key/Value pairs; the API takes a map. */
function propagateTags(given: { Mode?: string; ExplicitTags?: Tag[] } | undefined): PropagateTags | undefined {
  if (!given) return undefined;
  return { Mode: given.Mode as PropagateTags['Mode'], ...(given.ExplicitTags && { ExplicitTags: Object.fromEntries(given.ExplicitTags.map((t) => [t.Key, t.Value])) }) };
}

async function state(request: ResourceRequest, name: string): Promise<ResourceState> {
  const { CapacityProvider: provider } = await request.call<{ CapacityProvider: CapacityProvider }>('lambda', 'GetCapacityProvider', { CapacityProviderName: name });
  return { physicalId: name, attributes: { Arn: provider.CapacityProviderArn, State: provider.State } };
}

/**
 * `AWS::Lambda::CapacityProvider` (Lambda Managed Instances): Ref is the provider's name, GetAtt Arn and State. The
 * scaling config, tag propagation, telemetry and tags change in place (UpdateCapacityProvider, TagResource); the
 * name, network, permissions, instance requirements and key replace it. Dropping PropagateTags turns propagation off.
 */
export const capacityProvider: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.CapacityProviderName ?? request.physicalName({ maxLength: 140 });
    const tags = tagMap(request);
    await request.call('lambda', 'CreateCapacityProvider', {
      CapacityProviderName: name,
      VpcConfig: p.VpcConfig,
      PermissionsConfig: p.PermissionsConfig,
      InstanceRequirements: p.InstanceRequirements,
      CapacityProviderScalingConfig: scaling(p.CapacityProviderScalingConfig),
      KmsKeyArn: p.KmsKeyArn,
      PropagateTags: propagateTags(p.PropagateTags),
      TelemetryConfig: p.TelemetryConfig,
      ...(Object.keys(tags).length ? { Tags: tags } : {}),
    });
    return state(request, name);
  },
  async update(request) {
    const p = request.properties;
    const changed = changedProperties(request.previous, p);
    if (['CapacityProviderScalingConfig', 'PropagateTags', 'TelemetryConfig'].some((k) => changed.has(k))) {
      await request.call('lambda', 'UpdateCapacityProvider', {
        CapacityProviderName: request.physicalId,
        CapacityProviderScalingConfig: scaling(p.CapacityProviderScalingConfig) ?? { ScalingMode: 'Auto' },
        PropagateTags: propagateTags(p.PropagateTags) ?? { Mode: 'None' },
        TelemetryConfig: p.TelemetryConfig,
      });
    }
    const current = await state(request, request.physicalId);
    if (changed.has('Tags')) await retag(request, current.attributes.Arn as string);
    return current;
  },
  async delete(request) {
    await request.call('lambda', 'DeleteCapacityProvider', { CapacityProviderName: request.physicalId });
  },
  async read(request) {
    const { CapacityProvider: c } = await request.call<{ CapacityProvider: CapacityProvider }>('lambda', 'GetCapacityProvider', { CapacityProviderName: request.physicalId });
    const explicit = c.PropagateTags?.ExplicitTags;
    return {
      CapacityProviderName: request.physicalId,
      VpcConfig: c.VpcConfig,
      PermissionsConfig: c.PermissionsConfig,
      InstanceRequirements: c.InstanceRequirements,
      CapacityProviderScalingConfig: c.CapacityProviderScalingConfig,
      KmsKeyArn: c.KmsKeyArn,
      PropagateTags: c.PropagateTags && { Mode: c.PropagateTags.Mode, ...(explicit && { ExplicitTags: Object.entries(explicit).map(([Key, Value]) => ({ Key, Value })) }) },
      TelemetryConfig: c.TelemetryConfig,
    };
  },
  async adopt(request, identifier) {
    return state(request, identifier.CapacityProviderName);
  },
  createOnly: ['CapacityProviderName', 'VpcConfig', 'PermissionsConfig', 'InstanceRequirements', 'KmsKeyArn'],
  primaryIdentifier: ['CapacityProviderName'],
  properties: [
    'CapacityProviderName',
    'VpcConfig',
    'PermissionsConfig',
    'InstanceRequirements',
    'CapacityProviderScalingConfig',
    'KmsKeyArn',
    'PropagateTags',
    'TelemetryConfig',
    'Tags',
  ],
};
