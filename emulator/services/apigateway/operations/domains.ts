import type {
  BasePathMapping,
  CreateBasePathMappingRequest,
  CreateDomainNameAccessAssociationRequest,
  CreateDomainNameRequest,
  DomainName,
  DomainNameAccessAssociation,
  UpdateBasePathMappingRequest,
  UpdateDomainNameRequest,
} from '@aws-sdk/client-api-gateway';
import { buildArn, partitionInfo } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { applyPatch, checkOps } from '../patch.ts';
import { deleteFound, type ApiGatewayState } from '../state.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<ApiGatewayState>;
const NONE = '(none)';

function domainOf(state: ApiGatewayState, name: string | undefined): DomainName {
  const found = name !== undefined ? state.domainNames.get(name) : undefined;
  if (!found) throw notFound('Invalid domain name identifier specified');
  return found;
}

function output(state: ApiGatewayState, domain: DomainName): DomainName {
  const tags = tagsOf(state, domain.domainNameArn!);
  return { ...structuredClone(domain), tags: Object.keys(tags).length ? tags : undefined };
}

/** Domain names are stored and described; no DNS or certificates are involved. */
export function createDomainName(input: CreateDomainNameRequest, ctx: Ctx): DomainName {
  checkTagKeys(input.tags, ctx.caller);
  if (!input.domainName) throw badRequest('No Domain Name specified');
  if (ctx.state.domainNames.has(input.domainName)) throw conflict('The domain name you provided already exists.');
  const regional = input.endpointConfiguration?.types?.includes('REGIONAL') || input.endpointConfiguration?.types?.includes('PRIVATE');
  const hash = shortId(10);
  // Private custom domain names carry an id, and their ARN names the account and `<name>+<id>`.
  const privateId = input.endpointConfiguration?.types?.includes('PRIVATE') ? shortId(10) : undefined;
  const domain: DomainName = {
    domainName: input.domainName,
    domainNameId: privateId,
    domainNameArn: privateId
      ? buildArn({ service: 'apigateway', region: ctx.region, accountId: ctx.state.accountId, resource: `/domainnames/${input.domainName}+${privateId}` })
      : ctx.state.arn(`/domainnames/${input.domainName}`),
    certificateName: input.certificateName,
    certificateArn: input.certificateArn,
    certificateUploadDate: input.certificateArn || input.certificateBody ? ctx.emulator.clock.date() : undefined,
    regionalDomainName: regional ? `d-${hash}.execute-api.${ctx.region}.${partitionInfo(ctx.region).dnsSuffix}` : undefined,
    regionalHostedZoneId: regional ? 'Z1UJRXOUMOOFQ8' : undefined,
    regionalCertificateName: input.regionalCertificateName,
    regionalCertificateArn: input.regionalCertificateArn,
    distributionDomainName: regional ? undefined : `d${hash}.cloudfront.net`,
    distributionHostedZoneId: regional ? undefined : 'Z2FDTNDATAQYW2',
    endpointConfiguration: { types: input.endpointConfiguration?.types ?? ['EDGE'], ipAddressType: input.endpointConfiguration?.ipAddressType ?? 'ipv4' },
    domainNameStatus: 'AVAILABLE',
    securityPolicy: input.securityPolicy ?? 'TLS_1_2',
    mutualTlsAuthentication: input.mutualTlsAuthentication ? { truststoreUri: input.mutualTlsAuthentication.truststoreUri, truststoreVersion: input.mutualTlsAuthentication.truststoreVersion } : undefined,
    ownershipVerificationCertificateArn: input.ownershipVerificationCertificateArn,
    policy: input.policy,
    routingMode: input.routingMode ?? 'BASE_PATH_MAPPING_ONLY',
  };
  ctx.state.domainNames.set(input.domainName, domain);
  ctx.state.basePathMappings.set(input.domainName, new Map());
  if (input.tags) writeTags(ctx.state, domain.domainNameArn!, input.tags);
  return output(ctx.state, domain);
}

export function getDomainName(input: { domainName: string }, ctx: Ctx): DomainName {
  return output(ctx.state, domainOf(ctx.state, input.domainName));
}

export function getDomainNames(input: { position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.domainNames.values()].map((d) => output(ctx.state, d)), input);
}

