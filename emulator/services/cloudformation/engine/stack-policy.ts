import { validationError } from '../errors.ts';
import type { Stack } from '../state.ts';
import { recordEvent, type Run } from './run.ts';

/** What an update does to a resource, in a stack policy's terms (`Update:Modify` etc.). */
export type UpdateAction = 'Modify' | 'Replace' | 'Delete';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Principal: string;
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, { ResourceType?: string | string[] }>;
}

const invalid = () => validationError('Error validating stack policy: Invalid stack policy');
const ACTION = /^Update:(\*|Modify|Replace|Delete)$/;
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Principal', 'Resource', 'NotResource', 'Condition']);
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : [value].flat());

function validStatement(s: unknown): s is Statement {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return false;
  const statement = s as Record<string, unknown>;
  if (Object.keys(statement).some((k) => !STATEMENT_KEYS.has(k))) return false;
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return false;
  // Stack policies apply to every principal: `*` is the only principal AWS accepts.
  if (statement.Principal !== '*') return false;
  const actions = statement.Action ?? statement.NotAction;
  if ((statement.Action === undefined) === (statement.NotAction === undefined)) return false;
  if (!list(actions as string | string[]).every((a) => typeof a === 'string' && ACTION.test(a))) return false;
  if ((statement.Resource === undefined) === (statement.NotResource === undefined)) return false;
  if (!list((statement.Resource ?? statement.NotResource) as string | string[]).every((r) => typeof r === 'string')) return false;
  return statement.Condition === undefined || (typeof statement.Condition === 'object' && statement.Condition !== null);
}

/** Parses and checks a stack policy, with AWS's one message for any invalid policy. `{}` is a valid empty policy. */
export function parseStackPolicy(text: string): { Statement?: Statement[] } {
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (!policy || typeof policy !== 'object' || Array.isArray(policy)) throw invalid();
  const statements = (policy as { Statement?: unknown }).Statement;
  // `{}` is the empty policy; members without a Statement (a bare statement) are not a policy.
  if (statements === undefined) {
    if (Object.keys(policy).length) throw invalid();
    return {};
  }
  const all = [statements].flat();
  if (!all.every(validStatement)) throw invalid();
  return { Statement: all };
}

/** A policy wildcard (`*` any run, `?` one character) as a regular expression. */
function pattern(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
}

function matches(statement: Statement, logicalId: string, type: string, action: UpdateAction): boolean {
  const named = (actions: string[]) => actions.some((a) => a === 'Update:*' || a === `Update:${action}`);
  if (statement.Action !== undefined ? !named(list(statement.Action)) : named(list(statement.NotAction))) return false;
  const resource = `LogicalResourceId/${logicalId}`;
  const hit = (resources: string[]) => resources.some((r) => pattern(r).test(resource));
  if (statement.Resource !== undefined ? !hit(list(statement.Resource)) : hit(list(statement.NotResource))) return false;
  for (const [operator, condition] of Object.entries(statement.Condition ?? {})) {
    const types = list(condition.ResourceType);
    const ok = operator === 'StringLike' ? types.some((t) => pattern(t).test(type)) : operator === 'StringEquals' ? types.includes(type) : false;
    if (!ok) return false;
  }
  return true;
}

/**
 * Why a stack policy forbids an update action on a resource, or undefined when it allows it. Once a policy has
 * statements everything is denied unless a statement allows it, and an explicit Deny wins over any Allow (AWS's
 * documented evaluation). The reasons start as AWS's do ("Action denied by stack policy", "Action not allowed by
 * stack policy"); the statement detail after them is twinstack's.
 */
export function stackPolicyDenial(policyText: string | undefined, logicalId: string, type: string, action: UpdateAction): string | undefined {
  if (policyText === undefined) return undefined;
  const { Statement: statements } = parseStackPolicy(policyText);
  if (!statements) return undefined;
  const resource = `LogicalResourceId/${logicalId}`;
  const denying = statements.findIndex((s) => s.Effect === 'Deny' && matches(s, logicalId, type, action));
  if (denying >= 0) return `Action denied by stack policy: Statement [#${denying + 1}] has a Deny effect for [Update:${action}] on resource [${resource}]`;
  if (statements.some((s) => s.Effect === 'Allow' && matches(s, logicalId, type, action))) return undefined;
  return `Action not allowed by stack policy: No statement allows [Update:${action}] on resource [${resource}]`;
}

/**
 * Before an update removes resources, checks that the stack policy lets each go (`Update:Delete`); a protected one
 * fails the update (UPDATE_FAILED on it, the reason thrown for the rollback) before anything changes.
 */
export function guardRemovals(stack: Stack, run: Run, kept: Record<string, unknown>): void {
  for (const resource of stack.resources.values()) {
    if (Object.hasOwn(kept, resource.logicalId) || resource.status === 'DELETE_COMPLETE') continue;
    const denial = stackPolicyDenial(stack.stackPolicyBody, resource.logicalId, resource.type, 'Delete');
    if (!denial) continue;
    recordEvent(stack, run, { logicalId: resource.logicalId, physicalId: resource.physicalId, type: resource.type, status: 'UPDATE_FAILED', reason: denial });
    throw validationError(denial);
  }
}
