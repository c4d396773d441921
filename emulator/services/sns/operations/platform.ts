import { randomUUID } from 'node:crypto';
import type {
  CreatePlatformApplicationCommandInput,
  CreatePlatformEndpointCommandInput,
  DeleteEndpointCommandInput,
  DeletePlatformApplicationCommandInput,
  GetEndpointAttributesCommandInput,
  GetPlatformApplicationAttributesCommandInput,
  ListEndpointsByPlatformApplicationCommandInput,
  ListPlatformApplicationsCommandInput,
  SetEndpointAttributesCommandInput,
  SetPlatformApplicationAttributesCommandInput,
} from '@aws-sdk/client-sns';
import { buildArn } from '../../../core/arn.ts';
import { checkArnShape } from '../arns.ts';
import { invalidParameter, notFound, validationError } from '../errors.ts';
import type { SnsContext } from '../lookup.ts';
import { page } from '../pagination.ts';
import { PLATFORMS, type PlatformApplication, type PlatformEndpoint } from '../platform.ts';
import { removeSubscription } from '../subscription.ts';

const APP_NAME = /^[A-Za-z0-9_.-]+$/;
const ENDPOINT_ATTRIBUTES = new Set(['CustomUserData', 'Enabled', 'Token']);

function checkCredentials(attributes: Record<string, string>): void {
  if (attributes.PlatformPrincipal !== undefined && attributes.PlatformCredential === undefined) {
    throw invalidParameter('Attributes Reason: PlatformPrincipal attribute provided without PlatformCredential');
  }
  if (attributes.PlatformCredential !== undefined && attributes.PlatformPrincipal === undefined) {
    throw invalidParameter('Attributes Reason: PlatformCredential attribute provided without PlatformPrincipal');
  }
}

export function createPlatformApplication(input: CreatePlatformApplicationCommandInput, ctx: SnsContext) {
  const name = input.Name ?? '';
  if (input.Attributes === undefined) throw validationError('attributes');
  if (name.length > 256) throw invalidParameter(`${name} Reason: must be at most 256 characters long`);
  if (name === '') throw invalidParameter(' Reason: cannot be empty');
  if (!APP_NAME.test(name)) throw invalidParameter(`${name} Reason: must contain only characters 'a'-'z', 'A'-'Z', '0'-'9', '_', '-', and '.'`);
  if (!PLATFORMS.has(input.Platform ?? '')) throw invalidParameter(`Platform Reason: ${input.Platform} is not supported`);
  checkCredentials(input.Attributes);
  const arn = buildArn({ service: 'sns', region: ctx.region, accountId: ctx.accountId, resource: `app/${input.Platform}/${name}` });
  const application: PlatformApplication = { arn, attributes: new Map() };
  for (const [key, value] of Object.entries(input.Attributes)) {
    if (key !== 'PlatformCredential' && key !== 'PlatformPrincipal') application.attributes.set(key, value);
  }
  application.attributes.set('Enabled', 'true');
  ctx.state.platformApplications.set(arn, application);
  return { PlatformApplicationArn: arn };
}

function findApplication(ctx: SnsContext, arn: string | undefined): PlatformApplication {
  checkArnShape('PlatformApplicationArn', arn);
  const application = ctx.state.platformApplications.get(arn!);
  if (!application) throw notFound('PlatformApplication does not exist');
  return application;
}

export function getPlatformApplicationAttributes(input: GetPlatformApplicationAttributesCommandInput, ctx: SnsContext) {
  return { Attributes: Object.fromEntries(findApplication(ctx, input.PlatformApplicationArn).attributes) };
}

export function setPlatformApplicationAttributes(input: SetPlatformApplicationAttributesCommandInput, ctx: SnsContext) {
  checkArnShape('PlatformApplicationArn', input.PlatformApplicationArn);
  // AWS checks for the attributes before it looks the application up (recorded).
  if (input.Attributes === undefined) throw validationError('attributes');
  const application = findApplication(ctx, input.PlatformApplicationArn);
  const attributes = input.Attributes;
  if ('PlatformPrincipal' in attributes || 'PlatformCredential' in attributes) checkCredentials(attributes);
  for (const [key, value] of Object.entries(attributes)) {
    if (key !== 'PlatformCredential' && key !== 'PlatformPrincipal') application.attributes.set(key, value);
  }
  return {};
}

export function listPlatformApplications(input: ListPlatformApplicationsCommandInput, ctx: SnsContext) {
  const { items, nextToken } = page([...ctx.state.platformApplications.values()], input.NextToken, 15);
  return {
    PlatformApplications: items.map((a) => ({ PlatformApplicationArn: a.arn, Attributes: Object.fromEntries(a.attributes) })),
    NextToken: nextToken,
  };
}

