import type { ListEntitiesForPolicyCommandInput } from '@aws-sdk/client-iam';
import type { Handler } from '../../../core/service.ts';
import { requireAttachablePolicy, requirePolicy, usageOf, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { HOLDER_KINDS, requireHolder, type HolderKind } from '../holders.ts';
import { compareNames, paginate } from '../paging.ts';

/** IAM's default quota of managed policies attached to one user, group or role. */
const MAX_ATTACHED = 10;

interface AttachInput {
  UserName?: string;
  GroupName?: string;
  RoleName?: string;
  PolicyArn?: string;
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
}

/** Attach/Detach<Kind>Policy and ListAttached<Kind>Policies, alike for users, groups and roles. */
function attachmentOperations(kind: HolderKind): Record<string, Handler> {
  const { nameMember, title } = HOLDER_KINDS[kind];
  return {
    [`Attach${title}Policy`]: (input: AttachInput, ctx: IamContext) => {
      const holder = requireHolder(ctx.state, kind, input[nameMember]!);
      const policy = requireAttachablePolicy(ctx.state, input.PolicyArn!);
      if (holder.attached.has(policy.arn)) return {};
      if (holder.attached.size >= MAX_ATTACHED) throw IamErrors.limitExceeded(`Cannot exceed quota for PoliciesPer${title}: ${MAX_ATTACHED}`);
      holder.attached.set(policy.arn, policy.name);
      usageOf(ctx.state, policy.arn).attachments++;
      return {};
    },
    [`Detach${title}Policy`]: (input: AttachInput, ctx: IamContext) => {
      const holder = requireHolder(ctx.state, kind, input[nameMember]!);
      requirePolicy(ctx.state, input.PolicyArn!);
      if (!holder.attached.delete(input.PolicyArn!)) throw IamErrors.noSuchEntity(`Policy ${input.PolicyArn} was not found.`);
      usageOf(ctx.state, input.PolicyArn!).attachments--;
      return {};
    },
    [`ListAttached${title}Policies`]: (input: AttachInput, ctx: IamContext) => {
      const holder = requireHolder(ctx.state, kind, input[nameMember]!);
      const prefix = input.PathPrefix ?? '/';
      const attached = [...holder.attached]
        .filter(([arn]) => policyPath(arn).startsWith(prefix))
        .map(([arn, name]) => ({ PolicyName: name, PolicyArn: arn }));
      const page = paginate(attached, input);
      return { AttachedPolicies: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
  };
}

/** The path of a policy ARN (`/service-role/` for `...:policy/service-role/X`). */
function policyPath(arn: string): string {
  const resource = arn.slice(arn.indexOf(':policy/') + ':policy'.length);
  return resource.slice(0, resource.lastIndexOf('/') + 1);
}

export const policyAttachmentOperations: Record<string, Handler> = {
  ...attachmentOperations('user'),
  ...attachmentOperations('group'),
  ...attachmentOperations('role'),
};

/** Users, groups and roles a managed policy is attached to (or whose boundary it is, with that filter). */
export function listEntitiesForPolicy(input: ListEntitiesForPolicyCommandInput, ctx: IamContext) {
  const policy = requirePolicy(ctx.state, input.PolicyArn!);
  const usage = input.PolicyUsageFilter ?? 'PermissionsPolicy';
  const filter = input.EntityFilter;
  const prefix = input.PathPrefix ?? '/';
  const uses = (holder: { attached: Map<string, string>; boundary?: string; path: string }) =>
    holder.path.startsWith(prefix) && (usage === 'PermissionsBoundary' ? holder.boundary === policy.arn : holder.attached.has(policy.arn));
  const pick = <T extends { name: string; id: string }>(kinds: string[], items: Iterable<T>) =>
    !filter || kinds.includes(filter) ? [...items].sort((a, b) => compareNames(a.name, b.name)) : [];
  const users = pick(['User'], [...ctx.state.users.values()].filter(uses));
  const roles = pick(['Role'], [...ctx.state.roles.values()].filter(uses));
  const groups = usage === 'PermissionsBoundary' ? [] : pick(['Group'], [...ctx.state.groups.values()].filter(uses));
  const page = paginate(
    [
      ...groups.map((g) => ({ kind: 'group' as const, name: g.name, id: g.id })),
      ...users.map((u) => ({ kind: 'user' as const, name: u.name, id: u.id })),
      ...roles.map((r) => ({ kind: 'role' as const, name: r.name, id: r.id })),
    ],
    input,
  );
  return {
    PolicyGroups: page.items.filter((e) => e.kind === 'group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
    PolicyUsers: page.items.filter((e) => e.kind === 'user').map((e) => ({ UserName: e.name, UserId: e.id })),
    PolicyRoles: page.items.filter((e) => e.kind === 'role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}
