import type { Authorizer, Integration, Route, Stage } from '@aws-sdk/client-apigatewayv2';
import { buildArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RawResponse } from '../../../protocols/types.ts';
import type { ApiGatewayV2State, StoredV2Api, V2Snapshot } from '../../apigatewayv2/state.ts';
import { fetchBackend } from './integrations.ts';
import { IamDenied } from './iam.ts';
import { verifyJwt } from './jwt.ts';
import { functionOfUri, invokeFunction, type Invoker } from './lambda.ts';
import { isBinary, requestTime } from './proxy.ts';
import { first, header, type ExecRequest } from './request.ts';
import { matchPath } from './routing.ts';

/** HTTP APIs answer errors with these bodies. */
const fail = (status: number, message: string, headers: Record<string, string> = {}): RawResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ message }),
});

class HttpApiFailure extends Error {
  constructor(readonly response: RawResponse) {
    super(String(response.status));
  }
}

interface MatchedRoute {
  route: Route;
  pathParameters: Record<string, string>;
}

/** The most specific route: literal paths before variables before greedy ones, a method before ANY, then `$default`. */
function matchRoute(routes: Route[], method: string, path: string): MatchedRoute | undefined {
  let best: { route: Route; params: Record<string, string>; rank: number } | undefined;
  for (const route of routes) {
    if (route.RouteKey === '$default') continue;
    const [routeMethod, routePath] = route.RouteKey!.split(' ');
    if (routeMethod !== method && routeMethod !== 'ANY') continue;
    const matched = matchPath(routePath, path);
    if (!matched) continue;
    const rank = matched.score * 2 + (routeMethod === method ? 1 : 0);
    if (!best || rank > best.rank) best = { route, params: matched.params, rank };
  }
  if (best) return { route: best.route, pathParameters: best.params };
  const fallback = routes.find((r) => r.RouteKey === '$default');
  return fallback ? { route: fallback, pathParameters: {} } : undefined;
}

/** CORS headers for a request with an Origin the API's configuration allows. */
function corsHeaders(api: StoredV2Api, request: ExecRequest, preflight: boolean): Record<string, string> {
  const cors = api.api.CorsConfiguration;
  const origin = header(request, 'origin');
  if (!cors || !origin) return {};
  const origins = cors.AllowOrigins ?? [];
  if (!origins.includes('*') && !origins.includes(origin)) return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': origins.includes('*') && !cors.AllowCredentials ? '*' : origin };
  if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
  if (cors.ExposeHeaders?.length) headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  if (preflight) {
    if (cors.AllowMethods?.length) headers['access-control-allow-methods'] = cors.AllowMethods.join(',');
    const requested = header(request, 'access-control-request-headers');
    if (cors.AllowHeaders?.length) headers['access-control-allow-headers'] = cors.AllowHeaders.includes('*') && requested ? requested : cors.AllowHeaders.join(',');
    if (cors.MaxAge !== undefined) headers['access-control-max-age'] = String(cors.MaxAge);
  }
  return headers;
}

interface Scope {
  request: ExecRequest;
  api: StoredV2Api;
  stage: Stage;
  stageName: string;
  route: Route;
  pathParameters: Record<string, string>;
  accountId: string;
  authorizer?: Record<string, unknown>;
}

const joined = (map: Map<string, string[]>) => Object.fromEntries([...map].map(([k, v]) => [k, v.join(',')]));

function rawPathOf(scope: Scope): string {
  return scope.stageName === '$default' ? scope.request.rawPath : `/${scope.stageName}${scope.request.rawPath}`;
}

function context20(scope: Scope): Record<string, unknown> {
  const { request } = scope;
  return {
    accountId: scope.accountId,
    apiId: scope.api.api.ApiId,
    ...(scope.authorizer ? { authorizer: scope.authorizer } : {}),
    domainName: request.domainName,
    domainPrefix: request.domainName.split('.')[0],
    http: { method: request.method, path: rawPathOf(scope), protocol: 'HTTP/1.1', sourceIp: request.sourceIp, userAgent: request.userAgent },
    requestId: request.requestId,
    routeKey: scope.route.RouteKey,
    stage: scope.stageName,
    time: requestTime(request.receivedAtMs),
    timeEpoch: request.receivedAtMs,
  };
}

