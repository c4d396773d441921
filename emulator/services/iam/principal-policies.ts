import { parseArn } from '../../core/arn.ts';
import { parseCached, type PolicySource, type PrincipalPolicies } from '../../core/policy/index.ts';
import { defaultDocument, findPolicy } from './entities.ts';
import type { IamState, PolicyHolder } from './state.ts';

/** Identity policies are reported by the simulator as "IAM Policy", named by policy name. */
const IDENTITY_POLICY = 'IAM Policy';

function managedSource(state: IamState, arn: string): PolicySource | undefined {
  const policy = findPolicy(state, arn);
  return policy ? { id: policy.name, type: IDENTITY_POLICY, policy: parseCached(defaultDocument(policy)) } : undefined;
}

/** A holder's inline policies, then its attached managed policies. */
export function holderSources(state: IamState, holder: PolicyHolder): PolicySource[] {
  const sources: PolicySource[] = [];
  for (const [name, text] of holder.inline) sources.push({ id: name, type: IDENTITY_POLICY, policy: parseCached(text) });
  for (const arn of holder.attached.keys()) {
    const source = managedSource(state, arn);
    if (source) sources.push(source);
  }
  return sources;
}

/**
 * The password policy's AllowUsersToChangePassword lets every IAM user change its own password and read the policy
 * (IAM User Guide, "Setting an account password policy"); ChangePassword acts only on the caller.
 */
const OWN_PASSWORD: PolicySource = {
  id: 'AllowUsersToChangePassword',
  type: IDENTITY_POLICY,
  policy: parseCached(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetAccountPasswordPolicy'], Resource: '*' }] })),
};

function tagMap(tags: Array<{ Key?: string; Value?: string }>): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.Key!, t.Value ?? '']));
}

/**
 * The policies that govern a principal of this account: an IAM user's own and its groups' policies, or the role's of
 * an assumed-role session, with the permissions boundary and principal tags. Undefined for principals IAM does not
 * know (the account root, deleted users or roles).
 */
export function principalPolicies(state: IamState, principalArn: string): PrincipalPolicies | undefined {
  let cache = caches.get(state);
  if (!cache || cache.revision !== state.revision) {
    cache = { revision: state.revision, byArn: new Map() };
    caches.set(state, cache);
  }
  if (cache.byArn.has(principalArn)) return cache.byArn.get(principalArn);
  const policies = collect(state, principalArn);
  cache.byArn.set(principalArn, policies);
  return policies;
}

/** Policy sets per principal, valid while the account's IAM state keeps its revision (enforcement asks per request). */
const caches = new WeakMap<IamState, { revision: number; byArn: Map<string, PrincipalPolicies | undefined> }>();

function collect(state: IamState, principalArn: string): PrincipalPolicies | undefined {
  const arn = parseArn(principalArn);
  if (!arn) return undefined;
  const [kind, ...rest] = arn.resource.split('/');
  if (arn.service === 'iam' && kind === 'user') {
    const user = state.users.get(rest[rest.length - 1].toLowerCase());
    if (!user || user.arn !== principalArn) return undefined;
    const identity = holderSources(state, user);
    for (const group of user.groups) identity.push(...holderSources(state, state.groups.get(group)!));
    if (state.passwordPolicy?.AllowUsersToChangePassword) identity.push(OWN_PASSWORD);
    return {
      identity,
      boundary: user.boundary ? managedSource(state, user.boundary) : undefined,
      tags: tagMap(user.tags),
      principalType: 'User',
      userName: user.name,
    };
  }
  if (arn.service === 'sts' && kind === 'assumed-role') {
    const role = state.roles.get(rest[0].toLowerCase());
    if (!role) return undefined;
    return {
      identity: holderSources(state, role),
      boundary: role.boundary ? managedSource(state, role.boundary) : undefined,
      tags: tagMap(role.tags),
      principalType: 'AssumedRole',
      roleArn: role.arn,
    };
  }
  return undefined;
}
