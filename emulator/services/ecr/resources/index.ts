import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { repositoryCreationTemplate } from './creation-template.ts';
import { pullThroughCacheRule } from './pull-through-cache.ts';
import { registryPolicy, registryScanningConfiguration, replicationConfiguration } from './registry.ts';
import { repository } from './repository.ts';

/** The CloudFormation resource types of ECR. */
const types: ResourceTypes = {
  'AWS::ECR::Repository': repository,
  'AWS::ECR::RegistryPolicy': registryPolicy,
  'AWS::ECR::ReplicationConfiguration': replicationConfiguration,
  'AWS::ECR::RegistryScanningConfiguration': registryScanningConfiguration,
  'AWS::ECR::PullThroughCacheRule': pullThroughCacheRule,
  'AWS::ECR::RepositoryCreationTemplate': repositoryCreationTemplate,
};

export default types;
