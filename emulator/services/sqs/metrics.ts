import type { Emulator } from '../../core/emulator.ts';
import { recordMetric, sampleMetrics, type MetricSource } from '../../core/service-metrics.ts';
import type { Queue } from './queue.ts';
import type { SqsState } from './state.ts';

/** The AWS/SQS metrics CloudWatch receives for every queue, by its QueueName dimension. */
const source = (accountId: string, region: string): MetricSource => ({ namespace: 'AWS/SQS', accountId, region });

/** Counts messages for a queue: NumberOfMessagesSent/Received/Deleted, NumberOfEmptyReceives (Count), or SentMessageSize (Bytes). */
export function countForQueue(emulator: Emulator, queue: Queue, metric: string, value = 1, unit = 'Count', times = 1): void {
  recordMetric(emulator, source(queue.accountId, queue.region), { MetricName: metric, Dimensions: [{ Name: 'QueueName', Value: queue.name }], Unit: unit, Value: value }, times);
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
