import type { ConsoleAction } from './view.ts';

/** How far back a tail starts (as `aws logs tail` does, by event time), and the most events one refresh adds. */
const TAIL_FROM_MS = 60 * 60 * 1000;
const TAIL_PAGE = 500;

interface TailCursor {
  /** The latest event time shown; the next refresh asks from there. */
  startTime: number;
  /** Ids of the events shown at that time, not shown again. */
  seen: string[];
}

const events = {
  items: 'events',
  columns: [{ label: 'Time', path: 'time' }, { label: 'Stream', path: 'logStreamName' }, { label: 'Message', path: 'message' }],
};

/**
 * A live tail of a CloudWatch Logs group's events: FilterLogEvents every 2 s from the last event shown, through the
 * Logs service's front door. Offered by the views of Logs and of the services that write logs (Lambda's functions),
 * each naming its group.
 */
export function tailAction(groupOf: (item: unknown) => string): ConsoleAction {
  return {
    label: 'Tail',
    liveMs: 2000,
    fields: [{ name: 'filterPattern', label: 'Filter pattern (optional)' }],
    note: 'shows the events of the last hour (by event time), then new ones as they arrive; events written later with an earlier time are not added',
    run: async (aws, { item, fields, cursor }) => {
      const previous = cursor as TailCursor | undefined;
      const startTime = previous?.startTime ?? aws.now() - TAIL_FROM_MS;
      const output = await aws.call('FilterLogEvents', { logGroupName: groupOf(item), startTime, filterPattern: (fields.filterPattern as string) || undefined, limit: TAIL_PAGE }, 'logs');
      const seen = new Set(previous?.seen);
      const fresh = (output.events as { eventId: string; timestamp: number }[]).filter((e) => !seen.has(e.eventId));
      const latest = fresh.at(-1)?.timestamp ?? startTime;
      const next: TailCursor = {
        startTime: latest,
        seen: [...(latest === startTime ? seen : []), ...fresh.filter((e) => e.timestamp === latest).map((e) => e.eventId)],
      };
      const shown = fresh.map((e) => ({ ...e, time: new Date(e.timestamp).toISOString() }));
      return { blocks: [{ kind: 'table', title: 'Events', table: events, output: { events: shown } }], cursor: next };
    },
  };
}
