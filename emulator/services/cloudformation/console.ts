import type { ConsoleView } from '../../console/view.ts';

/** Stacks in the web console: their events, resources, outputs and template, and deleting a stack. */
const view: ConsoleView = {
  title: 'Stacks',
  list: {
    operation: 'DescribeStacks',
    items: 'Stacks',
    columns: [{ label: 'Name', path: 'StackName' }, { label: 'Status', path: 'StackStatus' }, { label: 'Created', path: 'CreationTime' }, { label: 'Description', path: 'Description' }],
    next: { from: 'NextToken', to: 'NextToken' },
  },
  actions: [
    {
      label: 'Events',
      operation: 'DescribeStackEvents',
      input: { StackName: '$item.StackId' },
      result: {
        items: 'StackEvents',
        columns: [{ label: 'Time', path: 'Timestamp' }, { label: 'Logical id', path: 'LogicalResourceId' }, { label: 'Status', path: 'ResourceStatus' }, { label: 'Reason', path: 'ResourceStatusReason' }],
        next: { from: 'NextToken', to: 'NextToken' },
      },
    },
    {
      label: 'Resources',
      operation: 'ListStackResources',
      input: { StackName: '$item.StackId' },
      result: {
        items: 'StackResourceSummaries',
        columns: [{ label: 'Logical id', path: 'LogicalResourceId' }, { label: 'Physical id', path: 'PhysicalResourceId' }, { label: 'Type', path: 'ResourceType' }, { label: 'Status', path: 'ResourceStatus' }],
        next: { from: 'NextToken', to: 'NextToken' },
      },
    },
    {
      label: 'Outputs',
      operation: 'DescribeStacks',
      input: { StackName: '$item.StackId' },
      result: { items: 'Stacks.0.Outputs', columns: [{ label: 'Key', path: 'OutputKey' }, { label: 'Value', path: 'OutputValue' }, { label: 'Export', path: 'ExportName' }] },
    },
    { label: 'Template', operation: 'GetTemplate', input: { StackName: '$item.StackId' } },
    {
      label: 'Delete',
      operation: 'DeleteStack',
      input: { StackName: '$item.StackId' },
      confirm: 'Delete this stack and every resource it created (except those with DeletionPolicy Retain)?',
    },
  ],
  // NoEcho parameters: the console cannot tell them from others in a logged request, so hides every value.
  secretMembers: ['ParameterValue'],
};

export default view;
