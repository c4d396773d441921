import type { MethodResponse, PutMethodRequest, PutMethodResponseRequest, UpdateMethodRequest, UpdateMethodResponseRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, notFound, validation } from '../errors.ts';
import { applyPatch, checkOps } from '../patch.ts';
import { methodOf, noResource, resourceOf, type ApiGatewayState, type StoredApi, type StoredMethod } from '../state.ts';

type Ctx = RequestContext<ApiGatewayState>;
type MethodKey = { restApiId?: string; resourceId?: string; httpMethod?: string };

const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];
const STATUS_CODE = /^[1-5]\d\d$/;
/** What AWS answers when a patch names a header or content type a method/gateway response does not declare. */
export const MISSING_RESPONSE_KEYS = { responseParameters: 'Invalid parameter name specified', responseModels: 'Content-Type specified was not found' };

export function locateMethod(input: MethodKey, ctx: Ctx): { api: StoredApi; method: StoredMethod } {
  const api = ctx.state.api(input.restApiId, noResource);
  return { api, method: methodOf(resourceOf(api, input.resourceId), input.httpMethod) };
}

/** The model's pattern check of a status code, as Coral words it. */
export const statusCodeProblem = (statusCode: string | undefined): string | undefined =>
  statusCode && STATUS_CODE.test(statusCode) ? undefined : `Value '${statusCode}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`;

export function checkStatusCode(statusCode: string | undefined): string {
  const problem = statusCodeProblem(statusCode);
  if (problem) throw validation(`1 validation error detected: ${problem}`);
  return statusCode!;
}

/** The authorizer, validator and models a method names must exist in its API. */
function checkReferences(api: StoredApi, method: StoredMethod): void {
  if ((method.authorizationType === 'CUSTOM' || method.authorizationType === 'COGNITO_USER_POOLS') && !api.authorizers.has(method.authorizerId ?? '')) {
    throw badRequest('Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.');
  }
  if (method.requestValidatorId !== undefined && !api.validators.has(method.requestValidatorId)) throw badRequest('Invalid Request Validator identifier specified');
  for (const model of Object.values(method.requestModels ?? {})) if (!api.models.has(model)) throw badRequest(`Invalid model identifier specified: ${model}`);
}

export function methodOutput(method: StoredMethod): StoredMethod {
  return structuredClone(method);
}

/** Method request parameters name each parameter once across the query string, headers and path. */
/** A method request parameter: `method.request.<location>.<name>` (AWS's mapping expression; recorded message otherwise). */
const REQUEST_PARAMETER = /^method\.request\.(?:querystring|header|path|multivaluequerystring|multivalueheader)\.[^.\s][^\s]*$/;

function checkParameterNames(parameters: Record<string, boolean> | undefined): void {
  const names = Object.keys(parameters ?? {}).map((key) => /^method\.request\.(?:querystring|header|path)\.(.+)$/.exec(key)?.[1] ?? key);
  if (new Set(names).size !== names.length) throw badRequest('Parameter names must be unique across querystring, header and path');
}

/** AWS's authorization types, which it takes in any case (`none` is stored as `NONE`). */
const AUTHORIZATION_TYPES = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];
const authorizationTypeOf = (value: string | undefined) => (value !== undefined && AUTHORIZATION_TYPES.includes(value.toUpperCase()) ? value.toUpperCase() : value);

export function putMethod(input: PutMethodRequest, ctx: Ctx): StoredMethod {
  // AWS names the resource, not the API, when the API does not exist (test_put_method_validation).
  const api = ctx.state.api(input.restApiId, noResource);
  const resource = resourceOf(api, input.resourceId);
  const httpMethod = input.httpMethod?.toUpperCase();
  if (!httpMethod || !HTTP_METHODS.includes(httpMethod)) throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`);
  const method: StoredMethod = {
    httpMethod,
    authorizationType: authorizationTypeOf(input.authorizationType),
    authorizerId: input.authorizerId,
    apiKeyRequired: input.apiKeyRequired ?? false,
    requestValidatorId: input.requestValidatorId,
    operationName: input.operationName,
    requestParameters: input.requestParameters && Object.keys(input.requestParameters).length ? input.requestParameters : undefined,
    requestModels: input.requestModels && Object.keys(input.requestModels).length ? input.requestModels : undefined,
    authorizationScopes: input.authorizationScopes?.length ? input.authorizationScopes : undefined,
  };
  for (const key of Object.keys(method.requestParameters ?? {})) {
    if (!REQUEST_PARAMETER.test(key)) throw badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: ${key}]`);
  }
  checkParameterNames(method.requestParameters);
  checkReferences(api, method);
  resource.methods.set(httpMethod, method);
  return methodOutput(method);
}

