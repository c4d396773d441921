import type { GetExecutionHistoryInput, GetExecutionHistoryOutput, HistoryEvent } from '@aws-sdk/client-sfn';
import type { RequestContext } from '../../../core/service.ts';
import { findExecution, page } from '../errors.ts';
import type { SfnState } from '../state.ts';

type Ctx = RequestContext<SfnState>;

/** Event details without their input and output, for `includeExecutionData: false`. */
function withoutData(event: HistoryEvent): HistoryEvent {
  return Object.fromEntries(
    Object.entries(event).map(([key, value]) => {
      if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) return [key, value];
      const kept = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => !['input', 'output', 'inputDetails', 'outputDetails', 'parameters'].includes(k)));
      return [key, kept];
    }),
  ) as HistoryEvent;
}

export function getExecutionHistory(input: GetExecutionHistoryInput, ctx: Ctx): GetExecutionHistoryOutput {
  const execution = findExecution(ctx.state, input.executionArn!);
  const events = input.reverseOrder ? [...execution.events].reverse() : execution.events;
  const { items, nextToken } = page(events, input.maxResults, input.nextToken);
  return { events: input.includeExecutionData === false ? items.map(withoutData) : items, ...(nextToken ? { nextToken } : {}) };
}
