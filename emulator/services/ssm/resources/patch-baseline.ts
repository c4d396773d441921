import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { BASELINE_SETTINGS } from '../operations/patch-baselines.ts';
import { createTags, updateTags } from './tags.ts';

function baselineSettings(p: Properties) {
  return {
    Name: p.Name,
    Description: p.Description,
    GlobalFilters: p.GlobalFilters,
    ApprovalRules: p.ApprovalRules,
    ApprovedPatches: p.ApprovedPatches,
    ApprovedPatchesComplianceLevel: p.ApprovedPatchesComplianceLevel,
    ApprovedPatchesEnableNonSecurity: p.ApprovedPatchesEnableNonSecurity,
    RejectedPatches: p.RejectedPatches,
    RejectedPatchesAction: p.RejectedPatchesAction,
    Sources: p.Sources,
    AvailableSecurityUpdatesComplianceStatus: p.AvailableSecurityUpdatesComplianceStatus,
  };
}

/** Registers the template's patch groups and, with DefaultBaseline, makes the baseline its system's default. */
async function attach(request: ResourceRequest, id: string, previous: Properties = {}): Promise<void> {
  const wanted: string[] = request.properties.PatchGroups ?? [];
  const before: string[] = previous.PatchGroups ?? [];
  for (const group of before.filter((g) => !wanted.includes(g))) await request.call('ssm', 'DeregisterPatchBaselineForPatchGroup', { BaselineId: id, PatchGroup: group });
  for (const group of wanted.filter((g) => !before.includes(g))) await request.call('ssm', 'RegisterPatchBaselineForPatchGroup', { BaselineId: id, PatchGroup: group });
  if (request.properties.DefaultBaseline === true || request.properties.DefaultBaseline === 'true') await request.call('ssm', 'RegisterDefaultPatchBaseline', { BaselineId: id });
}

/**
 * `AWS::SSM::PatchBaseline`: Ref is the baseline id. Deleting a default baseline first hands the default back to
 * AWS's predefined one for that operating system, and patch groups are deregistered, as CloudFormation does.
 */
export const patchBaseline: ResourceType = {
  async create(request) {
    const { BaselineId } = await request.call('ssm', 'CreatePatchBaseline', {
      ...baselineSettings(request.properties),
      OperatingSystem: request.properties.OperatingSystem,
      ...createTags(request),
    });
    await attach(request, BaselineId);
    return { physicalId: BaselineId, attributes: {} };
  },
  async update(request) {
    await request.call('ssm', 'UpdatePatchBaseline', { ...baselineSettings(request.properties), BaselineId: request.physicalId, Replace: true });
    await attach(request, request.physicalId, request.previous);
    await updateTags(request, 'PatchBaseline', request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    const id = request.physicalId;
    for (const group of (request.properties.PatchGroups ?? []) as string[]) {
      await request.call('ssm', 'DeregisterPatchBaselineForPatchGroup', { BaselineId: id, PatchGroup: group });
    }
    const os = request.properties.OperatingSystem ?? 'WINDOWS';
    const { BaselineId } = await request.call('ssm', 'GetDefaultPatchBaseline', { OperatingSystem: os });
    if (BaselineId === id) {
      const { BaselineIdentities } = await request.call('ssm', 'DescribePatchBaselines', {
        Filters: [{ Key: 'OWNER', Values: ['AWS'] }, { Key: 'OPERATING_SYSTEM', Values: [os] }],
      });
      await request.call('ssm', 'RegisterDefaultPatchBaseline', { BaselineId: BaselineIdentities[0].BaselineId });
    }
    await request.call('ssm', 'DeletePatchBaseline', { BaselineId: id });
  },
  async read(request) {
    const b = await request.call('ssm', 'GetPatchBaseline', { BaselineId: request.physicalId });
    return { Name: b.Name, OperatingSystem: b.OperatingSystem, Description: b.Description, ApprovedPatches: b.ApprovedPatches, PatchGroups: b.PatchGroups };
  },
  createOnly: ['OperatingSystem'],
  properties: ['OperatingSystem', ...BASELINE_SETTINGS, 'PatchGroups', 'DefaultBaseline', 'Tags'],
};
