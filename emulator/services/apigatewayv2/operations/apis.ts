import type { Api, CreateApiRequest, UpdateApiRequest } from '@aws-sdk/client-apigatewayv2';
import { badRequest, type StoredV2Api } from '../state.ts';
import { autoDeploy, clone, merge, newId, page, type Ctx } from './common.ts';
import { deploy } from './deploy.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

/** The URL the API answers at on this emulator (AWS's would be `https://<id>.execute-api.<region>.amazonaws.com`). */
export function apiEndpoint(ctx: Ctx, apiId: string, protocol: string): string {
  const url = new URL(ctx.emulator.endpoint);
  const scheme = protocol === 'WEBSOCKET' ? 'ws' : 'http';
  return `${scheme}://${apiId}.execute-api.localhost.localstack.cloud:${url.port || '4566'}`;
}

export function apiOutput(ctx: Ctx, stored: StoredV2Api): Api {
  const tags = tagsOf(ctx.state, ctx.state.arn(`/apis/${stored.api.ApiId}`));
  return { ...clone(stored.api), ApiEndpoint: apiEndpoint(ctx, stored.api.ApiId, stored.api.ProtocolType), Tags: tags };
}

/** Target of a quick create: an AWS_PROXY integration for a Lambda ARN, HTTP_PROXY for a URL. */
function quickCreate(stored: StoredV2Api, input: CreateApiRequest, ctx: Ctx): void {
  const integrationId = newId(7);
  const lambda = input.Target!.startsWith('arn:');
  stored.integrations.set(integrationId, {
    IntegrationId: integrationId,
    IntegrationType: lambda ? 'AWS_PROXY' : 'HTTP_PROXY',
    IntegrationMethod: lambda ? 'POST' : 'ANY',
    IntegrationUri: input.Target,
    PayloadFormatVersion: lambda ? '2.0' : '1.0',
    ConnectionType: 'INTERNET',
    TimeoutInMillis: 30000,
    CredentialsArn: input.CredentialsArn,
    ApiGatewayManaged: true,
  });
  const routeId = newId(7);
  stored.routes.set(routeId, { RouteId: routeId, RouteKey: input.RouteKey ?? '$default', Target: `integrations/${integrationId}`, AuthorizationType: 'NONE', ApiKeyRequired: false, ApiGatewayManaged: true });
  const now = ctx.emulator.clock.date();
  stored.stages.set('$default', { StageName: '$default', AutoDeploy: true, CreatedDate: now, LastUpdatedDate: now, DefaultRouteSettings: { DetailedMetricsEnabled: false }, RouteSettings: {}, StageVariables: {}, ApiGatewayManaged: true, Tags: {} });
  autoDeploy(stored, ctx, deploy);
}

export function newApi(input: CreateApiRequest, ctx: Ctx): StoredV2Api {
  checkTagKeys(input.Tags, ctx.caller);
  if (!input.Name) throw badRequest('Invalid API name specified');
  if (input.ProtocolType !== 'HTTP' && input.ProtocolType !== 'WEBSOCKET') throw badRequest('Invalid protocol type specified');
  if (input.ProtocolType === 'WEBSOCKET' && !input.RouteSelectionExpression) throw badRequest('RouteSelectionExpression is required for WEBSOCKET APIs');
  if (input.ProtocolType === 'WEBSOCKET' && (input.Target || input.CorsConfiguration)) throw badRequest('Target and CorsConfiguration are not supported for WEBSOCKET APIs');
  const id = newId(10);
  const stored: StoredV2Api = {
    api: {
      ApiId: id,
      Name: input.Name,
      ProtocolType: input.ProtocolType,
      Description: input.Description,
      Version: input.Version,
      CreatedDate: ctx.emulator.clock.date(),
      ApiKeySelectionExpression: input.ApiKeySelectionExpression ?? '$request.header.x-api-key',
      RouteSelectionExpression: input.RouteSelectionExpression ?? '$request.method $request.path',
      CorsConfiguration: input.CorsConfiguration,
      DisableSchemaValidation: input.DisableSchemaValidation,
      DisableExecuteApiEndpoint: input.DisableExecuteApiEndpoint ?? false,
      IpAddressType: input.IpAddressType ?? 'ipv4',
    },
    routes: new Map(),
    routeResponses: new Map(),
    integrations: new Map(),
    integrationResponses: new Map(),
    authorizers: new Map(),
    models: new Map(),
    stages: new Map(),
    deployments: new Map(),
  };
  ctx.state.apis.set(id, stored);
  if (input.Tags) writeTags(ctx.state, ctx.state.arn(`/apis/${id}`), input.Tags);
  if (input.Target) quickCreate(stored, input, ctx);
  return stored;
}

export function createApi(input: CreateApiRequest, ctx: Ctx): Api {
  return apiOutput(ctx, newApi(input, ctx));
}

export function getApi(input: { ApiId: string }, ctx: Ctx): Api {
  return apiOutput(ctx, ctx.state.api(input.ApiId));
}

export function getApis(input: { NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.apis.values()].map((a) => apiOutput(ctx, a)), input);
}

export function updateApi(input: UpdateApiRequest, ctx: Ctx): Api {
  const stored = ctx.state.api(input.ApiId);
  merge(stored.api, input, ['ApiId', 'Target', 'RouteKey', 'CredentialsArn']);
  // Turning the default endpoint on or off takes effect with a deployment: at once for automatically deployed stages.
  if (input.DisableExecuteApiEndpoint !== undefined) autoDeploy(stored, ctx, deploy);
  return apiOutput(ctx, stored);
}

export function deleteApi(input: { ApiId: string }, ctx: Ctx): Record<string, never> {
  ctx.state.api(input.ApiId);
  ctx.state.apis.delete(input.ApiId);
  ctx.state.tags.delete(ctx.state.arn(`/apis/${input.ApiId}`));
  return {};
}

export function deleteCorsConfiguration(input: { ApiId: string }, ctx: Ctx): Record<string, never> {
  delete ctx.state.api(input.ApiId).api.CorsConfiguration;
  return {};
}
