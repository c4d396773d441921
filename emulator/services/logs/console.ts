import type { ConsoleView } from '../../console/view.ts';

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

/** Log groups in the web console: their streams, and a live tail of their events (FilterLogEvents every 2 s). */
const view: ConsoleView = {
  title: 'Log groups',
  list: {
    operation: 'DescribeLogGroups',
    items: 'logGroups',
    columns: [{ label: 'Name', path: 'logGroupName' }, { label: 'Stored bytes', path: 'storedBytes' }, { label: 'Retention (days)', path: 'retentionInDays' }, { label: 'Created', path: 'creationTime' }],
    next: { from: 'nextToken', to: 'nextToken' },
  },
  actions: [
    {
      label: 'Streams',
      operation: 'DescribeLogStreams',
      input: { logGroupName: '$item.logGroupName', orderBy: 'LastEventTime', descending: true, limit: 50 },
      result: {
        items: 'logStreams',
        columns: [{ label: 'Name', path: 'logStreamName' }, { label: 'Last event', path: 'lastEventTimestamp' }, { label: 'Created', path: 'creationTime' }],
        next: { from: 'nextToken', to: 'nextToken' },
      },
    },
    {
      label: 'Tail',
      liveMs: 2000,
      fields: [{ name: 'filterPattern', label: 'Filter pattern (optional)' }],
      note: 'shows the events of the last hour (by event time), then new ones as they arrive; events written later with an earlier time are not added',
      run: async (aws, { item, fields, cursor }) => {
        const previous = cursor as TailCursor | undefined;
        const startTime = previous?.startTime ?? aws.now() - TAIL_FROM_MS;
        const output = await aws.call('FilterLogEvents', {
          logGroupName: (item as { logGroupName: string }).logGroupName,
          startTime,
          filterPattern: (fields.filterPattern as string) || undefined,
          limit: TAIL_PAGE,
        });
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
    },
  ],
};

export default view;
