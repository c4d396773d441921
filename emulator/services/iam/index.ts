import { AwsError } from '../../core/errors.ts';
import { withQueryValidation } from '../../core/query-validation.ts';
import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { createAccessKey, deleteAccessKey, getAccessKeyLastUsed, listAccessKeys, registerActiveKeys, updateAccessKey } from './operations/access-keys.ts';
import { listEntitiesForPolicy, policyAttachmentOperations } from './operations/attachments.ts';
import { permissionsBoundaryOperations } from './operations/boundaries.ts';
import { addUserToGroup, createGroup, deleteGroup, getGroup, listGroups, listGroupsForUser, removeUserFromGroup, updateGroup } from './operations/groups.ts';
import { inlinePolicyOperations } from './operations/inline-policies.ts';
import {
  addRoleToInstanceProfile,
  createInstanceProfile,
  deleteInstanceProfile,
  getInstanceProfile,
  listInstanceProfiles,
  listInstanceProfilesForRole,
  removeRoleFromInstanceProfile,
} from './operations/instance-profiles.ts';
import { createPolicy, deletePolicy, getPolicy, listPolicies } from './operations/managed-policies.ts';
import { createPolicyVersion, deletePolicyVersion, getPolicyVersion, listPolicyVersions, setDefaultPolicyVersion } from './operations/policy-versions.ts';
import { createRole, deleteRole, getRole, listRoles, updateAssumeRolePolicy, updateRole, updateRoleDescription } from './operations/roles.ts';
import { simulateCustomPolicy, simulatePrincipalPolicy } from './operations/simulate.ts';
import { entityTagOperations } from './operations/tags.ts';
import { createUser, deleteUser, getUser, listUsers, updateUser } from './operations/users.ts';
import {
  createAccountAlias,
  deleteAccountAlias,
  deleteAccountPasswordPolicy,
  getAccountPasswordPolicy,
  getAccountSummary,
  listAccountAliases,
  setSecurityTokenServicePreferences,
  updateAccountPasswordPolicy,
} from './operations/account.ts';
import { getAccountAuthorizationDetails } from './operations/authorization-details.ts';
import { getContextKeysForCustomPolicy, getContextKeysForPrincipalPolicy } from './operations/context-keys.ts';
import { generateCredentialReport, getCredentialReport } from './operations/credential-report.ts';
import {
  addClientIDToOpenIDConnectProvider,
  createOpenIDConnectProvider,
  createSAMLProvider,
  deleteOpenIDConnectProvider,
  deleteSAMLProvider,
  getOpenIDConnectProvider,
  getSAMLProvider,
  listOpenIDConnectProviders,
  listSAMLProviders,
  removeClientIDFromOpenIDConnectProvider,
  updateOpenIDConnectProviderThumbprint,
  updateSAMLProvider,
} from './operations/identity-providers.ts';
import { changePassword, createLoginProfile, deleteLoginProfile, getLoginProfile, updateLoginProfile } from './operations/login-profiles.ts';
import {
  createVirtualMFADevice,
  deactivateMFADevice,
  deleteVirtualMFADevice,
  enableMFADevice,
  getMFADevice,
  listMFADevices,
  listVirtualMFADevices,
  resyncMFADevice,
} from './operations/mfa-devices.ts';
import {
  deleteServerCertificate,
  getServerCertificate,
  listServerCertificates,
  updateServerCertificate,
  uploadServerCertificate,
} from './operations/server-certificates.ts';
import {
  createServiceSpecificCredential,
  deleteServiceSpecificCredential,
  listServiceSpecificCredentials,
  resetServiceSpecificCredential,
  updateServiceSpecificCredential,
} from './operations/service-credentials.ts';
import { createServiceLinkedRole, deleteServiceLinkedRole, getServiceLinkedRoleDeletionStatus } from './operations/service-linked-roles.ts';
import { deleteSigningCertificate, listSigningCertificates, updateSigningCertificate, uploadSigningCertificate } from './operations/signing-certificates.ts';
import { deleteSSHPublicKey, getSSHPublicKey, listSSHPublicKeys, updateSSHPublicKey, uploadSSHPublicKey } from './operations/ssh-keys.ts';
import {
  disableOutboundWebIdentityFederation,
  enableOutboundWebIdentityFederation,
  getOutboundWebIdentityFederationInfo,
} from './operations/outbound-federation.ts';
import { generateOrganizationsAccessReport, getOrganizationsAccessReport, organizationNotFound } from './operations/organizations.ts';
import {
  acceptDelegationRequest,
  associateDelegationRequest,
  createDelegationRequest,
  getDelegationRequest,
  getHumanReadableSummary,
  listDelegationRequests,
  rejectDelegationRequest,
  sendDelegationToken,
  updateDelegationRequest,
} from './operations/delegation-requests.ts';
import { principalPolicies } from './principal-policies.ts';
import { recordAccess } from './last-accessed.ts';
import {
  generateServiceLastAccessedDetails,
  getServiceLastAccessedDetails,
  getServiceLastAccessedDetailsWithEntities,
  listPoliciesGrantingServiceAccess,
} from './operations/service-last-accessed.ts';
import type { IamContext } from './entities.ts';
import { createIamState, type IamState } from './state.ts';

