import { randomUUID } from 'node:crypto';
import type { TestInvokeMethodRequest, TestInvokeMethodResponse } from '@aws-sdk/client-api-gateway';
import { buildArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { snapshotOf } from '../operations/deployments.ts';
import { locateMethod } from '../operations/methods.ts';
import { pathOf, resourceOf, type ApiGatewayState } from '../state.ts';
import type { Invoker } from './lambda.ts';
import { requestContext, type ProxyScope } from './proxy.ts';
import { first, type ExecRequest } from './request.ts';
import { GatewayFailure, gatewayResponse } from './responses.ts';
import { runIntegration } from './rest.ts';
import { matchPath } from './routing.ts';

const javaMap = (map: Record<string, string>) => `{${Object.entries(map).map(([k, v]) => `${k}=${v}`).join(', ')}}`;

/** The request a test invocation describes (path with query string, headers, body), as the console's test sends it. */
export function testRequest(
  input: { pathWithQueryString?: string; headers?: Record<string, string>; multiValueHeaders?: Record<string, string[]>; body?: string },
  method: string,
  defaultPath: string,
  started: number,
): ExecRequest {
  const [pathPart, queryPart = ''] = (input.pathWithQueryString ?? defaultPath).split('?');
  const query = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(queryPart)) query.set(k, [...(query.get(k) ?? []), v]);
  const headers = new Map<string, string[]>(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), [v]]));
  for (const [k, v] of Object.entries(input.multiValueHeaders ?? {})) headers.set(k.toLowerCase(), v);
  return {
    method,
    path: decodeURIComponent(pathPart),
    rawPath: pathPart,
    rawQuery: queryPart,
    query,
    headers,
    body: Buffer.from(input.body ?? ''),
    sourceIp: 'test-invoke-source-ip',
    userAgent: '',
    requestId: randomUUID(),
    extendedRequestId: randomUUID().replace(/-/g, '').slice(0, 16),
    domainName: 'testPrefix.testDomainName',
    receivedAtMs: started,
  };
}

/** `Sun Dec 06 08:20:00 UTC 2026`, the time stamps of API Gateway's execution log. */
export function logTime(date: Date): string {
  const [day, dd, month, yyyy, time] = date.toUTCString().replace(',', '').split(' ');
  return `${day} ${month} ${dd} ${time} UTC ${yyyy}`;
}

function anyFallback(input: TestInvokeMethodRequest, ctx: RequestContext<ApiGatewayState>): TestInvokeMethodRequest {
  const api = ctx.state.apis.get(input.restApiId ?? '');
  const resource = api?.resources.get(input.resourceId ?? '');
  const name = input.httpMethod?.toUpperCase() ?? '';
  return resource && !resource.methods.has(name) && resource.methods.has('ANY') ? { ...input, httpMethod: 'ANY' } : input;
}

/**
 * TestInvokeMethod: runs the method's integration on the API as it is now (no deployment, no authorizer or API key),
 * and answers the method response with API Gateway's execution log.
 */
export async function testInvokeMethod(input: TestInvokeMethodRequest, ctx: RequestContext<ApiGatewayState>): Promise<TestInvokeMethodResponse> {
  // A method the resource lacks runs its ANY method, as a request would (recorded: GET on an ANY-only resource).
  const { api, method } = locateMethod(anyFallback(input, ctx), ctx);
  const resource = resourceOf(api, input.resourceId);
  const resourcePath = pathOf(api, resource);
  const started = ctx.emulator.clock.now();
  const request = testRequest(input, method.httpMethod === 'ANY' ? input.httpMethod!.toUpperCase() : method.httpMethod!, resourcePath, started);
  const query = request.query;
  const headers = request.headers;
  const pathParameters = matchPath(resourcePath, request.path)?.params ?? {};
  const stageVariables = input.stageVariables ?? {};
  const scope: ProxyScope = {
    request,
    resourcePath,
    resourceId: resource.id,
    pathParameters,
    stageVariables,
    stage: 'test-invoke-stage',
    apiId: api.api.id,
    accountId: ctx.state.accountId,
    deploymentId: 'test-invoke-deployment-id',
    binaryMediaTypes: api.api.binaryMediaTypes ?? [],
  };
  const params = { path: pathParameters, querystring: first(query), header: first(headers) };
  const templateScope = () => ({ context: requestContext(scope), stageVariables, params });
  const sourceArn = buildArn({ service: 'execute-api', region: ctx.region, accountId: ctx.state.accountId, resource: `${api.api.id}/test-invoke-stage/${request.method}${request.path}` });
  const invoker: Invoker = { emulator: ctx.emulator, accountId: ctx.state.accountId, region: ctx.region, sourceArn };
  const time = () => logTime(ctx.emulator.clock.date());
  const log = [
    `Execution log for request ${request.requestId}`,
    `${time()} : Starting execution for request: ${request.requestId}`,
    `${time()} : HTTP Method: ${request.method}, Resource Path: ${request.path}`,
    `${time()} : Method request path: ${javaMap(pathParameters)}`,
    `${time()} : Method request query string: ${javaMap(first(query))}`,
    `${time()} : Method request headers: ${javaMap(first(headers))}`,
    `${time()} : Method request body before transformations: ${input.body ?? ''}`,
  ];
  let status: number;
  let body: string;
  let outHeaders: Record<string, string>;
  try {
    const response = await runIntegration(invoker, method, scope, snapshotOf(api), templateScope, pathParameters);
    status = response.status;
    body = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : String(response.body);
    outHeaders = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k === 'content-type' ? 'Content-Type' : k, v]));
    log.push(`${time()} : Method response body after transformations: ${body}`, `${time()} : Method response headers: ${javaMap(outHeaders)}`, `${time()} : Successfully completed execution`);
  } catch (error) {
    if (!(error instanceof GatewayFailure)) throw error;
    const response = gatewayResponse(error, [], request.requestId);
    status = response.status;
    body = String(response.body);
    outHeaders = { 'x-amzn-ErrorType': response.headers['x-amzn-errortype'] };
    log.push(`${time()} : Execution failed due to configuration error: ${error.shape.logReason ?? error.errorMessage ?? ''}`);
  }
  log.push(`${time()} : Method completed with status: ${status}`, '');
  return {
    status,
    body,
    headers: outHeaders,
    multiValueHeaders: Object.fromEntries(Object.entries(outHeaders).map(([k, v]) => [k, [v]])),
    log: log.join('\n'),
    latency: ctx.emulator.clock.now() - started,
  };
}
