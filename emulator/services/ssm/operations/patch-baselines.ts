import type {
  CreatePatchBaselineCommandInput,
  DeletePatchBaselineCommandInput,
  DescribePatchBaselinesCommandInput,
  GetPatchBaselineCommandInput,
  PatchOrchestratorFilter,
  UpdatePatchBaselineCommandInput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import { hexId } from '../ids.ts';
import type { SsmContext } from '../parameters.ts';
import { BASELINE_DEFAULTS, defaultBaselineId, getBaseline, isPredefined, patchGroupsOf, predefinedBaselines } from '../patch-baselines.ts';
import type { PatchBaseline } from '../state.ts';
import { checkTagCount } from './tags.ts';

/** Custom patch baselines per account and region (Systems Manager service quotas). */
const MAX_BASELINES = 50;
/** The settings UpdatePatchBaseline may change; with `Replace`, those not given go back to their defaults. */
export const BASELINE_SETTINGS = [
  'Name',
  'GlobalFilters',
  'ApprovalRules',
  'ApprovedPatches',
  'ApprovedPatchesComplianceLevel',
  'ApprovedPatchesEnableNonSecurity',
  'RejectedPatches',
  'RejectedPatchesAction',
  'Description',
  'Sources',
  'AvailableSecurityUpdatesComplianceStatus',
] as const;
/** Approval rules approve after a number of days or up to a date, not both (SSM API reference, `PatchRule`). */
function checkRules(settings: PatchBaseline['settings']): void {
  for (const rule of settings.ApprovalRules?.PatchRules ?? []) {
    if ((rule.ApproveAfterDays === undefined) === (rule.ApproveUntilDate === undefined)) {
      throw SsmErrors.validation('Each approval rule must specify either ApproveAfterDays or ApproveUntilDate, but not both.');
    }
  }
}

export function createPatchBaseline(input: CreatePatchBaselineCommandInput, ctx: SsmContext) {
  const { ClientToken, Tags, ...request } = input;
  if (ClientToken !== undefined) {
    const earlier = [...ctx.state.baselines.values()].find((b) => b.clientToken?.token === ClientToken);
    if (earlier) {
      if (earlier.clientToken!.request !== JSON.stringify(request)) throw SsmErrors.idempotentMismatch();
      return { BaselineId: earlier.settings.BaselineId };
    }
  }
  if (Tags) checkTagCount(Tags.length);
  const now = ctx.emulator.clock.date();
  const settings: PatchBaseline['settings'] = { ...structuredClone(BASELINE_DEFAULTS), OperatingSystem: 'WINDOWS', ...request, BaselineId: hexId('pb'), CreatedDate: now, ModifiedDate: now };
  checkRules(settings);
  if (ctx.state.baselines.size >= MAX_BASELINES) throw new AwsError('ResourceLimitExceededException', `Maximum number of patch baselines (${MAX_BASELINES}) reached.`);
  ctx.state.baselines.set(settings.BaselineId!, {
    settings,
    clientToken: ClientToken === undefined ? undefined : { token: ClientToken, request: JSON.stringify(request) },
    tags: (Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
  });
  return { BaselineId: settings.BaselineId };
}

export function getPatchBaseline(input: GetPatchBaselineCommandInput, ctx: SsmContext) {
  const baseline = getBaseline(ctx, input.BaselineId!);
  return { ...baseline.settings, PatchGroups: patchGroupsOf(ctx, baseline.settings.BaselineId!) };
}

export function updatePatchBaseline(input: UpdatePatchBaselineCommandInput, ctx: SsmContext) {
  const baseline = ctx.state.baselines.get(input.BaselineId!);
  if (!baseline) {
    if (isPredefined(ctx, input.BaselineId!)) throw SsmErrors.invalidResourceId();
    throw SsmErrors.doesNotExist(`Patch Baseline ${input.BaselineId} does not exist.`);
  }
  if (input.Replace && input.Name === undefined) throw SsmErrors.validation('When Replace is true, the following fields are required: Name');
  const settings = { ...baseline.settings };
  for (const key of BASELINE_SETTINGS) {
    if (input[key] !== undefined) (settings as Record<string, unknown>)[key] = input[key];
    else if (input.Replace) (settings as Record<string, unknown>)[key] = structuredClone((BASELINE_DEFAULTS as Partial<PatchBaseline['settings']>)[key]);
  }
  checkRules(settings);
  settings.ModifiedDate = ctx.emulator.clock.date();
  baseline.settings = settings;
  return settings;
}

/** A baseline a patch group or the default setting still uses stays (ResourceInUseException). */
export function deletePatchBaseline(input: DeletePatchBaselineCommandInput, ctx: SsmContext) {
  const id = input.BaselineId!;
  const baseline = ctx.state.baselines.get(id);
  if (baseline) {
    if (patchGroupsOf(ctx, id).length) throw SsmErrors.resourceInUse(`Patch Baseline ${id} is registered with one or more patch groups.`);
    if (defaultBaselineId(ctx, baseline.settings.OperatingSystem!) === id) throw SsmErrors.resourceInUse(`Patch Baseline ${id} is the default patch baseline.`);
    ctx.state.baselines.delete(id);
  }
  return { BaselineId: id };
}

/** DescribePatchBaselines filters: NAME_PREFIX, OWNER (AWS, Self, All) and OPERATING_SYSTEM. */
function baselineMatches(baseline: PatchBaseline, filter: PatchOrchestratorFilter, predefined: boolean): boolean {
  const values = filter.Values ?? [];
  const s = baseline.settings;
  switch (filter.Key) {
    case 'NAME_PREFIX':
      return values.some((v) => s.Name!.startsWith(v));
    case 'OWNER':
      return values.some((v) => v === 'All' || (v === 'AWS') === predefined);
    case 'OPERATING_SYSTEM':
      return values.includes(s.OperatingSystem!);
    default:
      throw SsmErrors.validation(`Filter key ${filter.Key} is not valid. Valid keys are NAME_PREFIX, OWNER, OPERATING_SYSTEM.`);
  }
}

export function baselineIdentity(ctx: SsmContext, baseline: PatchBaseline) {
  const s = baseline.settings;
  return {
    BaselineId: s.BaselineId,
    BaselineName: s.Name,
    OperatingSystem: s.OperatingSystem,
    BaselineDescription: s.Description,
    DefaultBaseline: defaultBaselineId(ctx, s.OperatingSystem!) === s.BaselineId,
  };
}

export function describePatchBaselines(input: DescribePatchBaselinesCommandInput, ctx: SsmContext) {
  const all = [
    ...[...predefinedBaselines(ctx.region).values()].map((b) => ({ b, predefined: true })),
    ...[...ctx.state.baselines.values()].map((b) => ({ b, predefined: false })),
  ];
  const selected = all.filter(({ b, predefined }) => (input.Filters ?? []).every((f) => baselineMatches(b, f, predefined)));
  const { items, NextToken } = pageOf(selected, input.MaxResults, input.NextToken, 100);
  return { BaselineIdentities: items.map(({ b }) => baselineIdentity(ctx, b)), NextToken };
}
