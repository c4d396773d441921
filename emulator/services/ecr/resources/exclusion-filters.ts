import type { ImageTagMutabilityExclusionFilter } from '@aws-sdk/client-ecr';
import type { Properties } from '../../cloudformation/provider.ts';

/** CloudFormation's ImageTagMutabilityExclusionFilters (ImageTagMutabilityExclusionFilterType/Value) as ECR's API takes them. */
export function exclusionFiltersIn(filters: unknown): ImageTagMutabilityExclusionFilter[] | undefined {
  return (filters as Properties[] | undefined)?.map((f) => ({ filterType: f.ImageTagMutabilityExclusionFilterType, filter: f.ImageTagMutabilityExclusionFilterValue }));
}

/** ECR's exclusion filters by CloudFormation's names, for read-back. */
export function exclusionFiltersOut(filters: ImageTagMutabilityExclusionFilter[] | undefined): Properties[] | undefined {
  return filters?.map((f) => ({ ImageTagMutabilityExclusionFilterType: f.filterType, ImageTagMutabilityExclusionFilterValue: f.filter }));
}
