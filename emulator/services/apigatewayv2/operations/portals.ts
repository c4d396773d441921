import type {
  Authorization,
  CreatePortalRequest,
  EndpointConfigurationRequest,
  EndpointConfigurationResponse,
  GetPortalResponse,
  PortalContent,
  PortalSummary,
  UpdatePortalRequest,
} from '@aws-sdk/client-apigatewayv2';
import { badRequest, notFound, type StoredPortal } from '../state.ts';
import { clone, newId, page, type Ctx } from './common.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

// Developer portals are stored and described as AWS's API reference and "Create a portal in API Gateway" describe
// them: DISABLED on creation, hosted by default at `p-<portal-id>.apigw-portal.<region>.on.aws` (a CloudFront
// distribution, hence CloudFront's hosted zone); publishing and previews complete at once. No web site is served.
const CLOUDFRONT_HOSTED_ZONE = 'Z2FDTNDATAQYW2';
const COLOR_NAMES = ['AccentColor', 'BackgroundColor', 'ErrorValidationColor', 'HeaderColor', 'NavigationColor', 'TextColor'] as const;

/** AWS's length limits of the model's string shapes (the service validates them itself). */
export function checkLength(value: string | undefined, name: string, min: number, max: number, required = false): void {
  if (value === undefined || value === null) {
    if (required) throw badRequest(`${name} must be specified`);
    return;
  }
  if (typeof value !== 'string' || value.length < min || value.length > max) throw badRequest(`${name} must be between ${min} and ${max} characters long`);
}

/** A union member: exactly one of its members is set. */
function oneOf(value: object | undefined, name: string, members: readonly string[]): string {
  const set = value ? members.filter((m) => (value as Record<string, unknown>)[m] !== undefined) : [];
  if (set.length !== 1) throw badRequest(`${name} must specify exactly one of ${members.join(', ')}`);
  return set[0];
}

function checkAuthorization(auth: Authorization | undefined): void {
  if (oneOf(auth, 'authorization', ['CognitoConfig', 'None']) !== 'CognitoConfig') return;
  const cognito = auth!.CognitoConfig!;
  checkLength(cognito.AppClientId, 'appClientId', 1, 256, true);
  checkLength(cognito.UserPoolArn, 'userPoolArn', 20, 2048, true);
  checkLength(cognito.UserPoolDomain, 'userPoolDomain', 20, 2048, true);
}

function endpointOf(ctx: Ctx, id: string, config: EndpointConfigurationRequest | undefined): EndpointConfigurationResponse {
  const kind = oneOf(config, 'endpointConfiguration', ['AcmManaged', 'None']);
  const response: EndpointConfigurationResponse = { PortalDefaultDomainName: `p-${id}.apigw-portal.${ctx.region}.on.aws`, PortalDomainHostedZoneId: CLOUDFRONT_HOSTED_ZONE };
  if (kind === 'AcmManaged') {
    const { CertificateArn, DomainName } = config!.AcmManaged!;
    checkLength(CertificateArn, 'certificateArn', 10, 2048, true);
    checkLength(DomainName, 'domainName', 3, 256, true);
    Object.assign(response, { CertificateArn, DomainName });
  }
  return response;
}

function checkContent(content: PortalContent | undefined): void {
  if (!content) throw badRequest('portalContent must be specified');
  checkLength(content.DisplayName, 'displayName', 3, 255, true);
  checkLength(content.Description, 'description', 0, 1024);
  const colors = content.Theme?.CustomColors;
  if (!colors) throw badRequest('theme customColors must be specified');
  for (const name of COLOR_NAMES) checkLength(colors[name], name.charAt(0).toLowerCase() + name.slice(1), 1, 16, true);
}

/** Included products must be this account's portal products. */
function checkProducts(ctx: Ctx, arns: string[] | undefined): void {
  for (const arn of arns ?? []) {
    checkLength(arn, 'includedPortalProductArns', 20, 2048, true);
    if (![...ctx.state.portalProducts.values()].some((p) => p.product.PortalProductArn === arn)) throw badRequest(`Invalid portal product ARN ${arn}`);
  }
}

function portalOf(ctx: Ctx, id: string | undefined): StoredPortal {
  const found = id !== undefined ? ctx.state.portals.get(id) : undefined;
  if (!found) throw notFound(`Invalid Portal identifier specified ${id}`, 'Portal');
  return found;
}

const output = (ctx: Ctx, stored: StoredPortal): GetPortalResponse => ({ ...clone(stored.portal), Tags: tagsOf(ctx.state, stored.portal.PortalArn) });

