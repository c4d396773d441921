import type { ConsoleView } from '../../console/view.ts';

/** Buckets in the web console, and their objects by prefix. */
const view: ConsoleView = {
  title: 'Buckets',
  list: { operation: 'ListBuckets', items: 'Buckets', columns: [{ label: 'Name', path: 'Name' }, { label: 'Created', path: 'CreationDate' }] },
  actions: [
    {
      label: 'Objects',
      operation: 'ListObjectsV2',
      input: { Bucket: '$item.Name', Prefix: '$field.Prefix', MaxKeys: 100 },
      fields: [{ name: 'Prefix', label: 'Key prefix' }],
      result: {
        items: 'Contents',
        columns: [{ label: 'Key', path: 'Key' }, { label: 'Size (bytes)', path: 'Size' }, { label: 'Last modified', path: 'LastModified' }],
        next: { from: 'NextContinuationToken', to: 'ContinuationToken' },
      },
    },
  ],
};

export default view;
