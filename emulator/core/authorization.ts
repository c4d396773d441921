import { parseArn } from './arn.ts';
import { AwsError } from './errors.ts';
import { actionName, ANY_IDENTITY, evaluate, iamPrefix, parseCached, resourceArn, type AuthorizationRequest, type AuthorizationResult, type ContextValues, type PolicySource, type PrincipalPolicies } from './policy/index.ts';
import type { GoverningPolicy, RequestContext, ServiceDefinition } from './service.ts';

/**
 * AWS's AccessDenied for the service's protocol family: `AccessDenied` (403) for query and REST-XML services and
 * JSON services compatible with their query past (SQS); `AccessDeniedException` for the others, with the model's
 * status, else 400 for JSON and 403 for REST-JSON.
 */
function accessDenied(service: ServiceDefinition, message: string): AwsError {
  const { protocol, awsQueryCompatible } = service.model.metadata as { protocol: string; awsQueryCompatible?: object };
  if (protocol === 'query' || protocol === 'rest-xml' || awsQueryCompatible) return new AwsError('AccessDenied', message, { status: 403 });
  const modelled = service.model.shapes.AccessDeniedException?.error?.httpStatusCode;
  return new AwsError('AccessDeniedException', message, { status: modelled ?? (protocol === 'json' ? 400 : 403) });
}

/** The tags a request sets (`aws:RequestTag/<key>`, `aws:TagKeys`): a Tags/tags list of Key/Value pairs, or a map. */
function requestTags(input: Record<string, unknown>): Array<[string, string]> {
  const tags = input.Tags ?? input.tags;
  if (Array.isArray(tags)) {
    return tags.flatMap((t: Record<string, unknown>) => {
      const key = t.Key ?? t.key ?? t.TagKey;
      return typeof key === 'string' ? [[key, String(t.Value ?? t.value ?? t.TagValue ?? '')] as [string, string]] : [];
    });
  }
  return tags && typeof tags === 'object' ? Object.entries(tags as Record<string, unknown>).map(([k, v]) => [k, String(v)]) : [];
}

/** The request's condition keys (lower-case, as the engine looks them up), built straight into the map it reads. */
function requestContext(ctx: RequestContext, policies: PrincipalPolicies | undefined, input: Record<string, unknown>, sessionTags?: Readonly<Record<string, string>>): ContextValues {
  const context: ContextValues = new Map();
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) context.set(key, [value]);
  };
  const now = ctx.emulator.clock.now();
  set('aws:principalarn', policies?.roleArn ?? ctx.caller.arn);
  set('aws:principalaccount', ctx.caller.accountId);
  set('aws:principaltype', policies?.principalType);
  set('aws:username', policies?.userName);
  set('aws:requestedregion', ctx.region);
  set('aws:currenttime', new Date(now).toISOString());
  set('aws:epochtime', String(Math.floor(now / 1000)));
  // True for a request that came over TLS (twinstack's HTTPS on the same port), as AWS sets it.
  set('aws:securetransport', String(ctx.endpoint.startsWith('https:')));
  set('aws:sourcearn', ctx.caller.sourceArn);
  set('aws:sourceaccount', ctx.caller.sourceAccount);
  set('aws:sourceip', ctx.sourceIp);
  if (policies) for (const key in policies.tags) set(`aws:principaltag/${key.toLowerCase()}`, policies.tags[key]);
  // Session tags take precedence over the role's tags of the same key.
  for (const key in sessionTags) set(`aws:principaltag/${key.toLowerCase()}`, sessionTags[key]);
  const tags = requestTags(input);
  for (const [key, value] of tags) set(`aws:requesttag/${key.toLowerCase()}`, value);
  if (tags.length) context.set('aws:tagkeys', tags.map(([key]) => key));
  return context;
}

function sessionSources(documents: readonly string[] | undefined): PolicySource[] | undefined {
  return documents?.map((text, i) => ({ id: `session policy ${i + 1}`, type: 'session policy', policy: parseCached(text) }));
}

/**
 * Policy enforcement for one request (`--enforce-iam`): the caller's identity policies, permissions boundary and
 * principal tags come from the identity store, its session policies and tags from its credentials; the account root
 * and AWS service principals are not limited, as on AWS. The resource policy the service names (bucket, queue,
 * topic, function, key or secret policy) takes part within its own account: an explicit Deny in it wins, an Allow
 * naming the caller grants on its own (AWS's evaluation logic: identity OR resource policy), and for services whose
 * resource policies gate every request (KMS key policies) identity policies count only where it delegates to the
 * account. Across accounts the identity side is judged here and the resource side by the service's account walls.
 * Throws the service's AccessDenied with AWS's message naming principal, action and resource.
 */
