import type { Caller } from '../../core/service.ts';
import type { EventBus } from './state.ts';

/**
 * Whether a bus's resource policy lets a caller from another account put events: an Allow statement for
 * `events:PutEvents` (or `events:*`) whose principal is `*`, the caller's account or one of its principals.
 */
export function allowsPutEvents(bus: EventBus, caller: Caller): boolean {
  return (bus.policy?.Statement ?? []).some((s) => {
    if (s.Effect !== 'Allow') return false;
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    if (!actions.some((a) => a === 'events:PutEvents' || a === 'events:*')) return false;
    return principals(s.Principal).some(
      (p) => p === '*' || p === caller.accountId || p === caller.arn || p.endsWith(`::${caller.accountId}:root`),
    );
  });
}

function principals(principal: unknown): string[] {
  if (typeof principal === 'string') return [principal];
  const aws = (principal as { AWS?: string | string[] } | undefined)?.AWS;
  return aws === undefined ? [] : Array.isArray(aws) ? aws : [aws];
}