export function createPortal(input: CreatePortalRequest, ctx: Ctx): GetPortalResponse {
  checkTagKeys(input.Tags, ctx.caller);
  checkAuthorization(input.Authorization);
  checkContent(input.PortalContent);
  checkLength(input.LogoUri, 'logoUri', 0, 1092);
  checkLength(input.RumAppMonitorName, 'rumAppMonitorName', 0, 255);
  checkProducts(ctx, input.IncludedPortalProductArns);
  const id = newId(10);
  const now = ctx.emulator.clock.date();
  const content = clone(input.PortalContent)!;
  if (input.LogoUri) content.Theme!.LogoLastUploaded = now;
  const stored: StoredPortal = {
    portal: {
      PortalId: id,
      PortalArn: ctx.state.accountArn(`/portals/${id}`),
      Authorization: clone(input.Authorization),
      EndpointConfiguration: endpointOf(ctx, id, input.EndpointConfiguration),
      IncludedPortalProductArns: [...(input.IncludedPortalProductArns ?? [])],
      PortalContent: content,
      PublishStatus: 'DISABLED',
      RumAppMonitorName: input.RumAppMonitorName,
      LastModified: now,
    },
  };
  ctx.state.portals.set(id, stored);
  if (input.Tags) writeTags(ctx.state, stored.portal.PortalArn, input.Tags);
  const { Preview: _preview, ...created } = output(ctx, stored);
  return created;
}

export function getPortal(input: { PortalId: string }, ctx: Ctx): GetPortalResponse {
  return output(ctx, portalOf(ctx, input.PortalId));
}

export function listPortals(input: { NextToken?: string; MaxResults?: string }, ctx: Ctx): { Items: PortalSummary[]; NextToken?: string } {
  return page([...ctx.state.portals.values()].map((p) => output(ctx, p) as PortalSummary), input);
}

export function updatePortal(input: UpdatePortalRequest, ctx: Ctx): GetPortalResponse {
  const stored = portalOf(ctx, input.PortalId);
  const portal = stored.portal;
  if (input.Authorization !== undefined) checkAuthorization(input.Authorization);
  if (input.PortalContent !== undefined) checkContent(input.PortalContent);
  checkLength(input.LogoUri, 'logoUri', 0, 1092);
  checkLength(input.RumAppMonitorName, 'rumAppMonitorName', 0, 255);
  checkProducts(ctx, input.IncludedPortalProductArns);
  const endpoint = input.EndpointConfiguration !== undefined ? endpointOf(ctx, portal.PortalId, input.EndpointConfiguration) : undefined;
  const now = ctx.emulator.clock.date();
  if (input.Authorization !== undefined) portal.Authorization = clone(input.Authorization);
  if (endpoint) portal.EndpointConfiguration = endpoint;
  if (input.PortalContent !== undefined) portal.PortalContent = { ...clone(input.PortalContent), Theme: { ...input.PortalContent.Theme!, LogoLastUploaded: portal.PortalContent?.Theme?.LogoLastUploaded } };
  if (input.LogoUri) portal.PortalContent!.Theme!.LogoLastUploaded = now;
  if (input.IncludedPortalProductArns !== undefined) portal.IncludedPortalProductArns = [...input.IncludedPortalProductArns];
  if (input.RumAppMonitorName !== undefined) portal.RumAppMonitorName = input.RumAppMonitorName;
  portal.LastModified = now;
  return output(ctx, stored);
}

export function deletePortal(input: { PortalId: string }, ctx: Ctx): Record<string, never> {
  const stored = portalOf(ctx, input.PortalId);
  ctx.state.portals.delete(input.PortalId);
  ctx.state.tags.delete(stored.portal.PortalArn);
  return {};
}

export function publishPortal(input: { PortalId: string; Description?: string }, ctx: Ctx): Record<string, never> {
  const portal = portalOf(ctx, input.PortalId).portal;
  checkLength(input.Description, 'description', 0, 1024);
  portal.PublishStatus = 'PUBLISHED';
  portal.LastPublished = ctx.emulator.clock.date();
  portal.LastPublishedDescription = input.Description ?? '';
  return {};
}

export function disablePortal(input: { PortalId: string }, ctx: Ctx): Record<string, never> {
  portalOf(ctx, input.PortalId).portal.PublishStatus = 'DISABLED';
  return {};
}

/** A preview is a short-lived URL of the portal as it would be published; here it is ready at once. */
export function previewPortal(input: { PortalId: string }, ctx: Ctx): Record<string, never> {
  const portal = portalOf(ctx, input.PortalId).portal;
  portal.Preview = { PreviewStatus: 'PREVIEW_READY', PreviewUrl: `https://p-${portal.PortalId}-preview.apigw-portal.${ctx.region}.on.aws` };
  return {};
}