/** The Lambda event of payload format 2.0. */
function event20(scope: Scope, binary: boolean): Record<string, unknown> {
  const { request } = scope;
  const cookies = header(request, 'cookie')?.split(/;\s*/).filter(Boolean);
  const headers = joined(request.headers);
  delete headers.cookie;
  const body = request.body.length ? (binary ? request.body.toString('base64') : request.body.toString('utf8')) : undefined;
  return {
    version: '2.0',
    routeKey: scope.route.RouteKey,
    rawPath: rawPathOf(scope),
    rawQueryString: request.rawQuery,
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(request.query.size ? { queryStringParameters: joined(request.query) } : {}),
    ...(Object.keys(scope.pathParameters).length ? { pathParameters: scope.pathParameters } : {}),
    ...(Object.keys(scope.stage.StageVariables ?? {}).length ? { stageVariables: scope.stage.StageVariables } : {}),
    requestContext: context20(scope),
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: binary && body !== undefined,
  };
}

/** The Lambda event of payload format 1.0 (REST's proxy event, as HTTP APIs send it). */
function event10(scope: Scope, binary: boolean): Record<string, unknown> {
  const { request } = scope;
  // An IAM-authorized request's signer, as format 1.0 names it in the identity.
  const iam = scope.authorizer?.iam as Record<string, string> | undefined;
  const orNull = <T extends object>(v: T) => (Object.keys(v).length ? v : null);
  return {
    version: '1.0',
    resource: scope.route.RouteKey === '$default' ? '$default' : scope.route.RouteKey!.split(' ')[1],
    path: rawPathOf(scope),
    httpMethod: request.method,
    headers: first(request.headers),
    multiValueHeaders: Object.fromEntries(request.headers),
    queryStringParameters: orNull(first(request.query)),
    multiValueQueryStringParameters: orNull(Object.fromEntries(request.query)),
    requestContext: {
      accountId: scope.accountId,
      apiId: scope.api.api.ApiId,
      ...(scope.authorizer ? { authorizer: scope.authorizer } : {}),
      domainName: request.domainName,
      domainPrefix: request.domainName.split('.')[0],
      extendedRequestId: request.extendedRequestId,
      httpMethod: request.method,
      identity: {
        accessKey: iam?.accessKey ?? null,
        accountId: iam?.accountId ?? null,
        caller: iam?.callerId ?? null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: iam?.userId ?? null,
        userAgent: request.userAgent,
        userArn: iam?.userArn ?? null,
      },
      path: rawPathOf(scope),
      protocol: 'HTTP/1.1',
      requestId: request.requestId,
      requestTime: requestTime(request.receivedAtMs),
      requestTimeEpoch: request.receivedAtMs,
      resourceId: scope.route.RouteKey,
      resourcePath: scope.route.RouteKey === '$default' ? '$default' : scope.route.RouteKey!.split(' ')[1],
      stage: scope.stageName,
    },
    pathParameters: orNull(scope.pathParameters),
    stageVariables: orNull(scope.stage.StageVariables ?? {}),
    body: request.body.length ? (binary ? request.body.toString('base64') : request.body.toString('utf8')) : null,
    isBase64Encoded: binary && request.body.length > 0,
  };
}

/**
 * A function's answer as HTTP: format 2.0 takes a structured response (`statusCode`...) or any other JSON value as a
 * 200 JSON body; format 1.0 needs the structured form. Anything else is 500 `Internal Server Error`.
 */
function lambdaResponse(payload: Buffer, functionError: string | undefined, version: string): RawResponse {
  const broken = new HttpApiFailure(fail(500, 'Internal Server Error'));
  if (functionError) throw broken;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    if (version === '2.0') return { status: 200, headers: { 'content-type': 'application/json' }, body: payload };
    throw broken;
  }
  const structured = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && 'statusCode' in parsed;
  if (!structured) {
    if (version === '2.0') return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(parsed) };
    throw broken;
  }
  const response = parsed as { statusCode: unknown; headers?: Record<string, unknown>; multiValueHeaders?: Record<string, unknown[]>; cookies?: string[]; body?: unknown; isBase64Encoded?: boolean };
  const status = Number(response.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw broken;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = String(v);
  for (const [k, v] of Object.entries(response.multiValueHeaders ?? {})) if (Array.isArray(v)) headers[k.toLowerCase()] = v.map(String).join(',');
  if (response.cookies?.length) headers['set-cookie'] = response.cookies.join(', ');
  const text = typeof response.body === 'string' ? response.body : response.body === undefined || response.body === null ? '' : JSON.stringify(response.body);
  headers['content-type'] ??= 'application/json';
  return { status, headers, body: response.isBase64Encoded ? Buffer.from(text, 'base64') : Buffer.from(text) };
}