export function getMethod(input: MethodKey, ctx: Ctx): StoredMethod {
  return methodOutput(locateMethod(input, ctx).method);
}

export function deleteMethod(input: MethodKey, ctx: Ctx): Record<string, never> {
  const resource = resourceOf(ctx.state.api(input.restApiId, noResource), input.resourceId);
  resource.methods.delete(methodOf(resource, input.httpMethod).httpMethod!);
  return {};
}

const METHOD_PATCH = {
  authorizationType: 'string',
  authorizerId: 'string',
  apiKeyRequired: 'boolean',
  requestValidatorId: 'string',
  operationName: 'string',
  requestParameters: 'boolmap',
  requestModels: 'map',
  authorizationScopes: 'list',
} as const;

export function updateMethod(input: UpdateMethodRequest, ctx: Ctx): StoredMethod {
  const ops = checkOps(input.patchOperations, 'updateMethodInput');
  const { api, method } = locateMethod(input, ctx);
  const draft = structuredClone(method) as Record<string, unknown>;
  for (const op of ops) {
    const field = op.path?.split('/')[1];
    const kind = field !== undefined && Object.hasOwn(METHOD_PATCH, field) ? METHOD_PATCH[field as keyof typeof METHOD_PATCH] : undefined;
    // Members that are not maps take only replace (test_update_method_validation).
    if (kind && kind !== 'map' && kind !== 'boolmap' && op.op !== 'replace') throw badRequest('Invalid patch operation specified. Must be one of: [replace]');
  }
  applyPatch(draft, ops, METHOD_PATCH);
  if (draft.authorizationType !== 'CUSTOM' && draft.authorizationType !== 'COGNITO_USER_POOLS') delete draft.authorizerId;
  checkParameterNames((draft as StoredMethod).requestParameters);
  checkReferences(api, draft as StoredMethod);
  Object.assign(method, draft);
  for (const key of Object.keys(method) as (keyof StoredMethod)[]) if (!(key in draft)) delete method[key];
  return methodOutput(method);
}

function methodResponseOf(method: StoredMethod, statusCode: string | undefined): MethodResponse {
  const found = statusCode !== undefined ? method.methodResponses?.[statusCode] : undefined;
  if (!found) throw notFound('Invalid Response status code specified');
  return found;
}

export function putMethodResponse(input: PutMethodResponseRequest, ctx: Ctx): MethodResponse {
  const statusCode = checkStatusCode(input.statusCode);
  const { api, method } = locateMethod(input, ctx);
  for (const model of Object.values(input.responseModels ?? {})) if (!api.models.has(model)) throw badRequest(`Invalid model identifier specified: ${model}`);
  const response: MethodResponse = {
    statusCode,
    // Empty maps given are kept (test_lifecycle_method_response); an update removing every key drops the member.
    responseParameters: input.responseParameters,
    responseModels: input.responseModels,
  };
  method.methodResponses = { ...method.methodResponses, [statusCode]: response };
  return structuredClone(response);
}

export function getMethodResponse(input: MethodKey & { statusCode: string }, ctx: Ctx): MethodResponse {
  return structuredClone(methodResponseOf(locateMethod(input, ctx).method, input.statusCode));
}

export function deleteMethodResponse(input: MethodKey & { statusCode: string }, ctx: Ctx): Record<string, never> {
  const { method } = locateMethod(input, ctx);
  methodResponseOf(method, input.statusCode);
  const { [input.statusCode]: _removed, ...rest } = method.methodResponses!;
  method.methodResponses = Object.keys(rest).length ? rest : undefined;
  return {};
}

export function updateMethodResponse(input: UpdateMethodResponseRequest, ctx: Ctx): MethodResponse {
  const ops = checkOps(input.patchOperations, 'updateMethodResponseInput', [statusCodeProblem(input.statusCode)]);
  const { method } = locateMethod(input, ctx);
  const response = methodResponseOf(method, input.statusCode);
  const draft = structuredClone(response) as Record<string, unknown>;
  applyPatch(draft, ops, { responseParameters: 'boolmap', responseModels: 'map' }, { missingKey: MISSING_RESPONSE_KEYS });
  method.methodResponses![input.statusCode!] = draft as MethodResponse;
  return structuredClone(draft) as MethodResponse;
}
