import { createHash } from 'node:crypto';
import { buildArn } from '../../core/arn.ts';
import { SsmErrors } from './errors.ts';
import type { SsmContext } from './parameters.ts';
import type { PatchBaseline } from './state.ts';

/**
 * AWS's predefined default baseline of each operating system (Patch Manager user guide, "Predefined baselines").
 * AWS's ids differ per region and are not published; these are derived from the region and name, in AWS's form
 * (`arn:aws:ssm:<region>:aws:patchbaseline/pb-...`).
 */
const PREDEFINED: Record<string, [name: string, description: string]> = {
  WINDOWS: ['AWS-DefaultPatchBaseline', 'Default Patch Baseline Provided by AWS.'],
  AMAZON_LINUX: ['AWS-AmazonLinuxDefaultPatchBaseline', 'Default Patch Baseline for Amazon Linux Provided by AWS.'],
  AMAZON_LINUX_2: ['AWS-AmazonLinux2DefaultPatchBaseline', 'Default Patch Baseline for Amazon Linux 2 Provided by AWS.'],
  AMAZON_LINUX_2022: ['AWS-AmazonLinux2022DefaultPatchBaseline', 'Default Patch Baseline for Amazon Linux 2022 Provided by AWS.'],
  AMAZON_LINUX_2023: ['AWS-AmazonLinux2023DefaultPatchBaseline', 'Default Patch Baseline for Amazon Linux 2023 Provided by AWS.'],
  UBUNTU: ['AWS-UbuntuDefaultPatchBaseline', 'Default Patch Baseline for Ubuntu Provided by AWS.'],
  REDHAT_ENTERPRISE_LINUX: ['AWS-RedHatDefaultPatchBaseline', 'Default Patch Baseline for Redhat Enterprise Linux Provided by AWS.'],
  SUSE: ['AWS-SuseDefaultPatchBaseline', 'Default Patch Baseline for Suse Provided by AWS.'],
  CENTOS: ['AWS-CentOSDefaultPatchBaseline', 'Default Patch Baseline for CentOS Provided by AWS.'],
  ORACLE_LINUX: ['AWS-OracleLinuxDefaultPatchBaseline', 'Default Patch Baseline for Oracle Linux Provided by AWS.'],
  DEBIAN: ['AWS-DebianDefaultPatchBaseline', 'Default Patch Baseline for Debian Provided by AWS.'],
  MACOS: ['AWS-MacOSDefaultPatchBaseline', 'Default Patch Baseline for MacOS Provided by AWS.'],
  RASPBIAN: ['AWS-RaspbianDefaultPatchBaseline', 'Default Patch Baseline for Raspbian Provided by AWS.'],
  ROCKY_LINUX: ['AWS-RockyLinuxDefaultPatchBaseline', 'Default Patch Baseline for Rocky Linux Provided by AWS.'],
  ALMA_LINUX: ['AWS-AlmaLinuxDefaultPatchBaseline', 'Default Patch Baseline for Alma Linux Provided by AWS.'],
};
const PUBLISHED = new Date('2017-01-01T00:00:00Z');

/** What a baseline has when CreatePatchBaseline (or UpdatePatchBaseline with Replace) does not say. */
export const BASELINE_DEFAULTS = {
  ApprovedPatches: [],
  ApprovedPatchesComplianceLevel: 'UNSPECIFIED',
  ApprovedPatchesEnableNonSecurity: false,
  RejectedPatches: [],
  RejectedPatchesAction: 'ALLOW_AS_DEPENDENCY',
  Sources: [],
} as const satisfies Partial<PatchBaseline['settings']>;

const predefinedByRegion = new Map<string, Map<string, PatchBaseline>>();

/** AWS's predefined baselines of a region, by id. */
export function predefinedBaselines(region: string): Map<string, PatchBaseline> {
  let baselines = predefinedByRegion.get(region);
  if (!baselines) {
    baselines = new Map();
    for (const [os, [name, description]] of Object.entries(PREDEFINED)) {
      const digits = createHash('sha256').update(`${region}/${name}`).digest('hex').slice(0, 17);
      const id = buildArn({ service: 'ssm', region, accountId: 'aws', resource: `patchbaseline/pb-${digits}` });
      baselines.set(id, {
        settings: {
          BaselineId: id,
          Name: name,
          OperatingSystem: os as PatchBaseline['settings']['OperatingSystem'],
          Description: description,
          ...structuredClone(BASELINE_DEFAULTS),
          CreatedDate: PUBLISHED,
          ModifiedDate: PUBLISHED,
        },
        tags: [],
      });
    }
    predefinedByRegion.set(region, baselines);
  }
  return baselines;
}

export function isPredefined(ctx: SsmContext, id: string): boolean {
  return predefinedBaselines(ctx.region).has(id);
}

export function findBaseline(ctx: SsmContext, id: string): PatchBaseline | undefined {
  return ctx.state.baselines.get(id) ?? predefinedBaselines(ctx.region).get(id);
}

export function getBaseline(ctx: SsmContext, id: string): PatchBaseline {
  const baseline = findBaseline(ctx, id);
  if (!baseline) throw SsmErrors.doesNotExist(`Patch Baseline ${id} does not exist.`);
  return baseline;
}

/** The default baseline of an operating system: the account's choice, else AWS's predefined one. */
export function defaultBaselineId(ctx: SsmContext, os: string): string {
  const chosen = ctx.state.defaultBaselines.get(os);
  if (chosen !== undefined) return chosen;
  return [...predefinedBaselines(ctx.region).values()].find((b) => b.settings.OperatingSystem === os)!.settings.BaselineId!;
}

export function patchGroupsOf(ctx: SsmContext, id: string): string[] {
  return [...ctx.state.patchGroups].filter(([, ids]) => ids.includes(id)).map(([group]) => group);
}
