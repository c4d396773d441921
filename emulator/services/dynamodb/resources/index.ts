import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { globalTable } from './global-table.ts';
import { table } from './table.ts';

/** The CloudFormation resource types of DynamoDB. */
const types: ResourceTypes = {
  'AWS::DynamoDB::Table': table,
  'AWS::DynamoDB::GlobalTable': globalTable,
};

export default types;
