import type { GatewayResponse, PutGatewayResponseRequest, UpdateGatewayResponseRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, enumViolation, notFound } from '../errors.ts';
import { applyPatch, checkOps, segments } from '../patch.ts';
import type { ApiGatewayState, StoredApi } from '../state.ts';

type Ctx = RequestContext<ApiGatewayState>;

/** AWS's default status code for each gateway response type (DEFAULT_4XX and DEFAULT_5XX have none). */
export const DEFAULT_STATUS: Record<string, string | undefined> = {
  ACCESS_DENIED: '403',
  API_CONFIGURATION_ERROR: '500',
  AUTHORIZER_CONFIGURATION_ERROR: '500',
  AUTHORIZER_FAILURE: '500',
  BAD_REQUEST_BODY: '400',
  BAD_REQUEST_PARAMETERS: '400',
  DEFAULT_4XX: undefined,
  DEFAULT_5XX: undefined,
  EXPIRED_TOKEN: '403',
  INTEGRATION_FAILURE: '504',
  INTEGRATION_TIMEOUT: '504',
  INVALID_API_KEY: '403',
  INVALID_SIGNATURE: '403',
  MISSING_AUTHENTICATION_TOKEN: '403',
  QUOTA_EXCEEDED: '429',
  REQUEST_TOO_LARGE: '413',
  RESOURCE_NOT_FOUND: '404',
  THROTTLED: '429',
  UNAUTHORIZED: '401',
  UNSUPPORTED_MEDIA_TYPE: '415',
  WAF_FILTERED: '403',
};

/** The enum in the order AWS's validation message lists it. */
const TYPE_ORDER = [
  'REQUEST_TOO_LARGE', 'RESOURCE_NOT_FOUND', 'AUTHORIZER_CONFIGURATION_ERROR', 'MISSING_AUTHENTICATION_TOKEN', 'INVALID_SIGNATURE', 'UNAUTHORIZED',
  'BAD_REQUEST_PARAMETERS', 'AUTHORIZER_FAILURE', 'DEFAULT_5XX', 'WAF_FILTERED', 'QUOTA_EXCEEDED', 'THROTTLED', 'API_CONFIGURATION_ERROR',
  'UNSUPPORTED_MEDIA_TYPE', 'INTEGRATION_FAILURE', 'DEFAULT_4XX', 'INTEGRATION_TIMEOUT', 'BAD_REQUEST_BODY', 'ACCESS_DENIED', 'EXPIRED_TOKEN', 'INVALID_API_KEY',
];

const DEFAULT_TEMPLATE = { 'application/json': '{"message":$context.error.messageString}' };

function checkType(type: string | undefined): string {
  if (!type || !Object.hasOwn(DEFAULT_STATUS, type)) throw enumViolation([{ value: String(type), at: 'responseType', allowed: TYPE_ORDER }]);
  return type;
}

/** What a response type answers with when the API has not customised it. */
export function defaultGatewayResponse(type: string): GatewayResponse {
  return { defaultResponse: true, responseParameters: {}, responseTemplates: { ...DEFAULT_TEMPLATE }, responseType: type as GatewayResponse['responseType'], statusCode: DEFAULT_STATUS[type] };
}

/**
 * What a type answers when the API has not customised it: its family's DEFAULT_4XX/DEFAULT_5XX customisation (status
 * code included) when there is one, else AWS's default (test_gateway_response_put).
 */
function uncustomised(api: StoredApi, type: string): GatewayResponse {
  const status = DEFAULT_STATUS[type];
  const family = status === undefined ? undefined : status.startsWith('5') ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  const custom = family === undefined ? undefined : api.gatewayResponses.get(family);
  if (!custom) return defaultGatewayResponse(type);
  return { ...structuredClone(custom), defaultResponse: true, responseType: type as GatewayResponse['responseType'], statusCode: custom.statusCode ?? status };
}

function customised(api: StoredApi, type: string): GatewayResponse {
  return structuredClone(api.gatewayResponses.get(type) ?? uncustomised(api, type));
}

export function putGatewayResponse(input: PutGatewayResponseRequest, ctx: Ctx): GatewayResponse {
  const type = checkType(input.responseType);
  const api = ctx.state.api(input.restApiId);
  const response: GatewayResponse = {
    defaultResponse: false,
    responseParameters: input.responseParameters ?? {},
    responseTemplates: input.responseTemplates ?? { ...DEFAULT_TEMPLATE },
    responseType: type as GatewayResponse['responseType'],
    statusCode: input.statusCode ?? DEFAULT_STATUS[type],
  };
  api.gatewayResponses.set(type, response);
  return structuredClone(response);
}

export function getGatewayResponse(input: { restApiId: string; responseType: string }, ctx: Ctx): GatewayResponse {
  const type = checkType(input.responseType);
  const api = ctx.state.api(input.restApiId);
  return customised(api, type);
}

export function getGatewayResponses(input: { restApiId: string }, ctx: Ctx): { items: GatewayResponse[] } {
  const api = ctx.state.api(input.restApiId);
  const types = Object.keys(DEFAULT_STATUS);
  return { items: types.map((t) => customised(api, t)) };
}

export function deleteGatewayResponse(input: { restApiId: string; responseType: string }, ctx: Ctx): Record<string, never> {
  const type = checkType(input.responseType);
  const api = ctx.state.api(input.restApiId);
  if (!api.gatewayResponses.delete(type)) throw notFound('Gateway response type not defined on api');
  return {};
}

export function updateGatewayResponse(input: UpdateGatewayResponseRequest, ctx: Ctx): GatewayResponse {
  const ops = checkOps(input.patchOperations, 'updateGatewayResponseInput');
  const type = checkType(input.responseType);
  const api = ctx.state.api(input.restApiId);
  const draft = customised(api, type) as Record<string, unknown>;
  for (const op of ops) {
    const [field, key] = segments(op.path);
    if (field === 'statusCode' && op.op !== 'replace') throw badRequest(`Invalid patch path ${op.path}`);
    if ((field === 'responseTemplates' || field === 'responseParameters') && key !== undefined && op.op !== 'remove' && !op.value) {
      throw badRequest(`Invalid null or empty value in ${field}`);
    }
  }
  applyPatch(draft, ops, { statusCode: 'string', responseParameters: 'map', responseTemplates: 'map' }, { missingKey: { responseParameters: 'Invalid parameter name specified' } });
  draft.defaultResponse = false;
  api.gatewayResponses.set(type, draft as GatewayResponse);
  return structuredClone(draft) as GatewayResponse;
}
