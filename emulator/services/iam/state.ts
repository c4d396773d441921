import type { Tag } from '@aws-sdk/client-iam';

/** What users, groups and roles share: inline policies by name and attached managed policies by ARN. */
export interface PolicyHolder {
  kind: 'user' | 'group' | 'role';
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: Date;
  /** Inline policies: name -> the document as the client sent it. */
  inline: Map<string, string>;
  /** Attached managed policies: ARN -> policy name, in attachment order. */
  attached: Map<string, string>;
}

export interface User extends PolicyHolder {
  kind: 'user';
  tags: Tag[];
  boundary?: string;
  /** Lower-case names of the groups the user is in. */
  groups: Set<string>;
  /** The console password (only whether one exists and when it was set: IAM never returns it). */
  loginProfile?: LoginProfile;
  /** SSH public keys (CodeCommit), by key id. */
  sshKeys: Map<string, SshPublicKey>;
  /** X.509 signing certificates, by certificate id. */
  signingCertificates: Map<string, SigningCertificate>;
  /** Serial numbers of the MFA devices enabled for the user. */
  mfaDevices: Set<string>;
  /** Service-specific credentials (CodeCommit, Keyspaces...), by credential id. */
  serviceCredentials: Map<string, ServiceCredential>;
}

export type CredentialStatus = 'Active' | 'Inactive';

export interface SshPublicKey {
  id: string;
  body: string;
  fingerprint: string;
  status: CredentialStatus;
  uploadDate: Date;
}

export interface SigningCertificate {
  id: string;
  body: string;
  status: CredentialStatus;
  uploadDate: Date;
}

export interface ServiceCredential {
  id: string;
  serviceName: string;
  serviceUserName: string;
  password: string;
  status: CredentialStatus;
  createDate: Date;
}

export interface VirtualMfaDevice {
  serialNumber: string;
  /** The TOTP secret (20 random bytes), base32 as IAM hands it out. */
  seed: Buffer;
  createDate: Date;
  /** Set once the device is enabled for a user. */
  user?: { name: string; enableDate: Date };
  tags: Tag[];
}

export interface ServerCertificate {
  name: string;
  id: string;
  path: string;
  arn: string;
  body: string;
  chain?: string;
  uploadDate: Date;
  expiration: Date;
  tags: Tag[];
}

export interface OidcProvider {
  arn: string;
  url: string;
  clientIds: string[];
  thumbprints: string[];
  createDate: Date;
  tags: Tag[];
}

export interface SamlProvider {
  arn: string;
  name: string;
  metadata: string;
  createDate: Date;
  validUntil?: Date;
  tags: Tag[];
}

export interface Group extends PolicyHolder {
  kind: 'group';
  /** Lower-case names of the member users, in the order they were added. */
  members: Set<string>;
}

export interface Role extends PolicyHolder {
  kind: 'role';
  trustPolicy: string;
  description?: string;
  maxSessionDuration: number;
  boundary?: string;
  tags: Tag[];
  lastUsed?: { date: Date; region: string };
}

export interface PolicyVersion {
  id: string;
  document: string;
  createDate: Date;
}

export interface ManagedPolicy {
  name: string;
  id: string;
  path: string;
  arn: string;
  description?: string;
  createDate: Date;
  updateDate: Date;
  versions: Map<string, PolicyVersion>;
  defaultVersionId: string;
  /** The number the next version gets (AWS never reuses version ids). */
  nextVersion: number;
  tags: Tag[];
}

/** How often a managed policy (customer or AWS managed) is used in this account. */
export interface PolicyUsage {
  attachments: number;
  boundaries: number;
}

export interface InstanceProfile {
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: Date;
  /** Lower-case role names (AWS allows one role per profile). */
  roles: string[];
  tags: Tag[];
}

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  userName: string;
  status: 'Active' | 'Inactive' | 'Expired';
  createDate: Date;
  lastUsed?: { date: Date; service: string; region: string };
}

export interface PasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  ExpirePasswords: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/** A console password: when it was set and, for ChangePassword and PasswordReusePrevention, salted hashes of it and its predecessors (newest last). */
export interface LoginProfile {
  createDate: Date;
  passwordResetRequired: boolean;
  passwordHashes?: string[];
}

