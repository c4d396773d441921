import { randomUUID } from 'node:crypto';
import type { Emulator } from '../../core/emulator.ts';
import { eventTime, invokeTargets } from './dispatch.ts';
import { ClockWatcher } from '../../core/clock-watcher.ts';
import { nextFireTime } from '../../core/schedule/expression.ts';
import { DEFAULT_BUS, type EventsState, type Rule } from './state.ts';

/** Starts (or restarts) the rule's schedule from now, and makes sure the state's watcher sees it. */
export function armSchedule(state: EventsState, emulator: Emulator, rule: Rule): void {
  const now = emulator.clock.now();
  rule.nextFireMs = rule.schedule && nextFireTime(rule.schedule, now, now);
  state.watcher ??= new ClockWatcher(
    emulator.clock,
    () => nextDue(state),
    (nowMs) => fireDue(state, emulator, nowMs),
  );
  state.watcher.poke();
}

function scheduledRules(state: EventsState): Rule[] {
  const bus = state.buses.get(DEFAULT_BUS);
  return bus ? [...bus.rules.values()].filter((r) => r.schedule && r.state !== 'DISABLED' && r.nextFireMs !== undefined) : [];
}

function nextDue(state: EventsState): number | undefined {
  const times = scheduledRules(state).map((r) => r.nextFireMs!);
  return times.length ? Math.min(...times) : undefined;
}

/** Each due rule sends one "Scheduled Event" to its targets (missed periods are not made up, as on AWS). */
function fireDue(state: EventsState, emulator: Emulator, nowMs: number): void {
  for (const rule of scheduledRules(state)) {
    if (rule.nextFireMs! > nowMs) continue;
    const event = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: state.accountId,
      time: eventTime(new Date(rule.nextFireMs!)),
      region: state.region,
      resources: [rule.arn],
      detail: {},
    };
    rule.nextFireMs = nextFireTime(rule.schedule!, rule.nextFireMs!, nowMs);
    invokeTargets(state, emulator, rule, event);
  }
}
