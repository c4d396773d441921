import type { Repository, Tag } from '@aws-sdk/client-ecr';

export interface StoredRepository {
  repository: Repository;
  tags: Tag[];
  lifecyclePolicy?: { text: string; updated: Date };
  policy?: string;
}

/** ECR's state for one account and region: repositories by name. */
export class EcrState {
  readonly repositories = new Map<string, StoredRepository>();
}
