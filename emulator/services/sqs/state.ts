import type { Queue } from './queue.ts';
import type { MoveTask } from './move-task.ts';
import type { Clock } from '../../core/clock.ts';
import { Timers } from './timers.ts';

/** SQS state of one account in one region. */
export class SqsState {
  readonly queues = new Map<string, Queue>();
  /** Message move tasks by source queue ARN, newest last. */
  readonly moveTasks = new Map<string, MoveTask[]>();
  readonly timers: Timers;

  constructor(
    readonly accountId: string,
    readonly region: string,
    clock: Clock,
  ) {
    this.timers = new Timers(clock);
  }
}
