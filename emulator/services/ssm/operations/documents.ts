import type {
  CreateDocumentCommandInput,
  DeleteDocumentCommandInput,
  DescribeDocumentCommandInput,
  GetDocumentCommandInput,
  UpdateDocumentCommandInput,
} from '@aws-sdk/client-ssm';
import { contentIn, readContent } from '../documents/content.ts';
import { describeVersion, getDocument, ownDocument, selectVersion } from '../documents/lookup.ts';
import { SsmErrors } from '../errors.ts';
import type { SsmContext } from '../parameters.ts';
import type { SsmDocument } from '../state.ts';
import { checkTagCount } from './tags.ts';

/** Name prefixes AWS keeps for its own documents (CreateDocument `Name`, SSM API reference). */
const RESERVED_PREFIXES = ['aws', 'amazon', 'amzn'];
/** Documents per account and region, and versions per document (Systems Manager service quotas). */
const MAX_DOCUMENTS = 500;
const MAX_VERSIONS = 1000;

export function createDocument(input: CreateDocumentCommandInput, ctx: SsmContext) {
  const name = input.Name!;
  if (RESERVED_PREFIXES.some((prefix) => name.toLowerCase().startsWith(prefix))) {
    throw SsmErrors.validation(`Document name can't start with the reserved prefixes: aws, amazon, amzn. Specify a different name and try again.`);
  }
  if (ctx.state.documents.has(name)) throw SsmErrors.documentExists(name);
  if (input.Tags) checkTagCount(input.Tags.length);
  const documentType = input.DocumentType ?? 'Command';
  const now = ctx.emulator.clock.date();
  const version = readContent(input, documentType, '1', now);
  if (ctx.state.documents.size >= MAX_DOCUMENTS) throw SsmErrors.documentLimit();
  const document: SsmDocument = {
    name,
    owner: ctx.state.accountId,
    documentType,
    createdDate: now,
    versions: new Map([['1', version]]),
    latestVersion: '1',
    defaultVersion: '1',
    sharedWith: new Set(),
    tags: (input.Tags ?? []).map((t) => ({ Key: t.Key, Value: t.Value })),
  };
  ctx.state.documents.set(name, document);
  return { DocumentDescription: describeVersion(document, version, 'Creating') };
}

export function getDocumentContent(input: GetDocumentCommandInput, ctx: SsmContext) {
  const document = getDocument(ctx, input.Name!);
  const version = selectVersion(document, input);
  return {
    Name: document.name,
    CreatedDate: version.createdDate,
    DisplayName: version.displayName,
    VersionName: version.versionName,
    DocumentVersion: version.version,
    Status: 'Active',
    Content: contentIn(version, input.DocumentFormat),
    DocumentType: document.documentType,
    DocumentFormat: input.DocumentFormat ?? version.format,
  };
}

export function describeDocument(input: DescribeDocumentCommandInput, ctx: SsmContext) {
  const document = getDocument(ctx, input.Name!);
  return { Document: describeVersion(document, selectVersion(document, input)) };
}

export function updateDocument(input: UpdateDocumentCommandInput, ctx: SsmContext) {
  const document = ownDocument(ctx, input.Name!);
  if (input.DocumentVersion !== undefined && input.DocumentVersion !== '$LATEST' && input.DocumentVersion !== document.latestVersion) {
    throw SsmErrors.documentVersion('Only the latest version of the document can be updated. Specify $LATEST or the latest version number, and then try again.');
  }
  const versions = [...document.versions.values()];
  if (input.VersionName !== undefined && versions.some((v) => v.versionName === input.VersionName)) throw SsmErrors.duplicateVersionName();
  if (versions.length >= MAX_VERSIONS) throw SsmErrors.versionLimit();
  const number = String(Number(document.latestVersion) + 1);
  const version = readContent(input, document.documentType, number, ctx.emulator.clock.date());
  if (versions.some((v) => v.hash === version.hash)) throw SsmErrors.duplicateContent();
  document.versions.set(number, version);
  document.latestVersion = number;
  return { DocumentDescription: describeVersion(document, version, 'Updating') };
}

export function deleteDocument(input: DeleteDocumentCommandInput, ctx: SsmContext) {
  const document = ownDocument(ctx, input.Name!);
  if (input.DocumentVersion !== undefined || input.VersionName !== undefined) {
    const version = selectVersion(document, input);
    if (version.version === document.defaultVersion) {
      throw SsmErrors.documentOperation('The default version of a document can\'t be deleted. Set another version as the default, and then try again.');
    }
    document.versions.delete(version.version);
    if (version.version === document.latestVersion) document.latestVersion = [...document.versions.keys()].sort((a, b) => Number(b) - Number(a))[0];
    return {};
  }
  const associated = [...ctx.state.associations.values()].some((a) => a.description.Name === document.name);
  if (associated && !input.Force) throw SsmErrors.associatedInstances();
  ctx.state.documents.delete(document.name);
  return {};
}
