import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { alias, key } from './key.ts';

/** The CloudFormation resource types of KMS. */
const types: ResourceTypes = {
  'AWS::KMS::Key': key,
  'AWS::KMS::Alias': alias,
};

export default types;
