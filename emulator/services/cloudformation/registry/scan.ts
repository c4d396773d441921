import type { ScanFilter } from '@aws-sdk/client-cloudformation';
import { resourceType } from '../engine/types.ts';
import type { ListedResource, Properties, ResourceListRequest, ResourceType } from '../provider.ts';
import type { CfnContext } from '../operations/template-input.ts';
import { isPublicType, publicTypeNames } from './public-types.ts';

export interface ScannedResource {
  type: string;
  identifier: Record<string, string>;
  physicalId: string;
  properties: Properties;
  managedByStack: boolean;
}

export interface ResourceScan {
  id: string;
  status: 'IN_PROGRESS' | 'FAILED' | 'COMPLETE' | 'EXPIRED';
  statusReason?: string;
  start: Date;
  end?: Date;
  filters?: ScanFilter[];
  /** The types the scan looked at (those whose resources twinstack can list). */
  types: string[];
  resources: ScannedResource[];
  clientToken?: string;
}

/** What a type's `list` is given: the caller's identity in the request's account and region. */
export function listRequest(ctx: CfnContext): ResourceListRequest {
  return {
    accountId: ctx.accountId,
    region: ctx.region,
    emulator: ctx.emulator,
    caller: ctx.caller,
    call: (service, operation, input) => ctx.emulator.call(service, operation, input, { caller: ctx.caller, region: ctx.region }),
  };
}

/** A scan filter's type pattern (`AWS::S3::Bucket`, or a prefix ending in `*`) as a test. */
function typeMatcher(filters: ScanFilter[] | undefined): (type: string) => boolean {
  const patterns = (filters ?? []).flatMap((f) => f.Types ?? []);
  if (!patterns.length) return () => true;
  return (type) => patterns.some((p) => (p.endsWith('*') ? type.startsWith(p.slice(0, -1)) : type === p));
}

/** The types a scan reads: AWS's types twinstack serves whose implementation can list its resources. */
export async function listableTypes(ctx: CfnContext, filters?: ScanFilter[]): Promise<[string, ResourceType][]> {
  const wanted = typeMatcher(filters);
  const names = publicTypeNames(ctx.emulator).filter((name) => !name.startsWith('AWS::CloudFormation::') && name !== 'AWS::CDK::Metadata' && wanted(name));
  const types = await Promise.all(names.map(async (name) => [name, await resourceType(name)] as [string, ResourceType]));
  // Types listed only under a parent (Cloud Control's ResourceModel) are not scanned.
  return types.filter(([, type]) => type.list && !type.listRequires);
}

/** Whether a live stack of the account and region holds the resource. */
function managed(ctx: CfnContext, type: string, physicalId: string): boolean {
  return ctx.state.stacks.some((s) => s.status !== 'DELETE_COMPLETE' && [...s.resources.values()].some((r) => r.type === type && r.physicalId === physicalId && r.status !== 'DELETE_COMPLETE'));
}

/** Reads every resource of the listable types through the services' front doors, as the caller. */
export async function scanResources(ctx: CfnContext, filters?: ScanFilter[]): Promise<{ types: string[]; resources: ScannedResource[] }> {
  const types = await listableTypes(ctx, filters);
  const request = listRequest(ctx);
  const found = await Promise.all(
    types.map(async ([name, type]) => (await type.list!(request)).map((r) => ({ type: name, identifier: r.identifier, physicalId: r.physicalId, properties: r.properties, managedByStack: managed(ctx, name, r.physicalId) }))),
  );
  return { types: types.map(([name]) => name), resources: found.flat() };
}

/** One resource of a type by (part of) its identifier, read now; undefined when the service has none such. */
export async function findResource(ctx: CfnContext, typeName: string, identifier: Record<string, string>): Promise<ListedResource | undefined> {
  if (!isPublicType(ctx.emulator, typeName)) return undefined;
  const type = await resourceType(typeName);
  if (!type.list || (type.listRequires ?? []).some((name) => identifier[name] === undefined)) return undefined;
  const all = await type.list({ ...listRequest(ctx), model: identifier });
  return all.find((r) => Object.entries(identifier).every(([key, value]) => r.identifier[key] === value || r.properties[key] === value));
}
