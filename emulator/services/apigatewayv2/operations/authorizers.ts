import type { Authorizer, CreateAuthorizerRequest, CreateModelRequest, Model, UpdateAuthorizerRequest, UpdateModelRequest } from '@aws-sdk/client-apigatewayv2';
import { badRequest, childOf, conflict, type StoredV2Api } from '../state.ts';
import { autoDeploy, clone, merge, newId, page, type Ctx } from './common.ts';
import { deploy } from './deploy.ts';

function checkAuthorizer(api: StoredV2Api, authorizer: Authorizer): void {
  const type = authorizer.AuthorizerType;
  if (type !== 'JWT' && type !== 'REQUEST') throw badRequest(`Invalid authorizer type specified ${type}`);
  if (type === 'JWT' && api.api.ProtocolType !== 'HTTP') throw badRequest('JWT authorizers are supported only for HTTP APIs');
  if (type === 'JWT' && !authorizer.JwtConfiguration?.Issuer) throw badRequest('JwtConfiguration.Issuer must be specified for JWT authorizers');
  if (type === 'JWT' && !authorizer.IdentitySource?.length) throw badRequest('IdentitySource must be specified for JWT authorizers');
  if (type === 'REQUEST' && !authorizer.AuthorizerUri) throw badRequest('AuthorizerUri must be specified for REQUEST authorizers');
  if (type === 'REQUEST' && api.api.ProtocolType === 'HTTP' && !authorizer.AuthorizerPayloadFormatVersion) throw badRequest('AuthorizerPayloadFormatVersion must be specified for REQUEST authorizers of HTTP APIs');
  if (authorizer.EnableSimpleResponses && authorizer.AuthorizerPayloadFormatVersion !== '2.0') throw badRequest('Simple responses are supported only with payload format version 2.0');
}

export function createAuthorizer(input: CreateAuthorizerRequest, ctx: Ctx): Authorizer {
  const api = ctx.state.api(input.ApiId);
  if (!input.Name) throw badRequest('Authorizer name must be specified');
  const authorizer: Authorizer = {
    AuthorizerId: newId(6),
    Name: input.Name,
    AuthorizerType: input.AuthorizerType,
    AuthorizerUri: input.AuthorizerUri,
    AuthorizerCredentialsArn: input.AuthorizerCredentialsArn,
    AuthorizerPayloadFormatVersion: input.AuthorizerPayloadFormatVersion,
    AuthorizerResultTtlInSeconds: input.AuthorizerResultTtlInSeconds ?? (input.AuthorizerType === 'REQUEST' ? 300 : undefined),
    EnableSimpleResponses: input.AuthorizerType === 'REQUEST' ? (input.EnableSimpleResponses ?? false) : undefined,
    IdentitySource: input.IdentitySource,
    IdentityValidationExpression: input.IdentityValidationExpression,
    JwtConfiguration: input.JwtConfiguration,
  };
  checkAuthorizer(api, authorizer);
  api.authorizers.set(authorizer.AuthorizerId!, authorizer);
  autoDeploy(api, ctx, deploy);
  return clone(authorizer);
}

export function getAuthorizer(input: { ApiId: string; AuthorizerId: string }, ctx: Ctx): Authorizer {
  return clone(childOf(ctx.state.api(input.ApiId).authorizers, input.AuthorizerId, 'Authorizer'));
}

export function getAuthorizers(input: { ApiId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.api(input.ApiId).authorizers.values()].map(clone), input);
}

export function updateAuthorizer(input: UpdateAuthorizerRequest, ctx: Ctx): Authorizer {
  const api = ctx.state.api(input.ApiId);
  const authorizer = childOf(api.authorizers, input.AuthorizerId, 'Authorizer');
  const draft = merge(clone(authorizer), input, ['ApiId', 'AuthorizerId']);
  checkAuthorizer(api, draft);
  Object.assign(authorizer, draft);
  autoDeploy(api, ctx, deploy);
  return clone(authorizer);
}

export function deleteAuthorizer(input: { ApiId: string; AuthorizerId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.ApiId);
  childOf(api.authorizers, input.AuthorizerId, 'Authorizer');
  api.authorizers.delete(input.AuthorizerId);
  autoDeploy(api, ctx, deploy);
  return {};
}

export function resetAuthorizersCache(input: { ApiId: string; StageName: string }, ctx: Ctx): Record<string, never> {
  childOf(ctx.state.api(input.ApiId).stages, input.StageName, 'Stage');
  for (const key of [...ctx.state.authorizerCache.keys()]) if (key.startsWith(`${input.ApiId}/`)) ctx.state.authorizerCache.delete(key);
  return {};
}

export function createModel(input: CreateModelRequest, ctx: Ctx): Model {
  const api = ctx.state.api(input.ApiId);
  if (!input.Name || !/^[a-zA-Z0-9]+$/.test(input.Name)) throw badRequest('Model name must be alphanumeric');
  if ([...api.models.values()].some((m) => m.Name === input.Name)) throw conflict(`Model name ${input.Name} already exists for this API`);
  const model: Model = { ModelId: newId(6), Name: input.Name, ContentType: input.ContentType, Description: input.Description, Schema: input.Schema };
  api.models.set(model.ModelId!, model);
  return clone(model);
}

export function getModel(input: { ApiId: string; ModelId: string }, ctx: Ctx): Model {
  return clone(childOf(ctx.state.api(input.ApiId).models, input.ModelId, 'Model'));
}

export function getModels(input: { ApiId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.api(input.ApiId).models.values()].map(clone), input);
}

export function updateModel(input: UpdateModelRequest, ctx: Ctx): Model {
  return clone(merge(childOf(ctx.state.api(input.ApiId).models, input.ModelId, 'Model'), input, ['ApiId', 'ModelId']));
}

export function deleteModel(input: { ApiId: string; ModelId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.ApiId);
  childOf(api.models, input.ModelId, 'Model');
  api.models.delete(input.ModelId);
  return {};
}

export function getModelTemplate(input: { ApiId: string; ModelId: string }, ctx: Ctx): { Value: string } {
  const model = childOf(ctx.state.api(input.ApiId).models, input.ModelId, 'Model');
  let properties: string[] = [];
  try {
    properties = Object.keys((JSON.parse(model.Schema ?? '{}') as { properties?: object }).properties ?? {});
  } catch {
    // an unparsable schema gives an empty template
  }
  return { Value: `#set($inputRoot = $input.path('$'))\n{\n${properties.map((p) => `  "${p}" : $input.json('$.${p}')`).join(',\n')}\n}` };
}
