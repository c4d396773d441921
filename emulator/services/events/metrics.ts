import type { Emulator } from '../../core/emulator.ts';
import { recordMetric } from '../../core/service-metrics.ts';
import type { EventsState, Rule } from './state.ts';

/** AWS/Events rule metrics by RuleName: MatchedEvents, TriggeredRules, Invocations (one per target) and FailedInvocations. */
export function countForRule(emulator: Emulator, state: EventsState, rule: Rule, metric: 'MatchedEvents' | 'TriggeredRules' | 'Invocations' | 'FailedInvocations'): void {
  const source = { namespace: 'AWS/Events', accountId: state.accountId, region: state.region };
  recordMetric(emulator, source, { MetricName: metric, Dimensions: [{ Name: 'RuleName', Value: rule.name }], Unit: 'Count', Value: 1 });
}
