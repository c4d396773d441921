import type { ServicePersistence } from '../../persistence/types.ts';
import { FifoGroups } from './fifo-groups.ts';
import { MoveTask } from './move-task.ts';
import { Queue } from './queue.ts';
import { Schedule } from './schedule.ts';
import { SendOrder } from './send-order.ts';
import { SqsState } from './state.ts';
import { Timers } from './timers.ts';

/**
 * What SQS state holds, for persistence: queues with their messages (in flight, delayed, receive counts, receipt
 * handles) and FIFO deduplication windows, each message a record of its own. A queue's bookkeeping over its
 * messages (heaps, FIFO groups, receipt handle index) is rebuilt on restore; FIFO groups then take turns in the
 * order of their oldest message. Long-poll waiters and armed timers are not saved; a restored running move task
 * stays as it was saved and does not resume.
 */
export const sqsPersistence: ServicePersistence<SqsState> = {
  classes: {
    SqsState,
    Queue: {
      type: Queue,
      transient: {
        waiters: () => new Set(),
        slots: () => new Map(),
        handles: () => new Map(),
        picker: (queue: Queue) => (queue.fifo ? new FifoGroups() : new SendOrder()),
        schedule: (queue: Queue) => new Schedule((queue as unknown as { picker: FifoGroups | SendOrder }).picker),
        enqueued: () => 0,
        arnText: () => undefined,
      },
      revive: (queue: Queue) => queue.rebuild(),
    },
    Timers: { type: Timers, transient: { pending: () => new Map() } },
    MoveTask: { type: MoveTask, transient: { timer: () => undefined } },
  },
};
