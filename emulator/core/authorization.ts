import { parseArn } from './arn.ts';
import { AwsError } from './errors.ts';
import { actionName, evaluate, resourceArn, type ContextValues, type PrincipalPolicies } from './policy/index.ts';
import type { RequestContext, ServiceDefinition } from './service.ts';

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

/** The request's condition keys (lower-case, as the engine looks them up), built straight into the map it reads. */
function requestContext(ctx: RequestContext, policies: PrincipalPolicies | undefined): ContextValues {
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
  set('aws:securetransport', 'false');
  set('aws:sourcearn', ctx.caller.sourceArn);
  set('aws:sourceaccount', ctx.caller.sourceAccount);
  if (policies) for (const key in policies.tags) set(`aws:principaltag/${key.toLowerCase()}`, policies.tags[key]);
  return context;
}

/**
 * Identity-policy enforcement for one request (`--enforce-iam`): the caller's identity policies, permissions
 * boundary and principal tags come from the identity store; the account root and AWS service principals are not
 * limited, as on AWS. Resource policies are the services' own business (their account walls); this adds the
 * identity side. Throws the service's AccessDenied with AWS's message naming principal, action and resource.
 */
export function authorizeRequest(ctx: RequestContext, service: ServiceDefinition, input: Record<string, unknown>, store: ServiceDefinition): void {
  const caller = ctx.caller;
  if (caller.servicePrincipal || parseArn(caller.arn)?.resource === 'root') return;
  const policies = store.principalPolicies!(ctx.emulator.state(store.name, caller.accountId, ctx.region), caller.arn);
  const action = actionName(service.model, ctx.operation);
  const resource = resourceArn(service.model, input, { region: ctx.region, accountId: ctx.accountId });
  const result = evaluate({
    principal: { arn: caller.arn, accountId: caller.accountId, roleArn: policies?.roleArn },
    action,
    resource,
    context: requestContext(ctx, policies),
    identityPolicies: policies?.identity ?? [],
    permissionsBoundary: policies?.boundary,
  });
  if (result.decision === 'allowed') return;
  const kind = result.deniedBy!;
  const reason =
    result.decision === 'explicitDeny' ? `with an explicit deny in ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}` : `because no ${kind} allows the ${action} action`;
  throw accessDenied(service, `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${resource} ${reason}`);
}