export function authorizeRequest(
  ctx: RequestContext,
  service: ServiceDefinition,
  input: Record<string, unknown>,
  store: ServiceDefinition,
  /** An action and resource the model does not name (API Gateway's `execute-api:Invoke` on a route's ARN). */
  named?: NamedAction,
): void {
  if (named?.anonymous) return authorizeAnonymous(ctx, service, named);
  const caller = ctx.caller;
  if (caller.servicePrincipal || parseArn(caller.arn)?.resource === 'root') return;
  const identityState = ctx.emulator.state(store.name, caller.accountId, ctx.region);
  const policies = store.principalPolicies!(identityState, caller.arn);
  const own = named ? undefined : service.iamAction?.(ctx.operation, input);
  if (own === null) return;
  const action = named?.action ?? own ?? actionName(service.model, ctx.operation);
  if (policies) {
    store.recordAccess?.(identityState, {
      principalArn: caller.arn,
      accessKeyId: ctx.accessKeyId,
      namespace: iamPrefix(service.model),
      serviceName: service.model.metadata.serviceFullName ?? service.name,
      action,
      region: ctx.region,
      date: ctx.emulator.clock.date(),
    });
  }
  const governing = named?.governing ?? service.resourcePolicy?.(input, ctx);
  const resource = named?.resource ?? governing?.resource ?? resourceArn(service.model, input, { region: ctx.region, accountId: ctx.accountId });
  const issued = ctx.emulator.credentials.lookup(ctx.accessKeyId);
  const request: AuthorizationRequest = {
    principal: { arn: caller.arn, accountId: caller.accountId, roleArn: policies?.roleArn },
    action,
    resource,
    context: requestContext(ctx, policies, input, issued?.sessionTags),
    identityPolicies: policies?.identity ?? [],
    permissionsBoundary: policies?.boundary,
    sessionPolicies: sessionSources(issued?.sessionPolicies),
  };
  // A policy the service names with the action is judged here across accounts too: no account wall judges it.
  const policy = governing && (named?.governing || governing.ownerAccount === caller.accountId) ? parsedOrUndefined(governing.document) : undefined;
  const result = evaluate(
    policy
      ? { ...request, resourceAccount: governing!.ownerAccount, resourcePolicy: { id: 'resource policy', type: 'resource', policy }, resourcePolicyGates: service.resourcePolicyGates }
      : request,
  );
  if (result.decision === 'allowed') return;
  throw denial(service, caller.arn, action, governing?.shownAs ?? resource, result);
}

/** An action and resource a service names itself, for `authorizeRequest` and `Emulator.authorizeAction`. */
export interface NamedAction {
  action: string;
  resource: string;
  /** The resource policy that governs it (an API Gateway REST API's policy), judged across accounts too. */
  governing?: GoverningPolicy;
  /** A caller who did not sign the request: only the resource policy can allow it (AWS names it `anonymous`). */
  anonymous?: boolean;
}

/** An unsigned request to a resource with a policy: allowed only where the policy allows everyone (`*`) explicitly. */
function authorizeAnonymous(ctx: RequestContext, service: ServiceDefinition, named: NamedAction): void {
  const policy = parsedOrUndefined(named.governing?.document);
  if (!policy) return;
  // The request's own keys (source IP, time, transport); no principal keys.
  const context = requestContext(ctx, undefined, {});
  context.delete('aws:principalarn');
  context.delete('aws:principalaccount');
  const result = evaluate({
    principal: { arn: 'anonymous', accountId: 'anonymous' },
    action: named.action,
    resource: named.resource,
    resourceAccount: named.governing!.ownerAccount,
    context,
    identityPolicies: ANY_IDENTITY,
    resourcePolicy: { id: 'resource policy', type: 'resource', policy },
  });
  if (result.decision !== 'allowed') throw denial(service, 'anonymous', named.action, named.governing?.shownAs ?? named.resource, result);
}

/** AWS's AccessDenied naming principal, action and resource, and why. */
function denial(service: ServiceDefinition, principal: string, action: string, shown: string | undefined, result: AuthorizationResult): AwsError {
  const kind = result.deniedBy!;
  const reason =
    result.decision === 'explicitDeny' ? `with an explicit deny in ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}` : `because no ${kind} allows the ${action} action`;
  const message = `User: ${principal} is not authorized to perform: ${action}${shown ? ` on resource: ${shown}` : ''} ${reason}`;
  return service.accessDenied?.(message) ?? accessDenied(service, message);
}

function parsedOrUndefined(document: string | undefined) {
  if (!document) return undefined;
  try {
    return parseCached(document);
  } catch {
    return undefined;
  }
}
