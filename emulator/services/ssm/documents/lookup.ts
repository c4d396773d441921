import type { DocumentDescription } from '@aws-sdk/client-ssm';
import { parseArn } from '../../../core/arn.ts';
import { SsmErrors } from '../errors.ts';
import type { SsmContext } from '../parameters.ts';
import type { DocumentVersionRecord, SsmDocument } from '../state.ts';
import { awsDocuments } from './aws-owned.ts';

/**
 * The document a name or ARN names: the account's own, or an AWS-owned one. An ARN of another account names a
 * document shared from it, which twinstack does not serve across accounts: InvalidDocument, as for a missing one.
 */
export function findDocument(ctx: SsmContext, reference: string): SsmDocument | undefined {
  let name = reference;
  if (reference.startsWith('arn:')) {
    const arn = parseArn(reference);
    if (!arn || !arn.resource.startsWith('document/') || (arn.region && arn.region !== ctx.region)) return undefined;
    name = arn.resource.slice('document/'.length);
    if (arn.accountId && arn.accountId !== ctx.state.accountId) return undefined;
    if (!arn.accountId) return awsDocuments().get(name);
  }
  return ctx.state.documents.get(name) ?? awsDocuments().get(name);
}

export function getDocument(ctx: SsmContext, reference: string): SsmDocument {
  const document = findDocument(ctx, reference);
  if (!document) throw SsmErrors.documentNotFound();
  return document;
}

/** The account's own document by name: only those can be changed, shared or deleted. */
export function ownDocument(ctx: SsmContext, name: string): SsmDocument {
  const document = ctx.state.documents.get(name);
  if (!document) throw SsmErrors.documentNotFound();
  return document;
}

/** The version `DocumentVersion` ($LATEST, $DEFAULT or a number) and/or `VersionName` select; the default otherwise. */
export function selectVersion(document: SsmDocument, input: { DocumentVersion?: string; VersionName?: string }): DocumentVersionRecord {
  let wanted = input.DocumentVersion === '$LATEST' ? document.latestVersion : input.DocumentVersion === '$DEFAULT' ? document.defaultVersion : input.DocumentVersion;
  if (input.VersionName !== undefined) {
    const named = [...document.versions.values()].find((v) => v.versionName === input.VersionName);
    if (!named || (wanted !== undefined && named.version !== wanted)) throw SsmErrors.documentVersion();
    wanted = named.version;
  }
  const version = document.versions.get(wanted ?? document.defaultVersion);
  if (!version) throw SsmErrors.documentVersion();
  return version;
}

/** DocumentDescription of one version, as CreateDocument, UpdateDocument and DescribeDocument return it. */
export function describeVersion(document: SsmDocument, version: DocumentVersionRecord, status = 'Active'): DocumentDescription {
  return {
    Hash: version.hash,
    HashType: 'Sha256',
    Name: document.name,
    DisplayName: version.displayName,
    VersionName: version.versionName,
    Owner: document.owner,
    CreatedDate: version.createdDate,
    Status: status as DocumentDescription['Status'],
    DocumentVersion: version.version,
    Description: version.description,
    Parameters: version.parameters.length ? version.parameters : undefined,
    PlatformTypes: version.platformTypes as DocumentDescription['PlatformTypes'],
    DocumentType: document.documentType as DocumentDescription['DocumentType'],
    SchemaVersion: version.schemaVersion,
    LatestVersion: document.latestVersion,
    DefaultVersion: document.defaultVersion,
    DocumentFormat: version.format,
    TargetType: version.targetType,
    Tags: document.tags.map((t) => ({ ...t })),
  };
}