/** What IAM saw an entity (a user, or a role through its sessions) do in one service: the last attempt, and per action. */
export interface ServiceAccess {
  name: string;
  date: Date;
  region: string;
  actions: Map<string, { date: Date; region: string }>;
}

/** One service of a service last accessed report, as the report was generated. */
export interface ReportedService {
  namespace: string;
  name: string;
  /** Per entity in scope (ARN): its last attempt, if any. */
  entities: Array<{ arn: string; access?: ServiceAccess }>;
}

export interface AccessReport {
  arn: string;
  granularity: 'SERVICE_LEVEL' | 'ACTION_LEVEL';
  createdAt: Date;
  services: ReportedService[];
}

/** A partner's request for temporary access to a customer account (IAM temporary delegation). */
export interface DelegationRequest {
  id: string;
  requestorAccount: string;
  ownerAccount?: string;
  ownerId?: string;
  approverId?: string;
  description: string;
  requestMessage?: string;
  permissions: { PolicyTemplateArn?: string; Parameters?: Array<{ Name?: string; Values?: string[]; Type?: string }> };
  workflowId: string;
  redirectUrl?: string;
  notificationChannel: string;
  sessionDuration: number;
  onlySendByOwner: boolean;
  state: 'UNASSIGNED' | 'ASSIGNED' | 'PENDING_APPROVAL' | 'ACCEPTED' | 'FINALIZED' | 'REJECTED' | 'EXPIRED';
  notes?: string;
  rejectionReason?: string;
  createDate: Date;
  updatedTime: Date;
}

/**
 * IAM state of one account (IAM is global). Entity names are unique regardless of case, as in IAM, so maps are keyed
 * by the lower-case name; customer managed policies are keyed by ARN (names are unique per account, paths aside).
 */
export interface IamState {
  accountId: string;
  users: Map<string, User>;
  groups: Map<string, Group>;
  roles: Map<string, Role>;
  policies: Map<string, ManagedPolicy>;
  usage: Map<string, PolicyUsage>;
  instanceProfiles: Map<string, InstanceProfile>;
  accessKeys: Map<string, AccessKey>;
  /** Virtual MFA devices by serial number (their ARN). */
  mfaDevices: Map<string, VirtualMfaDevice>;
  /** Server certificates by lower-case name. */
  serverCertificates: Map<string, ServerCertificate>;
  oidcProviders: Map<string, OidcProvider>;
  samlProviders: Map<string, SamlProvider>;
  /** IAM allows one alias per account. */
  accountAliases: string[];
  passwordPolicy?: PasswordPolicy;
  credentialReport?: { generatedAt: Date; csv: string };
  /** Service-linked role deletion tasks, by task id. */
  roleDeletions: Map<string, 'SUCCEEDED' | 'FAILED'>;
  /** Service last accessed reports, by job id. */
  accessReports: Map<string, AccessReport>;
  /** SetSecurityTokenServicePreferences (absent: v1Token, AWS's default). */
  globalEndpointTokenVersion?: 'v1Token' | 'v2Token';
  /** What each user and role (by ARN) was seen doing, per service namespace, while policies were enforced. */
  accessLog?: Map<string, Map<string, ServiceAccess>>;
  /** Organizations access report jobs, by job id (they fail: no account is in an organization here). */
  organizationsReports?: Map<string, { entityPath: string; createdAt: Date }>;
  /** Delegation requests this account made as a partner, by id (the id names the account: `<account>-<uuid>`). */
  delegationRequests?: Map<string, DelegationRequest>;
  /** Outbound identity federation (STS GetWebIdentityToken): its issuer URL, made when first enabled, and whether it is on. */
  outboundFederation?: { issuer: string; enabled: boolean };
  /** Bumped by every operation that may change something, so per-principal policy sets can be cached. */
  revision: number;
}

export function createIamState(accountId: string): IamState {
  return {
    accountId,
    users: new Map(),
    groups: new Map(),
    roles: new Map(),
    policies: new Map(),
    usage: new Map(),
    instanceProfiles: new Map(),
    accessKeys: new Map(),
    mfaDevices: new Map(),
    serverCertificates: new Map(),
    oidcProviders: new Map(),
    samlProviders: new Map(),
    accountAliases: [],
    roleDeletions: new Map(),
    accessReports: new Map(),
    revision: 0,
  };
}
