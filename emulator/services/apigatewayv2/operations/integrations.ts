import type { CreateIntegrationRequest, CreateIntegrationResponseRequest, Integration, IntegrationResponse, UpdateIntegrationRequest, UpdateIntegrationResponseRequest } from '@aws-sdk/client-apigatewayv2';
import { badRequest, childOf, type StoredV2Api } from '../state.ts';
import { autoDeploy, clone, merge, newId, page, type Ctx } from './common.ts';
import { deploy } from './deploy.ts';

const TYPES = ['AWS', 'AWS_PROXY', 'HTTP', 'HTTP_PROXY', 'MOCK'];

function checkIntegration(api: StoredV2Api, integration: Integration): void {
  if (!integration.IntegrationType || !TYPES.includes(integration.IntegrationType)) throw badRequest(`Invalid integration type specified ${integration.IntegrationType}`);
  if (api.api.ProtocolType === 'HTTP' && ['AWS', 'HTTP', 'MOCK'].includes(integration.IntegrationType) && !integration.IntegrationSubtype) {
    throw badRequest(`Integration type ${integration.IntegrationType} is not supported for HTTP APIs`);
  }
  if (integration.IntegrationType !== 'MOCK' && !integration.IntegrationUri && !integration.IntegrationSubtype) throw badRequest('IntegrationUri must be specified');
  if (integration.PayloadFormatVersion !== undefined && !['1.0', '2.0'].includes(integration.PayloadFormatVersion)) throw badRequest(`Invalid payload format version specified ${integration.PayloadFormatVersion}`);
  if (api.api.ProtocolType === 'HTTP' && integration.IntegrationType === 'HTTP_PROXY' && integration.PayloadFormatVersion === '2.0') throw badRequest('HTTP_PROXY integrations support only payload format version 1.0');
}

export function createIntegration(input: CreateIntegrationRequest, ctx: Ctx): Integration {
  const api = ctx.state.api(input.ApiId);
  const http = api.api.ProtocolType === 'HTTP';
  const integration: Integration = {
    IntegrationId: newId(7),
    IntegrationType: input.IntegrationType,
    IntegrationSubtype: input.IntegrationSubtype,
    IntegrationUri: input.IntegrationUri,
    IntegrationMethod: input.IntegrationMethod ?? (input.IntegrationType === 'AWS_PROXY' ? 'POST' : undefined),
    ConnectionType: input.ConnectionType ?? 'INTERNET',
    ConnectionId: input.ConnectionId,
    CredentialsArn: input.CredentialsArn,
    Description: input.Description,
    PayloadFormatVersion: input.PayloadFormatVersion ?? (http && input.IntegrationType === 'AWS_PROXY' ? '2.0' : '1.0'),
    PassthroughBehavior: http ? undefined : (input.PassthroughBehavior ?? 'WHEN_NO_MATCH'),
    ContentHandlingStrategy: input.ContentHandlingStrategy,
    RequestParameters: input.RequestParameters,
    RequestTemplates: input.RequestTemplates,
    ResponseParameters: input.ResponseParameters,
    TemplateSelectionExpression: input.TemplateSelectionExpression,
    TimeoutInMillis: input.TimeoutInMillis ?? (http ? 30000 : 29000),
    TlsConfig: input.TlsConfig,
    IntegrationResponseSelectionExpression: http ? undefined : '${integration.response.statuscode}',
    ApiGatewayManaged: false,
  };
  checkIntegration(api, integration);
  api.integrations.set(integration.IntegrationId!, integration);
  autoDeploy(api, ctx, deploy);
  return clone(integration);
}

export function getIntegration(input: { ApiId: string; IntegrationId: string }, ctx: Ctx): Integration {
  return clone(childOf(ctx.state.api(input.ApiId).integrations, input.IntegrationId, 'Integration'));
}

export function getIntegrations(input: { ApiId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.api(input.ApiId).integrations.values()].map(clone), input);
}

export function updateIntegration(input: UpdateIntegrationRequest, ctx: Ctx): Integration {
  const api = ctx.state.api(input.ApiId);
  const integration = childOf(api.integrations, input.IntegrationId, 'Integration');
  const draft = merge(clone(integration), input, ['ApiId', 'IntegrationId']);
  checkIntegration(api, draft);
  Object.assign(integration, draft);
  autoDeploy(api, ctx, deploy);
  return clone(integration);
}

export function deleteIntegration(input: { ApiId: string; IntegrationId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.ApiId);
  childOf(api.integrations, input.IntegrationId, 'Integration');
  api.integrations.delete(input.IntegrationId);
  api.integrationResponses.delete(input.IntegrationId);
  autoDeploy(api, ctx, deploy);
  return {};
}

function responsesOf(api: StoredV2Api, integrationId: string | undefined): Map<string, IntegrationResponse> {
  childOf(api.integrations, integrationId, 'Integration');
  let responses = api.integrationResponses.get(integrationId!);
  if (!responses) api.integrationResponses.set(integrationId!, (responses = new Map()));
  return responses;
}

export function createIntegrationResponse(input: CreateIntegrationResponseRequest, ctx: Ctx): IntegrationResponse {
  const responses = responsesOf(ctx.state.api(input.ApiId), input.IntegrationId);
  if (!input.IntegrationResponseKey) throw badRequest('Integration response key must be specified');
  const response: IntegrationResponse = {
    IntegrationResponseId: newId(6),
    IntegrationResponseKey: input.IntegrationResponseKey,
    ContentHandlingStrategy: input.ContentHandlingStrategy,
    ResponseParameters: input.ResponseParameters,
    ResponseTemplates: input.ResponseTemplates,
    TemplateSelectionExpression: input.TemplateSelectionExpression,
  };
  responses.set(response.IntegrationResponseId!, response);
  autoDeploy(ctx.state.api(input.ApiId), ctx, deploy);
  return clone(response);
}

export function getIntegrationResponse(input: { ApiId: string; IntegrationId: string; IntegrationResponseId: string }, ctx: Ctx): IntegrationResponse {
  return clone(childOf(responsesOf(ctx.state.api(input.ApiId), input.IntegrationId), input.IntegrationResponseId, 'IntegrationResponse'));
}

export function getIntegrationResponses(input: { ApiId: string; IntegrationId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...responsesOf(ctx.state.api(input.ApiId), input.IntegrationId).values()].map(clone), input);
}

export function updateIntegrationResponse(input: UpdateIntegrationResponseRequest, ctx: Ctx): IntegrationResponse {
  const response = childOf(responsesOf(ctx.state.api(input.ApiId), input.IntegrationId), input.IntegrationResponseId, 'IntegrationResponse');
  merge(response, input, ['ApiId', 'IntegrationId', 'IntegrationResponseId']);
  autoDeploy(ctx.state.api(input.ApiId), ctx, deploy);
  return clone(response);
}

export function deleteIntegrationResponse(input: { ApiId: string; IntegrationId: string; IntegrationResponseId: string }, ctx: Ctx): Record<string, never> {
  const responses = responsesOf(ctx.state.api(input.ApiId), input.IntegrationId);
  childOf(responses, input.IntegrationResponseId, 'IntegrationResponse');
  responses.delete(input.IntegrationResponseId);
  autoDeploy(ctx.state.api(input.ApiId), ctx, deploy);
  return {};
}
