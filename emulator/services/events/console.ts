import type { ConsoleView } from '../../console/view.ts';

/** Event buses in the web console (default, custom and partner): each bus's rules with their targets, and an event put on it. */
const view: ConsoleView = {
  title: 'Event buses',
  list: {
    operation: 'ListEventBuses',
    items: 'EventBuses',
    columns: [{ label: 'Name', path: 'Name' }, { label: 'ARN', path: 'Arn' }, { label: 'Description', path: 'Description' }],
    next: { from: 'NextToken', to: 'NextToken' },
  },
  actions: [
    {
      label: 'Rules',
      operation: 'ListRules',
      input: { EventBusName: '$item.Name' },
      result: {
        items: 'Rules',
        columns: [{ label: 'Name', path: 'Name' }, { label: 'State', path: 'State' }, { label: 'Schedule', path: 'ScheduleExpression' }, { label: 'Event pattern', path: 'EventPattern' }],
        next: { from: 'NextToken', to: 'NextToken' },
      },
      rowActions: [
        {
          label: 'Targets',
          operation: 'ListTargetsByRule',
          input: { Rule: '$item.Name', EventBusName: '$item.EventBusName' },
          result: { items: 'Targets', columns: [{ label: 'Id', path: 'Id' }, { label: 'ARN', path: 'Arn' }, { label: 'Input', path: 'Input' }], next: { from: 'NextToken', to: 'NextToken' } },
        },
      ],
    },
    {
      label: 'Put event',
      operation: 'PutEvents',
      input: { Entries: [{ EventBusName: '$item.Name', Source: '$field.Source', DetailType: '$field.DetailType', Detail: '$field.Detail' }] },
      fields: [
        { name: 'Source', label: 'Source, e.g. my.app' },
        { name: 'DetailType', label: 'Detail type' },
        { name: 'Detail', label: 'Detail (JSON text)', multiline: true, value: '{}' },
      ],
      note: 'puts the event on this bus: every rule whose pattern matches gets it',
    },
  ],
};

export default view;
