import { randomUUID } from 'node:crypto';
import type { ListMessageMoveTasksResultEntry } from '@aws-sdk/client-sqs';
import type { ClockTimer } from '../../core/clock.ts';
import type { Queue } from './queue.ts';
import { queueByArn, type SqsContext } from './queue-url.ts';
import { moveMessage } from './redrive.ts';

/** Messages moved per tick when the caller sets no rate (AWS's documented maximum rate is 500/s). */
const DEFAULT_RATE = 500;

/**
 * A message move task: moves the visible messages of a dead-letter queue back to their source queues (or to one
 * destination), at most `rate` per second, on one timer per running task.
 */
export class MoveTask {
  readonly taskId = randomUUID();
  readonly startedAt: number;
  status: 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED' = 'RUNNING';
  moved = 0;
  readonly toMove: number;
  failureReason?: string;
  private timer?: ClockTimer;

  constructor(
    private readonly ctx: SqsContext,
    private readonly source: Queue,
    readonly destinationArn: string | undefined,
    readonly rate: number | undefined,
  ) {
    this.startedAt = source.timers.clock.now();
    this.toMove = source.counts(this.startedAt).visible;
    this.schedule(0);
  }

  get handle(): string {
    return Buffer.from(JSON.stringify({ taskId: this.taskId, sourceArn: this.source.arn })).toString('base64');
  }

  private schedule(ms: number): void {
    this.timer = this.source.timers.after(ms, () => this.tick());
  }

  private tick(): void {
    if (this.status !== 'RUNNING') return;
    const batch = this.source.visibleMessages(this.source.timers.clock.now()).slice(0, this.rate ?? DEFAULT_RATE);
    for (const message of batch) {
      const target = queueByArn(this.ctx, this.destinationArn ?? message.deadLetterSourceArn ?? '');
      if (!target) {
        this.status = 'FAILED';
        this.failureReason = 'AWS.SimpleQueueService.NonExistentQueue';
        return;
      }
      this.source.remove(message);
      moveMessage(message, target, { deadLetterSourceArn: undefined, receiveCount: 0, firstReceiveAt: undefined });
      this.moved += 1;
    }
    if (this.moved >= this.toMove || batch.length === 0) this.status = 'COMPLETED';
    else this.schedule(1000);
  }

  cancel(): void {
    this.status = 'CANCELLED';
    if (this.timer) this.source.timers.cancel(this.timer);
  }

  describe(): ListMessageMoveTasksResultEntry {
    return {
      TaskHandle: this.status === 'RUNNING' ? this.handle : undefined,
      Status: this.status,
      SourceArn: this.source.arn,
      DestinationArn: this.destinationArn,
      MaxNumberOfMessagesPerSecond: this.rate,
      ApproximateNumberOfMessagesMoved: this.moved,
      ApproximateNumberOfMessagesToMove: this.toMove,
      FailureReason: this.failureReason,
      StartedTimestamp: this.startedAt,
    };
  }
}
