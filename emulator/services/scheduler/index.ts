import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import {
  createScheduleGroup,
  deleteScheduleGroup,
  getScheduleGroup,
  listScheduleGroups,
  listTagsForResource,
  tagResource,
  untagResource,
} from './operations/groups.ts';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule } from './operations/schedules.ts';
import { arm } from './runner.ts';
import { SchedulerState } from './state.ts';

const operations: Record<string, Handler<SchedulerState>> = {
  CreateSchedule: createSchedule,
  GetSchedule: getSchedule,
  UpdateSchedule: updateSchedule,
  DeleteSchedule: deleteSchedule,
  ListSchedules: listSchedules,
  CreateScheduleGroup: createScheduleGroup,
  GetScheduleGroup: getScheduleGroup,
  DeleteScheduleGroup: deleteScheduleGroup,
  ListScheduleGroups: listScheduleGroups,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};

const scheduler: ServiceDefinition<SchedulerState> = {
  name: 'scheduler',
  model: loadModel('scheduler'),
  createState: (accountId, region) => new SchedulerState(accountId, region),
  validation: 'coral',
  handlers: Object.fromEntries(
    Object.entries(operations).map(([name, handler]): [string, Handler<SchedulerState>] => [
      name,
      (input, ctx) => {
        ctx.state.ensureDefaultGroup(ctx.emulator.clock.date());
        return handler(input, ctx);
      },
    ]),
  ),
  disposeState: (state) => state.watcher?.stop(),
  persistence: {
    classes: { SchedulerState: { type: SchedulerState, transient: { watcher: () => undefined } } },
    // Enabled schedules are armed again from the restore (the watcher that runs them is not state).
    revive(state, emulator) {
      for (const group of state.groups.values()) for (const schedule of group.schedules.values()) if (schedule.state === 'ENABLED') arm(state, emulator, schedule);
    },
  },
};

export default scheduler;
