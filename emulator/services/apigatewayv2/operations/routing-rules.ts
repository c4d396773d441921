import type { CreateRoutingRuleRequest, PutRoutingRuleRequest, RoutingRule, RoutingRuleAction, RoutingRuleCondition } from '@aws-sdk/client-apigatewayv2';
import { badRequest, childOf, conflict, notFound } from '../state.ts';
import { checkRestStage, clone, newId, page, type Ctx } from './common.ts';

// Limits from AWS's "Routing rules to connect API stages to a custom domain name for REST APIs": priorities 1 to
// 1,000,000, unique per domain name; up to two header conditions and one base path condition; one action, which
// invokes a stage of a REST API. Rules cannot be created on an API_MAPPING_ONLY domain name.
const MAX_PRIORITY = 1_000_000;

interface DomainRef {
  DomainName?: string;
}

/** The domain name's rules; the domain must exist in this account and region. */
function rulesOf(ctx: Ctx, input: DomainRef): Map<string, RoutingRule> {
  const domain = childOf(ctx.state.domainNames, input.DomainName, 'DomainName');
  let rules = ctx.state.routingRules.get(domain.DomainName!);
  if (!rules) ctx.state.routingRules.set(domain.DomainName!, (rules = new Map()));
  return rules;
}

function checkConditions(conditions: RoutingRuleCondition[] | undefined): void {
  if (!Array.isArray(conditions)) throw badRequest('Conditions must be specified');
  let headers = 0;
  let basePaths = 0;
  for (const condition of conditions) {
    const kinds = [condition.MatchHeaders, condition.MatchBasePaths].filter((c) => c !== undefined).length;
    if (kinds !== 1) throw badRequest('Each condition must specify exactly one of matchHeaders or matchBasePaths');
    if (condition.MatchHeaders) {
      headers++;
      const anyOf = condition.MatchHeaders.AnyOf;
      if (!anyOf?.length) throw badRequest('matchHeaders anyOf must contain one header');
      if (anyOf.length > 1) throw badRequest('matchHeaders anyOf can contain only one header');
      for (const match of anyOf) checkHeaderMatch(match.Header, match.ValueGlob);
    }
    if (condition.MatchBasePaths) {
      basePaths++;
      const anyOf = condition.MatchBasePaths.AnyOf;
      if (!anyOf?.length) throw badRequest('matchBasePaths anyOf must contain one base path');
      if (anyOf.length > 1) throw badRequest('matchBasePaths anyOf can contain only one base path');
      for (const path of anyOf) if (typeof path !== 'string' || !/^[A-Za-z0-9._~:@!$&'()*+,;=%/-]{1,128}$/.test(path) || path.startsWith('/') || path.endsWith('/')) throw badRequest(`Invalid base path ${path}`);
    }
  }
  if (headers > 2) throw badRequest('A routing rule can have at most two matchHeaders conditions');
  if (basePaths > 1) throw badRequest('A routing rule can have at most one matchBasePaths condition');
}

function checkHeaderMatch(header: string | undefined, glob: string | undefined): void {
  if (!header || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}$/.test(header)) throw badRequest(`Invalid header name ${header}`);
  if (!glob || glob.length > 128 || glob === '*' || glob === '**' || /\*/.test(glob.replace(/^\*/, '').replace(/\*$/, ''))) {
    throw badRequest(`Invalid header value glob ${glob}. Wildcards are allowed only as *prefix-match, suffix-match* or *contains*`);
  }
}

/** The action's REST API and stage must exist in this account and region (AWS answers BadRequest otherwise). */
async function checkActions(ctx: Ctx, actions: RoutingRuleAction[] | undefined): Promise<void> {
  if (!Array.isArray(actions) || actions.length !== 1) throw badRequest('A routing rule must have exactly one action');
  const invoke = actions[0].InvokeApi;
  if (!invoke?.ApiId || !invoke.Stage) throw badRequest('invokeApi must specify apiId and stage');
  await checkRestStage(ctx, invoke.ApiId, invoke.Stage);
}

async function checkRule(ctx: Ctx, rules: Map<string, RoutingRule>, input: CreateRoutingRuleRequest, self?: string): Promise<void> {
  const priority = input.Priority;
  if (!Number.isInteger(priority) || priority! < 1 || priority! > MAX_PRIORITY) throw badRequest(`Priority must be between 1 and ${MAX_PRIORITY}`);
  checkConditions(input.Conditions);
  await checkActions(ctx, input.Actions);
  const domain = ctx.state.domainNames.get(input.DomainName!)!;
  if ((domain.RoutingMode ?? 'API_MAPPING_ONLY') === 'API_MAPPING_ONLY') throw badRequest('Routing rules cannot be created for a domain name whose routing mode is API_MAPPING_ONLY');
  if ([...rules.values()].some((r) => r.Priority === priority && r.RoutingRuleId !== self)) throw conflict(`A routing rule with priority ${priority} already exists for this domain name`);
}

const ruleArn = (ctx: Ctx, domainName: string, id: string) => ctx.state.accountArn(`/domainnames/${domainName}/routingrules/${id}`);

export async function createRoutingRule(input: CreateRoutingRuleRequest, ctx: Ctx): Promise<RoutingRule> {
  const rules = rulesOf(ctx, input);
  await checkRule(ctx, rules, input);
  const id = newId(6);
  const rule: RoutingRule = { RoutingRuleId: id, RoutingRuleArn: ruleArn(ctx, input.DomainName!, id), Priority: input.Priority, Conditions: clone(input.Conditions), Actions: clone(input.Actions) };
  rules.set(id, rule);
  return clone(rule);
}

export async function putRoutingRule(input: PutRoutingRuleRequest, ctx: Ctx): Promise<RoutingRule> {
  const rules = rulesOf(ctx, input);
  const rule = ruleOf(rules, input.RoutingRuleId);
  await checkRule(ctx, rules, input, rule.RoutingRuleId);
  Object.assign(rule, { Priority: input.Priority, Conditions: clone(input.Conditions), Actions: clone(input.Actions) });
  return clone(rule);
}

function ruleOf(rules: Map<string, RoutingRule>, id: string | undefined): RoutingRule {
  const rule = id !== undefined ? rules.get(id) : undefined;
  if (!rule) throw notFound(`Invalid RoutingRule identifier specified ${id}`, 'RoutingRule');
  return rule;
}

export function getRoutingRule(input: DomainRef & { RoutingRuleId: string }, ctx: Ctx): RoutingRule {
  return clone(ruleOf(rulesOf(ctx, input), input.RoutingRuleId));
}

export function deleteRoutingRule(input: DomainRef & { RoutingRuleId: string }, ctx: Ctx): Record<string, never> {
  const rules = rulesOf(ctx, input);
  ruleOf(rules, input.RoutingRuleId);
  rules.delete(input.RoutingRuleId);
  return {};
}

/** Rules in the order API Gateway evaluates them: lowest priority value first. */
export function listRoutingRules(input: DomainRef & { NextToken?: string; MaxResults?: number }, ctx: Ctx): { RoutingRules: RoutingRule[]; NextToken?: string } {
  const max = input.MaxResults ?? 100;
  if (!Number.isInteger(max) || max < 1 || max > 100) throw badRequest('maxResults must be between 1 and 100');
  const sorted = [...rulesOf(ctx, input).values()].sort((a, b) => a.Priority! - b.Priority!);
  const { Items, NextToken } = page(sorted.map(clone), { ...input, MaxResults: max });
  return { RoutingRules: Items, NextToken };
}
