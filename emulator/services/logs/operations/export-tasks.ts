import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type {
  CancelExportTaskRequest,
  CreateExportTaskRequest,
  CreateExportTaskResponse,
  DescribeExportTasksRequest,
  DescribeExportTasksResponse,
  ExportTask as ExportTaskShape,
} from '@aws-sdk/client-cloudwatch-logs';
import { AwsError } from '../../../core/errors.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller, RequestContext } from '../../../core/service.ts';
import { invalidParameter, notFound } from '../errors.ts';
import { findGroup } from '../groups.ts';
import { logsCaller } from '../internal-caller.ts';
import { page } from '../pages.ts';
import type { ExportTask, LogGroup, LogsState } from '../state.ts';

type Ctx = RequestContext<LogsState>;

const ACTIVE = new Set(['PENDING', 'RUNNING']);

const isMissingBucket = (error: unknown) => error instanceof AwsError && (error.code === 'NoSuchBucket' || error.code === 'NotFound' || error.status === 404);

/**
 * Exports a log group's events to S3 (through S3's front door, as logs.amazonaws.com): one gzipped object per log
 * stream, `<prefix>/<taskId>/<stream>/000000.gz`, each line the event's ISO time and message. AWS runs one active
 * export task per account at a time; the task is PENDING when created and completes in the background.
 */
export async function createExportTask(input: CreateExportTaskRequest, ctx: Ctx): Promise<CreateExportTaskResponse> {
  const group = findGroup(ctx.state, input);
  if (input.from! > input.to!) throw invalidParameter("The value of parameter 'from' must be less than or equal to the value of parameter 'to'.");
  if ([...ctx.state.exportTasks.values()].some((t) => ACTIVE.has(t.status))) throw new AwsError('LimitExceededException', 'Resource limit exceeded.');
  const caller = logsCaller(ctx.state, group.name);
  const prefix = input.destinationPrefix ?? 'exportedlogs';
  // AWS checks the bucket by writing a test object before it accepts the task.
  try {
    await ctx.emulator.call('s3', 'PutObject', { Bucket: input.destination, Key: `${prefix}/aws-logs-write-test`, Body: Buffer.from('Permission Check Successful') }, { caller, region: ctx.region });
  } catch (error) {
    if (isMissingBucket(error)) throw invalidParameter('The given bucket does not exist. Please make sure the bucket is valid.');
    throw invalidParameter('PutObject call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.');
  }
  const task: ExportTask = {
    taskId: randomUUID(),
    taskName: input.taskName,
    logGroupName: group.name,
    logStreamNamePrefix: input.logStreamNamePrefix,
    from: input.from!,
    to: input.to!,
    destination: input.destination!,
    destinationPrefix: prefix,
    status: 'PENDING',
    created: ctx.emulator.clock.now(),
  };
  ctx.state.exportTasks.set(task.taskId, task);
  setImmediate(() => void runExport(ctx.emulator, caller, ctx.region, group, task));
  return { taskId: task.taskId };
}

async function runExport(emulator: Emulator, caller: Caller, region: string, group: LogGroup, task: ExportTask): Promise<void> {
  if (task.status !== 'PENDING') return;
  task.status = 'RUNNING';
  try {
    for (const stream of group.streams.values()) {
      if (task.logStreamNamePrefix && !stream.name.startsWith(task.logStreamNamePrefix)) continue;
      const lines = stream.events.filter((e) => e.timestamp >= task.from && e.timestamp <= task.to).map((e) => `${new Date(e.timestamp).toISOString()} ${e.message}\n`);
      if (!lines.length) continue;
      if ((task.status as string) === 'CANCELLED') return;
      const Key = `${task.destinationPrefix}/${task.taskId}/${stream.name}/000000.gz`;
      await emulator.call('s3', 'PutObject', { Bucket: task.destination, Key, Body: gzipSync(lines.join('')) }, { caller, region });
    }
    if ((task.status as string) === 'CANCELLED') return;
    task.status = 'COMPLETED';
    task.message = 'Completed successfully';
  } catch (error) {
    task.status = 'FAILED';
    task.message = error instanceof Error ? error.message : String(error);
  }
  task.completed = emulator.clock.now();
}

export function describeExportTasks(input: DescribeExportTasksRequest, ctx: Ctx): DescribeExportTasksResponse {
  const tasks = [...ctx.state.exportTasks.values()].filter(
    (t) => (input.taskId === undefined || t.taskId === input.taskId) && (input.statusCode === undefined || t.status === input.statusCode),
  );
  const { items, nextToken } = page(tasks, input.nextToken, input.limit ?? 50);
  return { exportTasks: items.map(view), nextToken };
}

export function cancelExportTask(input: CancelExportTaskRequest, ctx: Ctx): object {
  const task = ctx.state.exportTasks.get(input.taskId!);
  if (!task) throw notFound('The specified export task does not exist.');
  if (!ACTIVE.has(task.status)) throw new AwsError('InvalidOperationException', `The specified export task has already finished. Current status: ${task.status}`);
  task.status = 'CANCELLED';
  task.message = 'Cancelled by user';
  task.completed = ctx.emulator.clock.now();
  return {};
}

function view(t: ExportTask): ExportTaskShape {
  return {
    taskId: t.taskId,
    taskName: t.taskName,
    logGroupName: t.logGroupName,
    from: t.from,
    to: t.to,
    destination: t.destination,
    destinationPrefix: t.destinationPrefix,
    status: { code: t.status, ...(t.message ? { message: t.message } : {}) },
    executionInfo: { creationTime: t.created, ...(t.completed !== undefined ? { completionTime: t.completed } : {}) },
  };
}
