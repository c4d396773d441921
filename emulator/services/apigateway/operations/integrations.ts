import type { Integration, IntegrationResponse, PutIntegrationRequest, PutIntegrationResponseRequest, UpdateIntegrationRequest, UpdateIntegrationResponseRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { parseArn } from '../../../core/arn.ts';
import { badRequest, enumViolation, notFound } from '../errors.ts';
import { applyPatch, checkOps } from '../patch.ts';
import { noResource, resourceOf, type ApiGatewayState, type StoredMethod } from '../state.ts';
import { checkStatusCode, locateMethod } from './methods.ts';

type Ctx = RequestContext<ApiGatewayState>;
type MethodKey = { restApiId?: string; resourceId?: string; httpMethod?: string };

const TYPES = ['HTTP', 'MOCK', 'AWS_PROXY', 'HTTP_PROXY', 'AWS'];

function checkUri(type: string, uri: string | undefined, httpMethod: string | undefined): void {
  if (type === 'MOCK') return;
  if (!httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty');
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (!uri || !/^https?:\/\/[^/\s]+/.test(uri)) throw badRequest('Invalid HTTP endpoint specified for URI');
    return;
  }
  // arn:aws:apigateway:<region>:<service>:(path|action)/...: the ARN's account field names the target service.
  const arn = uri ? parseArn(uri) : undefined;
  if (!arn) throw badRequest('Invalid ARN specified in the request');
  if (!/^(path|action)\//.test(arn.resource)) throw badRequest('AWS ARN for integration must contain path or action');
  if (arn.service !== 'apigateway' || !arn.accountId) throw badRequest('Invalid ARN specified in the request');
  // A Lambda proxy invokes a function (`path/2015-03-31/functions/<function ARN>/invocations`); Firehose is called by action.
  const lambdaInvocation = arn.accountId === 'lambda' && /^path\/2015-03-31\/functions\/[^/]+\/invocations$/.test(arn.resource);
  const firehoseAction = arn.accountId === 'firehose' && arn.resource.startsWith('action/');
  if (type === 'AWS_PROXY' && !lambdaInvocation && !firehoseAction) {
    throw badRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
  }
}

function integrationOf(method: StoredMethod | undefined): Integration {
  if (!method?.methodIntegration) throw notFound('Invalid Integration identifier specified');
  return method.methodIntegration;
}

export function putIntegration(input: PutIntegrationRequest, ctx: Ctx): Integration {
  if (!input.type || !TYPES.includes(input.type)) throw enumViolation([{ value: String(input.type), at: 'putIntegrationInput.type', allowed: TYPES }]);
  const { method } = locateMethod(input, ctx);
  checkUri(input.type, input.uri, input.integrationHttpMethod);
  for (const value of Object.values(input.requestParameters ?? {})) {
    if (typeof value !== 'string') throw badRequest(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression specified: ${String(value)}]`);
  }
  const integration: Integration = {
    type: input.type,
    // AWS keeps no HTTP method or URI for a MOCK integration, and a connection type only for HTTP ones.
    httpMethod: input.type === 'MOCK' ? undefined : input.integrationHttpMethod,
    uri: input.type === 'MOCK' ? undefined : input.uri,
    connectionType: input.connectionType ?? (input.connectionId ? 'VPC_LINK' : input.type === 'HTTP' || input.type === 'HTTP_PROXY' ? 'INTERNET' : undefined),
    connectionId: input.connectionId,
    credentials: input.credentials,
    requestParameters: input.requestParameters && Object.keys(input.requestParameters).length ? input.requestParameters : undefined,
    requestTemplates: input.requestTemplates && Object.keys(input.requestTemplates).length ? input.requestTemplates : undefined,
    passthroughBehavior: input.passthroughBehavior ?? 'WHEN_NO_MATCH',
    contentHandling: input.contentHandling,
    timeoutInMillis: input.timeoutInMillis ?? 29000,
    cacheNamespace: input.cacheNamespace ?? input.resourceId,
    cacheKeyParameters: input.cacheKeyParameters ?? [],
    tlsConfig: input.tlsConfig,
    responseTransferMode: input.responseTransferMode,
    integrationTarget: input.integrationTarget,
  };
  method.methodIntegration = integration;
  return structuredClone(integration);
}

export function getIntegration(input: MethodKey, ctx: Ctx): Integration {
  return structuredClone(integrationOf(locateMethod(input, ctx).method));
}

export function deleteIntegration(input: MethodKey, ctx: Ctx): Record<string, never> {
  const { method } = locateMethod(input, ctx);
  integrationOf(method);
  delete method.methodIntegration;
  return {};
}

const INTEGRATION_PATCH = {
  type: 'string',
  httpMethod: 'string',
  uri: 'string',
  connectionType: 'string',
  connectionId: 'string',
  credentials: 'string',
  requestParameters: 'map',
  requestTemplates: 'map',
  passthroughBehavior: 'string',
  contentHandling: 'string',
  timeoutInMillis: 'number',
  cacheNamespace: 'string',
  cacheKeyParameters: 'list',
  tlsConfig: { insecureSkipVerification: 'boolean' },
} as const;

export function updateIntegration(input: UpdateIntegrationRequest, ctx: Ctx): Integration {
  const ops = checkOps(input.patchOperations, 'updateIntegrationInput');
  const { method } = locateMethod(input, ctx);
  const integration = integrationOf(method);
  const draft = structuredClone(integration) as Record<string, unknown>;
  applyPatch(draft, ops, INTEGRATION_PATCH);
  checkUri(String(draft.type), draft.uri as string | undefined, draft.httpMethod as string | undefined);
  method.methodIntegration = draft as Integration;
  return structuredClone(draft) as Integration;
}

function checkTemplates(name: string, map: Record<string, string> | undefined): void {
  for (const value of Object.values(map ?? {})) if (value === null && name === 'responseParameters') throw badRequest(`Invalid null or empty value in ${name}`);
  if (name !== 'responseTemplates') return;
  const invalid = Object.keys(map ?? {}).find((type) => !CONTENT_TYPE.test(type));
  if (invalid !== undefined) throw badRequest(`Validation Result: warnings : [], errors : [Invalid content type specified: ${invalid}]`);
}

/** A template is keyed by a media type, `type/subtype`. */
const CONTENT_TYPE = /^[^/\s]+\/[^/\s]+$/;

export function putIntegrationResponse(input: PutIntegrationResponseRequest, ctx: Ctx): IntegrationResponse {
  const statusCode = checkStatusCode(input.statusCode);
  const { method } = locateMethod(input, ctx);
  const integration = integrationOf(method);
  checkTemplates('responseParameters', input.responseParameters);
  checkTemplates('responseTemplates', input.responseTemplates);
  // An empty map given stays an empty map in AWS's answers (`responseTemplates: {}`).
  const templates = input.responseTemplates
    ? Object.fromEntries(Object.entries(input.responseTemplates).map(([k, v]) => [k, v === '' ? null : v]))
    : undefined;
  const response: IntegrationResponse = {
    statusCode,
    selectionPattern: input.selectionPattern,
    responseParameters: input.responseParameters && Object.keys(input.responseParameters).length ? input.responseParameters : undefined,
    responseTemplates: templates as Record<string, string> | undefined,
    contentHandling: input.contentHandling,
  };
  integration.integrationResponses = { ...integration.integrationResponses, [statusCode]: response };
  return structuredClone(response);
}

function integrationResponseOf(integration: Integration, statusCode: string | undefined): IntegrationResponse {
  const found = statusCode !== undefined ? integration.integrationResponses?.[statusCode] : undefined;
  if (!found) throw notFound('Invalid Response status code specified');
  return found;
}

export function getIntegrationResponse(input: MethodKey & { statusCode: string }, ctx: Ctx): IntegrationResponse {
  checkStatusCode(input.statusCode);
  return structuredClone(integrationResponseOf(integrationOf(locateMethod(input, ctx).method), input.statusCode));
}

export function deleteIntegrationResponse(input: MethodKey & { statusCode: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId, noResource);
  // A method that does not exist has no integration: AWS names the integration (test_delete_integration_response_errors).
  const integration = integrationOf(resourceOf(api, input.resourceId).methods.get(input.httpMethod?.toUpperCase() ?? ''));
  integrationResponseOf(integration, input.statusCode);
  const { [input.statusCode]: _removed, ...rest } = integration.integrationResponses!;
  integration.integrationResponses = Object.keys(rest).length ? rest : undefined;
  return {};
}

export function updateIntegrationResponse(input: UpdateIntegrationResponseRequest, ctx: Ctx): IntegrationResponse {
  const ops = checkOps(input.patchOperations, 'updateIntegrationResponseInput');
  const integration = integrationOf(locateMethod(input, ctx).method);
  const draft = structuredClone(integrationResponseOf(integration, input.statusCode)) as Record<string, unknown>;
  applyPatch(draft, ops, { selectionPattern: 'string', responseParameters: 'map', responseTemplates: 'map', contentHandling: 'string' });
  integration.integrationResponses![input.statusCode!] = draft as IntegrationResponse;
  return structuredClone(draft) as IntegrationResponse;
}
