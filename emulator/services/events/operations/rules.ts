import type {
  DeleteRuleRequest,
  DescribeRuleRequest,
  DescribeRuleResponse,
  DisableRuleRequest,
  EnableRuleRequest,
  ListRuleNamesByTargetRequest,
  ListRuleNamesByTargetResponse,
  ListRulesRequest,
  ListRulesResponse,
  PutRuleRequest,
  PutRuleResponse,
} from '@aws-sdk/client-eventbridge';
import type { RequestContext } from '../../../core/service.ts';
import { findBus, findRule } from '../buses.ts';
import { limitExceeded, validation } from '../errors.ts';
import { page } from '../pages.ts';
import { eventPattern } from '../pattern/index.ts';
import { armSchedule } from '../scheduled-rules.ts';
import { parseSchedule } from '../../../core/schedule/expression.ts';
import { DEFAULT_BUS, type EventsState, type Rule } from '../state.ts';
import { setTags, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<EventsState>;

/** AWS's default quota of rules per event bus. */
const MAX_RULES_PER_BUS = 300;

export function putRule(input: PutRuleRequest, ctx: Ctx): PutRuleResponse {
  checkTagKeys(input.Tags, ctx.caller);
  const bus = findBus(ctx.state, input.EventBusName);
  // An empty ScheduleExpression is none to AWS (the Step Functions tests' events_to_sqs_queue fixture sends '' with a pattern).
  const scheduleExpression = input.ScheduleExpression || undefined;
  if (input.EventPattern === undefined && scheduleExpression === undefined) {
    throw validation('Parameter(s) EventPattern or ScheduleExpression must be specified.');
  }
  let schedule;
  if (scheduleExpression !== undefined) {
    if (bus.name !== DEFAULT_BUS) throw validation('ScheduleExpression is supported only on the default event bus.');
    schedule = parseSchedule(scheduleExpression);
    if (!schedule) throw validation('Parameter ScheduleExpression is not valid.');
  }
  const compiled = input.EventPattern === undefined ? undefined : eventPattern(input.EventPattern);
  const existing = bus.rules.get(input.Name!);
  if (!existing && bus.rules.size >= MAX_RULES_PER_BUS) throw limitExceeded();
  const rule: Rule = {
    name: input.Name!,
    arn: ctx.state.ruleArn(bus.name, input.Name!),
    busName: bus.name,
    eventPattern: input.EventPattern,
    compiled,
    scheduleExpression,
    schedule,
    state: input.State ?? 'ENABLED',
    description: input.Description,
    roleArn: input.RoleArn,
    createdBy: existing?.createdBy ?? ctx.accountId,
    targets: existing?.targets ?? new Map(),
  };
  bus.rules.set(rule.name, rule);
  setTags(ctx.state, rule.arn, input.Tags);
  if (schedule) armSchedule(ctx.state, ctx.emulator, rule);
  return { RuleArn: rule.arn };
}

export function describeRule(input: DescribeRuleRequest, ctx: Ctx): DescribeRuleResponse {
  const { rule } = findRule(ctx.state, input.Name!, input.EventBusName);
  return { ...ruleSummary(rule), CreatedBy: rule.createdBy };
}

function ruleSummary(rule: Rule) {
  return {
    Name: rule.name,
    Arn: rule.arn,
    EventPattern: rule.eventPattern,
    ScheduleExpression: rule.scheduleExpression,
    State: rule.state as DescribeRuleResponse['State'],
    Description: rule.description,
    RoleArn: rule.roleArn,
    ManagedBy: rule.managedBy,
    EventBusName: rule.busName,
  };
}

export function deleteRule(input: DeleteRuleRequest, ctx: Ctx): object {
  const bus = findBus(ctx.state, input.EventBusName);
  const rule = bus.rules.get(input.Name!);
  if (!rule) return {};
  if (rule.targets.size) throw validation("Rule can't be deleted since it has targets.");
  bus.rules.delete(rule.name);
  ctx.state.tags.delete(rule.arn);
  return {};
}

export function enableRule(input: EnableRuleRequest, ctx: Ctx): object {
  const { rule } = findRule(ctx.state, input.Name!, input.EventBusName);
  rule.state = 'ENABLED';
  if (rule.schedule) armSchedule(ctx.state, ctx.emulator, rule);
  return {};
}

export function disableRule(input: DisableRuleRequest, ctx: Ctx): object {
  findRule(ctx.state, input.Name!, input.EventBusName).rule.state = 'DISABLED';
  return {};
}

export function listRules(input: ListRulesRequest, ctx: Ctx): ListRulesResponse {
  const rules = sortedRules(ctx, input.EventBusName).filter((r) => !input.NamePrefix || r.name.startsWith(input.NamePrefix));
  const { items, nextToken } = page(rules, input.NextToken, input.Limit);
  return { Rules: items.map(ruleSummary), NextToken: nextToken };
}

export function listRuleNamesByTarget(input: ListRuleNamesByTargetRequest, ctx: Ctx): ListRuleNamesByTargetResponse {
  const rules = sortedRules(ctx, input.EventBusName).filter((r) => [...r.targets.values()].some((t) => t.Arn === input.TargetArn));
  const { items, nextToken } = page(rules, input.NextToken, input.Limit);
  return { RuleNames: items.map((r) => r.name), NextToken: nextToken };
}

function sortedRules(ctx: Ctx, busName: string | undefined): Rule[] {
  return [...findBus(ctx.state, busName).rules.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
