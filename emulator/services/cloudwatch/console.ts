import type { ConsoleView } from '../../console/view.ts';

/** Metric alarms in the web console: their history, and setting a state by hand (as SetAlarmState does). */
const view: ConsoleView = {
  title: 'Alarms',
  list: {
    operation: 'DescribeAlarms',
    items: 'MetricAlarms',
    columns: [{ label: 'Name', path: 'AlarmName' }, { label: 'State', path: 'StateValue' }, { label: 'Metric', path: 'MetricName' }, { label: 'Namespace', path: 'Namespace' }, { label: 'Since', path: 'StateUpdatedTimestamp' }],
    next: { from: 'NextToken', to: 'NextToken' },
  },
  actions: [
    {
      label: 'History',
      operation: 'DescribeAlarmHistory',
      input: { AlarmName: '$item.AlarmName' },
      result: { items: 'AlarmHistoryItems', columns: [{ label: 'Time', path: 'Timestamp' }, { label: 'Type', path: 'HistoryItemType' }, { label: 'Summary', path: 'HistorySummary' }], next: { from: 'NextToken', to: 'NextToken' } },
    },
    {
      label: 'Set state',
      operation: 'SetAlarmState',
      input: { AlarmName: '$item.AlarmName', StateValue: '$field.StateValue', StateReason: '$field.StateReason' },
      fields: [
        { name: 'StateValue', label: 'State (OK, ALARM, INSUFFICIENT_DATA)' },
        { name: 'StateReason', label: 'Reason', value: 'set from the twinstack console' },
      ],
      note: 'the alarm returns to the state its metric gives at its next evaluation',
    },
  ],
};

export default view;
