import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { alias, key } from './key.ts';
import { replicaKey } from './replica-key.ts';

/** The CloudFormation resource types of KMS. */
const types: ResourceTypes = {
  'AWS::KMS::Key': key,
  'AWS::KMS::Alias': alias,
  'AWS::KMS::ReplicaKey': replicaKey,
};

export default types;
