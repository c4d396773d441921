import { partitionInfo } from '../../../core/arn.ts';
import type { ApiMapping, CreateApiMappingRequest, CreateDomainNameRequest, CreateVpcLinkRequest, DomainName, UpdateApiMappingRequest, UpdateDomainNameRequest, UpdateVpcLinkRequest, VpcLink } from '@aws-sdk/client-apigatewayv2';
import { badRequest, childOf, conflict } from '../state.ts';
import { checkRestStage, clone, merge, newId, page, type Ctx } from './common.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

const domainOutput = (ctx: Ctx, d: DomainName) => ({ ...clone(d), Tags: tagsOf(ctx.state, ctx.state.arn(`/domainnames/${d.DomainName}`)) });

const ROUTING_MODES = ['API_MAPPING_ONLY', 'ROUTING_RULE_ONLY', 'ROUTING_RULE_THEN_API_MAPPING'];

function checkRoutingMode(mode: string | undefined): void {
  if (mode !== undefined && !ROUTING_MODES.includes(mode)) throw badRequest(`Invalid routing mode ${mode}. Valid values are ${ROUTING_MODES.join(', ')}`);
}

/** Custom domain names are stored and described (no DNS or certificates); requests with their Host header are routed by execute/custom-domain.ts. */
export function createDomainName(input: CreateDomainNameRequest, ctx: Ctx): DomainName {
  checkTagKeys(input.Tags, ctx.caller);
  if (!input.DomainName) throw badRequest('Domain name must be specified');
  if (ctx.state.domainNames.has(input.DomainName)) throw conflict(`The domain name resource already exists.`);
  checkRoutingMode(input.RoutingMode);
  const domain: DomainName = {
    DomainName: input.DomainName,
    DomainNameArn: ctx.state.arn(`/domainnames/${input.DomainName}`),
    ApiMappingSelectionExpression: '$request.basepath',
    DomainNameConfigurations: (input.DomainNameConfigurations ?? [{}]).map((c) => ({
      ...c,
      ApiGatewayDomainName: `d-${newId(10)}.execute-api.${ctx.region}.${partitionInfo(ctx.region).dnsSuffix}`,
      HostedZoneId: 'Z1UJRXOUMOOFQ8',
      DomainNameStatus: 'AVAILABLE',
      EndpointType: c.EndpointType ?? 'REGIONAL',
      SecurityPolicy: c.SecurityPolicy ?? 'TLS_1_2',
      IpAddressType: c.IpAddressType ?? 'ipv4',
    })),
    MutualTlsAuthentication: input.MutualTlsAuthentication ? { ...input.MutualTlsAuthentication } : undefined,
    RoutingMode: input.RoutingMode ?? 'API_MAPPING_ONLY',
  };
  ctx.state.domainNames.set(input.DomainName, domain);
  ctx.state.apiMappings.set(input.DomainName, new Map());
  if (input.Tags) writeTags(ctx.state, domain.DomainNameArn!, input.Tags);
  return domainOutput(ctx, domain);
}

export function getDomainName(input: { DomainName: string }, ctx: Ctx): DomainName {
  return domainOutput(ctx, childOf(ctx.state.domainNames, input.DomainName, 'DomainName'));
}

export function getDomainNames(input: { NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.domainNames.values()].map((d) => domainOutput(ctx, d)), input);
}

export function updateDomainName(input: UpdateDomainNameRequest, ctx: Ctx): DomainName {
  const domain = childOf(ctx.state.domainNames, input.DomainName, 'DomainName');
  if (input.DomainNameConfigurations) domain.DomainNameConfigurations = input.DomainNameConfigurations.map((c, i) => ({ ...domain.DomainNameConfigurations?.[i], ...c }));
  if (input.MutualTlsAuthentication) domain.MutualTlsAuthentication = { ...input.MutualTlsAuthentication };
  checkRoutingMode(input.RoutingMode);
  if (input.RoutingMode) domain.RoutingMode = input.RoutingMode;
  return domainOutput(ctx, domain);
}

export function deleteDomainName(input: { DomainName: string }, ctx: Ctx): Record<string, never> {
  childOf(ctx.state.domainNames, input.DomainName, 'DomainName');
  ctx.state.domainNames.delete(input.DomainName);
  ctx.state.apiMappings.delete(input.DomainName);
  ctx.state.routingRules.delete(input.DomainName);
  return {};
}

function mappingsOf(ctx: Ctx, domainName: string | undefined): Map<string, ApiMapping> {
  childOf(ctx.state.domainNames, domainName, 'DomainName');
  return ctx.state.apiMappings.get(domainName!)!;
}