const model = loadModel('iam');

const operations: Record<string, Handler<IamState>> = {
  CreateUser: createUser,
  GetUser: getUser,
  ListUsers: listUsers,
  UpdateUser: updateUser,
  DeleteUser: deleteUser,
  CreateGroup: createGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  ListGroupsForUser: listGroupsForUser,
  UpdateGroup: updateGroup,
  DeleteGroup: deleteGroup,
  AddUserToGroup: addUserToGroup,
  RemoveUserFromGroup: removeUserFromGroup,
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  DeleteRole: deleteRole,
  CreatePolicy: createPolicy,
  GetPolicy: getPolicy,
  ListPolicies: listPolicies,
  DeletePolicy: deletePolicy,
  CreatePolicyVersion: createPolicyVersion,
  GetPolicyVersion: getPolicyVersion,
  ListPolicyVersions: listPolicyVersions,
  DeletePolicyVersion: deletePolicyVersion,
  SetDefaultPolicyVersion: setDefaultPolicyVersion,
  ListEntitiesForPolicy: listEntitiesForPolicy,
  CreateInstanceProfile: createInstanceProfile,
  GetInstanceProfile: getInstanceProfile,
  ListInstanceProfiles: listInstanceProfiles,
  ListInstanceProfilesForRole: listInstanceProfilesForRole,
  AddRoleToInstanceProfile: addRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
  DeleteInstanceProfile: deleteInstanceProfile,
  CreateAccessKey: createAccessKey,
  ListAccessKeys: listAccessKeys,
  UpdateAccessKey: updateAccessKey,
  DeleteAccessKey: deleteAccessKey,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  SimulatePrincipalPolicy: simulatePrincipalPolicy,
  SimulateCustomPolicy: simulateCustomPolicy,
  GetContextKeysForCustomPolicy: getContextKeysForCustomPolicy,
  GetContextKeysForPrincipalPolicy: getContextKeysForPrincipalPolicy,
  CreateServiceLinkedRole: createServiceLinkedRole,
  DeleteServiceLinkedRole: deleteServiceLinkedRole,
  GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
  CreateLoginProfile: createLoginProfile,
  GetLoginProfile: getLoginProfile,
  UpdateLoginProfile: updateLoginProfile,
  DeleteLoginProfile: deleteLoginProfile,
  CreateVirtualMFADevice: createVirtualMFADevice,
  EnableMFADevice: enableMFADevice,
  DeactivateMFADevice: deactivateMFADevice,
  ResyncMFADevice: resyncMFADevice,
  DeleteVirtualMFADevice: deleteVirtualMFADevice,
  GetMFADevice: getMFADevice,
  ListMFADevices: listMFADevices,
  ListVirtualMFADevices: listVirtualMFADevices,
  UploadSSHPublicKey: uploadSSHPublicKey,
  GetSSHPublicKey: getSSHPublicKey,
  ListSSHPublicKeys: listSSHPublicKeys,
  UpdateSSHPublicKey: updateSSHPublicKey,
  DeleteSSHPublicKey: deleteSSHPublicKey,
  UploadSigningCertificate: uploadSigningCertificate,
  ListSigningCertificates: listSigningCertificates,
  UpdateSigningCertificate: updateSigningCertificate,
  DeleteSigningCertificate: deleteSigningCertificate,
  CreateServiceSpecificCredential: createServiceSpecificCredential,
  ListServiceSpecificCredentials: listServiceSpecificCredentials,
  UpdateServiceSpecificCredential: updateServiceSpecificCredential,
  ResetServiceSpecificCredential: resetServiceSpecificCredential,
  DeleteServiceSpecificCredential: deleteServiceSpecificCredential,
  UploadServerCertificate: uploadServerCertificate,
  GetServerCertificate: getServerCertificate,
  ListServerCertificates: listServerCertificates,
  UpdateServerCertificate: updateServerCertificate,
  DeleteServerCertificate: deleteServerCertificate,
  CreateOpenIDConnectProvider: createOpenIDConnectProvider,
  GetOpenIDConnectProvider: getOpenIDConnectProvider,
  ListOpenIDConnectProviders: listOpenIDConnectProviders,
  DeleteOpenIDConnectProvider: deleteOpenIDConnectProvider,
  AddClientIDToOpenIDConnectProvider: addClientIDToOpenIDConnectProvider,
  RemoveClientIDFromOpenIDConnectProvider: removeClientIDFromOpenIDConnectProvider,
  UpdateOpenIDConnectProviderThumbprint: updateOpenIDConnectProviderThumbprint,
  CreateSAMLProvider: createSAMLProvider,
  GetSAMLProvider: getSAMLProvider,
  ListSAMLProviders: listSAMLProviders,
  UpdateSAMLProvider: updateSAMLProvider,
  DeleteSAMLProvider: deleteSAMLProvider,
  CreateAccountAlias: createAccountAlias,
  DeleteAccountAlias: deleteAccountAlias,
  ListAccountAliases: listAccountAliases,
  UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
  GetAccountSummary: getAccountSummary,
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  GenerateCredentialReport: generateCredentialReport,
  GenerateServiceLastAccessedDetails: generateServiceLastAccessedDetails,
  GetServiceLastAccessedDetails: getServiceLastAccessedDetails,
  GetServiceLastAccessedDetailsWithEntities: getServiceLastAccessedDetailsWithEntities,
  ListPoliciesGrantingServiceAccess: listPoliciesGrantingServiceAccess,
  SetSecurityTokenServicePreferences: setSecurityTokenServicePreferences,
  ChangePassword: changePassword,
  GetCredentialReport: getCredentialReport,
  EnableOutboundWebIdentityFederation: enableOutboundWebIdentityFederation,
  DisableOutboundWebIdentityFederation: disableOutboundWebIdentityFederation,
  GetOutboundWebIdentityFederationInfo: getOutboundWebIdentityFederationInfo,
  GenerateOrganizationsAccessReport: generateOrganizationsAccessReport,
  GetOrganizationsAccessReport: getOrganizationsAccessReport,
  ListOrganizationsFeatures: organizationNotFound,
  CreateDelegationRequest: createDelegationRequest,
  GetDelegationRequest: getDelegationRequest,
  ListDelegationRequests: listDelegationRequests,
  AssociateDelegationRequest: associateDelegationRequest,
  UpdateDelegationRequest: updateDelegationRequest,
  AcceptDelegationRequest: acceptDelegationRequest,
  RejectDelegationRequest: rejectDelegationRequest,
  SendDelegationToken: sendDelegationToken,
  GetHumanReadableSummary: getHumanReadableSummary,
  EnableOrganizationsRootCredentialsManagement: organizationNotFound,
  DisableOrganizationsRootCredentialsManagement: organizationNotFound,
  EnableOrganizationsRootSessions: organizationNotFound,
  DisableOrganizationsRootSessions: organizationNotFound,
  ...inlinePolicyOperations,
  ...policyAttachmentOperations,
  ...permissionsBoundaryOperations,
  ...entityTagOperations,
};

