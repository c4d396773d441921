import { conditionsHold } from './conditions.ts';
import type { ContextValues } from './context.ts';
import type { Policy, PrincipalSpec, Statement } from './document.ts';
import { actionMatches, arnMatches, substituteVariables } from './match.ts';

/** Who is asking, as policies name principals. */
export interface Principal {
  /** `arn:...:iam::123:user/x`, `arn:...:sts::123:assumed-role/r/s`, `arn:...:iam::123:root`. */
  arn: string;
  accountId: string;
  /** For assumed-role sessions: the role's ARN (trust and resource policies may name the role). */
  roleArn?: string;
  /** Set when an AWS service calls: `sns.amazonaws.com`. */
  service?: string;
  /** Set for web identity or SAML federation: the provider. */
  federated?: string;
}

/** One policy taking part in a decision, with the id and type the simulator reports. */
export interface PolicySource {
  id: string;
  type: string;
  policy: Policy;
}

export interface AuthorizationRequest {
  principal: Principal;
  action: string;
  resource: string;
  /** The account owning the resource (default: the principal's). */
  resourceAccount?: string;
  context: ContextValues;
  /** Identity-based policies of the principal (inline and attached, of the user, its groups, or the role). */
  identityPolicies: PolicySource[];
  resourcePolicy?: PolicySource;
  permissionsBoundary?: PolicySource;
  /** Session policies passed to AssumeRole / GetFederationToken. */
  sessionPolicies?: PolicySource[];
  /**
   * The resource policy must allow the principal even within one account, as role trust policies must: then the
   * identity policies and the resource policy both have to allow, as across accounts.
   */
  resourcePolicyRequired?: boolean;
  /**
   * Within one account the resource policy must still take part (KMS key policies): naming the caller it allows on
   * its own, naming the account it lets the identity policies decide, naming neither it allows nothing.
   */
  resourcePolicyGates?: boolean;
}

export interface MatchedStatement {
  source: PolicySource;
  statement: Statement;
}

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Which kind of policy denied: explicitly (a Deny statement) or by allowing nothing. */
export type PolicyKindDenying = 'identity-based policy' | 'resource-based policy' | 'permissions boundary' | 'session policy';

export interface AuthorizationResult {
  decision: Decision;
  /** For denied requests: the kind of policy that denied. */
  deniedBy?: PolicyKindDenying;
  /** The statements that decided: the denying ones, or the allowing ones of an allowed request. */
  matched: MatchedStatement[];
}

function listMatches(patterns: string[], value: string, match: (p: string, v: string) => boolean, context: ContextValues): boolean {
  for (const raw of patterns) {
    const pattern = substituteVariables(raw, context);
    if (pattern !== undefined && match(pattern, value)) return true;
  }
  return false;
}

function actionApplies(statement: Statement, action: string, context: ContextValues): boolean {
  if (statement.action) return listMatches(statement.action, action, actionMatches, context);
  if (statement.notAction) return !listMatches(statement.notAction, action, actionMatches, context);
  return false;
}

function resourceApplies(statement: Statement, resource: string, context: ContextValues): boolean {
  if (statement.resource) return listMatches(statement.resource, resource, arnMatches, context);
  if (statement.notResource) return !listMatches(statement.notResource, resource, arnMatches, context);
  // Trust policies and resource policies may leave Resource out: they apply to the resource they are attached to.
  return true;
}

/** How a principal element names the caller: by its own ARN (or `*`), by its account, or not at all. */
type PrincipalMatch = 'direct' | 'account' | undefined;

function principalMatch(spec: PrincipalSpec, principal: Principal): PrincipalMatch {
  let result: PrincipalMatch;
  for (const [type, ids] of Object.entries(spec)) {
    for (const id of ids) {
      if (type === 'AWS') {
        if (id === '*' || id === principal.arn || (principal.roleArn !== undefined && id === principal.roleArn)) return 'direct';
        if (id === principal.accountId || id.endsWith(`:iam::${principal.accountId}:root`)) result = 'account';
      } else if (type === 'Service') {
        if (principal.service !== undefined && id === principal.service) return 'direct';
      } else if (type === 'Federated') {
        if (principal.federated !== undefined && id === principal.federated) return 'direct';
      }
    }
  }
  return result;
}

