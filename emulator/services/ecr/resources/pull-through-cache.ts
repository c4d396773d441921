import type { ResourceType } from '../../cloudformation/provider.ts';

/** `AWS::ECR::PullThroughCacheRule`: Ref is the ECR repository prefix. Only the custom role changes in place. */
export const pullThroughCacheRule: ResourceType = {
  async create(request) {
    const p = request.properties;
    await request.call('ecr', 'CreatePullThroughCacheRule', {
      ecrRepositoryPrefix: p.EcrRepositoryPrefix,
      upstreamRegistryUrl: p.UpstreamRegistryUrl,
      upstreamRegistry: p.UpstreamRegistry,
      credentialArn: p.CredentialArn,
      customRoleArn: p.CustomRoleArn,
      upstreamRepositoryPrefix: p.UpstreamRepositoryPrefix,
    });
    return { physicalId: p.EcrRepositoryPrefix, attributes: {} };
  },
  async update(request) {
    await request.call('ecr', 'UpdatePullThroughCacheRule', { ecrRepositoryPrefix: request.physicalId, credentialArn: request.properties.CredentialArn, customRoleArn: request.properties.CustomRoleArn ?? '' });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('ecr', 'DeletePullThroughCacheRule', { ecrRepositoryPrefix: request.physicalId });
  },
  async read(request) {
    const { pullThroughCacheRules } = await request.call('ecr', 'DescribePullThroughCacheRules', { ecrRepositoryPrefixes: [request.physicalId] });
    const [rule] = pullThroughCacheRules;
    return {
      EcrRepositoryPrefix: rule.ecrRepositoryPrefix,
      UpstreamRegistryUrl: rule.upstreamRegistryUrl,
      UpstreamRegistry: rule.upstreamRegistry,
      CredentialArn: rule.credentialArn,
      CustomRoleArn: rule.customRoleArn,
      UpstreamRepositoryPrefix: rule.upstreamRepositoryPrefix,
    };
  },
  createOnly: ['EcrRepositoryPrefix', 'UpstreamRegistryUrl', 'CredentialArn', 'UpstreamRegistry', 'UpstreamRepositoryPrefix'],
  properties: ['EcrRepositoryPrefix', 'UpstreamRegistryUrl', 'CredentialArn', 'UpstreamRegistry', 'CustomRoleArn', 'UpstreamRepositoryPrefix'],
};
