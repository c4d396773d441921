import type { Authorizer, CreateAuthorizerRequest, UpdateAuthorizerRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { applyPatch, checkOps } from '../patch.ts';
import type { ApiGatewayState, StoredApi } from '../state.ts';

type Ctx = RequestContext<ApiGatewayState>;

export function authorizerOf(api: StoredApi, id: string | undefined): Authorizer {
  const found = id !== undefined ? api.authorizers.get(id) : undefined;
  if (!found) throw notFound('Invalid Authorizer identifier specified');
  return found;
}

export function createAuthorizer(input: CreateAuthorizerRequest, ctx: Ctx): Authorizer {
  // AWS's answer for an API that does not exist (test_authorizer_crud_no_api).
  const api = ctx.state.apis.get(input.restApiId ?? '');
  if (!api) throw conflict('Unable to complete operation due to concurrent modification. Please try again later.');
  if (!input.name) throw badRequest('Authorizer name must be non-empty');
  if (!['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'].includes(input.type ?? '')) throw badRequest('Invalid authorizer type specified');
  if (input.type !== 'COGNITO_USER_POOLS' && !input.authorizerUri) throw badRequest('Authorizer URI must be specified');
  if (input.type === 'COGNITO_USER_POOLS' && !input.providerARNs?.length) throw badRequest('ProviderARNs need to be specified for the COGNITO_USER_POOLS authorizer');
  const authorizer: Authorizer = {
    id: shortId(6),
    name: input.name,
    type: input.type,
    providerARNs: input.providerARNs,
    // AWS names a Lambda authorizer's type `custom` when the caller gave none (test_apigateway_with_custom_authorization_method).
    authType: input.authType ?? (input.type === 'TOKEN' || input.type === 'REQUEST' ? 'custom' : undefined),
    authorizerUri: input.authorizerUri,
    authorizerCredentials: input.authorizerCredentials,
    identitySource: input.identitySource ?? (input.type === 'TOKEN' || input.type === 'COGNITO_USER_POOLS' ? 'method.request.header.Authorization' : undefined),
    identityValidationExpression: input.identityValidationExpression,
    // Absent unless given (AWS answers without it); invocations cache for the default 300 seconds.
    authorizerResultTtlInSeconds: input.authorizerResultTtlInSeconds,
  };
  api.authorizers.set(authorizer.id!, authorizer);
  return { ...authorizer };
}

export function getAuthorizer(input: { restApiId: string; authorizerId: string }, ctx: Ctx): Authorizer {
  return { ...authorizerOf(ctx.state.api(input.restApiId), input.authorizerId) };
}

export function getAuthorizers(input: { restApiId: string; position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.api(input.restApiId).authorizers.values()].map((a) => ({ ...a })), input);
}

export function deleteAuthorizer(input: { restApiId: string; authorizerId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId);
  authorizerOf(api, input.authorizerId);
  api.authorizers.delete(input.authorizerId);
  return {};
}

export function updateAuthorizer(input: UpdateAuthorizerRequest, ctx: Ctx): Authorizer {
  const ops = checkOps(input.patchOperations, 'updateAuthorizerInput');
  const authorizer = authorizerOf(ctx.state.api(input.restApiId), input.authorizerId);
  const draft = { ...authorizer } as Record<string, unknown>;
  applyPatch(draft, ops, {
    name: 'string',
    type: 'string',
    providerARNs: 'list',
    authType: 'string',
    authorizerUri: 'string',
    authorizerCredentials: 'string',
    identitySource: 'string',
    identityValidationExpression: 'string',
    authorizerResultTtlInSeconds: 'number',
  });
  Object.assign(authorizer, draft);
  return { ...authorizer };
}
