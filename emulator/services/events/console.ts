import type { ConsoleView } from '../../console/view.ts';

/** Rules of the default event bus in the web console: their targets, and an event put on the bus. */
const view: ConsoleView = {
  title: 'Rules (default event bus)',
  list: {
    operation: 'ListRules',
    items: 'Rules',
    columns: [{ label: 'Name', path: 'Name' }, { label: 'State', path: 'State' }, { label: 'Schedule', path: 'ScheduleExpression' }, { label: 'Event pattern', path: 'EventPattern' }],
    next: { from: 'NextToken', to: 'NextToken' },
  },
  actions: [
    {
      label: 'Targets',
      operation: 'ListTargetsByRule',
      input: { Rule: '$item.Name', EventBusName: '$item.EventBusName' },
      result: { items: 'Targets', columns: [{ label: 'Id', path: 'Id' }, { label: 'ARN', path: 'Arn' }, { label: 'Input', path: 'Input' }], next: { from: 'NextToken', to: 'NextToken' } },
    },
    {
      label: 'Put event',
      operation: 'PutEvents',
      input: { Entries: [{ EventBusName: '$item.EventBusName', Source: '$field.Source', DetailType: '$field.DetailType', Detail: '$field.Detail' }] },
      fields: [
        { name: 'Source', label: 'Source, e.g. my.app' },
        { name: 'DetailType', label: 'Detail type' },
        { name: 'Detail', label: 'Detail (JSON text)', multiline: true, value: '{}' },
      ],
      note: 'puts the event on the bus of this rule: every matching rule gets it, not only this one',
    },
  ],
};

export default view;
