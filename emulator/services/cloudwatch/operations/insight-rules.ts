import type {
  DeleteInsightRulesInput,
  DeleteInsightRulesOutput,
  DescribeInsightRulesInput,
  DescribeInsightRulesOutput,
  DisableInsightRulesInput,
  EnableInsightRulesInput,
  GetInsightRuleReportInput,
  GetInsightRuleReportOutput,
  ListManagedInsightRulesInput,
  ListManagedInsightRulesOutput,
  PartialFailure,
  PutInsightRuleInput,
  PutManagedInsightRulesInput,
  PutManagedInsightRulesOutput,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { invalidValue } from '../errors.ts';
import { parseDefinition } from '../insight-rules/definition.ts';
import { insightRuleReport } from '../insight-rules/report.ts';
import { page } from '../pages.ts';
import type { CloudWatchState, InsightRule } from '../state.ts';
import { setTags, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<CloudWatchState>;

const STATES = ['ENABLED', 'DISABLED'];
const REPORT_METRICS = ['UniqueContributors', 'MaxContributorValue', 'SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];
const ORDER_BY = ['Sum', 'Maximum'];
/** The account's quota of Contributor Insights rules per region (CloudWatch service quotas). */
const MAX_RULES = 100;

function checkState(state: string): void {
  if (!STATES.includes(state)) throw invalidValue(`The value ${state} for parameter RuleState is invalid. Valid values are ENABLED and DISABLED.`);
}

/** Stores a rule, new or replaced; a replaced rule keeps the record of when it was enabled. */
function storeRule(ctx: Ctx, rule: Omit<InsightRule, 'enabledSpans'>): InsightRule {
  const existing = ctx.state.insightRules.get(rule.name);
  if (!existing && ctx.state.insightRules.size >= MAX_RULES) throw new AwsError('LimitExceededException', `The maximum number of rules (${MAX_RULES}) has been reached.`);
  const stored: InsightRule = { ...rule, enabledSpans: existing?.enabledSpans ?? [] };
  ctx.state.insightRules.set(rule.name, stored);
  setEnabled(ctx, stored, rule.state === 'ENABLED');
  return stored;
}

function setEnabled(ctx: Ctx, rule: InsightRule, enabled: boolean): void {
  const now = ctx.emulator.clock.now();
  const open = rule.enabledSpans.at(-1);
  if (enabled && (!open || open.to !== undefined)) rule.enabledSpans.push({ from: now });
  if (!enabled && open && open.to === undefined) open.to = now;
  rule.state = enabled ? 'ENABLED' : 'DISABLED';
}

export function putInsightRule(input: PutInsightRuleInput, ctx: Ctx): object {
  checkTagKeys(input.Tags, ctx.caller);
  const state = input.RuleState ?? 'ENABLED';
  checkState(state);
  parseDefinition(input.RuleDefinition!);
  const existing = ctx.state.insightRules.get(input.RuleName!);
  if (existing?.managed) throw invalidValue(`Rule ${input.RuleName} is a managed rule and cannot be modified with PutInsightRule.`);
  storeRule(ctx, { name: input.RuleName!, state, definition: input.RuleDefinition!, managed: false, applyOnTransformedLogs: input.ApplyOnTransformedLogs ?? false });
  setTags(ctx.state, ctx.state.insightRuleArn(input.RuleName!), input.Tags);
  return {};
}

export function describeInsightRules(input: DescribeInsightRulesInput, ctx: Ctx): DescribeInsightRulesOutput {
  const rules = [...ctx.state.insightRules.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(rules, input.NextToken, input.MaxResults ?? 500);
  return {
    InsightRules: items.map((r) => ({ Name: r.name, State: r.state, Schema: 'CloudWatchLogRule/1', Definition: r.definition, ManagedRule: r.managed, ApplyOnTransformedLogs: r.applyOnTransformedLogs })),
    NextToken: nextToken,
  };
}

/** Applies a change to each named rule; a name that is not a rule is reported as a failure, not thrown. */
function eachRule(names: string[], ctx: Ctx, change: (rule: InsightRule) => void): { Failures: PartialFailure[] } {
  const failures: PartialFailure[] = [];
  for (const name of names) {
    const rule = ctx.state.insightRules.get(name);
    if (!rule) {
      failures.push({ FailureResource: name, ExceptionType: 'ResourceNotFoundException', FailureCode: '404', FailureDescription: `Rule ${name} does not exist.` });
      continue;
    }
    change(rule);
  }
  return { Failures: failures };
}

export function deleteInsightRules(input: DeleteInsightRulesInput, ctx: Ctx): DeleteInsightRulesOutput {
  return eachRule(input.RuleNames!, ctx, (rule) => {
    ctx.state.insightRules.delete(rule.name);
    ctx.state.tags.delete(ctx.state.insightRuleArn(rule.name));
  });
}

export const enableInsightRules = (input: EnableInsightRulesInput, ctx: Ctx) => eachRule(input.RuleNames!, ctx, (rule) => setEnabled(ctx, rule, true));
export const disableInsightRules = (input: DisableInsightRulesInput, ctx: Ctx) => eachRule(input.RuleNames!, ctx, (rule) => setEnabled(ctx, rule, false));

export async function getInsightRuleReport(input: GetInsightRuleReportInput, ctx: Ctx): Promise<GetInsightRuleReportOutput> {
  const rule = ctx.state.insightRules.get(input.RuleName!);
  if (!rule) throw new AwsError('ResourceNotFoundException', `Rule ${input.RuleName} does not exist.`);
  if (new Date(input.EndTime!) <= new Date(input.StartTime!)) throw invalidValue('The parameter StartTime must be earlier than EndTime.');
  for (const metric of input.Metrics ?? []) {
    if (!REPORT_METRICS.includes(metric)) throw invalidValue(`The value ${metric} for parameter Metrics is invalid. Valid values are ${REPORT_METRICS.join(', ')}.`);
  }
  if (input.OrderBy !== undefined && !ORDER_BY.includes(input.OrderBy)) throw invalidValue(`The value ${input.OrderBy} for parameter OrderBy is invalid. Valid values are Sum and Maximum.`);
  if (rule.managed) return { KeyLabels: [], AggregationStatistic: 'SampleCount', AggregateValue: 0, ApproximateUniqueCount: 0, Contributors: [] };
  return insightRuleReport(ctx, rule, input);
}

/**
 * Managed rules come from AWS's templates for a resource (e.g. VPC endpoint services' connection rules). The template
 * catalogue and the templates' rule bodies are AWS's and not known here: any template is accepted, the rule is stored
 * (named after the template and the resource) and reported on, but it reads no log data, since the resources such
 * templates watch are not served by twinstack.
 */
export function putManagedInsightRules(input: PutManagedInsightRulesInput, ctx: Ctx): PutManagedInsightRulesOutput {
  for (const managed of input.ManagedRules!) {
    const name = `${managed.TemplateName}-${managed.ResourceARN!.split(/[:/]/).at(-1)}`;
    const definition = JSON.stringify({ Schema: { Name: 'CloudWatchLogRule', Version: 1 }, ManagedRule: { TemplateName: managed.TemplateName, ResourceARN: managed.ResourceARN } });
    storeRule(ctx, { name, state: 'ENABLED', definition, managed: true, applyOnTransformedLogs: false, templateName: managed.TemplateName, resourceArn: managed.ResourceARN });
    setTags(ctx.state, ctx.state.insightRuleArn(name), managed.Tags);
  }
  return { Failures: [] };
}

export function listManagedInsightRules(input: ListManagedInsightRulesInput, ctx: Ctx): ListManagedInsightRulesOutput {
  const rules = [...ctx.state.insightRules.values()].filter((r) => r.managed && r.resourceArn === input.ResourceARN);
  const { items, nextToken } = page(rules, input.NextToken, input.MaxResults ?? 500);
  return {
    ManagedRules: items.map((r) => ({ TemplateName: r.templateName, ResourceARN: r.resourceArn, RuleState: { RuleName: r.name, State: r.state } })),
    NextToken: nextToken,
  };
}
