import type {
  CreateAccountAliasCommandInput,
  DeleteAccountAliasCommandInput,
  ListAccountAliasesCommandInput,
  SetSecurityTokenServicePreferencesCommandInput,
  UpdateAccountPasswordPolicyCommandInput,
} from '@aws-sdk/client-iam';
import type { IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { paginate } from '../paging.ts';
import type { PasswordPolicy } from '../state.ts';

/** An account has one alias: creating another replaces it. */
export function createAccountAlias(input: CreateAccountAliasCommandInput, ctx: IamContext) {
  ctx.state.accountAliases = [input.AccountAlias!];
  return {};
}

export function deleteAccountAlias(input: DeleteAccountAliasCommandInput, ctx: IamContext) {
  if (!ctx.state.accountAliases.includes(input.AccountAlias!)) throw IamErrors.noSuchEntity(`The account alias ${input.AccountAlias} cannot be found.`);
  ctx.state.accountAliases = [];
  return {};
}

export function listAccountAliases(input: ListAccountAliasesCommandInput, ctx: IamContext) {
  const page = paginate(ctx.state.accountAliases, input);
  return { AccountAliases: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
}

/** No partial updates: every member left out goes back to its default (minimum length 6, nothing required). */
export function updateAccountPasswordPolicy(input: UpdateAccountPasswordPolicyCommandInput, ctx: IamContext) {
  ctx.state.passwordPolicy = {
    MinimumPasswordLength: input.MinimumPasswordLength ?? 6,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
    ExpirePasswords: Boolean(input.MaxPasswordAge),
    MaxPasswordAge: input.MaxPasswordAge,
    PasswordReusePrevention: input.PasswordReusePrevention,
    HardExpiry: input.HardExpiry,
  };
  return {};
}

function requirePasswordPolicy(ctx: IamContext): PasswordPolicy {
  const policy = ctx.state.passwordPolicy;
  if (!policy) throw IamErrors.noSuchEntity(`The Password Policy with domain name ${ctx.state.accountId} cannot be found.`);
  return policy;
}

export function getAccountPasswordPolicy(_input: object, ctx: IamContext) {
  return { PasswordPolicy: { ...requirePasswordPolicy(ctx) } };
}

export function deleteAccountPasswordPolicy(_input: object, ctx: IamContext) {
  requirePasswordPolicy(ctx);
  ctx.state.passwordPolicy = undefined;
  return {};
}

/** Whether a password meets the account's policy (CreateLoginProfile, UpdateLoginProfile). */
export function checkPassword(ctx: IamContext, password: string): void {
  const policy = ctx.state.passwordPolicy;
  const rules: Array<[boolean | undefined, RegExp]> = [
    [policy?.RequireSymbols, /[!@#$%^&*()_+\-=[\]{}|']/],
    [policy?.RequireNumbers, /[0-9]/],
    [policy?.RequireUppercaseCharacters, /[A-Z]/],
    [policy?.RequireLowercaseCharacters, /[a-z]/],
  ];
  const tooShort = password.length < (policy?.MinimumPasswordLength ?? 6);
  if (tooShort || rules.some(([required, pattern]) => required && !pattern.test(password))) {
    throw IamErrors.passwordPolicyViolation('Password does not conform to the account password policy.');
  }
}

/** IAM's default quotas, as GetAccountSummary reports them (IAM and STS quotas, IAM User Guide). */
const QUOTAS = {
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  PoliciesQuota: 1500,
  InstanceProfilesQuota: 1000,
  ServerCertificatesQuota: 20,
  GroupsPerUserQuota: 10,
  AccessKeysPerUserQuota: 2,
  SigningCertificatesPerUserQuota: 2,
  AttachedPoliciesPerUserQuota: 10,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  RolePolicySizeQuota: 10240,
  AssumeRolePolicySizeQuota: 2048,
  PolicySizeQuota: 6144,
  VersionsPerPolicyQuota: 5,
  PolicyVersionsInUseQuota: 10000,
};

/** Entity counts of the account with IAM's quotas. The root user's own credentials are not modelled: they count as absent. */
export function getAccountSummary(_input: object, ctx: IamContext) {
  const { state } = ctx;
  const devices = [...state.mfaDevices.values()];
  return {
    SummaryMap: {
      ...QUOTAS,
      Users: state.users.size,
      Groups: state.groups.size,
      Roles: state.roles.size,
      Policies: state.policies.size,
      PolicyVersionsInUse: [...state.policies.values()].reduce((n, p) => n + p.versions.size, 0),
      InstanceProfiles: state.instanceProfiles.size,
      ServerCertificates: state.serverCertificates.size,
      Providers: state.oidcProviders.size + state.samlProviders.size,
      MFADevices: devices.length,
      MFADevicesInUse: devices.filter((d) => d.user).length,
      AccountMFAEnabled: 0,
      AccountAccessKeysPresent: 0,
      AccountSigningCertificatesPresent: 0,
      GlobalEndpointTokenVersion: state.globalEndpointTokenVersion === 'v2Token' ? 2 : 1,
    },
  };
}

/** Which tokens the global STS endpoint issues (v1Token: valid in default regions only; v2Token: in all), as GetAccountSummary reports it. */
export function setSecurityTokenServicePreferences(input: SetSecurityTokenServicePreferencesCommandInput, ctx: IamContext) {
  ctx.state.globalEndpointTokenVersion = input.GlobalEndpointTokenVersion;
  return {};
}
