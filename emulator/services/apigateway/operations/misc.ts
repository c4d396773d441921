import type { ClientCertificate, CreateVpcLinkRequest, UpdateAccountRequest, VpcLink } from '@aws-sdk/client-api-gateway';
import { generateKeyPairSync } from 'node:crypto';
import type { RequestContext } from '../../../core/service.ts';
import { parseArn } from '../../../core/arn.ts';
import { badRequest, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { applyPatch, checkOps } from '../patch.ts';
import type { ApiGatewayState } from '../state.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<ApiGatewayState>;

export function getAccount(_input: object, ctx: Ctx) {
  return structuredClone(ctx.state.account);
}

export function updateAccount(input: UpdateAccountRequest, ctx: Ctx) {
  const ops = checkOps(input.patchOperations, 'updateAccountInput');
  const draft = structuredClone(ctx.state.account) as Record<string, unknown>;
  applyPatch(draft, ops, { cloudwatchRoleArn: 'string', features: 'list', apiKeyVersion: 'string' });
  ctx.state.account = draft;
  return structuredClone(draft);
}

function certificateOf(state: ApiGatewayState, id: string | undefined): ClientCertificate {
  const found = id !== undefined ? state.clientCertificates.get(id) : undefined;
  if (!found) throw notFound('Invalid Client Certificate identifier specified');
  return found;
}

const certOutput = (state: ApiGatewayState, c: ClientCertificate) => {
  const tags = tagsOf(state, state.arn(`/clientcertificates/${c.clientCertificateId}`));
  return { ...c, tags: Object.keys(tags).length ? tags : undefined };
};

/** A client certificate: a fresh key's public half in PEM (API Gateway would sign backend requests with it). */
export function generateClientCertificate(input: { description?: string; tags?: Record<string, string> }, ctx: Ctx): ClientCertificate {
  checkTagKeys(input.tags, ctx.caller);
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const now = ctx.emulator.clock.date();
  const certificate: ClientCertificate = {
    clientCertificateId: shortId(6),
    description: input.description,
    pemEncodedCertificate: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    createdDate: now,
    expirationDate: new Date(now.getTime() + 365 * 86400000),
  };
  ctx.state.clientCertificates.set(certificate.clientCertificateId!, certificate);
  if (input.tags) writeTags(ctx.state, ctx.state.arn(`/clientcertificates/${certificate.clientCertificateId}`), input.tags);
  return certOutput(ctx.state, certificate);
}

export function getClientCertificate(input: { clientCertificateId: string }, ctx: Ctx): ClientCertificate {
  return certOutput(ctx.state, certificateOf(ctx.state, input.clientCertificateId));
}

export function getClientCertificates(input: { position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.clientCertificates.values()].map((c) => certOutput(ctx.state, c)), input);
}

export function deleteClientCertificate(input: { clientCertificateId: string }, ctx: Ctx): Record<string, never> {
  certificateOf(ctx.state, input.clientCertificateId);
  ctx.state.clientCertificates.delete(input.clientCertificateId);
  return {};
}

export function updateClientCertificate(input: { clientCertificateId: string; patchOperations?: [] }, ctx: Ctx): ClientCertificate {
  const ops = checkOps(input.patchOperations, 'updateClientCertificateInput');
  const certificate = certificateOf(ctx.state, input.clientCertificateId);
  const draft = { ...certificate } as Record<string, unknown>;
  applyPatch(draft, ops, { description: 'string' });
  certificate.description = draft.description as string | undefined;
  return certOutput(ctx.state, certificate);
}

function vpcLinkOf(state: ApiGatewayState, id: string | undefined): VpcLink {
  const found = id !== undefined ? state.vpcLinks.get(id) : undefined;
  if (!found) throw notFound('Invalid Vpc Link identifier specified');
  return found;
}

/** A link as AWS shows it: GetVpcLink and UpdateVpcLink always carry `tags`, the listing only when there are some. */
const linkOutput = (state: ApiGatewayState, l: VpcLink, alwaysTags = false) => {
  const tags = tagsOf(state, state.arn(`/vpclinks/${l.id}`));
  return { ...structuredClone(l), tags: Object.keys(tags).length || alwaysTags ? tags : undefined };
};

/**
 * VPC links are stored; nothing is provisioned. CreateVpcLink answers PENDING as AWS does, and the link is AVAILABLE
 * by the next call (AWS takes minutes; test_vpc_link_lifecycle waits for it).
 */
export function createVpcLink(input: CreateVpcLinkRequest, ctx: Ctx): VpcLink {
  checkTagKeys(input.tags, ctx.caller);
  if (!input.name) throw badRequest('Name cannot be empty');
  if (!input.targetArns?.length) throw badRequest('Vpc link target ARNs must be non-empty');
  const malformed = input.targetArns.find((arn) => !parseArn(arn));
  if (malformed !== undefined) throw badRequest(`Invalid ARN. ARN is not well formed ${malformed}`);
  const link: VpcLink = { id: shortId(6), name: input.name, description: input.description, targetArns: input.targetArns, status: 'AVAILABLE', statusMessage: 'Your vpc link is ready for use' };
  ctx.state.vpcLinks.set(link.id!, link);
  if (input.tags) writeTags(ctx.state, ctx.state.arn(`/vpclinks/${link.id}`), input.tags);
  return { ...linkOutput(ctx.state, link), status: 'PENDING', statusMessage: undefined };
}

export function getVpcLink(input: { vpcLinkId: string }, ctx: Ctx): VpcLink {
  return linkOutput(ctx.state, vpcLinkOf(ctx.state, input.vpcLinkId), true);
}

export function getVpcLinks(input: { position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.vpcLinks.values()].map((l) => linkOutput(ctx.state, l)), input);
}

export function deleteVpcLink(input: { vpcLinkId: string }, ctx: Ctx): Record<string, never> {
  vpcLinkOf(ctx.state, input.vpcLinkId);
  ctx.state.vpcLinks.delete(input.vpcLinkId);
  return {};
}

export function updateVpcLink(input: { vpcLinkId: string; patchOperations?: [] }, ctx: Ctx): VpcLink {
  const ops = checkOps(input.patchOperations, 'updateVpcLinkInput');
  const link = vpcLinkOf(ctx.state, input.vpcLinkId);
  const draft = { ...link } as Record<string, unknown>;
  applyPatch(draft, ops, { name: 'string', description: 'string' });
  Object.assign(link, draft);
  return linkOutput(ctx.state, link, true);
}

/** The SDK types API Gateway generates clients for (see operations/sdk.ts). */
const SDK_TYPES = [
  { id: 'android', friendlyName: 'Android', description: 'Android SDK' },
  { id: 'javascript', friendlyName: 'JavaScript', description: 'JavaScript SDK' },
  { id: 'ios-objective-c', friendlyName: 'iOS (Objective-C)', description: 'iOS SDK (Objective-C)' },
  { id: 'ios-swift', friendlyName: 'iOS (Swift)', description: 'iOS SDK (Swift)' },
  { id: 'java', friendlyName: 'Java SDK', description: 'Java SDK' },
  { id: 'ruby', friendlyName: 'Ruby', description: 'Ruby SDK' },
];

export function getSdkTypes(input: { position?: string; limit?: number }) {
  return page(SDK_TYPES.map((t) => ({ ...t, configurationProperties: [] })), input);
}

export function getSdkType(input: { id: string }) {
  const found = SDK_TYPES.find((t) => t.id === input.id);
  if (!found) throw notFound('Invalid SDK type specified');
  return { ...found, configurationProperties: [] };
}
