import type { ServicePersistence } from '../../persistence/types.ts';
import { byStamp, FifoGroups, isCurrentStamp } from './fifo-groups.ts';
import { MinHeap } from './min-heap.ts';
import { MoveTask } from './move-task.ts';
import { Queue } from './queue.ts';
import { byDueTime, bySentTime, isCurrentTimer, isPresent, Schedule } from './schedule.ts';
import { bySendOrder, isCurrentVersion, SendOrder } from './send-order.ts';
import { SqsState } from './state.ts';
import { Timers } from './timers.ts';

/**
 * What SQS state holds, for persistence: queues with their messages (in flight, delayed, receive counts, receipt
 * handles, FIFO groups and deduplication windows). Long-poll waiters and armed timers are not saved; a restored
 * running move task stays as it was saved and does not resume.
 */
export const sqsPersistence: ServicePersistence<SqsState> = {
  classes: {
    SqsState,
    Queue: { type: Queue, transient: { waiters: () => new Set() } },
    Timers: { type: Timers, transient: { pending: () => new Map() } },
    Schedule,
    MinHeap,
    FifoGroups,
    SendOrder,
    MoveTask: { type: MoveTask, transient: { timer: () => undefined } },
  },
  functions: { byStamp, isCurrentStamp, byDueTime, isCurrentTimer, bySentTime, isPresent, bySendOrder, isCurrentVersion },
};
