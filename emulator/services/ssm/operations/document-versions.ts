import type {
  DescribeDocumentPermissionCommandInput,
  ListDocumentVersionsCommandInput,
  ModifyDocumentPermissionCommandInput,
  UpdateDocumentDefaultVersionCommandInput,
} from '@aws-sdk/client-ssm';
import { getDocument, ownDocument, selectVersion } from '../documents/lookup.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';

/** Accounts a private document can be shared with (Systems Manager service quotas). */
const MAX_SHARED_ACCOUNTS = 1000;

export function updateDocumentDefaultVersion(input: UpdateDocumentDefaultVersionCommandInput, ctx: SsmContext) {
  const document = ownDocument(ctx, input.Name!);
  const version = selectVersion(document, input);
  document.defaultVersion = version.version;
  return { Description: { Name: document.name, DefaultVersion: version.version, DefaultVersionName: version.versionName } };
}

export function listDocumentVersions(input: ListDocumentVersionsCommandInput, ctx: SsmContext) {
  const document = getDocument(ctx, input.Name!);
  const versions = [...document.versions.values()].sort((a, b) => Number(a.version) - Number(b.version));
  const { items, NextToken } = pageOf(versions, input.MaxResults, input.NextToken, 50);
  return {
    DocumentVersions: items.map((v) => ({
      Name: document.name,
      DisplayName: v.displayName,
      DocumentVersion: v.version,
      VersionName: v.versionName,
      CreatedDate: v.createdDate,
      IsDefaultVersion: v.version === document.defaultVersion,
      DocumentFormat: v.format,
      Status: 'Active' as const,
    })),
    NextToken,
  };
}

export function describeDocumentPermission(input: DescribeDocumentPermissionCommandInput, ctx: SsmContext) {
  const document = ownDocument(ctx, input.Name!);
  const accounts = [...document.sharedWith].sort();
  const { items, NextToken } = pageOf(accounts, input.MaxResults, input.NextToken, 200);
  return {
    AccountIds: items,
    AccountSharingInfoList: items.map((AccountId) => ({ AccountId, SharedDocumentVersion: document.sharedVersion ?? '$DEFAULT' })),
    NextToken,
  };
}

export function modifyDocumentPermission(input: ModifyDocumentPermissionCommandInput, ctx: SsmContext) {
  const document = ownDocument(ctx, input.Name!);
  const add = (input.AccountIdsToAdd ?? []).map((id) => id.toLowerCase());
  const remove = (input.AccountIdsToRemove ?? []).map((id) => id.toLowerCase());
  if (add.some((id) => remove.includes(id))) {
    throw SsmErrors.invalidParameters('The same account ID can\'t be both added and removed. Specify the account ID in only one list, and then try again.');
  }
  const shared = new Set(document.sharedWith);
  for (const id of add) shared.add(id);
  for (const id of remove) shared.delete(id);
  if ([...shared].filter((id) => id !== 'all').length > MAX_SHARED_ACCOUNTS) throw SsmErrors.permissionLimit();
  document.sharedWith = shared;
  if (input.SharedDocumentVersion !== undefined) document.sharedVersion = input.SharedDocumentVersion;
  return {};
}
