import type { ConsoleView } from '../../console/view.ts';

/** Secrets in the web console: listed without their values, each value shown only when asked for. */
const view: ConsoleView = {
  title: 'Secrets',
  list: {
    operation: 'ListSecrets',
    items: 'SecretList',
    columns: [{ label: 'Name', path: 'Name' }, { label: 'Description', path: 'Description' }, { label: 'Last changed', path: 'LastChangedDate' }],
    next: { from: 'NextToken', to: 'NextToken' },
  },
  actions: [
    { label: 'Describe', operation: 'DescribeSecret', input: { SecretId: '$item.ARN' } },
    { label: 'Show value', operation: 'GetSecretValue', input: { SecretId: '$item.ARN' }, note: 'a real GetSecretValue: the value is shown on this page' },
  ],
};

export default view;
