import type { AttachedPolicy, GetAccountAuthorizationDetailsCommandInput, PolicyDetail } from '@aws-sdk/client-iam';
import { boundaryOutput, encodedDocument, findPolicy, isAwsManaged, tagsOrUndefined, type IamContext } from '../entities.ts';
import { byPathPrefix, paginate } from '../paging.ts';
import type { PolicyHolder } from '../state.ts';
import { profileOutput } from './instance-profiles.ts';
import { policyOutput } from './managed-policies.ts';
import { roleOutput } from './roles.ts';

function inlineDetails(holder: PolicyHolder): PolicyDetail[] {
  return [...holder.inline].map(([name, document]) => ({ PolicyName: name, PolicyDocument: encodedDocument(document) }));
}

function attachedDetails(holder: PolicyHolder): AttachedPolicy[] {
  return [...holder.attached].map(([arn, name]) => ({ PolicyName: name, PolicyArn: arn }));
}

type Entry = { kind: 'User' | 'Group' | 'Role' | 'Policy'; detail: object };

/**
 * Every user, group, role and managed policy of the account with their policies (the customer managed ones, and the
 * AWS managed ones in use), filtered by entity type and paginated as one listing.
 */
export function getAccountAuthorizationDetails(input: GetAccountAuthorizationDetailsCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const wanted = new Set(input.Filter?.length ? input.Filter : ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy']);
  const entries: Entry[] = [];
  if (wanted.has('User')) {
    for (const user of byPathPrefix(state.users.values())) {
      entries.push({
        kind: 'User',
        detail: {
          Path: user.path,
          UserName: user.name,
          UserId: user.id,
          Arn: user.arn,
          CreateDate: user.createDate,
          UserPolicyList: inlineDetails(user),
          GroupList: [...user.groups].map((g) => state.groups.get(g)!.name),
          AttachedManagedPolicies: attachedDetails(user),
          PermissionsBoundary: boundaryOutput(user.boundary),
          Tags: tagsOrUndefined(user.tags),
        },
      });
    }
  }
  if (wanted.has('Group')) {
    for (const group of byPathPrefix(state.groups.values())) {
      entries.push({
        kind: 'Group',
        detail: {
          Path: group.path,
          GroupName: group.name,
          GroupId: group.id,
          Arn: group.arn,
          CreateDate: group.createDate,
          GroupPolicyList: inlineDetails(group),
          AttachedManagedPolicies: attachedDetails(group),
        },
      });
    }
  }
  if (wanted.has('Role')) {
    for (const role of byPathPrefix(state.roles.values())) {
      const key = role.name.toLowerCase();
      entries.push({
        kind: 'Role',
        detail: {
          ...roleOutput(role, 'get'),
          InstanceProfileList: [...state.instanceProfiles.values()].filter((p) => p.roles.includes(key)).map((p) => profileOutput(ctx, p, false)),
          RolePolicyList: inlineDetails(role),
          AttachedManagedPolicies: attachedDetails(role),
        },
      });
    }
  }
  const awsInUse = [...state.usage].filter(([, u]) => u.attachments + u.boundaries > 0).map(([arn]) => findPolicy(state, arn));
  const policies = [
    ...(wanted.has('LocalManagedPolicy') ? byPathPrefix(state.policies.values()) : []),
    ...(wanted.has('AWSManagedPolicy') ? awsInUse.filter((p) => p !== undefined && isAwsManaged(p)) : []),
  ];
  for (const policy of policies) {
    const { Tags: _tags, ...summary } = policyOutput(state, policy!, true);
    const versions = [...policy!.versions.values()].map((v) => ({
      Document: encodedDocument(v.document),
      VersionId: v.id,
      IsDefaultVersion: v.id === policy!.defaultVersionId,
      CreateDate: v.createDate,
    }));
    entries.push({ kind: 'Policy', detail: { ...summary, PolicyVersionList: versions } });
  }
  const page = paginate(entries, input);
  const of = (kind: Entry['kind']) => page.items.filter((e) => e.kind === kind).map((e) => e.detail);
  return {
    UserDetailList: of('User'),
    GroupDetailList: of('Group'),
    RoleDetailList: of('Role'),
    Policies: of('Policy'),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}
