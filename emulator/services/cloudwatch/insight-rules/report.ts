import type { GetInsightRuleReportInput, GetInsightRuleReportOutput, InsightRuleContributor, InsightRuleMetricDatapoint } from '@aws-sdk/client-cloudwatch';
import { parseArn } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { CloudWatchState, InsightRule } from '../state.ts';
import { eventFields, parseDefinition, passes, type RuleDefinition } from './definition.ts';

type Ctx = RequestContext<CloudWatchState>;

interface LogEvent {
  timestamp: number;
  ingestionTime: number;
  message: string;
}

interface Target {
  name: string;
  accountId: string;
  region: string;
}

/** GetInsightRuleReport's default and largest MaxContributorCount (API reference). */
const DEFAULT_CONTRIBUTORS = 10;

/** The log groups a rule names: exact names, `prefix*` names, and ARNs (whose `*` matches as a name prefix too). */
async function targets(ctx: Ctx, rule: RuleDefinition): Promise<Target[]> {
  const named = [
    ...rule.logGroupNames.map((name) => ({ name, accountId: ctx.state.accountId, region: ctx.state.region })),
    ...rule.logGroupArns.flatMap((arn) => {
      const parsed = parseArn(arn);
      const name = parsed?.resource.replace(/^log-group:/, '').replace(/:\*$/, '');
      return parsed && name ? [{ name, accountId: parsed.accountId === '*' ? ctx.state.accountId : parsed.accountId, region: parsed.region }] : [];
    }),
  ];
  const out: Target[] = [];
  for (const target of named) {
    if (!target.name.endsWith('*')) {
      out.push(target);
      continue;
    }
    let nextToken: string | undefined;
    do {
      const page = await logs<{ logGroups?: { logGroupName: string }[]; nextToken?: string }>(ctx, target, 'DescribeLogGroups', { logGroupNamePrefix: target.name.slice(0, -1), nextToken });
      out.push(...(page?.logGroups ?? []).map((g) => ({ ...target, name: g.logGroupName })));
      nextToken = page?.nextToken;
    } while (nextToken);
  }
  return out;
}

/** One Logs call as the caller, in the log group's account and region; a group that cannot be read adds nothing. */
async function logs<T>(ctx: Ctx, target: Target, operation: string, input: object): Promise<T | undefined> {
  if (!ctx.emulator.isEnabled('logs')) return undefined;
  try {
    return await ctx.emulator.call<T>('logs', operation, input, { caller: ctx.caller, accountId: target.accountId, region: target.region });
  } catch {
    return undefined;
  }
}

async function readEvents(ctx: Ctx, target: Target, start: number, end: number): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs<{ events?: LogEvent[]; nextToken?: string }>(ctx, target, 'FilterLogEvents', { logGroupName: target.name, startTime: start, endTime: end - 1, nextToken });
    events.push(...(page?.events ?? []));
    nextToken = page?.nextToken;
  } while (nextToken);
  return events;
}

const enabledAt = (rule: InsightRule, at: number) => rule.enabledSpans.some((s) => s.from <= at && (s.to === undefined || at < s.to));

interface PeriodStats {
  byContributor: Map<string, number>;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Evaluates a rule over the log events of its log groups between StartTime and EndTime, by Period: each matching
 * event adds 1 (AggregateOn Count) or its ValueOf (Sum) to its contributor, the tuple of its key values. Only events
 * ingested while the rule was ENABLED count, as a rule only sees the events that arrive while it runs.
 */
export async function insightRuleReport(ctx: Ctx, rule: InsightRule, input: GetInsightRuleReportInput): Promise<GetInsightRuleReportOutput> {
  const definition = parseDefinition(rule.definition);
  const periodMs = input.Period! * 1000;
  const start = Math.floor(new Date(input.StartTime!).getTime() / periodMs) * periodMs;
  const end = new Date(input.EndTime!).getTime();
  const periods = new Map<number, PeriodStats>();
  for (let t = start; t <= end; t += periodMs) periods.set(t, { byContributor: new Map(), count: 0, sum: 0, min: Infinity, max: -Infinity });
  const totals = new Map<string, { keys: string[]; value: number; max: number }>();
  for (const target of await targets(ctx, definition)) {
    for (const event of await readEvents(ctx, target, start, end + periodMs)) {
      if (!enabledAt(rule, event.ingestionTime)) continue;
      const field = eventFields(definition, event.message);
      if (!field || !passes(definition, field)) continue;
      const keys = definition.keys.map((k) => field(k));
      if (keys.some((k) => k === undefined || k === null)) continue;
      const value = definition.aggregateOn === 'Sum' ? Number(field(definition.valueOf!)) : 1;
      if (!Number.isFinite(value)) continue;
      const stats = periods.get(Math.floor(event.timestamp / periodMs) * periodMs);
      if (!stats) continue;
      const labels = keys.map((k) => (typeof k === 'object' ? JSON.stringify(k) : String(k)));
      const id = JSON.stringify(labels);
      stats.byContributor.set(id, (stats.byContributor.get(id) ?? 0) + value);
      stats.count += 1;
      stats.sum += value;
      stats.min = Math.min(stats.min, value);
      stats.max = Math.max(stats.max, value);
      const total = totals.get(id) ?? { keys: labels, value: 0, max: 0 };
      total.value += value;
      totals.set(id, total);
    }
  }
  for (const stats of periods.values()) {
    for (const [id, value] of stats.byContributor) totals.get(id)!.max = Math.max(totals.get(id)!.max, value);
  }
  const rank = input.OrderBy === 'Maximum' ? (c: { max: number }) => c.max : (c: { value: number }) => c.value;
  const top = [...totals.entries()].sort(([, a], [, b]) => rank(b) - rank(a)).slice(0, input.MaxContributorCount ?? DEFAULT_CONTRIBUTORS);
  const contributors: InsightRuleContributor[] = top.map(([id, total]) => ({
    Keys: total.keys,
    ApproximateAggregateValue: total.value,
    Datapoints: [...periods].filter(([, s]) => s.byContributor.has(id)).map(([t, s]) => ({ Timestamp: new Date(t), ApproximateValue: s.byContributor.get(id)! })),
  }));
  const wanted = new Set(input.Metrics ?? []);
  const metricDatapoints: InsightRuleMetricDatapoint[] = [...periods].map(([t, s]) => {
    const contributorValues = [...s.byContributor.values()];
    const all: Record<string, number | undefined> = {
      UniqueContributors: s.byContributor.size,
      MaxContributorValue: contributorValues.length ? Math.max(...contributorValues) : undefined,
      SampleCount: s.count,
      Sum: s.count ? s.sum : undefined,
      Minimum: s.count ? s.min : undefined,
      Maximum: s.count ? s.max : undefined,
      Average: s.count ? s.sum / s.count : undefined,
    };
    return { Timestamp: new Date(t), ...Object.fromEntries(Object.entries(all).filter(([name, v]) => wanted.has(name) && v !== undefined)) };
  });
  let aggregate = 0;
  for (const total of totals.values()) aggregate += total.value;
  return {
    KeyLabels: definition.keys,
    AggregationStatistic: definition.aggregateOn === 'Sum' ? 'Sum' : 'SampleCount',
    AggregateValue: aggregate,
    ApproximateUniqueCount: totals.size,
    Contributors: contributors,
    MetricDatapoints: wanted.size ? metricDatapoints : undefined,
  };
}
