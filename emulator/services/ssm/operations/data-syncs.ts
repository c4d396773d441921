import type {
  CreateResourceDataSyncCommandInput,
  DeleteResourceDataSyncCommandInput,
  ListResourceDataSyncCommandInput,
  ResourceDataSyncItem,
  ResourceDataSyncSource,
  UpdateResourceDataSyncCommandInput,
} from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';

/** Resource data syncs per account and region (Systems Manager service quotas). */
const MAX_SYNCS = 5;
const SOURCE_TYPES = ['AWSOrganizations', 'SingleAccountMultiRegions'];

function withState(source: ResourceDataSyncSource | undefined) {
  return source && { ...source, State: 'Active' };
}

/**
 * A sync either sends inventory to an S3 bucket (SyncToDestination, the default) or gathers OpsData from sources
 * (SyncFromSource); each needs its own configuration and refuses the other's. twinstack gathers no inventory, so a
 * sync never runs: it has no last sync time or status.
 */
function checkConfiguration(type: string, input: { S3Destination?: unknown; SyncSource?: ResourceDataSyncSource }): void {
  if (type === 'SyncToDestination') {
    if (!input.S3Destination) throw SsmErrors.syncConfiguration('S3Destination is required for a resource data sync of type SyncToDestination.');
    if (input.SyncSource) throw SsmErrors.syncConfiguration('SyncSource is not supported for a resource data sync of type SyncToDestination.');
  } else if (type === 'SyncFromSource') {
    if (!input.SyncSource) throw SsmErrors.syncConfiguration('SyncSource is required for a resource data sync of type SyncFromSource.');
    if (input.S3Destination) throw SsmErrors.syncConfiguration('S3Destination is not supported for a resource data sync of type SyncFromSource.');
    if (!SOURCE_TYPES.includes(input.SyncSource.SourceType!)) {
      throw SsmErrors.syncConfiguration(`SourceType ${input.SyncSource.SourceType} is not valid. Valid types are ${SOURCE_TYPES.join(', ')}.`);
    }
    if (input.SyncSource.SourceType === 'AWSOrganizations' && !input.SyncSource.AwsOrganizationsSource) {
      throw SsmErrors.syncConfiguration('AwsOrganizationsSource is required when SourceType is AWSOrganizations.');
    }
  } else {
    throw SsmErrors.syncConfiguration(`SyncType ${type} is not valid. Valid types are SyncToDestination, SyncFromSource.`);
  }
}

export function createResourceDataSync(input: CreateResourceDataSyncCommandInput, ctx: SsmContext) {
  const name = input.SyncName!;
  if (ctx.state.dataSyncs.has(name)) throw SsmErrors.syncExists(name);
  const type = input.SyncType ?? 'SyncToDestination';
  checkConfiguration(type, input);
  if (ctx.state.dataSyncs.size >= MAX_SYNCS) {
    throw new AwsError('ResourceDataSyncCountExceededException', `You have exceeded the allowed maximum sync configurations (${MAX_SYNCS}).`);
  }
  const now = ctx.emulator.clock.date();
  const sync: ResourceDataSyncItem = {
    SyncName: name,
    SyncType: type,
    SyncSource: withState(input.SyncSource),
    S3Destination: input.S3Destination,
    SyncCreatedTime: now,
    SyncLastModifiedTime: now,
  };
  ctx.state.dataSyncs.set(name, sync);
  return {};
}

export function listResourceDataSync(input: ListResourceDataSyncCommandInput, ctx: SsmContext) {
  const type = input.SyncType ?? 'SyncToDestination';
  const syncs = [...ctx.state.dataSyncs.values()].filter((s) => s.SyncType === type);
  const { items, NextToken } = pageOf(syncs, input.MaxResults, input.NextToken, 50);
  return { ResourceDataSyncItems: items, NextToken };
}

function getSync(ctx: SsmContext, name: string, type: string | undefined): ResourceDataSyncItem {
  const sync = ctx.state.dataSyncs.get(name);
  if (!sync || (type !== undefined && sync.SyncType !== type)) throw SsmErrors.syncNotFound(name);
  return sync;
}

/** Only syncs of type SyncFromSource can be updated (SSM API reference, UpdateResourceDataSync). */
export function updateResourceDataSync(input: UpdateResourceDataSyncCommandInput, ctx: SsmContext) {
  const sync = getSync(ctx, input.SyncName!, undefined);
  if (input.SyncType !== 'SyncFromSource' || sync.SyncType !== 'SyncFromSource') {
    throw SsmErrors.syncConfiguration('Only resource data syncs of type SyncFromSource can be updated.');
  }
  checkConfiguration('SyncFromSource', input);
  if (input.SyncSource!.SourceType !== sync.SyncSource?.SourceType) {
    throw SsmErrors.syncConflict('The SourceType of a resource data sync cannot be changed.');
  }
  sync.SyncSource = withState(input.SyncSource);
  sync.SyncLastModifiedTime = ctx.emulator.clock.date();
  return {};
}

export function deleteResourceDataSync(input: DeleteResourceDataSyncCommandInput, ctx: SsmContext) {
  const sync = getSync(ctx, input.SyncName!, input.SyncType);
  ctx.state.dataSyncs.delete(sync.SyncName!);
  return {};
}
