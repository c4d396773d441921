import { randomUUID } from 'node:crypto';
import type {
  DescribeResourceScanInput,
  ListResourceScanRelatedResourcesInput,
  ListResourceScanResourcesInput,
  ListResourceScansInput,
  StartResourceScanInput,
} from '@aws-sdk/client-cloudformation';
import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import { scanResources, type ResourceScan, type ScannedResource } from '../registry/scan.ts';
import { checkToken } from './stacks.ts';
import { listPage } from './describe.ts';
import { pageSize } from './type-registration.ts';
import type { CfnContext } from './template-input.ts';

/** Scans are kept 30 days, then EXPIRED (AWS's retention). */
const RETENTION_MS = 30 * 24 * 3600 * 1000;

function scanOf(ctx: CfnContext, id: string | undefined): ResourceScan {
  if (id === undefined) throw validationError("1 validation error detected: Value null at 'resourceScanId' failed to satisfy constraint: Member must not be null");
  const scan = ctx.state.scans.get(id);
  if (!scan) throw new AwsError('ResourceScanNotFoundException', `Resource scan ${id} not found.`);
  if (scan.status === 'COMPLETE' && ctx.emulator.clock.now() - scan.end!.getTime() > RETENTION_MS) scan.status = 'EXPIRED';
  return scan;
}

function completeScan(ctx: CfnContext, id: string | undefined): ResourceScan {
  const scan = scanOf(ctx, id);
  if (scan.status === 'IN_PROGRESS') throw new AwsError('ResourceScanInProgressException', `Resource scan ${scan.id} is still in progress.`);
  if (scan.status !== 'COMPLETE') throw new AwsError('ResourceScanNotFoundException', `Resource scan ${scan.id} is ${scan.status}.`);
  return scan;
}

/**
 * Scans the account's resources in the region: every resource of the types twinstack can list (through each
 * service's own operations, as the caller), or of the types a filter names. The scan is COMPLETE when this answers.
 */
export async function startResourceScan(input: StartResourceScanInput, ctx: CfnContext) {
  checkToken(input.ClientRequestToken);
  if (input.ClientRequestToken) {
    const earlier = [...ctx.state.scans.values()].find((s) => s.clientToken === input.ClientRequestToken);
    if (earlier) return { ResourceScanId: earlier.id };
  }
  if (input.ScanFilters !== undefined && input.ScanFilters.length !== 1) {
    throw validationError(`1 validation error detected: Value at 'scanFilters' failed to satisfy constraint: Member must have length ${input.ScanFilters.length ? 'less than or equal to 1' : 'greater than or equal to 1'}`);
  }
  const running = [...ctx.state.scans.values()].find((s) => s.status === 'IN_PROGRESS');
  if (running) throw new AwsError('ResourceScanInProgressException', `Resource scan ${running.id} is already in progress.`);
  const id = buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `resourceScan/${randomUUID()}` });
  const scan: ResourceScan = { id, status: 'IN_PROGRESS', start: ctx.emulator.clock.date(), filters: input.ScanFilters, types: [], resources: [], clientToken: input.ClientRequestToken };
  ctx.state.scans.set(id, scan);
  try {
    Object.assign(scan, await scanResources(ctx, input.ScanFilters), { status: 'COMPLETE' });
  } catch (error) {
    Object.assign(scan, { status: 'FAILED', statusReason: error instanceof Error ? error.message : 'Internal Failure' });
  }
  scan.end = ctx.emulator.clock.date();
  return { ResourceScanId: id };
}

export function describeResourceScan(input: DescribeResourceScanInput, ctx: CfnContext) {
  const scan = scanOf(ctx, input.ResourceScanId);
  return {
    ResourceScanId: scan.id,
    Status: scan.status,
    StatusReason: scan.statusReason,
    StartTime: scan.start,
    EndTime: scan.end,
    PercentageCompleted: scan.status === 'IN_PROGRESS' ? 0 : 100,
    ResourceTypes: scan.types,
    ResourcesScanned: scan.resources.length,
    ResourcesRead: scan.resources.length,
    ScanFilters: scan.filters,
  };
}

