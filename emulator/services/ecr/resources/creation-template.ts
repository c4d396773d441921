import type { RepositoryCreationTemplate } from '@aws-sdk/client-ecr';
import { jsonText, templateJson, type Properties, type ResourceType } from '../../cloudformation/provider.ts';
import { templateOrder } from '../../cloudformation/read-back.ts';
import { exclusionFiltersIn, exclusionFiltersOut } from './exclusion-filters.ts';

/** The template's settings as the ECR API takes them. */
function templateSettings(p: Properties) {
  const encryption = p.EncryptionConfiguration as Properties | undefined;
  return {
    description: p.Description,
    encryptionConfiguration: encryption && { encryptionType: encryption.EncryptionType, kmsKey: encryption.KmsKey },
    resourceTags: p.ResourceTags,
    imageTagMutability: p.ImageTagMutability,
    imageTagMutabilityExclusionFilters: exclusionFiltersIn(p.ImageTagMutabilityExclusionFilters),
    repositoryPolicy: jsonText(p.RepositoryPolicy),
    lifecyclePolicy: jsonText(p.LifecyclePolicy),
    appliedFor: p.AppliedFor,
    customRoleArn: p.CustomRoleArn,
  };
}

/** What a template without a setting has. */
const UNSET = { description: '', encryptionConfiguration: { encryptionType: 'AES256' }, resourceTags: [], imageTagMutability: 'MUTABLE', repositoryPolicy: '', lifecyclePolicy: '', customRoleArn: '' };

function templateState(template: RepositoryCreationTemplate) {
  return { physicalId: template.prefix!, attributes: { CreatedAt: template.createdAt?.toISOString(), UpdatedAt: template.updatedAt?.toISOString() } };
}

/** `AWS::ECR::RepositoryCreationTemplate`: Ref is the prefix; GetAtt CreatedAt, UpdatedAt. */
export const repositoryCreationTemplate: ResourceType = {
  async create(request) {
    const { repositoryCreationTemplate: created } = await request.call<{ repositoryCreationTemplate: RepositoryCreationTemplate }>('ecr', 'CreateRepositoryCreationTemplate', {
      prefix: request.properties.Prefix,
      ...templateSettings(request.properties),
    });
    return templateState(created);
  },
  async update(request) {
    // The update keeps what it is not given: a setting the template no longer gives goes back to ECR's default.
    const settings = { ...UNSET, ...Object.fromEntries(Object.entries(templateSettings(request.properties)).filter(([, v]) => v !== undefined)) };
    const { repositoryCreationTemplate: updated } = await request.call<{ repositoryCreationTemplate: RepositoryCreationTemplate }>('ecr', 'UpdateRepositoryCreationTemplate', { prefix: request.physicalId, ...settings });
    return templateState(updated);
  },
  async delete(request) {
    await request.call('ecr', 'DeleteRepositoryCreationTemplate', { prefix: request.physicalId });
  },
  async read(request) {
    const { repositoryCreationTemplates } = await request.call<{ repositoryCreationTemplates: RepositoryCreationTemplate[] }>('ecr', 'DescribeRepositoryCreationTemplates', { prefixes: [request.physicalId] });
    const [t] = repositoryCreationTemplates;
    const p = request.properties;
    const encryption = t.encryptionConfiguration;
    return {
      Prefix: t.prefix,
      Description: t.description,
      EncryptionConfiguration: encryption && { EncryptionType: encryption.encryptionType, ...(encryption.kmsKey ? { KmsKey: encryption.kmsKey } : {}) },
      ResourceTags: t.resourceTags,
      ImageTagMutability: t.imageTagMutability,
      ImageTagMutabilityExclusionFilters: exclusionFiltersOut(t.imageTagMutabilityExclusionFilters),
      RepositoryPolicy: t.repositoryPolicy ? templateJson(p.RepositoryPolicy, t.repositoryPolicy) : undefined,
      LifecyclePolicy: t.lifecyclePolicy ? templateJson(p.LifecyclePolicy, t.lifecyclePolicy) : undefined,
      AppliedFor: templateOrder(p.AppliedFor, t.appliedFor ?? [], String),
      CustomRoleArn: t.customRoleArn,
    };
  },
  createOnly: ['Prefix'],
  properties: ['Prefix', 'Description', 'EncryptionConfiguration', 'ResourceTags', 'ImageTagMutability', 'ImageTagMutabilityExclusionFilters', 'RepositoryPolicy', 'LifecyclePolicy', 'AppliedFor', 'CustomRoleArn'],
};