export function deleteDomainName(input: { domainName: string }, ctx: Ctx): Record<string, never> {
  return deleteFound(() => domainOf(ctx.state, input.domainName), input.domainName, ctx.state.domainNames, ctx.state.basePathMappings);
}

export function updateDomainName(input: UpdateDomainNameRequest, ctx: Ctx): DomainName {
  const ops = checkOps(input.patchOperations, 'updateDomainNameInput');
  const domain = domainOf(ctx.state, input.domainName);
  const draft = structuredClone(domain) as Record<string, unknown>;
  applyPatch(draft, ops, {
    certificateName: 'string',
    certificateArn: 'string',
    regionalCertificateName: 'string',
    regionalCertificateArn: 'string',
    securityPolicy: 'string',
    policy: 'string',
    routingMode: 'string',
    endpointConfiguration: { types: 'list', ipAddressType: 'string' },
    mutualTlsAuthentication: { truststoreUri: 'string', truststoreVersion: 'string' },
  });
  ctx.state.domainNames.set(input.domainName!, draft as DomainName);
  return output(ctx.state, draft as DomainName);
}

function mappingsOf(state: ApiGatewayState, domainName: string | undefined): Map<string, BasePathMapping> {
  domainOf(state, domainName);
  return state.basePathMappings.get(domainName!)!;
}

function mappingOf(state: ApiGatewayState, domainName: string | undefined, basePath: string | undefined): BasePathMapping {
  const found = mappingsOf(state, domainName).get(basePath || NONE);
  if (!found) throw notFound('Invalid base path mapping identifier specified');
  return found;
}

export function createBasePathMapping(input: CreateBasePathMappingRequest, ctx: Ctx): BasePathMapping {
  const mappings = mappingsOf(ctx.state, input.domainName);
  const api = ctx.state.api(input.restApiId);
  if (input.stage !== undefined && !api.stages.has(input.stage)) throw badRequest('Invalid stage identifier specified');
  const basePath = input.basePath || NONE;
  if (mappings.has(basePath)) throw conflict('Base path already exists for this domain name');
  const mapping: BasePathMapping = { basePath, restApiId: input.restApiId, stage: input.stage };
  mappings.set(basePath, mapping);
  return { ...mapping };
}

export function getBasePathMapping(input: { domainName: string; basePath: string }, ctx: Ctx): BasePathMapping {
  return { ...mappingOf(ctx.state, input.domainName, input.basePath) };
}

export function getBasePathMappings(input: { domainName: string; position?: string; limit?: number }, ctx: Ctx) {
  return page([...mappingsOf(ctx.state, input.domainName).values()].map((m) => ({ ...m })), input);
}

export function deleteBasePathMapping(input: { domainName: string; basePath: string }, ctx: Ctx): Record<string, never> {
  const mapping = mappingOf(ctx.state, input.domainName, input.basePath);
  ctx.state.basePathMappings.get(input.domainName)!.delete(mapping.basePath!);
  return {};
}

export function updateBasePathMapping(input: UpdateBasePathMappingRequest, ctx: Ctx): BasePathMapping {
  const ops = checkOps(input.patchOperations, 'updateBasePathMappingInput');
  const mapping = mappingOf(ctx.state, input.domainName, input.basePath);
  const draft = { ...mapping } as Record<string, unknown>;
  applyPatch(draft, ops, { basePath: 'string', restapiId: 'string', stage: 'string' });
  if (draft.restapiId !== undefined) {
    draft.restApiId = draft.restapiId;
    delete draft.restapiId;
  }
  const mappings = ctx.state.basePathMappings.get(input.domainName!)!;
  mappings.delete(mapping.basePath!);
  mappings.set((draft.basePath as string) || NONE, draft as BasePathMapping);
  return { ...(draft as BasePathMapping) };
}

const ASSOCIATION_SOURCE_TYPES = ['VPCE'];

/** The private custom domain name an ARN names, in this account and region. */
function privateDomainOf(state: ApiGatewayState, arn: string | undefined): DomainName {
  const domain = [...state.domainNames.values()].find((d) => d.domainNameArn === arn);
  if (!domain) throw notFound('Invalid domain name identifier specified');
  if (!domain.endpointConfiguration?.types?.includes('PRIVATE')) throw badRequest('Domain name access associations can only be created for private custom domain names');
  return domain;
}

