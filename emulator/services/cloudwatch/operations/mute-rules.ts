import type {
  DeleteAlarmMuteRuleInput,
  GetAlarmMuteRuleInput,
  GetAlarmMuteRuleOutput,
  ListAlarmMuteRulesInput,
  ListAlarmMuteRulesOutput,
  PutAlarmMuteRuleInput,
} from '@aws-sdk/client-cloudwatch';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { muteStatus, muteType, parseMuteSchedule } from '../mute-rules.ts';
import { page } from '../pages.ts';
import type { AlarmMuteRule, CloudWatchState } from '../state.ts';
import { setTags, checkTagKeys } from '../tags.ts';

type Ctx = RequestContext<CloudWatchState>;

/** CloudWatch's default quota of alarm mute rules per account and region. */
const MAX_RULES = 100;

export function putAlarmMuteRule(input: PutAlarmMuteRuleInput, ctx: Ctx): object {
  checkTagKeys(input.Tags, ctx.caller);
  const schedule = input.Rule!.Schedule!;
  parseMuteSchedule(schedule.Expression!, schedule.Duration!, schedule.Timezone);
  if (!ctx.state.muteRules.has(input.Name!) && ctx.state.muteRules.size >= MAX_RULES) {
    throw new AwsError('LimitExceeded', `The maximum number of alarm mute rules (${MAX_RULES}) has been reached.`);
  }
  const rule: AlarmMuteRule = {
    name: input.Name!,
    description: input.Description,
    expression: schedule.Expression!,
    duration: schedule.Duration!,
    timezone: schedule.Timezone,
    alarmNames: input.MuteTargets?.AlarmNames ?? [],
    startDate: input.StartDate && new Date(input.StartDate).getTime(),
    expireDate: input.ExpireDate && new Date(input.ExpireDate).getTime(),
    updated: ctx.emulator.clock.now(),
  };
  ctx.state.muteRules.set(rule.name, rule);
  setTags(ctx.state, ctx.state.muteRuleArn(rule.name), input.Tags);
  return {};
}

export function getAlarmMuteRule(input: GetAlarmMuteRuleInput, ctx: Ctx): GetAlarmMuteRuleOutput {
  const rule = ctx.state.muteRules.get(input.AlarmMuteRuleName!);
  if (!rule) throw new AwsError('ResourceNotFoundException', `Alarm mute rule ${input.AlarmMuteRuleName} does not exist.`);
  return {
    Name: rule.name,
    AlarmMuteRuleArn: ctx.state.muteRuleArn(rule.name),
    Description: rule.description,
    Rule: { Schedule: { Expression: rule.expression, Duration: rule.duration, Timezone: rule.timezone } },
    MuteTargets: rule.alarmNames.length ? { AlarmNames: rule.alarmNames } : undefined,
    StartDate: rule.startDate === undefined ? undefined : new Date(rule.startDate),
    ExpireDate: rule.expireDate === undefined ? undefined : new Date(rule.expireDate),
    Status: muteStatus(rule, ctx.emulator.clock.now()),
    LastUpdatedTimestamp: new Date(rule.updated),
    MuteType: muteType(rule),
  };
}

export function listAlarmMuteRules(input: ListAlarmMuteRulesInput, ctx: Ctx): ListAlarmMuteRulesOutput {
  if (input.AlarmName !== undefined && !ctx.state.alarms.has(input.AlarmName)) throw new AwsError('ResourceNotFoundException', `Alarm ${input.AlarmName} does not exist.`);
  const now = ctx.emulator.clock.now();
  const rules = [...ctx.state.muteRules.values()]
    .filter((r) => input.AlarmName === undefined || r.alarmNames.includes(input.AlarmName))
    .filter((r) => !input.Statuses?.length || input.Statuses.includes(muteStatus(r, now)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { items, nextToken } = page(rules, input.NextToken, input.MaxRecords ?? 100);
  return {
    AlarmMuteRuleSummaries: items.map((r) => ({
      AlarmMuteRuleArn: ctx.state.muteRuleArn(r.name),
      ExpireDate: r.expireDate === undefined ? undefined : new Date(r.expireDate),
      Status: muteStatus(r, now),
      MuteType: muteType(r),
      LastUpdatedTimestamp: new Date(r.updated),
    })),
    NextToken: nextToken,
  };
}

/** Deleting a rule that does not exist succeeds, as the operation models no error. */
export function deleteAlarmMuteRule(input: DeleteAlarmMuteRuleInput, ctx: Ctx): object {
  ctx.state.muteRules.delete(input.AlarmMuteRuleName!);
  ctx.state.tags.delete(ctx.state.muteRuleArn(input.AlarmMuteRuleName!));
  return {};
}
