import type { ConsoleView } from '../../console/view.ts';

/** Parameters in the web console: listed without their values, each value shown (decrypted) only when asked for. */
const view: ConsoleView = {
  title: 'Parameters',
  list: {
    operation: 'DescribeParameters',
    items: 'Parameters',
    columns: [{ label: 'Name', path: 'Name' }, { label: 'Type', path: 'Type' }, { label: 'Version', path: 'Version' }, { label: 'Last modified', path: 'LastModifiedDate' }],
    next: { from: 'NextToken', to: 'NextToken' },
  },
  actions: [{ label: 'Show value', operation: 'GetParameter', input: { Name: '$item.Name', WithDecryption: true }, note: 'a real GetParameter with decryption: the value is shown on this page' }],
  // SecureString values travel in these members; the request log cannot tell them from plain ones, so hides all.
  secretMembers: ['Value'],
};

export default view;
