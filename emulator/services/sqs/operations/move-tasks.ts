import type {
  CancelMessageMoveTaskCommandInput,
  ListMessageMoveTasksCommandInput,
  StartMessageMoveTaskCommandInput,
} from '@aws-sdk/client-sqs';
import { accessDenied, invalidParameter, invalidParameterValue, missingParameter, resourceNotFound } from '../errors.ts';
import { MoveTask } from '../move-task.ts';
import type { Queue } from '../queue.ts';
import { parseQueueArn, stateFor, type SqsContext } from '../queue-url.ts';
import { parseRedrivePolicy } from '../redrive.ts';

function existingQueue(ctx: SqsContext, arn: string | undefined, parameter: 'SourceArn' | 'DestinationArn'): Queue {
  if (!arn) throw missingParameter(parameter);
  const at = parseQueueArn(arn);
  const queue = at && stateFor(ctx, at.accountId, at.region).queues.get(at.name);
  // AWS says a queue of another account does not exist (recorded for a forged task handle) before the account wall.
  if (!queue) throw resourceNotFound(`The resource that you specified for the ${parameter} parameter doesn't exist.`);
  if (at.accountId !== ctx.caller.accountId && ctx.emulator.crossAccount !== 'open') throw accessDenied(at, false);
  return queue;
}

function tasksOf(ctx: SqsContext, queue: Queue): MoveTask[] {
  const state = stateFor(ctx, queue.accountId, queue.region);
  let tasks = state.moveTasks.get(queue.arn);
  if (!tasks) state.moveTasks.set(queue.arn, (tasks = []));
  return tasks;
}

export function startMessageMoveTask(input: StartMessageMoveTaskCommandInput, ctx: SqsContext) {
  const source = existingQueue(ctx, input.SourceArn, 'SourceArn');
  const isDeadLetterQueue = [...stateFor(ctx, source.accountId, source.region).queues.values()].some(
    (q) => parseRedrivePolicy(q.attributes.RedrivePolicy)?.deadLetterTargetArn === source.arn,
  );
  if (!isDeadLetterQueue) throw invalidParameterValue('Source queue must be configured as a Dead Letter Queue.');
  if (input.DestinationArn !== undefined) existingQueue(ctx, input.DestinationArn, 'DestinationArn');
  const rate = input.MaxNumberOfMessagesPerSecond;
  if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > 500)) {
    throw invalidParameter('MaxNumberOfMessagesPerSecond', rate, 'Must be between 1 and 500.');
  }
  const tasks = tasksOf(ctx, source);
  if (tasks.some((t) => t.status === 'RUNNING')) {
    throw invalidParameterValue('There is already a task running. Only one active task is allowed for a source queue arn at a given time.');
  }
  const task = new MoveTask(ctx, source, input.DestinationArn, rate);
  tasks.push(task);
  return { TaskHandle: task.handle };
}

export function cancelMessageMoveTask(input: CancelMessageMoveTaskCommandInput, ctx: SqsContext) {
  let parsed: { taskId?: unknown; sourceArn?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(input.TaskHandle ?? '', 'base64').toString('utf8')) as typeof parsed;
  } catch {
    throw invalidParameterValue('Value for parameter TaskHandle is invalid.');
  }
  if (typeof parsed?.taskId !== 'string' || typeof parsed.sourceArn !== 'string') {
    throw invalidParameterValue('Value for parameter TaskHandle is invalid.');
  }
  const source = existingQueue(ctx, parsed.sourceArn, 'SourceArn');
  const task = tasksOf(ctx, source).find((t) => t.taskId === parsed.taskId && t.status === 'RUNNING');
  if (!task) throw resourceNotFound('Task does not exist.');
  task.cancel();
  return { ApproximateNumberOfMessagesMoved: task.moved };
}

export function listMessageMoveTasks(input: ListMessageMoveTasksCommandInput, ctx: SqsContext) {
  const source = existingQueue(ctx, input.SourceArn, 'SourceArn');
  const max = input.MaxResults ?? 1;
  if (!Number.isInteger(max) || max < 1 || max > 10) throw invalidParameter('MaxResults', max, 'Must be between 1 and 10.');
  return { Results: [...tasksOf(ctx, source)].reverse().slice(0, max).map((t) => t.describe()) };
}
