import type {
  AddClientIDToOpenIDConnectProviderCommandInput,
  CreateOpenIDConnectProviderCommandInput,
  CreateSAMLProviderCommandInput,
  DeleteOpenIDConnectProviderCommandInput,
  DeleteSAMLProviderCommandInput,
  GetOpenIDConnectProviderCommandInput,
  GetSAMLProviderCommandInput,
  RemoveClientIDFromOpenIDConnectProviderCommandInput,
  UpdateOpenIDConnectProviderThumbprintCommandInput,
  UpdateSAMLProviderCommandInput,
} from '@aws-sdk/client-iam';
import { iamArn, tagsOrUndefined, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import type { OidcProvider, SamlProvider } from '../state.ts';
import { copyTags } from '../tags.ts';

/** IAM's quotas: thumbprints and client ids per OIDC provider. */
const MAX_THUMBPRINTS = 5;
const MAX_CLIENT_IDS = 100;

export function requireOidcProvider(ctx: IamContext, arn: string): OidcProvider {
  const provider = ctx.state.oidcProviders.get(arn);
  if (!provider) throw IamErrors.noSuchEntity(`OpenIDConnect Provider not found for arn ${arn}`);
  return provider;
}

export function requireSamlProvider(ctx: IamContext, arn: string): SamlProvider {
  const provider = ctx.state.samlProviders.get(arn);
  if (!provider) throw IamErrors.noSuchEntity(`SAMLProvider not found for arn ${arn}`);
  return provider;
}

function checkThumbprints(thumbprints: string[]): void {
  if (thumbprints.length > MAX_THUMBPRINTS) throw IamErrors.limitExceeded(`Thumbprint list must contain fewer than ${MAX_THUMBPRINTS + 1} entries.`);
  for (const thumbprint of thumbprints) {
    if (!/^[0-9a-fA-F]{40}$/.test(thumbprint)) throw IamErrors.invalidInput(`Thumbprint ${thumbprint} is not a valid SHA-1 hex fingerprint.`);
  }
}

/** The provider's URL as IAM keeps it: without the `https://` scheme, which the ARN carries too. */
export function createOpenIDConnectProvider(input: CreateOpenIDConnectProviderCommandInput, ctx: IamContext) {
  const url = input.Url!;
  if (!/^https:\/\/[^/\s]+/.test(url)) throw IamErrors.invalidInput('Invalid Open ID Connect Provider URL');
  const host = url.slice('https://'.length).replace(/\/$/, '');
  const arn = iamArn(ctx, `oidc-provider/${host}`);
  if (ctx.state.oidcProviders.has(arn)) throw IamErrors.alreadyExists(`Provider with url ${url} already exists.`);
  const thumbprints = input.ThumbprintList ?? [];
  checkThumbprints(thumbprints);
  const clientIds = [...new Set(input.ClientIDList ?? [])];
  if (clientIds.length > MAX_CLIENT_IDS) throw IamErrors.limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`);
  const provider: OidcProvider = { arn, url: host, clientIds, thumbprints, createDate: ctx.emulator.clock.date(), tags: copyTags(input.Tags) };
  ctx.state.oidcProviders.set(arn, provider);
  return { OpenIDConnectProviderArn: arn, Tags: tagsOrUndefined(provider.tags) };
}

export function getOpenIDConnectProvider(input: GetOpenIDConnectProviderCommandInput, ctx: IamContext) {
  const provider = requireOidcProvider(ctx, input.OpenIDConnectProviderArn!);
  return { Url: provider.url, ClientIDList: provider.clientIds, ThumbprintList: provider.thumbprints, CreateDate: provider.createDate, Tags: tagsOrUndefined(provider.tags) };
}

export function listOpenIDConnectProviders(_input: object, ctx: IamContext) {
  return { OpenIDConnectProviderList: [...ctx.state.oidcProviders.keys()].sort().map((arn) => ({ Arn: arn })) };
}

export function deleteOpenIDConnectProvider(input: DeleteOpenIDConnectProviderCommandInput, ctx: IamContext) {
  requireOidcProvider(ctx, input.OpenIDConnectProviderArn!);
  ctx.state.oidcProviders.delete(input.OpenIDConnectProviderArn!);
  return {};
}

export function addClientIDToOpenIDConnectProvider(input: AddClientIDToOpenIDConnectProviderCommandInput, ctx: IamContext) {
  const provider = requireOidcProvider(ctx, input.OpenIDConnectProviderArn!);
  if (provider.clientIds.includes(input.ClientID!)) return {};
  if (provider.clientIds.length >= MAX_CLIENT_IDS) throw IamErrors.limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`);
  provider.clientIds.push(input.ClientID!);
  return {};
}