/** `$request.header.x`, `$request.querystring.x`, `$request.path.x`, `$context.x`, `$stageVariables.x` or a literal. */
function mappingValue(value: string, scope: Scope): string {
  return value.replace(/\$\{?(request\.(header|querystring|path)\.([\w.-]+)|request\.path|context\.([\w.]+)|stageVariables\.([\w.-]+))\}?/g, (_m, _all, where, name, context, variable) => {
    if (where === 'header') return header(scope.request, name) ?? '';
    if (where === 'querystring') return scope.request.query.get(name)?.join(',') ?? '';
    if (where === 'path') return scope.pathParameters[name] ?? '';
    if (context) return String(context.split('.').reduce((o: unknown, k: string) => (o as Record<string, unknown> | undefined)?.[k], context20(scope)) ?? '');
    if (variable) return scope.stage.StageVariables?.[variable] ?? '';
    return scope.request.rawPath;
  });
}

async function httpProxy(integration: Integration, scope: Scope): Promise<RawResponse> {
  const { request } = scope;
  const headers = Object.fromEntries([...request.headers].filter(([k]) => k !== 'host' && k !== 'content-length').map(([k, v]) => [k, v.join(',')]));
  const query = new URLSearchParams(request.rawQuery);
  // Greedy and other path variables of the route are substituted into the URI; the URI is otherwise used as it is.
  let url = new URL((integration.IntegrationUri ?? '').replace(/\{([^}+]+)\+?\}/g, (_, n: string) => scope.pathParameters[n] ?? ''));
  for (const [key, value] of Object.entries(integration.RequestParameters ?? {})) {
    const [, action, target, name] = /^(append|overwrite|remove):(header|querystring|path)(?:\.(.+))?$/.exec(key) ?? [];
    if (!action) continue;
    const resolved = mappingValue(value, scope);
    if (target === 'header') {
      if (action === 'remove') delete headers[name.toLowerCase()];
      else headers[name.toLowerCase()] = action === 'append' && headers[name.toLowerCase()] ? `${headers[name.toLowerCase()]},${resolved}` : resolved;
    } else if (target === 'querystring') {
      if (action === 'remove') query.delete(name);
      else if (action === 'append') query.append(name, resolved);
      else query.set(name, resolved);
    } else if (target === 'path' && action === 'overwrite') url = new URL(resolved, url);
  }
  for (const [k, v] of query) url.searchParams.append(k, v);
  const method = !integration.IntegrationMethod || integration.IntegrationMethod === 'ANY' ? request.method : integration.IntegrationMethod;
  try {
    const backend = await fetchBackend(url, method, headers, request.body, integration.TimeoutInMillis);
    return { status: backend.status, headers: backend.headers, body: backend.body };
  } catch {
    throw new HttpApiFailure(fail(500, 'Internal Server Error'));
  }
}

/** The response parameter mappings of an integration for the backend's status (`overwrite:statuscode`, headers). */
function mapResponse(integration: Integration, response: RawResponse, scope: Scope): RawResponse {
  const mappings = integration.ResponseParameters?.[String(response.status)];
  if (!mappings) return response;
  for (const [key, value] of Object.entries(mappings)) {
    const [, action, target, name] = /^(append|overwrite|remove):(header|statuscode)(?:\.(.+))?$/.exec(key) ?? [];
    const resolved = value.replace(/\$response\.header\.([\w-]+)/g, (_, h: string) => response.headers[h.toLowerCase()] ?? '').replace(/\$response\.body/, Buffer.isBuffer(response.body) ? response.body.toString() : String(response.body));
    if (target === 'statuscode' && action === 'overwrite') response.status = Number(mappingValue(resolved, scope));
    else if (target === 'header' && name) {
      const h = name.toLowerCase();
      if (action === 'remove') delete response.headers[h];
      else response.headers[h] = action === 'append' && response.headers[h] ? `${response.headers[h]},${mappingValue(resolved, scope)}` : mappingValue(resolved, scope);
    }
  }
  return response;
}

/** A Lambda authorizer's verdict: `isAuthorized` for simple responses, else a policy with an Allow and no Deny. */
export function authorizerAllows(result: Record<string, unknown>, simple: boolean): boolean {
  if (simple) return result.isAuthorized === true;
  const statements = [((result.policyDocument as { Statement?: unknown } | undefined)?.Statement ?? [])].flat() as { Effect?: string }[];
  return statements.some((s) => s.Effect === 'Allow') && !statements.some((s) => s.Effect === 'Deny');
}