/** Lets a VPC endpoint reach a private custom domain name (stored; no VPC traffic is involved). */
export function createDomainNameAccessAssociation(input: CreateDomainNameAccessAssociationRequest, ctx: Ctx): DomainNameAccessAssociation {
  checkTagKeys(input.tags, ctx.caller);
  if (!input.domainNameArn) throw badRequest('domainNameArn must be specified');
  if (!input.accessAssociationSource) throw badRequest('accessAssociationSource must be specified');
  if (!ASSOCIATION_SOURCE_TYPES.includes(input.accessAssociationSourceType ?? '')) throw badRequest(`Invalid accessAssociationSourceType ${input.accessAssociationSourceType}. Valid values are VPCE`);
  if (!/^vpce-[0-9a-f]{8,17}$/.test(input.accessAssociationSource)) throw badRequest(`Invalid VPC endpoint id ${input.accessAssociationSource}`);
  const domain = privateDomainOf(ctx.state, input.domainNameArn);
  const arn = buildArn({
    service: 'apigateway',
    region: ctx.region,
    accountId: ctx.state.accountId,
    resource: `/domainnameaccessassociations/domainname/${domain.domainName}+${domain.domainNameId}/vpcesource/${input.accessAssociationSource}`,
  });
  if (ctx.state.domainNameAccessAssociations.has(arn)) throw conflict('The domain name access association already exists');
  const association: DomainNameAccessAssociation = {
    domainNameAccessAssociationArn: arn,
    domainNameArn: input.domainNameArn,
    accessAssociationSourceType: input.accessAssociationSourceType,
    accessAssociationSource: input.accessAssociationSource,
  };
  ctx.state.domainNameAccessAssociations.set(arn, association);
  if (input.tags) writeTags(ctx.state, arn, input.tags);
  return associationOutput(ctx.state, association);
}

function associationOutput(state: ApiGatewayState, association: DomainNameAccessAssociation): DomainNameAccessAssociation {
  const tags = tagsOf(state, association.domainNameAccessAssociationArn!);
  return { ...association, tags: Object.keys(tags).length ? tags : undefined };
}

function associationOf(state: ApiGatewayState, arn: string | undefined): DomainNameAccessAssociation {
  const found = arn !== undefined ? state.domainNameAccessAssociations.get(arn) : undefined;
  if (!found) throw notFound('Invalid domain name access association identifier specified');
  return found;
}

export function getDomainNameAccessAssociations(input: { position?: string; limit?: number; resourceOwner?: string }, ctx: Ctx) {
  if (input.resourceOwner !== undefined && input.resourceOwner !== 'SELF' && input.resourceOwner !== 'OTHER_ACCOUNTS') throw badRequest('Invalid resourceOwner: SELF or OTHER_ACCOUNTS');
  // Associations are made in the domain owner's account here, so none comes from other accounts.
  const own = input.resourceOwner === 'OTHER_ACCOUNTS' ? [] : [...ctx.state.domainNameAccessAssociations.values()];
  return page(own.map((a) => associationOutput(ctx.state, a)), input);
}

export function deleteDomainNameAccessAssociation(input: { domainNameAccessAssociationArn: string }, ctx: Ctx): Record<string, never> {
  associationOf(ctx.state, input.domainNameAccessAssociationArn);
  ctx.state.domainNameAccessAssociations.delete(input.domainNameAccessAssociationArn);
  ctx.state.tags.delete(input.domainNameAccessAssociationArn);
  return {};
}

/** The domain owner refuses an association: it is removed. */
export function rejectDomainNameAccessAssociation(input: { domainNameAccessAssociationArn: string; domainNameArn: string }, ctx: Ctx): Record<string, never> {
  const association = associationOf(ctx.state, input.domainNameAccessAssociationArn);
  if (association.domainNameArn !== input.domainNameArn) throw badRequest('The domain name access association does not belong to this domain name');
  ctx.state.domainNameAccessAssociations.delete(input.domainNameAccessAssociationArn);
  return {};
}
