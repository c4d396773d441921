import type { Repository } from '@aws-sdk/client-ecr';
import { AwsError } from '../../../core/errors.ts';
import { changedProperties, jsonText, resourceTags, templateJson, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';
import { exclusionFiltersIn, exclusionFiltersOut } from './exclusion-filters.ts';

/** A repository without a lifecycle or repository policy reads without it. */
function unlessNotFound(error: unknown): undefined {
  if (error instanceof AwsError && /NotFound/.test(error.code)) return undefined;
  throw error;
}

async function configure(request: ResourceRequest, name: string, changed: Set<string>) {
  const p = request.properties;
  if (changed.has('LifecyclePolicy')) {
    if (p.LifecyclePolicy?.LifecyclePolicyText) await request.call('ecr', 'PutLifecyclePolicy', { repositoryName: name, lifecyclePolicyText: p.LifecyclePolicy.LifecyclePolicyText });
    else await request.call('ecr', 'DeleteLifecyclePolicy', { repositoryName: name }).catch(() => undefined);
  }
  if (changed.has('RepositoryPolicyText')) {
    if (p.RepositoryPolicyText) await request.call('ecr', 'SetRepositoryPolicy', { repositoryName: name, policyText: jsonText(p.RepositoryPolicyText) });
    else await request.call('ecr', 'DeleteRepositoryPolicy', { repositoryName: name }).catch(() => undefined);
  }
}

function state(repository: Repository) {
  return { physicalId: repository.repositoryName!, attributes: { Arn: repository.repositoryArn, RepositoryUri: repository.repositoryUri } };
}

/** `AWS::ECR::Repository`: Ref is the name; GetAtt Arn, RepositoryUri. */
export const repository: ResourceType = {
  properties: [
    'EmptyOnDelete',
    'EncryptionConfiguration',
    'ImageScanningConfiguration',
    'ImageTagMutability',
    'ImageTagMutabilityExclusionFilters',
    'LifecyclePolicy',
    'RepositoryName',
    'RepositoryPolicyText',
    'Tags',
  ],
  async create(request) {
    const p = request.properties;
    const { repository: created } = await request.call<{ repository: Repository }>('ecr', 'CreateRepository', {
      repositoryName: p.RepositoryName ?? request.physicalName({ maxLength: 256, lowerCase: true }),
      imageTagMutability: p.ImageTagMutability,
      imageTagMutabilityExclusionFilters: exclusionFiltersIn(p.ImageTagMutabilityExclusionFilters),
      imageScanningConfiguration: p.ImageScanningConfiguration ? { scanOnPush: String(p.ImageScanningConfiguration.ScanOnPush) === 'true' } : undefined,
      encryptionConfiguration: p.EncryptionConfiguration ? { encryptionType: p.EncryptionConfiguration.EncryptionType, kmsKey: p.EncryptionConfiguration.KmsKey } : undefined,
      tags: resourceTags(request),
    });
    await configure(request, created.repositoryName!, new Set(['LifecyclePolicy', 'RepositoryPolicyText'].filter((k) => p[k] !== undefined)));
    return state(created);
  },
  async update(request) {
    const name = request.physicalId;
    const changed = changedProperties(request.previous, request.properties);
    if (changed.has('ImageTagMutability') || changed.has('ImageTagMutabilityExclusionFilters')) {
      const p = request.properties;
      await request.call('ecr', 'PutImageTagMutability', { repositoryName: name, imageTagMutability: p.ImageTagMutability ?? 'MUTABLE', imageTagMutabilityExclusionFilters: exclusionFiltersIn(p.ImageTagMutabilityExclusionFilters) });
    }
    if (changed.has('ImageScanningConfiguration')) {
      await request.call('ecr', 'PutImageScanningConfiguration', { repositoryName: name, imageScanningConfiguration: { scanOnPush: String(request.properties.ImageScanningConfiguration?.ScanOnPush) === 'true' } });
    }
    await configure(request, name, changed);
    const { repositories } = await request.call<{ repositories: Repository[] }>('ecr', 'DescribeRepositories', { repositoryNames: [name] });
    if (changed.has('Tags')) {
      const arn = repositories[0].repositoryArn;
      const keys = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key);
      if (keys.length) await request.call('ecr', 'UntagResource', { resourceArn: arn, tagKeys: keys });
      await request.call('ecr', 'TagResource', { resourceArn: arn, tags: resourceTags(request) });
    }
    return state(repositories[0]);
  },
  async delete(request) {
    await request.call('ecr', 'DeleteRepository', { repositoryName: request.physicalId, force: String(request.properties.EmptyOnDelete) === 'true' });
  },
  async read(request) {
    const name = request.physicalId;
    const { repositories } = await request.call<{ repositories: Repository[] }>('ecr', 'DescribeRepositories', { repositoryNames: [name] });
    const [r] = repositories;
    const lifecycle = await request.call('ecr', 'GetLifecyclePolicy', { repositoryName: name }).catch(unlessNotFound);
    const policy = await request.call('ecr', 'GetRepositoryPolicy', { repositoryName: name }).catch(unlessNotFound);
    const { tags } = await request.call('ecr', 'ListTagsForResource', { resourceArn: r.repositoryArn });
    const p = request.properties;
    return {
      RepositoryName: r.repositoryName,
      ImageTagMutability: r.imageTagMutability,
      ImageTagMutabilityExclusionFilters: exclusionFiltersOut(r.imageTagMutabilityExclusionFilters),
      ImageScanningConfiguration: { ScanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false },
      EncryptionConfiguration: { EncryptionType: r.encryptionConfiguration?.encryptionType, ...(r.encryptionConfiguration?.kmsKey ? { KmsKey: r.encryptionConfiguration.kmsKey } : {}) },
      LifecyclePolicy: lifecycle && { LifecyclePolicyText: lifecycle.lifecyclePolicyText, ...(p.LifecyclePolicy?.RegistryId !== undefined ? { RegistryId: lifecycle.registryId } : {}) },
      RepositoryPolicyText: policy && templateJson(p.RepositoryPolicyText, policy.policyText),
      Tags: templateTags(request, tags),
    };
  },
  createOnly: ['RepositoryName', 'EncryptionConfiguration'],
};
