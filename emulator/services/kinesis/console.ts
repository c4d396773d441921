import type { ConsoleView } from '../../console/view.ts';

/** The most records "Read" shows from each shard. */
const READ_LIMIT = 100;

type Record = { SequenceNumber: string; PartitionKey: string; Data: Uint8Array; ApproximateArrivalTimestamp: Date };

/** Streams in the web console: their summary, a record put, and the oldest records of each shard read. */
const view: ConsoleView = {
  title: 'Streams',
  list: {
    operation: 'ListStreams',
    items: 'StreamSummaries',
    columns: [{ label: 'Name', path: 'StreamName' }, { label: 'Status', path: 'StreamStatus' }, { label: 'Mode', path: 'StreamModeDetails.StreamMode' }, { label: 'Created', path: 'StreamCreationTimestamp' }],
    next: { from: 'NextToken', to: 'NextToken' },
  },
  actions: [
    { label: 'Describe', operation: 'DescribeStreamSummary', input: { StreamARN: '$item.StreamARN' } },
    {
      label: 'Put record',
      fields: [
        { name: 'PartitionKey', label: 'Partition key' },
        { name: 'Data', label: 'Data (text)', multiline: true },
      ],
      run: async (aws, { item, fields }) => {
        const output = await aws.call('PutRecord', { StreamARN: (item as { StreamARN: string }).StreamARN, PartitionKey: fields.PartitionKey, Data: Buffer.from(String(fields.Data ?? '')) });
        return { blocks: [{ kind: 'json', title: 'Put', value: output }] };
      },
    },
    {
      label: 'Read',
      note: `reads up to ${READ_LIMIT} of the oldest records of each shard (TRIM_HORIZON); data shown as UTF-8 text`,
      run: async (aws, { item }) => {
        const StreamARN = (item as { StreamARN: string }).StreamARN;
        const { Shards } = await aws.call('ListShards', { StreamARN });
        const records = [];
        for (const { ShardId } of Shards as { ShardId: string }[]) {
          const { ShardIterator } = await aws.call('GetShardIterator', { StreamARN, ShardId, ShardIteratorType: 'TRIM_HORIZON' });
          const page = await aws.call('GetRecords', { StreamARN, ShardIterator, Limit: READ_LIMIT });
          for (const r of page.Records as Record[]) records.push({ ShardId, SequenceNumber: r.SequenceNumber, PartitionKey: r.PartitionKey, Data: Buffer.from(r.Data).toString('utf8'), Arrived: r.ApproximateArrivalTimestamp });
        }
        const columns = ['ShardId', 'PartitionKey', 'Data', 'Arrived', 'SequenceNumber'].map((name) => ({ label: name, path: name }));
        return { blocks: [{ kind: 'table', title: 'Records', table: { items: 'records', columns }, output: { records } }] };
      },
    },
  ],
};

export default view;