/**
 * An AWS_IAM route: a SigV4 signature for `execute-api` whose signer may `execute-api:Invoke` the route's ARN (HTTP
 * APIs have no resource policy); the signer is `requestContext.authorizer.iam`. Refusals are 403 with the
 * signature's problem, or `Forbidden` for a missing signature and a denial (HTTP APIs' terse answers).
 */
async function authorizeIam(state: ApiGatewayV2State, invoker: Invoker, scope: Scope): Promise<void> {
  const { caller } = scope.request;
  if (!caller) return;
  try {
    const signer = await caller.iam(invoker.sourceArn!, { apiId: scope.api.api.ApiId!, accountId: state.accountId, region: state.region });
    scope.authorizer = { iam: { accessKey: signer.accessKey, accountId: signer.accountId, callerId: signer.userId, cognitoIdentity: null, principalOrgId: null, userArn: signer.userArn, userId: signer.userId } };
  } catch (error) {
    if (!(error instanceof IamDenied)) throw error;
    throw new HttpApiFailure(fail(403, error.reason === 'missing' || error.reason === 'denied' ? 'Forbidden' : error.message));
  }
}

async function authorizeRoute(state: ApiGatewayV2State, invoker: Invoker, authorizer: Authorizer | undefined, scope: Scope): Promise<void> {
  const { route, request } = scope;
  if (route.AuthorizationType === 'AWS_IAM') return authorizeIam(state, invoker, scope);
  if (route.AuthorizationType === 'JWT') {
    if (!authorizer?.JwtConfiguration) throw new HttpApiFailure(fail(500, 'Internal Server Error'));
    const source = authorizer.IdentitySource?.[0] ?? '$request.header.Authorization';
    const raw = mappingValue(source, scope);
    const token = raw.replace(/^Bearer\s+/i, '');
    if (!token) throw new HttpApiFailure(fail(401, 'Unauthorized', { 'www-authenticate': 'Bearer' }));
    const claims = await verifyJwt(state, token, authorizer.JwtConfiguration, invoker.emulator.clock.date()).catch(() => undefined);
    if (!claims) throw new HttpApiFailure(fail(401, 'Unauthorized', { 'www-authenticate': 'Bearer error="invalid_token"' }));
    const scopes = String(claims.scope ?? claims.scp ?? '').split(' ').filter(Boolean);
    if (route.AuthorizationScopes?.length && !route.AuthorizationScopes.some((s) => scopes.includes(s))) throw new HttpApiFailure(fail(403, 'Forbidden', { 'www-authenticate': 'Bearer error="insufficient_scope"' }));
    scope.authorizer = { jwt: { claims: Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])), scopes: scopes.length ? scopes : null } };
    return;
  }
  if (route.AuthorizationType !== 'CUSTOM') return;
  const functionArn = functionOfUri(authorizer?.AuthorizerUri);
  if (!authorizer || !functionArn) throw new HttpApiFailure(fail(500, 'Internal Server Error'));
  const identity = (authorizer.IdentitySource ?? []).map((s) => mappingValue(s, scope));
  if (authorizer.IdentitySource?.length && identity.some((v) => !v)) throw new HttpApiFailure(fail(401, 'Unauthorized'));
  const ttl = authorizer.AuthorizerResultTtlInSeconds ?? 0;
  const cacheKey = `${scope.api.api.ApiId}/${authorizer.AuthorizerId}/${JSON.stringify(identity)}`;
  const now = invoker.emulator.clock.now();
  const cached = ttl > 0 && identity.length ? state.authorizerCache.get(cacheKey) : undefined;
  let result = cached && cached.expiresMs > now ? (cached.result as Record<string, unknown>) : undefined;
  if (!result) {
    const v2 = authorizer.AuthorizerPayloadFormatVersion === '2.0';
    const routeArn = buildArn({ service: 'execute-api', region: invoker.region, accountId: scope.accountId, resource: `${scope.api.api.ApiId}/${scope.stageName}/${request.method}${request.path}` });
    const base = v2 ? { ...event20(scope, false), type: 'REQUEST', routeArn, identitySource: identity } : { ...event10(scope, false), type: 'REQUEST', methodArn: routeArn, identitySource: identity.join(',') };
    try {
      // API Gateway invokes an authorizer for the authorizer's ARN (what `lambda add-permission --source-arn` names), as REST APIs do.
      const authorizerArn = buildArn({ service: 'execute-api', region: invoker.region, accountId: scope.accountId, resource: `${scope.api.api.ApiId}/authorizers/${authorizer.AuthorizerId}` });
      const out = await invokeFunction({ ...invoker, sourceArn: authorizerArn }, functionArn, Buffer.from(JSON.stringify(base)), authorizer.AuthorizerCredentialsArn);
      if (out.functionError) throw new HttpApiFailure(fail(out.payload.toString().includes('Unauthorized') ? 401 : 500, out.payload.toString().includes('Unauthorized') ? 'Unauthorized' : 'Internal Server Error'));
      result = JSON.parse(out.payload.toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof HttpApiFailure) throw error;
      if (error instanceof AwsError || error instanceof SyntaxError) throw new HttpApiFailure(fail(500, 'Internal Server Error'));
      throw error;
    }
    if (ttl > 0 && identity.length) state.authorizerCache.set(cacheKey, { expiresMs: now + ttl * 1000, result });
  }
  if (!authorizerAllows(result, authorizer.EnableSimpleResponses === true)) throw new HttpApiFailure(fail(403, 'Forbidden'));
  scope.authorizer = { lambda: (result.context as Record<string, unknown> | undefined) ?? null, ...(result.principalId ? { principalId: result.principalId } : {}) };
}

