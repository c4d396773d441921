import type {
  ListTargetsByRuleRequest,
  ListTargetsByRuleResponse,
  PutTargetsRequest,
  PutTargetsResponse,
  RemoveTargetsRequest,
  RemoveTargetsResponse,
} from '@aws-sdk/client-eventbridge';
import type { RequestContext } from '../../../core/service.ts';
import { findRule } from '../buses.ts';
import { limitExceeded } from '../errors.ts';
import { validateTargetInput } from '../input.ts';
import { page } from '../pages.ts';
import type { EventsState } from '../state.ts';

type Ctx = RequestContext<EventsState>;

/** AWS allows five targets per rule. */
const MAX_TARGETS_PER_RULE = 5;

export function putTargets(input: PutTargetsRequest, ctx: Ctx): PutTargetsResponse {
  const { rule } = findRule(ctx.state, input.Rule!, input.EventBusName);
  for (const target of input.Targets!) validateTargetInput(target);
  const ids = new Set([...rule.targets.keys(), ...input.Targets!.map((t) => t.Id!)]);
  if (ids.size > MAX_TARGETS_PER_RULE) throw limitExceeded();
  for (const target of input.Targets!) rule.targets.set(target.Id!, target);
  return { FailedEntryCount: 0, FailedEntries: [] };
}

export function removeTargets(input: RemoveTargetsRequest, ctx: Ctx): RemoveTargetsResponse {
  const { rule } = findRule(ctx.state, input.Rule!, input.EventBusName);
  for (const id of input.Ids!) rule.targets.delete(id);
  return { FailedEntryCount: 0, FailedEntries: [] };
}

export function listTargetsByRule(input: ListTargetsByRuleRequest, ctx: Ctx): ListTargetsByRuleResponse {
  const { rule } = findRule(ctx.state, input.Rule!, input.EventBusName);
  const { items, nextToken } = page([...rule.targets.values()], input.NextToken, input.Limit);
  return { Targets: items, NextToken: nextToken };
}
