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
    revision: 0,
  };
}
