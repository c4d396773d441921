import { jsonText, type Properties, type ResourceRequest } from '../../cloudformation/provider.ts';

/** The IAM identities a template attaches policies to, and the operations each kind uses. */
export type Kind = 'Role' | 'User' | 'Group';

interface InlinePolicy {
  PolicyName: string;
  PolicyDocument: unknown;
}

/** Brings an identity's inline policies (`Policies`) from `before` to `after`: removed ones deleted, others put. */
export async function syncInlinePolicies(request: ResourceRequest, kind: Kind, name: string, before: Properties, after: Properties): Promise<void> {
  const wanted = (after.Policies ?? []) as InlinePolicy[];
  for (const old of (before.Policies ?? []) as InlinePolicy[]) {
    if (!wanted.some((p) => p.PolicyName === old.PolicyName)) await request.call('iam', `Delete${kind}Policy`, { [`${kind}Name`]: name, PolicyName: old.PolicyName });
  }
  for (const policy of wanted) {
    const old = ((before.Policies ?? []) as InlinePolicy[]).find((p) => p.PolicyName === policy.PolicyName);
    if (old && JSON.stringify(old.PolicyDocument) === JSON.stringify(policy.PolicyDocument)) continue;
    await request.call('iam', `Put${kind}Policy`, { [`${kind}Name`]: name, PolicyName: policy.PolicyName, PolicyDocument: policyText(policy.PolicyDocument) });
  }
}

/** Brings an identity's attached managed policies (`ManagedPolicyArns`) from `before` to `after`. */
export async function syncManagedPolicies(request: ResourceRequest, kind: Kind, name: string, before: string[] = [], after: string[] = []): Promise<void> {
  for (const arn of before) if (!after.includes(arn)) await request.call('iam', `Detach${kind}Policy`, { [`${kind}Name`]: name, PolicyArn: arn });
  for (const arn of after) if (!before.includes(arn)) await request.call('iam', `Attach${kind}Policy`, { [`${kind}Name`]: name, PolicyArn: arn });
}

/** Removes what the template gave an identity (inline and managed policies), before the identity is deleted. */
export async function detachAll(request: ResourceRequest & { properties: Properties }, kind: Kind, name: string): Promise<void> {
  await syncInlinePolicies(request, kind, name, request.properties, {}).catch(() => undefined);
  await syncManagedPolicies(request, kind, name, request.properties.ManagedPolicyArns, []).catch(() => undefined);
}

/** The identities of each kind a policy resource names (`Roles`, `Users`, `Groups`). */
export function targets(properties: Properties): [Kind, string][] {
  return [
    ...((properties.Roles ?? []) as string[]).map((n): [Kind, string] => ['Role', n]),
    ...((properties.Users ?? []) as string[]).map((n): [Kind, string] => ['User', n]),
    ...((properties.Groups ?? []) as string[]).map((n): [Kind, string] => ['Group', n]),
  ];
}

/**
 * A policy document as IAM takes it. Templates often leave `Version` out (CDK's bootstrap template does) and deploy on
 * AWS, while IAM's API refuses such documents: the resource handlers give them the current version.
 */
export function policyText(document: unknown): string | undefined {
  if (document && typeof document === 'object' && !Array.isArray(document) && !('Version' in document)) return JSON.stringify({ Version: '2012-10-17', ...document });
  return jsonText(document);
}
