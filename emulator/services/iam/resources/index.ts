import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { instanceProfile } from './instance-profile.ts';
import { managedPolicy } from './managed-policy.ts';
import { policy } from './policy.ts';
import { role } from './role.ts';
import { group, user } from './user-group.ts';

/** The CloudFormation resource types of IAM. */
const types: ResourceTypes = {
  'AWS::IAM::Role': role,
  'AWS::IAM::User': user,
  'AWS::IAM::Group': group,
  'AWS::IAM::Policy': policy,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::InstanceProfile': instanceProfile,
};

export default types;
