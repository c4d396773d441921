import type {
  DeregisterPatchBaselineForPatchGroupCommandInput,
  DescribePatchGroupsCommandInput,
  GetDefaultPatchBaselineCommandInput,
  GetPatchBaselineForPatchGroupCommandInput,
  RegisterDefaultPatchBaselineCommandInput,
  RegisterPatchBaselineForPatchGroupCommandInput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import { defaultBaselineId, findBaseline, getBaseline } from '../patch-baselines.ts';
import { baselineIdentity } from './patch-baselines.ts';

/** Patch groups per patch baseline (Systems Manager service quotas). */
const MAX_GROUPS_PER_BASELINE = 25;

/** A patch group has at most one baseline per operating system. */
export function registerPatchBaselineForPatchGroup(input: RegisterPatchBaselineForPatchGroupCommandInput, ctx: SsmContext) {
  const baseline = getBaseline(ctx, input.BaselineId!);
  const group = input.PatchGroup!;
  const registered = ctx.state.patchGroups.get(group) ?? [];
  const os = baseline.settings.OperatingSystem;
  if (registered.some((id) => findBaseline(ctx, id)?.settings.OperatingSystem === os)) {
    throw SsmErrors.alreadyExistsException(`Patch Group ${group} is already registered with a baseline for operating system ${os}.`);
  }
  const groupsOfBaseline = [...ctx.state.patchGroups.values()].filter((ids) => ids.includes(input.BaselineId!)).length;
  if (groupsOfBaseline >= MAX_GROUPS_PER_BASELINE) {
    throw new AwsError('ResourceLimitExceededException', `Maximum number of patch groups (${MAX_GROUPS_PER_BASELINE}) per patch baseline reached.`);
  }
  ctx.state.patchGroups.set(group, [...registered, input.BaselineId!]);
  return { BaselineId: input.BaselineId, PatchGroup: group };
}

export function deregisterPatchBaselineForPatchGroup(input: DeregisterPatchBaselineForPatchGroupCommandInput, ctx: SsmContext) {
  const group = input.PatchGroup!;
  const registered = ctx.state.patchGroups.get(group) ?? [];
  if (!registered.includes(input.BaselineId!)) throw SsmErrors.invalidResourceId();
  const rest = registered.filter((id) => id !== input.BaselineId);
  if (rest.length) ctx.state.patchGroups.set(group, rest);
  else ctx.state.patchGroups.delete(group);
  return { BaselineId: input.BaselineId, PatchGroup: group };
}

/** The group's baseline for the operating system, else that system's default baseline. */
export function getPatchBaselineForPatchGroup(input: GetPatchBaselineForPatchGroupCommandInput, ctx: SsmContext) {
  const os = input.OperatingSystem ?? 'WINDOWS';
  const registered = (ctx.state.patchGroups.get(input.PatchGroup!) ?? []).find((id) => findBaseline(ctx, id)?.settings.OperatingSystem === os);
  return { BaselineId: registered ?? defaultBaselineId(ctx, os), PatchGroup: input.PatchGroup, OperatingSystem: os };
}

export function describePatchGroups(input: DescribePatchGroupsCommandInput, ctx: SsmContext) {
  const mappings = [...ctx.state.patchGroups].flatMap(([group, ids]) =>
    ids.map((id) => ({ PatchGroup: group, BaselineIdentity: baselineIdentity(ctx, findBaseline(ctx, id)!) })),
  );
  const selected = mappings.filter((m) =>
    (input.Filters ?? []).every((f) => {
      if (f.Key === 'NAME_PREFIX') return (f.Values ?? []).some((v) => m.PatchGroup.startsWith(v));
      if (f.Key === 'OPERATING_SYSTEM') return (f.Values ?? []).includes(m.BaselineIdentity.OperatingSystem!);
      throw SsmErrors.validation(`Filter key ${f.Key} is not valid. Valid keys are NAME_PREFIX, OPERATING_SYSTEM.`);
    }),
  );
  const { items, NextToken } = pageOf(selected, input.MaxResults, input.NextToken, 100);
  return { Mappings: items, NextToken };
}

export function registerDefaultPatchBaseline(input: RegisterDefaultPatchBaselineCommandInput, ctx: SsmContext) {
  const baseline = getBaseline(ctx, input.BaselineId!);
  ctx.state.defaultBaselines.set(baseline.settings.OperatingSystem!, baseline.settings.BaselineId!);
  return { BaselineId: baseline.settings.BaselineId };
}

export function getDefaultPatchBaseline(input: GetDefaultPatchBaselineCommandInput, ctx: SsmContext) {
  const os = input.OperatingSystem ?? 'WINDOWS';
  return { BaselineId: defaultBaselineId(ctx, os), OperatingSystem: os };
}
