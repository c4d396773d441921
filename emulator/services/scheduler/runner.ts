import type { Emulator } from '../../core/emulator.ts';
import { ClockWatcher } from '../../core/clock-watcher.ts';
import { invokeTarget } from './invoke.ts';
import type { Schedule, SchedulerState } from './state.ts';
import { nextRun } from './timing.ts';

function schedules(state: SchedulerState): Schedule[] {
  return [...state.groups.values()].flatMap((g) => [...g.schedules.values()]);
}

/** (Re)computes a schedule's next run from now and makes sure the state's watcher sees it. */
export function arm(state: SchedulerState, emulator: Emulator, schedule: Schedule): void {
  schedule.nextRunMs = schedule.state === 'ENABLED' ? nextRun(schedule, emulator.clock.now()) : undefined;
  state.watcher ??= new ClockWatcher(
    emulator.clock,
    () => {
      const times = schedules(state).flatMap((s) => (s.nextRunMs === undefined ? [] : [s.nextRunMs]));
      return times.length ? Math.min(...times) : undefined;
    },
    (now) => {
      for (const schedule of schedules(state)) {
        if (schedule.nextRunMs === undefined || schedule.nextRunMs > now) continue;
        const ran = schedule.nextRunMs;
        schedule.nextRunMs = nextRun(schedule, Math.max(now, ran));
        invokeTarget(state, emulator, schedule);
        // A one-time schedule may delete itself once it has run.
        if (schedule.nextRunMs === undefined && schedule.actionAfterCompletion === 'DELETE') state.groups.get(schedule.group)?.schedules.delete(schedule.name);
        emulator.changedInBackground('scheduler');
      }
    },
  );
  state.watcher.poke();
}
