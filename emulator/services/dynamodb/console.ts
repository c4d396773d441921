import type { ConsoleAction, ConsoleCalls, ConsoleView } from '../../console/view.ts';

type Item = Record<string, unknown>;

/** The item's key: its members named in the table's key schema. */
async function keyOf(aws: ConsoleCalls, tableName: string, item: Item): Promise<Item> {
  const { Table } = await aws.call('DescribeTable', { TableName: tableName });
  return Object.fromEntries((Table.KeySchema as { AttributeName: string }[]).map((k) => [k.AttributeName, item[k.AttributeName]]));
}

/** Offered on each item a scan or query shows: edit it as JSON (a PutItem of the whole item), or delete it. */
const itemActions: ConsoleAction[] = [
  {
    label: 'Edit',
    operation: 'PutItem',
    input: { TableName: '$parent', Item: '$field.Item' },
    fields: [{ name: 'Item', label: 'Item (attribute-value JSON)', multiline: true, json: true, value: '$item' }],
    note: 'saved with PutItem: the item is replaced by what is here, its key included',
  },
  {
    label: 'Delete',
    confirm: 'Delete this item?',
    run: async (aws, { item, parent }) => {
      const Key = await keyOf(aws, parent as string, item as Item);
      await aws.call('DeleteItem', { TableName: parent, Key });
      return { blocks: [{ kind: 'json', title: 'Deleted the item with key', value: Key }] };
    },
  },
];

// Items are attribute-value maps of varying members: the columns are those found.
const items = { items: 'Items', next: { from: 'LastEvaluatedKey', to: 'ExclusiveStartKey' } };

/** Tables in the web console: their description, items by scan or query a page at a time, and item edits. */
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
    { label: 'Scan', operation: 'Scan', input: { TableName: '$item', Limit: 25 }, result: items, rowActions: itemActions },
    {
      label: 'Query',
      operation: 'Query',
      input: {
        TableName: '$item',
        IndexName: '$field.IndexName',
        KeyConditionExpression: '$field.KeyConditionExpression',
        ExpressionAttributeValues: '$field.ExpressionAttributeValues',
        ExpressionAttributeNames: '$field.ExpressionAttributeNames',
        Limit: 25,
      },
      fields: [
        { name: 'KeyConditionExpression', label: 'Key condition expression, e.g. pk = :pk' },
        { name: 'ExpressionAttributeValues', label: 'Expression attribute values (JSON), e.g. {":pk": {"S": "a"}}', json: true },
        { name: 'ExpressionAttributeNames', label: 'Expression attribute names (JSON, optional)', json: true },
        { name: 'IndexName', label: 'Index name (optional)' },
      ],
      result: items,
      rowActions: itemActions,
    },
    {
      label: 'Put item',
      operation: 'PutItem',
      input: { TableName: '$item', Item: '$field.Item' },
      fields: [{ name: 'Item', label: 'Item (attribute-value JSON), e.g. {"id": {"S": "1"}}', multiline: true, json: true }],
    },
  ],
};

export default view;
