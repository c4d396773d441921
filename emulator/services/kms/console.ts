import type { ConsoleView } from '../../console/view.ts';

/** KMS keys in the web console: each key's metadata, aliases, policy, grants and rotation; no key material is shown. */
const view: ConsoleView = {
  title: 'Keys',
  list: {
    operation: 'ListKeys',
    items: 'Keys',
    columns: [{ label: 'Key id', path: 'KeyId' }, { label: 'ARN', path: 'KeyArn' }],
    next: { from: 'NextMarker', to: 'Marker' },
  },
  actions: [
    { label: 'Describe', operation: 'DescribeKey', input: { KeyId: '$item.KeyArn' } },
    {
      label: 'Aliases',
      operation: 'ListAliases',
      input: { KeyId: '$item.KeyId' },
      result: { items: 'Aliases', columns: [{ label: 'Alias', path: 'AliasName' }, { label: 'ARN', path: 'AliasArn' }], next: { from: 'NextMarker', to: 'Marker' } },
    },
    { label: 'Key policy', operation: 'GetKeyPolicy', input: { KeyId: '$item.KeyArn', PolicyName: 'default' } },
    {
      label: 'Grants',
      operation: 'ListGrants',
      input: { KeyId: '$item.KeyArn' },
      result: { items: 'Grants', columns: [{ label: 'Grant id', path: 'GrantId' }, { label: 'Grantee', path: 'GranteePrincipal' }, { label: 'Name', path: 'Name' }], next: { from: 'NextMarker', to: 'Marker' } },
    },
    { label: 'Rotation', operation: 'GetKeyRotationStatus', input: { KeyId: '$item.KeyArn' } },
  ],
  // Plaintexts and data keys travel in these members of Encrypt/Decrypt/GenerateDataKey calls.
  secretMembers: ['Plaintext'],
};

export default view;
