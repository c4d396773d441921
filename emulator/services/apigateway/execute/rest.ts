import type { CanarySettings, Stage } from '@aws-sdk/client-api-gateway';
import { buildArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { RawResponse } from '../../../protocols/types.ts';
import type { ApiGatewayState, Snapshot, StoredApi, StoredMethod } from '../state.ts';
import { authorize, type Grant } from './authorizer.ts';
import { IamDenied, restRefusal, type ApiPolicy } from './iam.ts';
import { endpointUrl, fetchBackend, runMappedIntegration } from './integrations.ts';
import { functionOfUri, invokeFunction, type Invoker } from './lambda.ts';
import { isBinary, proxyEvent, proxyResponse, requestContext, type ProxyScope } from './proxy.ts';
import { all, first, header, type ExecRequest } from './request.ts';
import { GatewayFailure, gatewayResponse, resolveValue } from './responses.ts';
import { matchRoute } from './routing.ts';
import { checkApiKey, meter } from './usage.ts';
import { validateRequest } from './validate.ts';
import type { TemplateScope } from './vtl.ts';
import { AwsError } from '../../../core/errors.ts';

/**
 * Serves one request to a deployed REST API stage, as API Gateway's pipeline runs it: route, authorizer, API key
 * and usage plan, request validation, integration, gateway responses for every failure.
 */
export async function executeRestApi(emulator: Emulator, state: ApiGatewayState, api: StoredApi, stageName: string, request: ExecRequest): Promise<RawResponse> {
  const stage = api.stages.get(stageName);
  const canary = stage && canaryRelease(api, stage);
  const deployment = stage ? api.deployments.get(canary?.deploymentId ?? stage.deploymentId ?? '') : undefined;
  const custom = deployment?.snapshot.gatewayResponses ?? [];
  if (!stage || !deployment) return gatewayResponse(new GatewayFailure('MISSING_AUTHENTICATION_TOKEN', 'Forbidden', 403), [], request.requestId);
  const snapshot = deployment.snapshot;
  const stageVariables = { ...stage.variables, ...canary?.stageVariableOverrides };
  const params = { path: {} as Record<string, string>, querystring: first(request.query), header: first(request.headers) };
  const route = matchRoute(snapshot, request.method, request.path);
  const scope: ProxyScope = {
    request,
    resourcePath: route?.resource.path ?? request.path,
    resourceId: route?.resource.id ?? '',
    pathParameters: route?.pathParameters ?? {},
    stageVariables,
    stage: stageName,
    apiId: api.api.id,
    accountId: state.accountId,
    deploymentId: deployment.id,
    binaryMediaTypes: snapshot.binaryMediaTypes,
  };
  // `$context.isCanaryRequest` is there only while the stage has a canary.
  const canaryContext = stage.canarySettings ? { isCanaryRequest: canary !== undefined } : {};
  const templateScope = () => ({ context: { ...requestContext(scope), ...canaryContext }, stageVariables, params });
  try {
    if (!route) throw new GatewayFailure('MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token');
    params.path = route.pathParameters;
    const { method } = route;
    const methodArn = buildArn({ service: 'execute-api', region: state.region, accountId: state.accountId, resource: `${api.api.id}/${stageName}/${request.method}${request.path}` });
    const invoker: Invoker = { emulator, accountId: state.accountId, region: state.region, sourceArn: methodArn };

    const resourcePolicy = await judgeCaller(request, method.authorizationType, methodArn, { apiId: api.api.id, accountId: state.accountId, region: state.region, document: snapshot.policy }, scope);
    let grant: Grant | undefined;
    if (method.authorizationType === 'CUSTOM') {
      const authorizer = snapshot.authorizers.find((a) => a.id === method.authorizerId);
      if (!authorizer) throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', null);
      // API Gateway invokes an authorizer for the authorizer's ARN (what `lambda add-permission --source-arn` names).
      const authorizerArn = buildArn({ service: 'execute-api', region: state.region, accountId: state.accountId, resource: `${api.api.id}/authorizers/${authorizer.id}` });
      const input = authorizerInput(authorizer.type ?? 'TOKEN', authorizer.identitySource, scope, methodArn, params);
      grant = await authorize(state, { ...invoker, sourceArn: authorizerArn }, api.api.id, authorizer, input, resourcePolicy === 'allow');
      scope.authorizer = { principalId: grant.principalId, ...grant.context, integrationLatency: 0 };
    }
    if (method.apiKeyRequired) {
      const value = snapshot.apiKeySource === 'AUTHORIZER' ? grant?.usageIdentifierKey : header(request, 'x-api-key');
      const { key, plan } = checkApiKey(state, value, api.api.id, stageName);
      meter(state, plan, key.id!, emulator.clock.now());
    }
    const validator = snapshot.requestValidators.find((v) => v.id === method.requestValidatorId);
    validateRequest(method, validator, snapshot.models, request, route.pathParameters);

    const response = await runIntegration(invoker, method, scope, snapshot, templateScope, route.pathParameters);
    response.headers['x-amzn-requestid'] = request.requestId;
    response.headers['x-amz-apigw-id'] = request.extendedRequestId;
    return response;
  } catch (error) {
    if (!(error instanceof GatewayFailure)) throw error;
    return gatewayResponse(error, custom, request.requestId, templateScope());
  }
}

/**
 * IAM authorization (the signer, in `$context.identity`) and the resource policy: an AWS_IAM method needs both to
 * allow as AWS combines them; a method without authorization needs the policy, when the API has one, to allow anyone;
 * a Lambda-authorized one is refused on an explicit deny, and learns whether the policy allows (for the authorizer's verdict).
 */
async function judgeCaller(request: ExecRequest, authorizationType: string | undefined, methodArn: string, policy: ApiPolicy, scope: ProxyScope): Promise<'allow' | 'none'> {
  if (!request.caller) return 'none';
  try {
    if (authorizationType === 'AWS_IAM') scope.iam = await request.caller.iam(methodArn, policy);
    else if (authorizationType === 'CUSTOM') return await request.caller.lambdaAuthorized(methodArn, policy);
    else if (!authorizationType || authorizationType === 'NONE') await request.caller.anonymous(methodArn, policy);
    return 'none';
  } catch (error) {
    if (error instanceof IamDenied) throw restRefusal(error);
    throw error;
  }
}

/**
 * The stage's canary when this request goes to it: `percentTraffic` percent of requests, at random, run the canary's
 * deployment with the stage's variables overridden by the canary's.
 */
function canaryRelease(api: StoredApi, stage: Stage): CanarySettings | undefined {
  const canary = stage.canarySettings;
  if (!canary?.deploymentId || !api.deployments.has(canary.deploymentId)) return undefined;
  return Math.random() * 100 < (canary.percentTraffic ?? 0) ? canary : undefined;
}

/** Runs a method's integration (proxy, HTTP proxy or mapped) and answers what it returned. */
export async function runIntegration(
  invoker: Invoker,
  method: StoredMethod,
  scope: ProxyScope,
  snapshot: Snapshot,
  templateScope: () => Omit<TemplateScope, 'body'>,
  pathParameters: Record<string, string>,
): Promise<RawResponse> {
  const { request, stageVariables } = scope;
  const integration = method.methodIntegration;
  if (!integration) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  if (integration.type === 'AWS_PROXY') {
    // Lambda is invoked by POST only: a proxy integration set to another method is a configuration error when called.
    if (integration.httpMethod !== 'POST') throw new GatewayFailure('API_CONFIGURATION_ERROR', 'Internal server error', 500);
    const functionArn = functionOfUri(integration.uri?.replace(/\$\{stageVariables\.([^}]+)\}/g, (_, n: string) => stageVariables[n] ?? ''));
    if (!functionArn) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
    let result;
    try {
      result = await invokeFunction(invoker, functionArn, Buffer.from(JSON.stringify(proxyEvent(scope))), integration.credentials);
    } catch (error) {
      if (error instanceof AwsError) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
      throw error;
    }
    return proxyResponse(result.payload, result.functionError, isBinary(header(request, 'accept'), snapshot.binaryMediaTypes));
  }
  if (integration.type === 'HTTP_PROXY') {
    const mappedPath: Record<string, string> = { ...pathParameters };
    for (const [target, source] of Object.entries(integration.requestParameters ?? {})) {
      const name = /^integration\.request\.path\.(.+)$/.exec(target)?.[1];
      if (name) mappedPath[name] = resolveValue(source, templateScope());
    }
    const url = endpointUrl(integration.uri, scope.stageVariables, mappedPath);
    for (const [k, values] of request.query) for (const v of values) url.searchParams.append(k, v);
    const headers = Object.fromEntries([...request.headers].filter(([k]) => k !== 'host' && k !== 'content-length').map(([k, v]) => [k, v.join(', ')]));
    const backend = await fetchBackend(url, integration.httpMethod === 'ANY' ? request.method : (integration.httpMethod ?? request.method), headers, request.body, integration.timeoutInMillis);
    return { status: backend.status, headers: backend.headers, body: backend.body };
  }
  return runMappedIntegration(invoker, integration, request, templateScope(), snapshot.binaryMediaTypes);
}

/** The identity values and event of a TOKEN or REQUEST authorizer. */
export function authorizerInput(type: string, identitySource: string | undefined, scope: ProxyScope, methodArn: string, params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> }) {
  const { request } = scope;
  const sources = (identitySource ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const identity = sources.map((source) => {
    const value = resolveValue(source, { context: {}, stageVariables: scope.stageVariables, params });
    return value === '' ? undefined : value;
  });
  if (type === 'TOKEN') return { identity, methodArn, event: { type: 'TOKEN', methodArn, authorizationToken: identity[0] } };
  const event = {
    type: 'REQUEST',
    methodArn,
    resource: scope.resourcePath,
    path: request.path,
    httpMethod: request.method,
    headers: first(request.headers),
    multiValueHeaders: all(request.headers),
    queryStringParameters: first(request.query),
    multiValueQueryStringParameters: all(request.query),
    pathParameters: scope.pathParameters,
    stageVariables: scope.stageVariables,
    requestContext: requestContext(scope),
  };
  return { identity: sources.length ? identity : [], methodArn, event };
}
