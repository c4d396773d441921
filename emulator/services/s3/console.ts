import type { ConsoleAction, ConsoleCalls, ConsoleView } from '../../console/view.ts';

/** The largest object the console downloads: it travels to the page as base64 in JSON. */
const DOWNLOAD_LIMIT = 24 * 1024 * 1024;

async function bytesOf(body: Buffer | AsyncIterable<Buffer> | undefined): Promise<Buffer> {
  if (!body || Buffer.isBuffer(body)) return body ?? Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function download(aws: ConsoleCalls, Bucket: string, Key: string, VersionId?: string) {
  const head = await aws.call('HeadObject', { Bucket, Key, VersionId });
  if (head.ContentLength > DOWNLOAD_LIMIT) throw new RangeError(`the console downloads objects up to ${DOWNLOAD_LIMIT / 1024 / 1024} MiB; use an SDK or the CLI for this one`);
  const object = await aws.call('GetObject', { Bucket, Key, VersionId });
  const name = Key.split('/').filter(Boolean).at(-1) ?? 'object';
  return { blocks: [{ kind: 'download' as const, name, contentType: object.ContentType ?? 'application/octet-stream', base64: (await bytesOf(object.Body)).toString('base64') }] };
}

type Bucket = { Name: string };

/** The most keys one listing shows. */
const LIST_LIMIT = 200;
const objects = {
  items: 'Contents',
  columns: [{ label: 'Key', path: 'Key' }, { label: 'Size (bytes)', path: 'Size' }, { label: 'Last modified', path: 'LastModified' }],
};
type Version = { Key: string; VersionId?: string };

const versions = {
  items: 'Versions',
  columns: [
    { label: 'Key', path: 'Key' },
    { label: 'Version id', path: 'VersionId' },
    { label: 'Latest', path: 'IsLatest' },
    { label: 'Size (bytes)', path: 'Size' },
    { label: 'Last modified', path: 'LastModified' },
  ],
  next: { from: 'NextKeyMarker', to: 'KeyMarker' },
};
const versionActions: ConsoleAction[] = [
  { label: 'Download', run: (aws, { item, parent }) => download(aws, (parent as Bucket).Name, (item as Version).Key, (item as Version).VersionId) },
];

/** Buckets in the web console: objects by folder, upload, download, versions. */
const view: ConsoleView = {
  title: 'Buckets',
  list: { operation: 'ListBuckets', items: 'Buckets', columns: [{ label: 'Name', path: 'Name' }, { label: 'Created', path: 'CreationDate' }] },
  actions: [
    {
      label: 'Objects',
      fields: [{ name: 'Prefix', label: 'Key prefix (a folder ends with /)' }],
      note: `folders are the key prefixes up to the next "/"; the first ${LIST_LIMIT} keys are shown, a longer prefix narrows them`,
      run: async (aws, { item, fields }) => {
        const Prefix = (fields.Prefix as string) || undefined;
        const output = await aws.call('ListObjectsV2', { Bucket: (item as Bucket).Name, Prefix, Delimiter: '/', MaxKeys: LIST_LIMIT });
        const up = Prefix ? [{ Prefix: Prefix.replace(/[^/]*\/?$/, ''), Name: '..' }] : [];
        const folders = [...up, ...(output.CommonPrefixes ?? []).map((p: { Prefix: string }) => ({ Prefix: p.Prefix, Name: p.Prefix.slice(Prefix?.length ?? 0) }))];
        return {
          blocks: [
            { kind: 'table', title: 'Folders', table: { items: 'folders', columns: [{ label: 'Folder', path: 'Name' }] }, output: { folders } },
            { kind: 'table', title: 'Objects', table: objects, output },
            ...(output.IsTruncated ? [{ kind: 'text' as const, text: `More than ${LIST_LIMIT} keys: give a longer prefix to see the others.` }] : []),
          ],
        };
      },
      rowActions: [
        { label: 'Open', on: 'Folders', refine: { field: 'Prefix', value: '$item.Prefix' } },
        { label: 'Download', on: 'Objects', run: (aws, { item, parent }) => download(aws, (parent as Bucket).Name, (item as Version).Key) },
        { label: 'Versions', on: 'Objects', operation: 'ListObjectVersions', input: { Bucket: '$parent.Name', Prefix: '$item.Key' }, result: versions, rowActions: versionActions, note: 'versions of every key that starts with this one' },
        { label: 'Delete', on: 'Objects', operation: 'DeleteObject', input: { Bucket: '$parent.Name', Key: '$item.Key' }, confirm: 'Delete this object? (In a versioned bucket this adds a delete marker.)' },
      ],
    },
    {
      label: 'Upload',
      fields: [
        { name: 'File', label: 'File', file: true },
        { name: 'Key', label: 'Key (empty: the file name)' },
      ],
      run: async (aws, { item, fields }) => {
        const file = fields.File as { name: string; type: string; base64: string } | undefined;
        if (!file) throw new RangeError('choose a file to upload');
        const Key = (fields.Key as string) || file.name;
        const output = await aws.call('PutObject', { Bucket: (item as Bucket).Name, Key, Body: Buffer.from(file.base64, 'base64'), ContentType: file.type || undefined });
        return { blocks: [{ kind: 'json', title: `Uploaded ${Key}`, value: output }] };
      },
    },
    {
      label: 'Versions',
      operation: 'ListObjectVersions',
      input: { Bucket: '$item.Name', Prefix: '$field.Prefix', MaxKeys: 100 },
      fields: [{ name: 'Prefix', label: 'Key prefix' }],
      result: versions,
      rowActions: versionActions,
    },
  ],
};

export default view;
