import { parsePolicy, type Policy } from './document.ts';

const parsed = new Map<string, Policy>();
const LIMIT = 5_000;

/**
 * A policy document parsed once and reused: per-request evaluation then costs no JSON parsing. Bounded, so that
 * documents that are no longer used do not pile up (the whole cache is dropped when full; re-parsing is cheap).
 */
export function parseCached(text: string): Policy {
  let policy = parsed.get(text);
  if (!policy) {
    policy = parsePolicy(text);
    if (parsed.size >= LIMIT) parsed.clear();
    parsed.set(text, policy);
  }
  return policy;
}
