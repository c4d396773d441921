import type { Caller } from '../../core/service.ts';

interface Statement {
  Effect?: string;
  Principal?: '*' | { AWS?: string | string[]; Service?: string | string[] };
  Action?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function principalMatches(principal: Statement['Principal'], caller: Caller): boolean {
  if (principal === '*') return true;
  if (!principal) return false;
  if (caller.servicePrincipal && list(principal.Service).includes(caller.servicePrincipal)) return true;
  return list(principal.AWS).some((p) => p === '*' || p === caller.accountId || p === caller.arn || p.endsWith(`::${caller.accountId}:root`));
}

function actionMatches(actions: string | string[] | undefined, action: string): boolean {
  return list(actions).some((a) => a === '*' || a.toLowerCase() === 'sns:*' || a.toLowerCase() === `sns:${action.toLowerCase()}`);
}

/** The condition keys a local rule can judge: who owns the source, which resource it acts for. */
function conditionsHold(conditions: Statement['Condition'], caller: Caller): boolean {
  for (const [operator, keys] of Object.entries(conditions ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      const actual = /^aws:source(owner|account)$/i.test(key)
        ? (caller.sourceAccount ?? caller.accountId)
        : /^aws:sourcearn$/i.test(key)
          ? caller.sourceArn
          : undefined;
      if (actual === undefined) return false;
      const wanted = list(expected);
      const ok = /like/i.test(operator)
        ? wanted.some((w) => new RegExp(`^${w.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(actual))
        : wanted.includes(actual);
      if (!ok) return false;
    }
  }
  return true;
}

/**
 * Whether a topic policy lets `caller` perform `action` (e.g. `Publish`): an Allow statement naming the caller's
 * account, principal or service, or `*`, whose conditions on the source account and ARN hold, and no such Deny.
 */
export function policyAllows(policyText: string, caller: Caller, action: string): boolean {
  let statements: Statement[];
  try {
    const parsed = JSON.parse(policyText) as { Statement?: Statement | Statement[] };
    statements = Array.isArray(parsed.Statement) ? parsed.Statement : parsed.Statement ? [parsed.Statement] : [];
  } catch {
    return false;
  }
  const applies = (s: Statement) => principalMatches(s.Principal, caller) && actionMatches(s.Action, action) && conditionsHold(s.Condition, caller);
  if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s));
}
