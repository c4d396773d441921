import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { accessKey } from './access-key.ts';
import { oidcProvider, samlProvider } from './identity-providers.ts';
import { inlinePolicy } from './inline-policy.ts';
import { instanceProfile } from './instance-profile.ts';
import { managedPolicy } from './managed-policy.ts';
import { policy } from './policy.ts';
import { role } from './role.ts';
import { serverCertificate } from './server-certificate.ts';
import { serviceLinkedRole } from './service-linked-role.ts';
import { group, user } from './user-group.ts';
import { userToGroupAddition } from './user-to-group-addition.ts';
import { virtualMfaDevice } from './virtual-mfa-device.ts';

/** The CloudFormation resource types of IAM. */
const types: ResourceTypes = {
  'AWS::IAM::Role': role,
  'AWS::IAM::User': user,
  'AWS::IAM::Group': group,
  'AWS::IAM::Policy': policy,
  'AWS::IAM::ManagedPolicy': managedPolicy,
  'AWS::IAM::InstanceProfile': instanceProfile,
  'AWS::IAM::AccessKey': accessKey,
  'AWS::IAM::UserToGroupAddition': userToGroupAddition,
  'AWS::IAM::RolePolicy': inlinePolicy('Role'),
  'AWS::IAM::GroupPolicy': inlinePolicy('Group'),
  'AWS::IAM::UserPolicy': inlinePolicy('User'),
  'AWS::IAM::OIDCProvider': oidcProvider,
  'AWS::IAM::SAMLProvider': samlProvider,
  'AWS::IAM::ServiceLinkedRole': serviceLinkedRole,
  'AWS::IAM::ServerCertificate': serverCertificate,
  'AWS::IAM::VirtualMFADevice': virtualMfaDevice,
};

export default types;