export function listResourceScans(input: ListResourceScansInput, ctx: CfnContext) {
  const scans = [...ctx.state.scans.values()].reverse().map((s) => scanOf(ctx, s.id));
  const wanted = scans.filter((s) => input.ScanTypeFilter === undefined || (s.filters ? 'PARTIAL' : 'FULL') === input.ScanTypeFilter);
  return listPage('ResourceScanSummaries', wanted, input.NextToken, pageSize(input.MaxResults), (s) => ({
    ResourceScanId: s.id,
    Status: s.status,
    StatusReason: s.statusReason,
    StartTime: s.start,
    EndTime: s.end,
    PercentageCompleted: s.status === 'IN_PROGRESS' ? 0 : 100,
    ScanType: s.filters ? ('PARTIAL' as const) : ('FULL' as const),
  }));
}

const summary = (r: ScannedResource) => ({ ResourceType: r.type, ResourceIdentifier: r.identifier, ManagedByStack: r.managedByStack });

function tagged(r: ScannedResource, key: string | undefined, value: string | undefined): boolean {
  if (key === undefined && value === undefined) return true;
  const tags = r.properties.Tags;
  const pairs: [string, string][] = Array.isArray(tags) ? tags.map((t: { Key: string; Value: string }) => [t.Key, String(t.Value)]) : Object.entries((tags ?? {}) as Record<string, string>);
  return pairs.some(([k, v]) => (key === undefined || k === key) && (value === undefined || v === value));
}

/** The scan's resources, filtered by identifier value, type prefix (`AWS::S3::` or `AWS::S3::*`) and tag. */
export function listResourceScanResources(input: ListResourceScanResourcesInput, ctx: CfnContext) {
  const scan = completeScan(ctx, input.ResourceScanId);
  const prefix = input.ResourceTypePrefix?.replace(/\*$/, '');
  const found = scan.resources.filter(
    (r) =>
      (prefix === undefined || r.type.startsWith(prefix)) &&
      (input.ResourceIdentifier === undefined || Object.values(r.identifier).some((v) => v.includes(input.ResourceIdentifier!))) &&
      tagged(r, input.TagKey, input.TagValue),
  );
  return listPage('Resources', found, input.NextToken, pageSize(input.MaxResults), summary);
}

/**
 * Resources of the scan related to the given ones: those whose properties name one of them (a policy naming a
 * queue, a subscription naming a topic) and those one of them names, by an identifier that is an ARN, URL or path.
 */
export function listResourceScanRelatedResources(input: ListResourceScanRelatedResourcesInput, ctx: CfnContext) {
  const scan = completeScan(ctx, input.ResourceScanId);
  if (!input.Resources?.length) throw validationError("1 validation error detected: Value null at 'resources' failed to satisfy constraint: Member must not be null");
  if (input.Resources.length > 100) throw validationError("1 validation error detected: Value at 'resources' failed to satisfy constraint: Member must have length less than or equal to 100");
  const same = (r: ScannedResource, given: { ResourceType?: string; ResourceIdentifier?: Record<string, string> }) =>
    r.type === given.ResourceType && Object.entries(given.ResourceIdentifier ?? {}).every(([k, v]) => r.identifier[k] === v);
  const sources = scan.resources.filter((r) => input.Resources!.some((g) => same(r, g)));
  // Only values that are references (ARNs, URLs, paths) relate resources: a plain name may be anyone's name too.
  const names = (r: ScannedResource) => new Set([r.physicalId, ...Object.values(r.identifier)].filter((v) => /[:/]/.test(v)));
  const mentions = (r: ScannedResource, values: Set<string>) => {
    const text = JSON.stringify(r.properties);
    return [...values].some((v) => text.includes(JSON.stringify(v).slice(1, -1)));
  };
  const related = scan.resources.filter((r) => !sources.includes(r) && sources.some((s) => mentions(r, names(s)) || mentions(s, names(r))));
  return listPage('RelatedResources', related, input.NextToken, pageSize(input.MaxResults), summary);
}
