import type { RequestContext } from '../../../core/service.ts';
import { hostParts } from '../../../gateway/route.ts';
import type { RawRequest, RawResponse } from '../../../protocols/types.ts';
import type { ApiGatewayState, StoredApi } from '../state.ts';
import { execRequest } from './request.ts';
import { executeRestApi } from './rest.ts';

/** The API id and the path after it, from the host name or LocalStack's path forms; undefined for control-plane requests. */
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

/** Answers requests to deployed APIs (execute-api host names and path forms); leaves control-plane requests alone. */
export async function answerExecuteApi(req: RawRequest, ctx: RequestContext<ApiGatewayState>): Promise<RawResponse | undefined> {
  const found = target(req);
  if (!found) return undefined;
  const [, stageName = '', after = ''] = /^\/([^/]*)(.*)$/.exec(found.rest) ?? [];
  const rest = findRestApi(ctx, found.apiId);
  if (rest) {
    const domainName = found.domainName ?? `${found.apiId}.execute-api.${rest.state.region}.amazonaws.com`;
    const request = execRequest(req, after || '/', domainName, ctx.emulator.clock.now());
    return executeRestApi(ctx.emulator, rest.state, rest.api, decodeURIComponent(stageName), request);
  }
  return {
    status: 403,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ForbiddenException', 'x-amzn-requestid': ctx.requestId },
    body: JSON.stringify({ message: 'Forbidden' }),
  };
}
