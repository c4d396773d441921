import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { table } from './table.ts';

/** The CloudFormation resource types of DynamoDB. */
const types: ResourceTypes = {
  'AWS::DynamoDB::Table': table,
};

export default types;
