import type { Emulator } from '../../core/emulator.ts';
import { ResourceMetrics, sampleMetrics, type MetricSource } from '../../core/service-metrics.ts';
import type { Queue } from './queue.ts';
import type { SqsState } from './state.ts';

/** The AWS/SQS metrics CloudWatch receives for every queue, by its QueueName dimension. */
const source = (accountId: string, region: string): MetricSource => ({ namespace: 'AWS/SQS', accountId, region });

const queueMetrics = new ResourceMetrics((queue: Queue) => ({ source: source(queue.accountId, queue.region), dimensions: [{ Name: 'QueueName', Value: queue.name }] }));

/** Counts messages for a queue: NumberOfMessagesSent/Received/Deleted, NumberOfEmptyReceives (Count), or SentMessageSize (Bytes). */
export function countForQueue(emulator: Emulator, queue: Queue, metric: string, value = 1, unit = 'Count', times = 1): void {
  queueMetrics.of(emulator, queue, metric, unit).record(value, times);
}

const stops = new WeakMap<SqsState, () => void>();

/**
 * Publishes the queues' gauges once a minute, as AWS does: visible, in flight (not visible) and delayed messages, and
 * the age of the oldest message.
 */
export function sampleQueueDepths(state: SqsState, emulator: Emulator): SqsState {
  const stop = sampleMetrics(emulator, `sqs:${state.accountId}:${state.region}`, source(state.accountId, state.region), () => {
    const now = emulator.clock.now();
    return [...state.queues.values()].flatMap((queue) => {
      const counts = queue.counts(now);
      const Dimensions = [{ Name: 'QueueName', Value: queue.name }];
      return [
        { MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions, Unit: 'Count', Value: counts.visible },
        { MetricName: 'ApproximateNumberOfMessagesNotVisible', Dimensions, Unit: 'Count', Value: counts.inflight },
        { MetricName: 'ApproximateNumberOfMessagesDelayed', Dimensions, Unit: 'Count', Value: counts.delayed },
        { MetricName: 'ApproximateAgeOfOldestMessage', Dimensions, Unit: 'Seconds', Value: queue.oldestMessageAge(now) },
      ];
    });
  });
  stops.set(state, stop);
  return state;
}

export function stopSampling(state: SqsState): void {
  stops.get(state)?.();
}
