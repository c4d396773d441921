import type { PullThroughCacheRule, RegistryScanningConfiguration, ReplicationConfiguration, Repository, RepositoryCreationTemplate, Tag } from '@aws-sdk/client-ecr';

export interface StoredRepository {
  repository: Repository;
  tags: Tag[];
  lifecyclePolicy?: { text: string; updated: Date };
  policy?: string;
}

/**
 * ECR's state for one account and region (a registry): repositories by name, and the registry's own settings
 * (its policy, replication and scanning configurations, pull through cache rules and repository creation templates).
 */
export class EcrState {
  readonly repositories = new Map<string, StoredRepository>();
  registryPolicy?: string;
  replication: ReplicationConfiguration = { rules: [] };
  scanning: RegistryScanningConfiguration = { scanType: 'BASIC', rules: [] };
  readonly pullThroughCacheRules = new Map<string, PullThroughCacheRule>();
  readonly creationTemplates = new Map<string, RepositoryCreationTemplate>();
}
