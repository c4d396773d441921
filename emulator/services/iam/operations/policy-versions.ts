import type {
  CreatePolicyVersionCommandInput,
  DeletePolicyVersionCommandInput,
  GetPolicyVersionCommandInput,
  ListPolicyVersionsCommandInput,
  SetDefaultPolicyVersionCommandInput,
} from '@aws-sdk/client-iam';
import { checkManagedSize, validateDocument } from '../documents.ts';
import { encodedDocument, isAwsManaged, requirePolicy, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { paginate } from '../paging.ts';
import type { ManagedPolicy, PolicyVersion } from '../state.ts';

const MAX_VERSIONS = 5;

function versionOutput(policy: ManagedPolicy, version: PolicyVersion, withDocument: boolean) {
  return {
    Document: withDocument ? encodedDocument(version.document) : undefined,
    VersionId: version.id,
    IsDefaultVersion: version.id === policy.defaultVersionId,
    CreateDate: version.createDate,
  };
}

function requireVersion(policy: ManagedPolicy, versionId: string): PolicyVersion {
  const version = policy.versions.get(versionId);
  if (!version) throw IamErrors.noSuchEntity(`Policy ${policy.arn} version ${versionId} does not exist or is not attachable.`);
  return version;
}

function customerPolicy(ctx: IamContext, arn: string): ManagedPolicy {
  const policy = requirePolicy(ctx.state, arn);
  if (isAwsManaged(policy)) throw IamErrors.invalidInput(`Policy ${arn} is an AWS managed policy and cannot be modified.`);
  return policy;
}

export function createPolicyVersion(input: CreatePolicyVersionCommandInput, ctx: IamContext) {
  const policy = customerPolicy(ctx, input.PolicyArn!);
  validateDocument(input.PolicyDocument!, 'identity');
  checkManagedSize(input.PolicyDocument!);
  if (policy.versions.size >= MAX_VERSIONS) {
    throw IamErrors.limitExceeded(
      `A managed policy can have up to ${MAX_VERSIONS} versions. Before you create a new version, you must delete an existing version.`,
    );
  }
  const now = ctx.emulator.clock.date();
  const version: PolicyVersion = { id: `v${policy.nextVersion++}`, document: input.PolicyDocument!, createDate: now };
  policy.versions.set(version.id, version);
  if (input.SetAsDefault) policy.defaultVersionId = version.id;
  policy.updateDate = now;
  return { PolicyVersion: versionOutput(policy, version, false) };
}

export function getPolicyVersion(input: GetPolicyVersionCommandInput, ctx: IamContext) {
  const policy = requirePolicy(ctx.state, input.PolicyArn!);
  return { PolicyVersion: versionOutput(policy, requireVersion(policy, input.VersionId!), true) };
}

/** Newest version first, as IAM lists them. */
export function listPolicyVersions(input: ListPolicyVersionsCommandInput, ctx: IamContext) {
  const policy = requirePolicy(ctx.state, input.PolicyArn!);
  const versions = [...policy.versions.values()].reverse();
  const page = paginate(versions, input);
  return { Versions: page.items.map((v) => versionOutput(policy, v, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function deletePolicyVersion(input: DeletePolicyVersionCommandInput, ctx: IamContext) {
  const policy = customerPolicy(ctx, input.PolicyArn!);
  requireVersion(policy, input.VersionId!);
  if (input.VersionId === policy.defaultVersionId) throw IamErrors.deleteConflict('Cannot delete the default version of a policy.');
  policy.versions.delete(input.VersionId!);
  return {};
}

export function setDefaultPolicyVersion(input: SetDefaultPolicyVersionCommandInput, ctx: IamContext) {
  const policy = customerPolicy(ctx, input.PolicyArn!);
  requireVersion(policy, input.VersionId!);
  policy.defaultVersionId = input.VersionId!;
  policy.updateDate = ctx.emulator.clock.date();
  return {};
}
