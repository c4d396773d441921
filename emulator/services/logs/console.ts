import { tailAction } from '../../console/log-tail.ts';
import type { ConsoleView } from '../../console/view.ts';

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
    tailAction((item) => (item as { logGroupName: string }).logGroupName),
  ],
};

export default view;
