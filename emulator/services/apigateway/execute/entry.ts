import { partitionInfo } from '../../../core/arn.ts';
import { isIP } from 'node:net';
import type { Emulator } from '../../../core/emulator.ts';
import type { RequestContext } from '../../../core/service.ts';
import { hostParts } from '../../../gateway/route.ts';
import type { RawRequest, RawResponse } from '../../../protocols/types.ts';
import type { ApiGatewayV2State, StoredV2Api } from '../../apigatewayv2/state.ts';
import type { ApiGatewayState, StoredApi } from '../state.ts';
import { domainTarget, findDomain } from './custom-domain.ts';
import { executeHttpApi } from './http-api.ts';
import { InvokeCaller } from './iam.ts';
import { execRequest, type ExecRequest } from './request.ts';
import { executeRestApi } from './rest.ts';
import { CONNECTIONS_PATH, manageConnection } from './websocket/management.ts';
import { openWebSocket } from './websocket/session.ts';

/** The API id and the path after it, from the host name or LocalStack's path forms; undefined for control-plane requests. */
/** Whether a request is for a deployed API (its invoke URL) rather than the API Gateway API. */
export function isExecuteApiRequest(req: RawRequest): boolean {
  return target(req) !== undefined;
}

/**
 * Requests whose signatures API Gateway judges itself, by each method's authorization (invoke URLs and custom
 * domain names); the @connections API is an AWS API like any other, its signature checked by the core.
 */
export function authenticatesItself(req: RawRequest, emulator: Emulator): boolean {
  const found = target(req);
  if (found) return !CONNECTIONS_PATH.test(found.rest);
  return !CONNECTIONS_PATH.test(req.path) && isCustomDomainRequest(req, emulator);
}

function target(req: RawRequest): { apiId: string; rest: string; domainName?: string } | undefined {
  const host = hostParts(req.headers['host']);
  if (host.prefix === 'execute-api' && host.label) return { apiId: host.label, rest: req.path, domainName: req.headers['host']?.replace(/:\d+$/, '') };
  const aws = /^\/_aws\/execute-api\/([^/]+)(\/.*)?$/.exec(req.path);
  if (aws) return { apiId: aws[1], rest: aws[2] ?? '/' };
  const user = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/.exec(req.path);
  if (user) return { apiId: user[1], rest: `/${user[2]}${user[3] ?? '/'}` };
  return undefined;
}

/** The REST API with this id in the request's account and region, else in any account and region that has it. */
function findRestApi(ctx: RequestContext<ApiGatewayState>, apiId: string): { state: ApiGatewayState; api: StoredApi } | undefined {
  const own = ctx.state.apis.get(apiId);
  if (own) return { state: ctx.state, api: own };
  for (const [name, store] of ctx.emulator.stores()) {
    if (name !== 'apigateway') continue;
    for (const [, state] of store.entries()) {
      const api = (state as ApiGatewayState).apis.get(apiId);
      if (api) return { state: state as ApiGatewayState, api };
    }
  }
  return undefined;
}

/** The HTTP or WebSocket API with this id, in any account and region (API ids are unique). */
function findV2Api(ctx: RequestContext<ApiGatewayState>, apiId: string): { state: ApiGatewayV2State; api: StoredV2Api } | undefined {
  for (const [name, store] of ctx.emulator.stores()) {
    if (name !== 'apigatewayv2') continue;
    for (const [, state] of store.entries()) {
      const api = (state as ApiGatewayV2State).apis.get(apiId);
      if (api) return { state: state as ApiGatewayV2State, api };
    }
  }
  return undefined;
}

/** Whether the deployment the path's stage serves refuses the default endpoint (the API's DisableExecuteApiEndpoint then). */
function defaultEndpointDisabled(api: StoredV2Api, rest: string): boolean {
  const { stageName } = api.api.ProtocolType === 'HTTP' ? stageOfPath(api)(rest) : { stageName: decodeURIComponent(rest.split('/')[1] ?? '') };
  return api.deployments.get(api.stages.get(stageName)?.DeploymentId ?? '')?.snapshot.disableExecuteApiEndpoint === true;
}

/** An HTTP API's stage: the first path segment when it names one, else `$default` with the whole path. */
function stageOfPath(api: StoredV2Api) {
  return (rest: string) => {
    const [, first = '', after = ''] = /^\/([^/]*)(.*)$/.exec(rest) ?? [];
    const named = decodeURIComponent(first);
    if (named !== '$default' && api.stages.has(named)) return { stageName: named, after };
    return { stageName: '$default', after: rest };
  };
}

