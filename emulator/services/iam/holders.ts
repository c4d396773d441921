import { requireGroup, requireRole, requireUser } from './entities.ts';
import type { IamState, PolicyHolder } from './state.ts';

export type HolderKind = PolicyHolder['kind'];

/** How the operations of each kind of policy holder name it: `UserName` and `User` for users, and so on. */
export const HOLDER_KINDS: Record<HolderKind, { nameMember: 'UserName' | 'GroupName' | 'RoleName'; title: 'User' | 'Group' | 'Role' }> = {
  user: { nameMember: 'UserName', title: 'User' },
  group: { nameMember: 'GroupName', title: 'Group' },
  role: { nameMember: 'RoleName', title: 'Role' },
};

export function requireHolder(state: IamState, kind: HolderKind, name: string): PolicyHolder {
  if (kind === 'user') return requireUser(state, name);
  if (kind === 'group') return requireGroup(state, name);
  return requireRole(state, name);
}
