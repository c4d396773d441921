import { randomUUID } from 'node:crypto';
import type {
  CancelImportTaskRequest,
  CancelImportTaskResponse,
  CreateImportTaskRequest,
  CreateImportTaskResponse,
  DescribeImportTaskBatchesRequest,
  DescribeImportTaskBatchesResponse,
  DescribeImportTasksRequest,
  DescribeImportTasksResponse,
  Import,
} from '@aws-sdk/client-cloudwatch-logs';
import { parseArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { newLogGroup } from '../groups.ts';
import { page } from '../pages.ts';
import type { ImportTask, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

/**
 * How long an import stays IN_PROGRESS on the emulator clock. AWS's imports take as long as the data does; twinstack
 * serves no CloudTrail Lake, so no events are read and an import completes with nothing imported.
 */
const IMPORT_MS = 1000;

/** The event data store id of a CloudTrail Lake ARN in the caller's account and region (the only source AWS takes). */
function eventDataStoreId(arn: string, ctx: Ctx): string {
  const parts = parseArn(arn);
  const id = parts?.service === 'cloudtrail' ? /^eventdatastore\/([\w-]+)$/.exec(parts.resource)?.[1] : undefined;
  if (!parts || !id) throw invalidParameter('importSourceArn must be the ARN of a CloudTrail Lake event data store.');
  if (parts.accountId !== ctx.accountId || parts.region !== ctx.region) throw notFound('The specified import source does not exist.');
  return id;
}

/**
 * Starts an import into the managed log group `aws/cloudtrail/<event data store id>` (made here if missing), as
 * AWS documents it; one import per source runs at a time.
 */
export function createImportTask(input: CreateImportTaskRequest, ctx: Ctx): CreateImportTaskResponse {
  const storeId = eventDataStoreId(input.importSourceArn!, ctx);
  const filter = input.importFilter;
  if (filter?.startEventTime !== undefined && filter.endEventTime !== undefined && filter.startEventTime > filter.endEventTime) {
    throw invalidParameter('startEventTime must be less than or equal to endEventTime.');
  }
  if ([...ctx.state.importTasks.values()].some((t) => t.sourceArn === input.importSourceArn && current(t, ctx).status === 'IN_PROGRESS')) {
    throw new AwsError('ConflictException', 'An import from this source is already in progress.');
  }
  const now = ctx.emulator.clock.now();
  const groupName = `aws/cloudtrail/${storeId}`;
  if (!ctx.state.groups.has(groupName)) ctx.state.groups.set(groupName, newLogGroup(groupName, now));
  const task: ImportTask = {
    id: randomUUID(),
    sourceArn: input.importSourceArn!,
    destinationArn: ctx.state.groupArn(groupName),
    filter: filter && { startEventTime: filter.startEventTime, endEventTime: filter.endEventTime },
    status: 'IN_PROGRESS',
    bytesImported: 0,
    created: now,
    lastUpdated: now,
  };
  ctx.state.importTasks.set(task.id, task);
  return { importId: task.id, importDestinationArn: task.destinationArn, creationTime: now };
}

/** The task as of now: an IN_PROGRESS import completes once its time has passed. */
function current(task: ImportTask, ctx: Ctx): ImportTask {
  if (task.status === 'IN_PROGRESS' && ctx.emulator.clock.now() >= task.created + IMPORT_MS) {
    task.status = 'COMPLETED';
    task.lastUpdated = task.created + IMPORT_MS;
  }
  return task;
}

function findTask(ctx: Ctx, id: string): ImportTask {
  const task = ctx.state.importTasks.get(id);
  if (!task) throw notFound('The specified import task does not exist.');
  return current(task, ctx);
}

export function cancelImportTask(input: CancelImportTaskRequest, ctx: Ctx): CancelImportTaskResponse {
  const task = findTask(ctx, input.importId!);
  if (task.status !== 'IN_PROGRESS') throw new AwsError('InvalidOperationException', `The import task cannot be cancelled. Current status: ${task.status}`);
  task.status = 'CANCELLED';
  task.lastUpdated = ctx.emulator.clock.now();
  return { importId: task.id, importStatistics: { bytesImported: task.bytesImported }, importStatus: task.status, creationTime: task.created, lastUpdatedTime: task.lastUpdated };
}

function view(task: ImportTask): Import {
  return {
    importId: task.id,
    importSourceArn: task.sourceArn,
    importStatus: task.status,
    importDestinationArn: task.destinationArn,
    importStatistics: { bytesImported: task.bytesImported },
    importFilter: task.filter,
    creationTime: task.created,
    lastUpdatedTime: task.lastUpdated,
    errorMessage: task.errorMessage,
  };
}

export function describeImportTasks(input: DescribeImportTasksRequest, ctx: Ctx): DescribeImportTasksResponse {
  if (input.importId !== undefined) findTask(ctx, input.importId);
  const tasks = [...ctx.state.importTasks.values()]
    .map((t) => current(t, ctx))
    .filter(
      (t) =>
        (input.importId === undefined || t.id === input.importId) &&
        (input.importStatus === undefined || t.status === input.importStatus) &&
        (input.importSourceArn === undefined || t.sourceArn === input.importSourceArn),
    )
    .sort((a, b) => b.created - a.created);
  const { items, nextToken } = page(tasks, input.nextToken, input.limit ?? 50);
  return { imports: items.map(view), nextToken };
}

/** An import's batches: the source data split for import. No CloudTrail Lake data is read here, so there are none. */
export function describeImportTaskBatches(input: DescribeImportTaskBatchesRequest, ctx: Ctx): DescribeImportTaskBatchesResponse {
  const task = findTask(ctx, input.importId!);
  return { importSourceArn: task.sourceArn, importId: task.id, importBatches: [] };
}