export function removeClientIDFromOpenIDConnectProvider(input: RemoveClientIDFromOpenIDConnectProviderCommandInput, ctx: IamContext) {
  const provider = requireOidcProvider(ctx, input.OpenIDConnectProviderArn!);
  provider.clientIds = provider.clientIds.filter((id) => id !== input.ClientID);
  return {};
}

export function updateOpenIDConnectProviderThumbprint(input: UpdateOpenIDConnectProviderThumbprintCommandInput, ctx: IamContext) {
  const provider = requireOidcProvider(ctx, input.OpenIDConnectProviderArn!);
  checkThumbprints(input.ThumbprintList!);
  provider.thumbprints = [...input.ThumbprintList!];
  return {};
}

/** The metadata's `validUntil` attribute, when it has one. */
function validUntil(metadata: string): Date | undefined {
  const value = /\bvalidUntil="([^"]+)"/.exec(metadata)?.[1];
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function checkMetadata(metadata: string): void {
  if (!/<(?:\w+:)?EntityDescriptor[\s>]/.test(metadata)) throw IamErrors.invalidInput('Could not parse metadata');
}

export function createSAMLProvider(input: CreateSAMLProviderCommandInput, ctx: IamContext) {
  const arn = iamArn(ctx, `saml-provider/${input.Name}`);
  if (ctx.state.samlProviders.has(arn)) throw IamErrors.alreadyExists(`SAMLProvider ${input.Name} already exists`);
  checkMetadata(input.SAMLMetadataDocument!);
  const provider: SamlProvider = {
    arn,
    name: input.Name!,
    metadata: input.SAMLMetadataDocument!,
    createDate: ctx.emulator.clock.date(),
    validUntil: validUntil(input.SAMLMetadataDocument!),
    tags: copyTags(input.Tags),
  };
  ctx.state.samlProviders.set(arn, provider);
  return { SAMLProviderArn: arn, Tags: tagsOrUndefined(provider.tags) };
}

export function getSAMLProvider(input: GetSAMLProviderCommandInput, ctx: IamContext) {
  const provider = requireSamlProvider(ctx, input.SAMLProviderArn!);
  return { SAMLMetadataDocument: provider.metadata, CreateDate: provider.createDate, ValidUntil: provider.validUntil, Tags: tagsOrUndefined(provider.tags) };
}

export function listSAMLProviders(_input: object, ctx: IamContext) {
  const providers = [...ctx.state.samlProviders.values()].sort((a, b) => (a.arn < b.arn ? -1 : 1));
  return { SAMLProviderList: providers.map((p) => ({ Arn: p.arn, ValidUntil: p.validUntil, CreateDate: p.createDate })) };
}

export function updateSAMLProvider(input: UpdateSAMLProviderCommandInput, ctx: IamContext) {
  const provider = requireSamlProvider(ctx, input.SAMLProviderArn!);
  if (input.SAMLMetadataDocument !== undefined) {
    checkMetadata(input.SAMLMetadataDocument);
    provider.metadata = input.SAMLMetadataDocument;
    provider.validUntil = validUntil(input.SAMLMetadataDocument);
  }
  return { SAMLProviderArn: provider.arn };
}

export function deleteSAMLProvider(input: DeleteSAMLProviderCommandInput, ctx: IamContext) {
  requireSamlProvider(ctx, input.SAMLProviderArn!);
  ctx.state.samlProviders.delete(input.SAMLProviderArn!);
  return {};
}
