import type {
  CreatePolicyCommandInput,
  DeletePolicyCommandInput,
  GetPolicyCommandInput,
  ListPoliciesCommandInput,
  Policy as PolicyOutput,
} from '@aws-sdk/client-iam';
import { allAwsManagedPolicies } from '../aws-managed-policies.ts';
import { checkManagedSize, validateDocument } from '../documents.ts';
import { findPolicy, iamArn, isAwsManaged, requirePolicy, tagsOrUndefined, usageOf, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { compareNames, paginate } from '../paging.ts';
import type { IamState, ManagedPolicy } from '../state.ts';
import { copyTags } from '../tags.ts';
import { buildArn } from '../../../core/arn.ts';

/** A managed policy as IAM describes it: Get/Create with description and tags, List without. */
export function policyOutput(state: IamState, policy: ManagedPolicy, full: boolean): PolicyOutput {
  const usage = state.usage.get(policy.arn);
  return {
    PolicyName: policy.name,
    PolicyId: policy.id,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: usage?.attachments ?? 0,
    PermissionsBoundaryUsageCount: usage?.boundaries ?? 0,
    IsAttachable: true,
    Description: full ? policy.description : undefined,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    Tags: full ? tagsOrUndefined(policy.tags) : undefined,
  };
}

export function createPolicy(input: CreatePolicyCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const name = input.PolicyName!;
  const lower = name.toLowerCase();
  if ([...state.policies.values()].some((p) => p.name.toLowerCase() === lower)) {
    throw IamErrors.alreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
  }
  validateDocument(input.PolicyDocument!, 'identity');
  checkManagedSize(input.PolicyDocument!);
  const tags = copyTags(input.Tags);
  const path = input.Path ?? '/';
  const now = ctx.emulator.clock.date();
  const policy: ManagedPolicy = {
    name,
    id: IamIds.policy(),
    path,
    arn: iamArn(ctx, `policy${path}${name}`),
    description: input.Description,
    createDate: now,
    updateDate: now,
    versions: new Map([['v1', { id: 'v1', document: input.PolicyDocument!, createDate: now }]]),
    defaultVersionId: 'v1',
    nextVersion: 2,
    tags,
  };
  state.policies.set(policy.arn, policy);
  return { Policy: { ...policyOutput(state, policy, true), Description: undefined } };
}

export function getPolicy(input: GetPolicyCommandInput, ctx: IamContext) {
  const policy = requirePolicy(ctx.state, input.PolicyArn!);
  // GetPolicy lists the tags even when there are none (AWS's recording in LocalStack's resource provider
  // test_managed_policy_with_empty_resource), where CreatePolicy's answer leaves them out.
  return { Policy: { ...policyOutput(ctx.state, policy, true), Tags: policy.tags.map((t) => ({ Key: t.Key, Value: t.Value })) } };
}

/** Customer managed policies (Scope Local), the AWS managed catalog (Scope AWS), or both, ordered by name. */
export function listPolicies(input: ListPoliciesCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const scope = input.Scope ?? 'All';
  const candidates: ManagedPolicy[] = [];
  if (scope !== 'Local') {
    for (const entry of allAwsManagedPolicies()) {
      const arn = buildArn({ service: 'iam', region: '', accountId: 'aws', resource: `policy${entry.path}${entry.name}`, partitionRegion: ctx.region });
      candidates.push(findPolicy(state, arn)!);
    }
  }
  if (scope !== 'AWS') candidates.push(...state.policies.values());
  const prefix = input.PathPrefix ?? '/';
  const selected = candidates
    .filter((p) => p.path.startsWith(prefix))
    .filter((p) => {
      if (!input.OnlyAttached) return true;
      const usage = state.usage.get(p.arn) ?? { attachments: 0, boundaries: 0 };
      if (input.PolicyUsageFilter === 'PermissionsPolicy') return usage.attachments > 0;
      if (input.PolicyUsageFilter === 'PermissionsBoundary') return usage.boundaries > 0;
      return usage.attachments + usage.boundaries > 0;
    })
    .sort((a, b) => compareNames(a.name, b.name));
  const page = paginate(selected, input);
  return { Policies: page.items.map((p) => policyOutput(state, p, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function deletePolicy(input: DeletePolicyCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const policy = requirePolicy(state, input.PolicyArn!);
  if (isAwsManaged(policy)) throw IamErrors.invalidInput(`Policy ${policy.arn} is an AWS managed policy and cannot be deleted.`);
  const usage = usageOf(state, policy.arn);
  if (usage.attachments > 0 || usage.boundaries > 0) throw IamErrors.deleteConflict('Cannot delete a policy attached to entities.');
  if (policy.versions.size > 1) {
    throw IamErrors.deleteConflict(
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
  }
  state.policies.delete(policy.arn);
  state.usage.delete(policy.arn);
  return {};
}
