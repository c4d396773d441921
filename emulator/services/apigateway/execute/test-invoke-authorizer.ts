import type { TestInvokeAuthorizerRequest, TestInvokeAuthorizerResponse } from '@aws-sdk/client-api-gateway';
import { buildArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest } from '../errors.ts';
import { authorizerOf } from '../operations/authorizers.ts';
import type { ApiGatewayState } from '../state.ts';
import { callAuthorizer } from './authorizer.ts';
import type { Invoker } from './lambda.ts';
import type { ProxyScope } from './proxy.ts';
import { first } from './request.ts';
import { GatewayFailure } from './responses.ts';
import { authorizerInput } from './rest.ts';
import { logTime, testRequest } from './test-invoke.ts';

/** The status a client would get for each failure of an authorizer. */
const FAILURE_STATUS: Record<string, number> = { UNAUTHORIZED: 401, ACCESS_DENIED: 403, AUTHORIZER_CONFIGURATION_ERROR: 500 };

/**
 * TestInvokeAuthorizer: calls a Lambda authorizer (TOKEN or REQUEST) with the request described, uncached, against the
 * test-invoke stage's method ARN (`<api>/ESTestInvoke-stage/GET/`), and answers its principal and policy with the
 * status the client would get. Cognito user pool authorizers need tokens twinstack cannot verify: BadRequest.
 */
export async function testInvokeAuthorizer(input: TestInvokeAuthorizerRequest, ctx: RequestContext<ApiGatewayState>): Promise<TestInvokeAuthorizerResponse> {
  const api = ctx.state.api(input.restApiId);
  const authorizer = authorizerOf(api, input.authorizerId);
  if (authorizer.type === 'COGNITO_USER_POOLS') throw badRequest('TestInvokeAuthorizer of COGNITO_USER_POOLS authorizers is not supported by twinstack (no Cognito user pools are served)');
  const started = ctx.emulator.clock.now();
  const request = testRequest(input, 'GET', '/', started);
  const stageVariables = input.stageVariables ?? {};
  const scope: ProxyScope = {
    request,
    resourcePath: request.path,
    resourceId: 'test-invoke-resource',
    pathParameters: {},
    stageVariables,
    stage: 'ESTestInvoke-stage',
    apiId: api.api.id!,
    accountId: ctx.state.accountId,
    deploymentId: 'test-invoke-deployment-id',
    binaryMediaTypes: api.api.binaryMediaTypes ?? [],
  };
  const methodArn = buildArn({ service: 'execute-api', region: ctx.region, accountId: ctx.state.accountId, resource: `${api.api.id}/ESTestInvoke-stage/GET/` });
  const invoker: Invoker = { emulator: ctx.emulator, accountId: ctx.state.accountId, region: ctx.region, sourceArn: methodArn };
  const params = { path: {}, querystring: first(request.query), header: first(request.headers) };
  const { identity, event } = authorizerInput(authorizer.type ?? 'TOKEN', authorizer.identitySource, scope, methodArn, params);
  const time = () => logTime(ctx.emulator.clock.date());
  const log = [`${time()} : Starting authorizer: ${authorizer.id} for request: ${request.requestId}`];
  try {
    if (identity.some((v) => v === undefined || v === '')) throw new GatewayFailure('UNAUTHORIZED', 'Unauthorized');
    log.push(`${time()} : Incoming identity: ${identity.join(',')}`, `${time()} : Endpoint request body after transformations: ${JSON.stringify(event)}`);
    const grant = await callAuthorizer(invoker, authorizer, event);
    log.push(`${time()} : Authorizer result body before parsing: ${JSON.stringify({ principalId: grant.principalId, policyDocument: grant.policy, context: grant.context })}`, `${time()} : Succeeded authorizer: ${authorizer.id}`);
    return { clientStatus: 200, log: log.join('\n'), latency: ctx.emulator.clock.now() - started, principalId: grant.principalId, policy: JSON.stringify(grant.policy), authorization: {}, claims: {} };
  } catch (error) {
    if (!(error instanceof GatewayFailure)) throw error;
    log.push(`${time()} : ${error.type === 'UNAUTHORIZED' ? 'Unauthorized request' : 'Execution failed due to configuration error: Authorizer error'}`);
    return { clientStatus: FAILURE_STATUS[error.type] ?? 500, log: log.join('\n'), latency: ctx.emulator.clock.now() - started };
  }
}
