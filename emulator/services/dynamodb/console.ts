import type { ConsoleView } from '../../console/view.ts';

/** Tables in the web console: their description, and a scan a page at a time. */
const view: ConsoleView = {
  title: 'Tables',
  list: {
    operation: 'ListTables',
    items: 'TableNames',
    columns: [{ label: 'Table name' }],
    next: { from: 'LastEvaluatedTableName', to: 'ExclusiveStartTableName' },
  },
  actions: [
    { label: 'Describe', operation: 'DescribeTable', input: { TableName: '$item' } },
    {
      label: 'Scan',
      operation: 'Scan',
      input: { TableName: '$item', Limit: 25 },
      // Items are attribute-value maps of varying members: the columns are those found.
      result: { items: 'Items', next: { from: 'LastEvaluatedKey', to: 'ExclusiveStartKey' } },
    },
  ],
};

export default view;
