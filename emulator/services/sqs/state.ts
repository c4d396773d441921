import type { Queue } from './queue.ts';
import type { MoveTask } from './move-task.ts';
import { Timers } from './timers.ts';

/** SQS state of one account in one region. */
export class SqsState {
  readonly queues = new Map<string, Queue>();
  /** Message move tasks by source queue ARN, newest last. */
  readonly moveTasks = new Map<string, MoveTask[]>();
  readonly timers = new Timers();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}
}
