import type { Authorizer } from '@aws-sdk/client-api-gateway';
import { AwsError } from '../../../core/errors.ts';
import type { ApiGatewayState } from '../state.ts';
import { functionOfUri, invokeFunction, type Invoker } from './lambda.ts';
import { GatewayFailure } from './responses.ts';

/** What a Lambda authorizer granted: its principal, context values and (for AUTHORIZER key sources) the API key. */
export interface Grant {
  principalId?: string;
  context: Record<string, unknown>;
  usageIdentifierKey?: string;
  /** The policy, kept to judge other methods from the cache. */
  policy?: PolicyDocument;
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
}
interface PolicyDocument {
  Statement?: Statement | Statement[];
}

/** `*` and `?` in execute-api ARNs, as IAM matches them. */
function arnMatches(pattern: string, arn: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(arn);
}

/** The verdict of an authorizer's policy on the method ARN: an explicit Deny wins, else an Allow is needed. */
function judge(policy: PolicyDocument | undefined, methodArn: string): 'allow' | 'deny' | 'none' {
  const statements = policy?.Statement ? (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]) : [];
  let verdict: 'allow' | 'none' = 'none';
  for (const statement of statements) {
    const actions = [statement.Action ?? []].flat();
    if (!actions.some((a) => a === '*' || a === 'execute-api:*' || a === 'execute-api:Invoke')) continue;
    if (![statement.Resource ?? []].flat().some((r) => arnMatches(r, methodArn))) continue;
    if (statement.Effect === 'Deny') return 'deny';
    if (statement.Effect === 'Allow') verdict = 'allow';
  }
  return verdict;
}

export interface AuthorizerInput {
  /** The identity values named by identitySource, in order (undefined when one is missing). */
  identity: (string | undefined)[];
  /** The event for the function: TOKEN's or REQUEST's. */
  event: Record<string, unknown>;
  methodArn: string;
}

/**
 * Runs a Lambda authorizer (TOKEN or REQUEST) with AWS's caching by identity: a missing identity is 401 without a
 * call, `Unauthorized` from the function is 401, a policy that denies is 403, one that neither allows nor denies is
 * 403 unless the API's resource policy allows (`resourcePolicyAllows`, AWS's "Table A"), anything else is a 500
 * authorizer configuration error.
 */
export async function authorize(state: ApiGatewayState, invoker: Invoker, apiId: string, authorizer: Authorizer, input: AuthorizerInput, resourcePolicyAllows = false): Promise<Grant> {
  if (input.identity.some((v) => v === undefined || v === '')) throw new GatewayFailure('UNAUTHORIZED', 'Unauthorized');
  if (authorizer.type === 'TOKEN' && authorizer.identityValidationExpression && !new RegExp(`^(?:${authorizer.identityValidationExpression})$`).test(input.identity[0]!)) {
    throw new GatewayFailure('UNAUTHORIZED', 'Unauthorized');
  }
  const ttl = authorizer.authorizerResultTtlInSeconds ?? 300;
  const cacheKey = `${apiId}/${authorizer.id}/${JSON.stringify(input.identity)}`;
  const now = invoker.emulator.clock.now();
  const cached = ttl > 0 ? state.authorizerCache.get(cacheKey) : undefined;
  let grant: Grant;
  if (cached && cached.expiresMs > now) grant = cached.result as Grant;
  else {
    grant = await callAuthorizer(invoker, authorizer, input.event);
    if (ttl > 0) state.authorizerCache.set(cacheKey, { expiresMs: now + ttl * 1000, result: grant });
  }
  const verdict = judge(grant.policy, input.methodArn);
  if (verdict === 'deny') throw new GatewayFailure('ACCESS_DENIED', 'User is not authorized to access this resource with an explicit deny');
  if (verdict === 'none' && !resourcePolicyAllows) throw new GatewayFailure('ACCESS_DENIED', 'User is not authorized to access this resource');
  return grant;
}

export async function callAuthorizer(invoker: Invoker, authorizer: Authorizer, event: Record<string, unknown>): Promise<Grant> {
  const functionArn = functionOfUri(authorizer.authorizerUri);
  if (!functionArn) throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', null);
  let result: { payload: Buffer; functionError?: string };
  try {
    result = await invokeFunction(invoker, functionArn, Buffer.from(JSON.stringify(event)), authorizer.authorizerCredentials);
  } catch (error) {
    if (error instanceof AwsError) throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', null);
    throw error;
  }
  let body: { principalId?: string; policyDocument?: PolicyDocument; context?: Record<string, unknown>; usageIdentifierKey?: string; errorMessage?: string };
  try {
    body = JSON.parse(result.payload.toString('utf8'));
  } catch {
    throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', null);
  }
  if (result.functionError) {
    if (body?.errorMessage === 'Unauthorized') throw new GatewayFailure('UNAUTHORIZED', 'Unauthorized');
    throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', null);
  }
  if (!body || typeof body !== 'object' || !body.policyDocument) throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', null);
  // Context values must be strings, numbers or booleans; AWS refuses others.
  if (Object.values(body.context ?? {}).some((v) => v !== null && typeof v === 'object')) throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', null);
  return { principalId: body.principalId, context: body.context ?? {}, usageIdentifierKey: body.usageIdentifierKey, policy: body.policyDocument };
}
