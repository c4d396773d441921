import type { FlexibleTimeWindow, Target } from '@aws-sdk/client-scheduler';
import { buildArn } from '../../core/arn.ts';
import type { ClockWatcher } from '../../core/clock-watcher.ts';
import type { Schedule as ParsedExpression } from '../../core/schedule/expression.ts';

export const DEFAULT_GROUP = 'default';

export interface Schedule {
  name: string;
  group: string;
  arn: string;
  description?: string;
  expression: string;
  parsed: ParsedExpression;
  timezone?: string;
  startDate?: Date;
  endDate?: Date;
  flexibleTimeWindow: FlexibleTimeWindow;
  target: Target;
  state: 'ENABLED' | 'DISABLED';
  kmsKeyArn?: string;
  actionAfterCompletion: 'NONE' | 'DELETE';
  created: Date;
  modified: Date;
  /** The next invocation on the emulator clock, or undefined when the schedule will not run again. */
  nextRunMs?: number;
}

export interface ScheduleGroup {
  name: string;
  arn: string;
  created: Date;
  modified: Date;
  schedules: Map<string, Schedule>;
}

/** EventBridge Scheduler's state for one account and region. */
export class SchedulerState {
  readonly groups = new Map<string, ScheduleGroup>();
  readonly tags = new Map<string, Map<string, string>>();
  watcher?: ClockWatcher;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  arn(resource: string): string {
    return buildArn({ service: 'scheduler', region: this.region, accountId: this.accountId, resource });
  }

  /** The default group exists in every account, dated when the account first uses Scheduler. */
  ensureDefaultGroup(now: Date): this {
    if (!this.groups.has(DEFAULT_GROUP)) {
      this.groups.set(DEFAULT_GROUP, { name: DEFAULT_GROUP, arn: this.arn(`schedule-group/${DEFAULT_GROUP}`), created: now, modified: now, schedules: new Map() });
    }
    return this;
  }
}
