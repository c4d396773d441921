import type { DocumentIdentifier, ListDocumentsCommandInput } from '@aws-sdk/client-ssm';
import { awsDocuments } from '../documents/aws-owned.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { SsmDocument } from '../state.ts';

type Test = (document: SsmDocument, accountId: string) => boolean;

/** Owner filter values (ListDocuments `Filters`, SSM API reference): Self, Amazon, Private, Public, ThirdParty, All. */
function ownerTest(value: string): Test {
  switch (value) {
    case 'Self':
    case 'Private':
      return (d, account) => d.owner === account;
    case 'Amazon':
      return (d) => d.owner === 'Amazon';
    case 'Public':
      return (d) => d.sharedWith.has('all');
    case 'ThirdParty':
      return () => false;
    case 'All':
      return () => true;
    default:
      throw SsmErrors.validation(`Invalid value for Owner filter: ${value}. Valid values are Self, Amazon, Private, Public, ThirdParty, All.`);
  }
}

/** One filter: the document passes when any of the values matches. */
function filterTest(key: string, values: string[]): Test {
  const defaults = (d: SsmDocument) => d.versions.get(d.defaultVersion)!;
  const any = (match: (d: SsmDocument, value: string) => boolean): Test => (d) => values.some((v) => match(d, v));
  if (key === 'Owner') {
    const tests = values.map(ownerTest);
    return (d, account) => tests.some((t) => t(d, account));
  }
  if (key === 'Name') return any((d, v) => d.name.startsWith(v));
  if (key === 'DocumentType') return any((d, v) => d.documentType === v);
  if (key === 'PlatformTypes') return any((d, v) => defaults(d).platformTypes.includes(v));
  if (key === 'TargetType') return any((d, v) => defaults(d).targetType === v);
  if (key === 'SearchKeyword') return any((d, v) => d.name.toLowerCase().includes(v.toLowerCase()));
  if (key.startsWith('tag:')) {
    const tagKey = key.slice(4);
    return (d) => d.tags.some((t) => t.Key === tagKey && (values.length === 0 || values.includes(t.Value ?? '')));
  }
  throw SsmErrors.invalidFilterKey(`The following filter key is not valid: ${key}`);
}

function identifier(d: SsmDocument): DocumentIdentifier {
  const version = d.versions.get(d.defaultVersion)!;
  return {
    Name: d.name,
    CreatedDate: version.createdDate,
    DisplayName: version.displayName,
    Owner: d.owner,
    VersionName: version.versionName,
    PlatformTypes: version.platformTypes as DocumentIdentifier['PlatformTypes'],
    DocumentVersion: version.version,
    DocumentType: d.documentType as DocumentIdentifier['DocumentType'],
    SchemaVersion: version.schemaVersion,
    DocumentFormat: version.format,
    TargetType: version.targetType,
    Tags: d.tags.map((t) => ({ ...t })),
  };
}

/** The account's documents and AWS's, filtered by the key-value `Filters` and the older `DocumentFilterList`. */
export function listDocuments(input: ListDocumentsCommandInput, ctx: SsmContext) {
  const tests = [
    ...(input.DocumentFilterList ?? []).map((f) => filterTest(f.key!, [f.value!])),
    ...(input.Filters ?? []).map((f) => filterTest(f.Key!, f.Values ?? [])),
  ];
  const all = [...ctx.state.documents.values(), ...awsDocuments().values()]
    .filter((d) => tests.every((t) => t(d, ctx.state.accountId)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, NextToken } = pageOf(all, input.MaxResults, input.NextToken, 50);
  return { DocumentIdentifiers: items.map(identifier), NextToken };
}
