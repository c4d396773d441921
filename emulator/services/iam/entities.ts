import type { AttachedPermissionsBoundary, Tag } from '@aws-sdk/client-iam';
import { buildArn, parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { awsManagedPolicy, awsManagedPolicyId } from './aws-managed-policies.ts';
import { IamErrors } from './errors.ts';
import type { Group, IamState, InstanceProfile, ManagedPolicy, PolicyUsage, Role, User } from './state.ts';

export type IamContext = RequestContext<IamState>;

/** An IAM ARN in the partition of the request's region: `arn:<partition>:iam::<account>:<resource>`. */
export function iamArn(ctx: IamContext, resource: string): string {
  return buildArn({ service: 'iam', region: '', accountId: ctx.state.accountId, resource, partitionRegion: ctx.region });
}

export function requireUser(state: IamState, name: string): User {
  const user = state.users.get(name.toLowerCase());
  if (!user) throw IamErrors.noSuchEntity(`The user with name ${name} cannot be found.`);
  return user;
}

export function requireGroup(state: IamState, name: string): Group {
  const group = state.groups.get(name.toLowerCase());
  if (!group) throw IamErrors.noSuchEntity(`The group with name ${name} cannot be found.`);
  return group;
}

export function requireRole(state: IamState, name: string): Role {
  const role = state.roles.get(name.toLowerCase());
  if (!role) throw IamErrors.noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

export function requireInstanceProfile(state: IamState, name: string): InstanceProfile {
  const profile = state.instanceProfiles.get(name.toLowerCase());
  if (!profile) throw IamErrors.noSuchEntity(`Instance Profile ${name} cannot be found.`);
  return profile;
}

const awsPolicies = new Map<string, ManagedPolicy>();

/** The AWS managed policy an ARN names, as a (read-only) managed policy. */
function awsPolicyFor(arn: string, resource: string): ManagedPolicy | undefined {
  let policy = awsPolicies.get(arn);
  if (policy) return policy;
  const entry = awsManagedPolicy(resource);
  if (!entry) return undefined;
  const created = new Date(entry.createDate);
  const updated = new Date(entry.updateDate);
  policy = {
    name: entry.name,
    id: awsManagedPolicyId(entry),
    path: entry.path,
    arn,
    description: entry.description,
    createDate: created,
    updateDate: updated,
    versions: new Map([[entry.defaultVersionId, { id: entry.defaultVersionId, document: typeof entry.document === 'string' ? entry.document : JSON.stringify(entry.document), createDate: updated }]]),
    defaultVersionId: entry.defaultVersionId,
    nextVersion: Number(entry.defaultVersionId.slice(1)) + 1,
    tags: [],
  };
  awsPolicies.set(arn, policy);
  return policy;
}

/** Checks a policy ARN's form: IAM answers "Invalid ARN" for anything else (a bare name, say). */
export function checkPolicyArn(arn: string): void {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'iam' || !parts.resource.startsWith('policy/')) throw IamErrors.invalidArn();
}

/** A customer managed policy of this account or an AWS managed policy, by ARN. */
export function findPolicy(state: IamState, arn: string): ManagedPolicy | undefined {
  const parts = parseArn(arn);
  if (!parts || parts.service !== 'iam') return undefined;
  if (parts.accountId === 'aws') return awsPolicyFor(arn, parts.resource);
  return parts.accountId === state.accountId ? state.policies.get(arn) : undefined;
}

/** For GetPolicy, DeletePolicy, versions: "Policy <arn> was not found." */
export function requirePolicy(state: IamState, arn: string): ManagedPolicy {
  checkPolicyArn(arn);
  const policy = findPolicy(state, arn);
  if (!policy) throw IamErrors.noSuchEntity(`Policy ${arn} was not found.`);
  return policy;
}

/** For attachments and boundaries: "Policy <arn> does not exist or is not attachable." */
export function requireAttachablePolicy(state: IamState, arn: string): ManagedPolicy {
  checkPolicyArn(arn);
  const policy = findPolicy(state, arn);
  if (!policy) throw IamErrors.noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

export function isAwsManaged(policy: ManagedPolicy): boolean {
  return parseArn(policy.arn)?.accountId === 'aws';
}

export function usageOf(state: IamState, arn: string): PolicyUsage {
  let usage = state.usage.get(arn);
  if (!usage) {
    usage = { attachments: 0, boundaries: 0 };
    state.usage.set(arn, usage);
  }
  return usage;
}

/** The document of a policy's default version. */
export function defaultDocument(policy: ManagedPolicy): string {
  return policy.versions.get(policy.defaultVersionId)!.document;
}

/** IAM returns policy documents URL-encoded (RFC 3986), as the client sent them. */
export function encodedDocument(text: string): string {
  return encodeURIComponent(text);
}

export function tagsOrUndefined(tags: Tag[]): Tag[] | undefined {
  return tags.length ? tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined;
}

/**
 * A permissions boundary as IAM returns it. AWS answers `Policy` as its type (LocalStack's AWS-validated
 * test_create_user_with_permission_boundary asserts it), where the model's enum says `PermissionsBoundaryPolicy`.
 */
export function boundaryOutput(arn: string | undefined): AttachedPermissionsBoundary | undefined {
  return arn ? { PermissionsBoundaryType: 'Policy' as AttachedPermissionsBoundary['PermissionsBoundaryType'], PermissionsBoundaryArn: arn } : undefined;
}