/** Whether a statement applies to the request; for resource policies also how it names the principal. */
function statementApplies(statement: Statement, request: AuthorizationRequest, withPrincipal: boolean): PrincipalMatch | boolean {
  if (!actionApplies(statement, request.action, request.context)) return false;
  if (!resourceApplies(statement, request.resource, request.context)) return false;
  let match: PrincipalMatch | boolean = true;
  if (withPrincipal) {
    if (statement.principal) match = principalMatch(statement.principal, request.principal);
    else if (statement.notPrincipal) match = principalMatch(statement.notPrincipal, request.principal) ? undefined : 'direct';
    else match = undefined;
    if (!match) return false;
  }
  if (!conditionsHold(statement.conditions, request.context)) return false;
  return match;
}

interface Verdict {
  deny: MatchedStatement[];
  allow: MatchedStatement[];
  /** For resource policies: the strongest way an Allow named the principal. */
  principal?: PrincipalMatch;
}

function judge(sources: PolicySource[], request: AuthorizationRequest, withPrincipal = false): Verdict {
  const verdict: Verdict = { deny: [], allow: [] };
  for (const source of sources) {
    for (const statement of source.policy.statements) {
      const applies = statementApplies(statement, request, withPrincipal);
      if (!applies) continue;
      if (statement.effect === 'Deny') verdict.deny.push({ source, statement });
      else {
        verdict.allow.push({ source, statement });
        if (applies === 'direct' || (applies === 'account' && verdict.principal === undefined)) verdict.principal = applies;
      }
    }
  }
  return verdict;
}

/**
 * AWS's policy evaluation logic for one request, as a pure function: an explicit Deny in any policy wins; otherwise
 * the request is allowed when a policy allows it and every policy type that limits it (permissions boundary, session
 * policies) allows it too. Within one account, a resource policy that names the caller itself (its ARN, or `*`)
 * allows on its own; one that names only the account delegates to the caller's identity policies (and, where it
 * gates, one that names neither leaves them no say). Across accounts both the identity policies and the resource
 * policy must allow.
 */
export function evaluate(request: AuthorizationRequest): AuthorizationResult {
  const identity = judge(request.identityPolicies, request);
  const resource = request.resourcePolicy ? judge([request.resourcePolicy], request, true) : undefined;
  const boundary = request.permissionsBoundary ? judge([request.permissionsBoundary], request) : undefined;
  const session = request.sessionPolicies?.length ? judge(request.sessionPolicies, request) : undefined;
  const judged: Array<[PolicyKindDenying, Verdict | undefined]> = [
    ['identity-based policy', identity],
    ['resource-based policy', resource],
    ['permissions boundary', boundary],
    ['session policy', session],
  ];
  const denies = judged.flatMap(([, verdict]) => verdict?.deny ?? []);
  if (denies.length) return { decision: 'explicitDeny', deniedBy: judged.find(([, v]) => v?.deny.length)![0], matched: denies };

  const boundaryAllows = !boundary || boundary.allow.length > 0;
  const sessionAllows = !session || session.allow.length > 0;
  const identityAllows = identity.allow.length > 0 && boundaryAllows && sessionAllows;
  const sameAccount = (request.resourceAccount ?? request.principal.accountId) === request.principal.accountId;
  const resourceDirect = resource?.principal === 'direct';
  const allowing = [...identity.allow, ...(resource?.allow ?? [])];

  if (sameAccount && !request.resourcePolicyRequired) {
    // A resource policy naming the caller's own ARN is not limited by a boundary or session policy (IAM users and
    // role sessions named by their session ARN); naming the role leaves those limits in place.
    const namedItself = resourceDirect && resource!.allow.some((m) => namesExactly(m.statement, request.principal));
    const identityCounts = !request.resourcePolicyGates || resource?.principal !== undefined;
    if (namedItself || (identityAllows && identityCounts) || (resourceDirect && boundaryAllows && sessionAllows)) {
      return { decision: 'allowed', matched: allowing };
    }
    return identityAllows ? { decision: 'implicitDeny', deniedBy: 'resource-based policy', matched: [] } : implicitDeny(identity, boundaryAllows);
  }
  if (identityAllows && resource?.principal) return { decision: 'allowed', matched: allowing };
  return identityAllows ? { decision: 'implicitDeny', deniedBy: 'resource-based policy', matched: [] } : implicitDeny(identity, boundaryAllows);
}

function implicitDeny(identity: Verdict, boundaryAllows: boolean): AuthorizationResult {
  const deniedBy: PolicyKindDenying = !identity.allow.length ? 'identity-based policy' : !boundaryAllows ? 'permissions boundary' : 'session policy';
  return { decision: 'implicitDeny', deniedBy, matched: [] };
}

function namesExactly(statement: Statement, principal: Principal): boolean {
  return Boolean(statement.principal?.AWS?.includes(principal.arn));
}
