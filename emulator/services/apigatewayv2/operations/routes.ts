import type { CreateRouteRequest, CreateRouteResponseRequest, Route, RouteResponse, UpdateRouteRequest, UpdateRouteResponseRequest } from '@aws-sdk/client-apigatewayv2';
import { badRequest, childOf, conflict, type StoredV2Api } from '../state.ts';
import { autoDeploy, clone, merge, newId, page, type Ctx } from './common.ts';
import { deploy } from './deploy.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'];

function checkRoute(api: StoredV2Api, route: Route, self?: string): void {
  const key = route.RouteKey;
  if (!key) throw badRequest('Route key must be specified');
  if (api.api.ProtocolType === 'HTTP' && key !== '$default') {
    const [method, path, extra] = key.split(' ');
    if (extra !== undefined || !METHODS.includes(method) || !path?.startsWith('/')) throw badRequest(`Unable to create route ${key}. The route key must be '$default' or follow the pattern 'METHOD /path'.`);
  }
  if ([...api.routes.values()].some((r) => r.RouteKey === key && r.RouteId !== self)) throw conflict(`Route with key ${key} already exists for this API`);
  const integration = /^integrations\/(.+)$/.exec(route.Target ?? '')?.[1];
  if (route.Target !== undefined && (!integration || !api.integrations.has(integration))) throw badRequest(`Invalid target specified ${route.Target}`);
  if ((route.AuthorizationType === 'JWT' || route.AuthorizationType === 'CUSTOM') && !api.authorizers.has(route.AuthorizerId ?? '')) throw badRequest('Invalid authorizer id specified');
}

export function createRoute(input: CreateRouteRequest, ctx: Ctx): Route {
  const api = ctx.state.api(input.ApiId);
  const route: Route = {
    RouteId: newId(7),
    RouteKey: input.RouteKey,
    Target: input.Target,
    AuthorizationType: input.AuthorizationType ?? 'NONE',
    AuthorizerId: input.AuthorizerId,
    AuthorizationScopes: input.AuthorizationScopes,
    ApiKeyRequired: input.ApiKeyRequired ?? false,
    OperationName: input.OperationName,
    RequestModels: input.RequestModels,
    RequestParameters: input.RequestParameters,
    ModelSelectionExpression: input.ModelSelectionExpression,
    RouteResponseSelectionExpression: input.RouteResponseSelectionExpression,
    ApiGatewayManaged: false,
  };
  checkRoute(api, route);
  api.routes.set(route.RouteId!, route);
  autoDeploy(api, ctx, deploy);
  return clone(route);
}

export function getRoute(input: { ApiId: string; RouteId: string }, ctx: Ctx): Route {
  return clone(childOf(ctx.state.api(input.ApiId).routes, input.RouteId, 'Route'));
}

export function getRoutes(input: { ApiId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.api(input.ApiId).routes.values()].map(clone), input);
}

export function updateRoute(input: UpdateRouteRequest, ctx: Ctx): Route {
  const api = ctx.state.api(input.ApiId);
  const route = childOf(api.routes, input.RouteId, 'Route');
  const draft = merge(clone(route), input, ['ApiId', 'RouteId']);
  checkRoute(api, draft, route.RouteId);
  Object.assign(route, draft);
  autoDeploy(api, ctx, deploy);
  return clone(route);
}

export function deleteRoute(input: { ApiId: string; RouteId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.ApiId);
  childOf(api.routes, input.RouteId, 'Route');
  api.routes.delete(input.RouteId);
  api.routeResponses.delete(input.RouteId);
  autoDeploy(api, ctx, deploy);
  return {};
}

export function deleteRouteRequestParameter(input: { ApiId: string; RouteId: string; RequestParameterKey: string }, ctx: Ctx): Record<string, never> {
  const route = childOf(ctx.state.api(input.ApiId).routes, input.RouteId, 'Route');
  if (!route.RequestParameters || !Object.hasOwn(route.RequestParameters, input.RequestParameterKey)) throw badRequest(`Invalid request parameter key ${input.RequestParameterKey}`);
  delete route.RequestParameters[input.RequestParameterKey];
  return {};
}

function responsesOf(api: StoredV2Api, routeId: string | undefined): Map<string, RouteResponse> {
  childOf(api.routes, routeId, 'Route');
  let responses = api.routeResponses.get(routeId!);
  if (!responses) api.routeResponses.set(routeId!, (responses = new Map()));
  return responses;
}

export function createRouteResponse(input: CreateRouteResponseRequest, ctx: Ctx): RouteResponse {
  const responses = responsesOf(ctx.state.api(input.ApiId), input.RouteId);
  if (!input.RouteResponseKey) throw badRequest('Route response key must be specified');
  const response: RouteResponse = { RouteResponseId: newId(6), RouteResponseKey: input.RouteResponseKey, ModelSelectionExpression: input.ModelSelectionExpression, ResponseModels: input.ResponseModels, ResponseParameters: input.ResponseParameters };
  responses.set(response.RouteResponseId!, response);
  autoDeploy(ctx.state.api(input.ApiId), ctx, deploy);
  return clone(response);
}

export function getRouteResponse(input: { ApiId: string; RouteId: string; RouteResponseId: string }, ctx: Ctx): RouteResponse {
  return clone(childOf(responsesOf(ctx.state.api(input.ApiId), input.RouteId), input.RouteResponseId, 'RouteResponse'));
}

export function getRouteResponses(input: { ApiId: string; RouteId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...responsesOf(ctx.state.api(input.ApiId), input.RouteId).values()].map(clone), input);
}

export function updateRouteResponse(input: UpdateRouteResponseRequest, ctx: Ctx): RouteResponse {
  const response = childOf(responsesOf(ctx.state.api(input.ApiId), input.RouteId), input.RouteResponseId, 'RouteResponse');
  merge(response, input, ['ApiId', 'RouteId', 'RouteResponseId']);
  autoDeploy(ctx.state.api(input.ApiId), ctx, deploy);
  return clone(response);
}

export function deleteRouteResponse(input: { ApiId: string; RouteId: string; RouteResponseId: string }, ctx: Ctx): Record<string, never> {
  const responses = responsesOf(ctx.state.api(input.ApiId), input.RouteId);
  childOf(responses, input.RouteResponseId, 'RouteResponse');
  responses.delete(input.RouteResponseId);
  autoDeploy(ctx.state.api(input.ApiId), ctx, deploy);
  return {};
}