/** Answers requests to deployed APIs (execute-api host names and path forms); leaves control-plane requests alone. */
export async function answerExecuteApi(req: RawRequest, ctx: RequestContext<ApiGatewayState>): Promise<RawResponse | undefined> {
  const found = target(req);
  if (!found) {
    // The @connections API on the emulator's own endpoint: the connection id alone names the connection.
    const bare = CONNECTIONS_PATH.exec(req.path);
    if (bare && !bare[1]) return manageConnection(ctx.emulator, req.method, decodeURIComponent(bare[2]), req.body);
    return answerCustomDomain(req, ctx);
  }
  const [, stageName = '', after = ''] = /^\/([^/]*)(.*)$/.exec(found.rest) ?? [];
  const rest = findRestApi(ctx, found.apiId);
  if (rest) {
    const stage = rest.api.stages.get(decodeURIComponent(stageName));
    if (rest.api.deployments.get(stage?.deploymentId ?? '')?.snapshot.disableExecuteApiEndpoint) return forbidden(ctx);
    const domainName = found.domainName ?? executeHost(found.apiId, rest.state.region);
    const request = clientRequest(req, ctx, after || '/', domainName);
    return executeRestApi(ctx.emulator, rest.state, rest.api, decodeURIComponent(stageName), request);
  }
  if (ctx.emulator.isEnabled('apigatewayv2')) await ctx.emulator.loadService('apigatewayv2');
  const v2 = findV2Api(ctx, found.apiId);
  if (v2 && v2.api.api.ProtocolType === 'HTTP') {
    if (defaultEndpointDisabled(v2.api, found.rest)) return forbidden(ctx);
    const domainName = found.domainName ?? executeHost(found.apiId, v2.state.region);
    const request = clientRequest(req, ctx, found.rest, domainName);
    return executeHttpApi(ctx.emulator, v2.state, v2.api, found.rest, request, stageOfPath(v2.api));
  }
  if (v2) {
    const management = CONNECTIONS_PATH.exec(found.rest);
    if (management) return manageConnection(ctx.emulator, req.method, decodeURIComponent(management[2]), req.body, found.apiId, management[1] && decodeURIComponent(management[1]));
    const domainName = found.domainName ?? executeHost(found.apiId, v2.state.region);
    if (req.upgrade && defaultEndpointDisabled(v2.api, found.rest)) return forbidden(ctx);
    if (req.upgrade) return openWebSocket(ctx, v2.state, v2.api, found.rest, req, domainName);
  }
  return forbidden(ctx);
}

/** An execute-api request from a client, who may be judged by IAM and resource policies. */
function clientRequest(req: RawRequest, ctx: RequestContext<ApiGatewayState>, afterStage: string, domainName: string): ExecRequest {
  return { ...execRequest(req, afterStage, domainName, ctx.emulator.clock.now()), caller: new InvokeCaller(ctx, req) };
}

/** The API's own host on AWS, in its region's partition (what `$context.domainName` says without a custom domain). */
const executeHost = (apiId: string, region: string) => `${apiId}.execute-api.${region}.${partitionInfo(region).dnsSuffix}`;

const forbidden = (ctx: RequestContext<ApiGatewayState>): RawResponse => ({
  status: 403,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': ctx.requestId },
  body: JSON.stringify({ message: 'Forbidden' }),
});

/** Requests whose Host is a custom domain name (routing rules, then API / base path mappings); undefined for other hosts. */
async function answerCustomDomain(req: RawRequest, ctx: RequestContext<ApiGatewayState>): Promise<RawResponse | undefined> {
  // The emulator's own names (control-plane requests) are never custom domain names: no lookup for them.
  if (!mayBeCustomDomain(req.headers['host'])) return undefined;
  if (ctx.emulator.isEnabled('apigatewayv2')) await ctx.emulator.loadService('apigatewayv2');
  const domain = findDomain(ctx.emulator, req.headers['host']);
  if (!domain) return undefined;
  const found = domainTarget(domain, req);
  if (!found) return forbidden(ctx);
  const host = req.headers['host']!.replace(/:\d+$/, '');
  const rest = findRestApi(ctx, found.apiId);
  if (rest) {
    // A base path mapping without a stage leaves the stage to the path's first segment.
    const [, named = '', after = ''] = found.stage ? [, found.stage, found.path] : (/^\/([^/]*)(.*)$/.exec(found.path) ?? []);
    const request = clientRequest(req, ctx, after || '/', host);
    return executeRestApi(ctx.emulator, rest.state, rest.api, decodeURIComponent(named), request);
  }
  const v2 = findV2Api(ctx, found.apiId);
  if (v2?.api.api.ProtocolType === 'HTTP') {
    const request = clientRequest(req, ctx, found.path, host);
    return executeHttpApi(ctx.emulator, v2.state, v2.api, found.path, request, (path) => ({ stageName: found.stage, after: path }));
  }
  if (v2 && req.upgrade) return openWebSocket(ctx, v2.state, v2.api, `/${found.stage}${found.path === '/' ? '' : found.path}`, req, host);
  return forbidden(ctx);
}

/** Whether an unsigned request no other service claims is for a custom domain name of an API (its Host names one). */
export function isCustomDomainRequest(req: RawRequest, emulator: Emulator): boolean {
  return mayBeCustomDomain(req.headers['host']) && findDomain(emulator, req.headers['host']) !== undefined;
}

function mayBeCustomDomain(host: string | undefined): boolean {
  const name = host?.toLowerCase().replace(/:\d+$/, '') ?? '';
  return name.includes('.') && isIP(name) === 0 && !/(^|\.)(localhost|localhost\.localstack\.cloud|amazonaws\.com)$/.test(name);
}
