import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { repository } from './repository.ts';

/** The CloudFormation resource types of ECR. */
const types: ResourceTypes = {
  'AWS::ECR::Repository': repository,
};

export default types;