export function deletePlatformApplication(input: DeletePlatformApplicationCommandInput, ctx: SnsContext) {
  const arn = input.PlatformApplicationArn ?? '';
  for (const endpoint of [...ctx.state.platformEndpoints.values()]) if (endpoint.applicationArn === arn) deleteEndpointNamed(ctx, endpoint.arn);
  ctx.state.platformApplications.delete(arn);
  return {};
}

function checkEndpointAttributes(attributes: Record<string, string>): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (!ENDPOINT_ATTRIBUTES.has(key)) throw invalidParameter(`Attributes Reason: Invalid attribute name: ${key}`);
    if (key === 'CustomUserData' && Buffer.byteLength(value) > 2048) {
      throw invalidParameter('Attributes Reason: Invalid value for attribute: CustomUserData: must be at most 2048 bytes long in UTF-8 encoding');
    }
  }
}

export function createPlatformEndpoint(input: CreatePlatformEndpointCommandInput, ctx: SnsContext) {
  const application = findApplication(ctx, input.PlatformApplicationArn);
  // CustomUserData may come both ways; the attribute wins (recorded).
  const attributes = { ...(input.CustomUserData !== undefined ? { CustomUserData: input.CustomUserData } : {}), ...input.Attributes };
  checkEndpointAttributes(attributes);
  for (const endpoint of ctx.state.platformEndpoints.values()) {
    if (endpoint.applicationArn !== application.arn || endpoint.attributes.get('Token') !== input.Token) continue;
    const same = Object.entries(attributes).every(([k, v]) => endpoint.attributes.get(k) === v);
    if (!same) throw invalidParameter(`Token Reason: Endpoint ${endpoint.arn} already exists with the same Token, but different attributes.`);
    return { EndpointArn: endpoint.arn };
  }
  const [, platform, name] = application.arn.split(':').pop()!.split('/');
  const arn = buildArn({ service: 'sns', region: ctx.region, accountId: ctx.accountId, resource: `endpoint/${platform}/${name}/${randomUUID()}` });
  const endpoint: PlatformEndpoint = { arn, applicationArn: application.arn, attributes: new Map([['Enabled', 'true'], ['Token', input.Token ?? '']]) };
  for (const [key, value] of Object.entries(attributes)) endpoint.attributes.set(key, value);
  ctx.state.platformEndpoints.set(arn, endpoint);
  return { EndpointArn: arn };
}

function findEndpoint(ctx: SnsContext, arn: string | undefined): PlatformEndpoint {
  checkArnShape('EndpointArn', arn);
  if (arn!.split(':').slice(5).join(':').split('/').length !== 4) {
    throw invalidParameter('EndpointArn Reason: Wrong number of slashes in relative portion of the ARN.');
  }
  const endpoint = ctx.state.platformEndpoints.get(arn!);
  if (!endpoint) throw notFound('Endpoint does not exist');
  return endpoint;
}

export function getEndpointAttributes(input: GetEndpointAttributesCommandInput, ctx: SnsContext) {
  return { Attributes: Object.fromEntries(findEndpoint(ctx, input.EndpointArn).attributes) };
}

export function setEndpointAttributes(input: SetEndpointAttributesCommandInput, ctx: SnsContext) {
  const endpoint = findEndpoint(ctx, input.EndpointArn);
  if (input.Attributes === undefined) throw validationError('attributes');
  checkEndpointAttributes(input.Attributes);
  for (const [key, value] of Object.entries(input.Attributes)) endpoint.attributes.set(key, value);
  return {};
}

export function listEndpointsByPlatformApplication(input: ListEndpointsByPlatformApplicationCommandInput, ctx: SnsContext) {
  const application = findApplication(ctx, input.PlatformApplicationArn);
  const all = [...ctx.state.platformEndpoints.values()].filter((e) => e.applicationArn === application.arn);
  const { items, nextToken } = page(all, input.NextToken, 100);
  return { Endpoints: items.map((e) => ({ EndpointArn: e.arn, Attributes: Object.fromEntries(e.attributes) })), NextToken: nextToken };
}

function deleteEndpointNamed(ctx: SnsContext, arn: string): void {
  ctx.state.platformEndpoints.delete(arn);
  for (const subscription of [...ctx.state.subscriptions.values()]) {
    if (subscription.protocol === 'application' && subscription.endpoint === arn) removeSubscription(ctx.state, subscription.arn);
  }
}

export function deleteEndpoint(input: DeleteEndpointCommandInput, ctx: SnsContext) {
  deleteEndpointNamed(ctx, input.EndpointArn ?? '');
  return {};
}
