import type { Caller, RequestContext } from './service.ts';

/**
 * Account walls: whether a caller may act on a resource, judged as AWS judges a request that no IAM identity policy
 * denies (the IAM policy engine is not here yet; when it is, it replaces `evaluateAccess` with the full evaluation):
 *
 * - an explicit Deny in the resource policy that matches wins, even for the owner;
 * - an AWS service acting for a resource (SNS delivering to SQS...) needs an Allow naming its service principal, in
 *   the same account too, with the statement's `aws:SourceArn` / `aws:SourceAccount` conditions met;
 * - the owner account's own principals are allowed (their identity policies are assumed to allow);
 * - another account's principal needs an Allow naming it: `*`, its account id, its account root ARN or its own ARN.
 *
 * A statement's Action and Resource match with IAM's `*` and `?` wildcards, actions case-insensitively. Conditions
 * on keys twinstack does not know make the statement not apply (an Allow then does not open anything).
 */
export type AccessDecision = 'allow' | 'deny';

export function evaluateAccess(caller: Caller, action: string, resourceArn: string, ownerAccount: string, policyDocument?: string | object): AccessDecision {
  const statements = statementsOf(policyDocument);
  const applies = (s: Statement) => actionMatches(s, action) && resourceMatches(s, resourceArn) && conditionsHold(s, caller);
  if (statements.some((s) => s.Effect === 'Deny' && applies(s) && principalMatches(s, caller, true))) return 'deny';
  if (!caller.servicePrincipal && caller.accountId === ownerAccount) return 'allow';
  return statements.some((s) => s.Effect === 'Allow' && applies(s) && principalMatches(s, caller, false)) ? 'allow' : 'deny';
}

/**
 * What services call: false when the request's caller may not perform `action` on the resource (the service then
 * throws its own AccessDenied error). Always true when the emulator runs with `crossAccount: 'open'`.
 */
export function mayAccess(ctx: RequestContext, action: string, resourceArn: string, ownerAccount: string, policyDocument?: string | object): boolean {
  return ctx.emulator.crossAccount === 'open' || evaluateAccess(ctx.caller, action, resourceArn, ownerAccount, policyDocument) === 'allow';
}

/** IAM's wording when no resource-based policy opens a resource to a caller of another account. */
export function notAuthorized(caller: Caller, action: string, resourceArn: string): string {
  const who = caller.servicePrincipal ?? caller.arn;
  return `User: ${who} is not authorized to perform: ${action} on resource: ${resourceArn} because no resource-based policy allows the ${action} action`;
}

/** How strictly the emulator keeps accounts apart: `enforce` (AWS's behaviour, the default) or `open` (no walls). */
export type CrossAccountMode = 'enforce' | 'open';

/** `TWINSTACK_CROSS_ACCOUNT=open` relaxes the walls for suites written against emulators that never had them. */
export function crossAccountModeFrom(value: string | undefined): CrossAccountMode {
  return value === 'open' ? 'open' : 'enforce';
}

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

function statementsOf(policyDocument: string | object | undefined): Statement[] {
  if (policyDocument === undefined || policyDocument === '') return [];
  let policy: unknown = policyDocument;
  if (typeof policyDocument === 'string') {
    try {
      policy = JSON.parse(policyDocument);
    } catch {
      return [];
    }
  }
  if (typeof policy !== 'object' || policy === null) return [];
  const statement = (policy as { Statement?: unknown }).Statement;
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  return list.filter((s): s is Statement => typeof s === 'object' && s !== null);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const patterns = new Map<string, RegExp>();

/** IAM's wildcards: `*` any run of characters, `?` one character. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = patterns.get(key);
  if (!regex) {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (patterns.size > 1000) patterns.clear();
    patterns.set(key, regex);
  }
  return regex.test(value);
}

function actionMatches(s: Statement, action: string): boolean {
  if (s.NotAction !== undefined) return !strings(s.NotAction).some((p) => wildcard(p, action, true));
  return strings(s.Action).some((p) => wildcard(p, action, true));
}

function resourceMatches(s: Statement, resourceArn: string): boolean {
  if (s.NotResource !== undefined) return !strings(s.NotResource).some((p) => wildcard(p, resourceArn, false));
  // Resource policies may leave Resource out: the policy's own resource is meant.
  return s.Resource === undefined || strings(s.Resource).some((p) => wildcard(p, resourceArn, false));
}

function principalMatches(s: Statement, caller: Caller, forDeny: boolean): boolean {
  if (s.NotPrincipal !== undefined) return forDeny && !namesCaller(s.NotPrincipal, caller);
  return namesCaller(s.Principal, caller);
}

function namesCaller(principal: unknown, caller: Caller): boolean {
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const byType = principal as Record<string, unknown>;
  if (caller.servicePrincipal) {
    return Object.hasOwn(byType, 'Service') && strings(byType.Service).includes(caller.servicePrincipal);
  }
  if (!Object.hasOwn(byType, 'AWS')) return false;
  const rootArn = `:iam::${caller.accountId}:root`;
  return strings(byType.AWS).some(
    (p) => p === '*' || p === caller.accountId || p === caller.arn || (p.startsWith('arn:') && p.endsWith(rootArn) && p.split(':').length === 6),
  );
}

/** The condition keys a request carries here; any other key makes the statement not apply. */
function contextValue(key: string, caller: Caller): string | undefined {
  switch (key.toLowerCase()) {
    case 'aws:sourcearn':
      return caller.sourceArn;
    case 'aws:sourceaccount':
      return caller.sourceAccount;
    case 'aws:principalaccount':
      return caller.servicePrincipal ? undefined : caller.accountId;
    case 'aws:principalarn':
      return caller.servicePrincipal ? undefined : caller.arn;
    default:
      return undefined;
  }
}

const OPERATORS: Record<string, (value: string, pattern: string) => boolean> = {
  stringequals: (v, p) => v === p,
  stringequalsignorecase: (v, p) => v.toLowerCase() === p.toLowerCase(),
  stringlike: (v, p) => wildcard(p, v, false),
  arnequals: (v, p) => v === p,
  arnlike: (v, p) => wildcard(p, v, false),
  stringnotequals: (v, p) => v !== p,
  stringnotlike: (v, p) => !wildcard(p, v, false),
  arnnotequals: (v, p) => v !== p,
  arnnotlike: (v, p) => !wildcard(p, v, false),
};

function conditionsHold(s: Statement, caller: Caller): boolean {
  if (s.Condition === undefined) return true;
  if (typeof s.Condition !== 'object' || s.Condition === null) return false;
  for (const [operatorName, block] of Object.entries(s.Condition)) {
    const ifExists = operatorName.endsWith('IfExists');
    const name = (ifExists ? operatorName.slice(0, -'IfExists'.length) : operatorName).toLowerCase();
    const operator = Object.hasOwn(OPERATORS, name) ? OPERATORS[name] : undefined;
    if (!operator || typeof block !== 'object' || block === null) return false;
    const negated = name.includes('not');
    for (const [key, expected] of Object.entries(block)) {
      const value = contextValue(key, caller);
      if (value === undefined) {
        if (ifExists) continue;
        return false;
      }
      const values = strings(expected);
      const holds = negated ? values.every((p) => operator(value, p)) : values.some((p) => operator(value, p));
      if (!holds) return false;
    }
  }
  return true;
}
