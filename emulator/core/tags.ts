import type { Caller } from './service.ts';

const CLOUDFORMATION = 'cloudformation.amazonaws.com';

/**
 * Whether a tag key is reserved to AWS for this caller: `aws:` keys (any case) cannot be set by users, but the tags
 * CloudFormation puts on what it creates (`aws:cloudformation:stack-name`, `stack-id`, `logical-id`) are set through
 * the same APIs by its engine, whose calls carry `calledVia: ['cloudformation.amazonaws.com']`. A service's tag
 * check asks this rather than testing the prefix itself.
 */
export function isReservedTagKey(key: string, caller: Caller): boolean {
  if (!key.toLowerCase().startsWith('aws:')) return false;
  return !(key.startsWith('aws:cloudformation:') && caller.calledVia?.includes(CLOUDFORMATION));
}
