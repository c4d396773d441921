import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { parameter } from './parameter.ts';

/** The CloudFormation resource types of SSM Parameter Store. */
const types: ResourceTypes = {
  'AWS::SSM::Parameter': parameter,
};

export default types;