/**
 * Operations that change nothing; every other one bumps the state's revision (see principal-policies.ts) once it
 * succeeded: a rejected request changes nothing, its revision included.
 */
const READ_ONLY = /^(Get|List|Simulate)/;

function revisioned(handlers: Record<string, Handler<IamState>>): Record<string, Handler<IamState>> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      READ_ONLY.test(name)
        ? handler
        : async (input: unknown, ctx: IamContext) => {
            const output = await handler(input, ctx);
            ctx.state.revision++;
            return output;
          },
    ]),
  );
}

/**
 * IAM words constraint errors without the offending value or the enum's members ("Value at 'status' failed to satisfy
 * constraint: Member must satisfy enum value set"), as the AWS-recorded service-specific credential snapshots show.
 */
function iamValidationWording(handlers: Record<string, Handler<IamState>>): Record<string, Handler<IamState>> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (input: unknown, ctx: IamContext) => {
        try {
          return await handler(input, ctx);
        } catch (error) {
          if (error instanceof AwsError && error.code === 'ValidationError') {
            error.message = error.message.replace(/Value '(?:[^']|'(?! at '))*' at '/g, "Value at '").replace(/(enum value set): \[[^\]]*\]/g, '$1');
          }
          throw error;
        }
      },
    ]),
  );
}

const iam: ServiceDefinition<IamState> = {
  name: 'iam',
  model,
  // IAM is global: one state per account, whatever the region.
  global: true,
  createState: (accountId) => createIamState(accountId),
  validation: 'none',
  handlers: iamValidationWording(withQueryValidation(model, revisioned(operations))),
  principalPolicies,
  recordAccess,
  // Access keys act as their users through the emulator's credentials: registered again on restore, dropped on reset.
  disposeState(state, emulator) {
    for (const accessKeyId of state.accessKeys.keys()) emulator.credentials.forget(accessKeyId);
  },
  persistence: { revive: (state, emulator) => registerActiveKeys(state, emulator) },
};

export default iam;
