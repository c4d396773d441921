import type { TestEventPatternRequest, TestEventPatternResponse } from '@aws-sdk/client-eventbridge';
import type { RequestContext } from '../../../core/service.ts';
import { validation } from '../errors.ts';
import { eventPattern, flattenEvent, matchesPattern } from '../pattern/index.ts';
import type { EventsState } from '../state.ts';

/** The envelope fields an event must have to be tested (AWS does not insist on `resources`, whatever its docs say). */
const REQUIRED_FIELDS = ['id', 'account', 'source', 'time', 'region', 'detail-type'];

export function testEventPattern(input: TestEventPatternRequest, _ctx: RequestContext<EventsState>): TestEventPatternResponse {
  let event: unknown;
  try {
    event = JSON.parse(input.Event!);
  } catch {
    event = undefined;
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event) || !REQUIRED_FIELDS.every((f) => Object.hasOwn(event as object, f))) {
    throw validation('Parameter Event is not valid.');
  }
  const pattern = eventPattern(input.EventPattern!);
  return { Result: matchesPattern(pattern, flattenEvent(event)) };
}