export async function createApiMapping(input: CreateApiMappingRequest, ctx: Ctx): Promise<ApiMapping> {
  const mappings = mappingsOf(ctx, input.DomainName);
  if (ctx.state.domainNames.get(input.DomainName!)!.RoutingMode === 'ROUTING_RULE_ONLY') throw badRequest('API mappings cannot be created for a domain name whose routing mode is ROUTING_RULE_ONLY');
  // The API may be an HTTP or WebSocket API, or a REST API (API mappings and base path mappings are one thing in AWS).
  const api = input.ApiId !== undefined ? ctx.state.apis.get(input.ApiId) : undefined;
  if (api) childOf(api.stages, input.Stage, 'Stage');
  else await checkRestStage(ctx, input.ApiId ?? '', input.Stage ?? '');
  if ([...mappings.values()].some((m) => (m.ApiMappingKey ?? '') === (input.ApiMappingKey ?? ''))) throw conflict('The API mapping already exists for this domain name');
  const mapping: ApiMapping = { ApiMappingId: newId(6), ApiId: input.ApiId, ApiMappingKey: input.ApiMappingKey ?? '', Stage: input.Stage };
  mappings.set(mapping.ApiMappingId!, mapping);
  return clone(mapping);
}

export function getApiMapping(input: { DomainName: string; ApiMappingId: string }, ctx: Ctx): ApiMapping {
  return clone(childOf(mappingsOf(ctx, input.DomainName), input.ApiMappingId, 'ApiMapping'));
}

export function getApiMappings(input: { DomainName: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...mappingsOf(ctx, input.DomainName).values()].map(clone), input);
}

export function updateApiMapping(input: UpdateApiMappingRequest, ctx: Ctx): ApiMapping {
  const mapping = childOf(mappingsOf(ctx, input.DomainName), input.ApiMappingId, 'ApiMapping');
  return clone(merge(mapping, input, ['DomainName', 'ApiMappingId']));
}

export function deleteApiMapping(input: { DomainName: string; ApiMappingId: string }, ctx: Ctx): Record<string, never> {
  const mappings = mappingsOf(ctx, input.DomainName);
  childOf(mappings, input.ApiMappingId, 'ApiMapping');
  mappings.delete(input.ApiMappingId);
  return {};
}

const linkOutput = (ctx: Ctx, l: VpcLink) => ({ ...clone(l), Tags: tagsOf(ctx.state, ctx.state.arn(`/vpclinks/${l.VpcLinkId}`)) });

/** VPC links are stored, AVAILABLE at once; nothing is provisioned. */
export function createVpcLink(input: CreateVpcLinkRequest, ctx: Ctx): VpcLink {
  checkTagKeys(input.Tags, ctx.caller);
  if (!input.Name) throw badRequest('VpcLink name must be specified');
  if (!input.SubnetIds?.length) throw badRequest('SubnetIds must be specified');
  const link: VpcLink = {
    VpcLinkId: newId(6),
    Name: input.Name,
    SubnetIds: input.SubnetIds,
    SecurityGroupIds: input.SecurityGroupIds ?? [],
    CreatedDate: ctx.emulator.clock.date(),
    VpcLinkStatus: 'AVAILABLE',
    VpcLinkStatusMessage: 'VPC link is ready to route traffic',
    VpcLinkVersion: 'V2',
  };
  ctx.state.vpcLinks.set(link.VpcLinkId!, link);
  if (input.Tags) writeTags(ctx.state, ctx.state.arn(`/vpclinks/${link.VpcLinkId}`), input.Tags);
  return linkOutput(ctx, link);
}

export function getVpcLink(input: { VpcLinkId: string }, ctx: Ctx): VpcLink {
  return linkOutput(ctx, childOf(ctx.state.vpcLinks, input.VpcLinkId, 'VpcLink'));
}

export function getVpcLinks(input: { NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.vpcLinks.values()].map((l) => linkOutput(ctx, l)), input);
}

export function updateVpcLink(input: UpdateVpcLinkRequest, ctx: Ctx): VpcLink {
  const link = childOf(ctx.state.vpcLinks, input.VpcLinkId, 'VpcLink');
  if (input.Name !== undefined) link.Name = input.Name;
  return linkOutput(ctx, link);
}

export function deleteVpcLink(input: { VpcLinkId: string }, ctx: Ctx): Record<string, never> {
  childOf(ctx.state.vpcLinks, input.VpcLinkId, 'VpcLink');
  ctx.state.vpcLinks.delete(input.VpcLinkId);
  return {};
}