/** Serves one request to an HTTP API: stage, CORS preflight, route, authorizer, integration, CORS headers. */
export async function executeHttpApi(emulator: Emulator, state: ApiGatewayV2State, api: StoredV2Api, rest: string, request: ExecRequest, ofStage: (rest: string) => { stageName: string; after: string }): Promise<RawResponse> {
  const { stageName, after } = ofStage(rest);
  const stage = api.stages.get(stageName);
  const snapshot: V2Snapshot | undefined = stage?.DeploymentId ? api.deployments.get(stage.DeploymentId)?.snapshot : undefined;
  if (!stage || !snapshot) return fail(404, 'Not Found');
  request.rawPath = after || '/';
  request.path = decodeURIComponent(request.rawPath);
  const preflight = request.method === 'OPTIONS' && header(request, 'access-control-request-method') !== undefined;
  if (preflight && api.api.CorsConfiguration) return { status: 204, headers: { ...corsHeaders(api, request, true), 'apigw-requestid': request.requestId }, body: '' };
  const matched = matchRoute(snapshot.routes, request.method, request.path);
  if (!matched) return { ...fail(404, 'Not Found'), headers: { 'content-type': 'application/json', ...corsHeaders(api, request, false) } };
  const scope: Scope = { request, api, stage, stageName, route: matched.route, pathParameters: matched.pathParameters, accountId: state.accountId };
  const sourceArn = buildArn({ service: 'execute-api', region: state.region, accountId: state.accountId, resource: `${api.api.ApiId}/${stageName}/${request.method}${request.path}` });
  const invoker: Invoker = { emulator, accountId: state.accountId, region: state.region, sourceArn };
  let response: RawResponse;
  try {
    await authorizeRoute(state, invoker, snapshot.authorizers.find((a) => a.AuthorizerId === matched.route.AuthorizerId), scope);
    const integrationId = /^integrations\/(.+)$/.exec(matched.route.Target ?? '')?.[1];
    const integration = snapshot.integrations.find((i) => i.IntegrationId === integrationId);
    if (!integration) throw new HttpApiFailure(fail(500, 'Internal Server Error'));
    if (integration.IntegrationType === 'AWS_PROXY') {
      const functionArn = integration.IntegrationUri?.startsWith('arn:aws') && !functionOfUri(integration.IntegrationUri) ? integration.IntegrationUri : functionOfUri(integration.IntegrationUri);
      if (!functionArn) throw new HttpApiFailure(fail(500, 'Internal Server Error'));
      const binary = !/^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript))/.test(header(request, 'content-type') ?? 'application/json') || isBinary(header(request, 'content-type'), []);
      const version = integration.PayloadFormatVersion ?? '2.0';
      const event = version === '2.0' ? event20(scope, binary) : event10(scope, binary);
      let out;
      try {
        out = await invokeFunction(invoker, functionArn, Buffer.from(JSON.stringify(event)), integration.CredentialsArn);
      } catch (error) {
        if (error instanceof AwsError) throw new HttpApiFailure(fail(500, 'Internal Server Error'));
        throw error;
      }
      response = lambdaResponse(out.payload, out.functionError, version);
    } else if (integration.IntegrationType === 'HTTP_PROXY') response = await httpProxy(integration, scope);
    else throw new HttpApiFailure(fail(500, 'Internal Server Error'));
    response = mapResponse(integration, response, scope);
  } catch (error) {
    if (!(error instanceof HttpApiFailure)) throw error;
    response = error.response;
  }
  Object.assign(response.headers, corsHeaders(api, request, false), { 'apigw-requestid': request.requestId });
  return response;
}
