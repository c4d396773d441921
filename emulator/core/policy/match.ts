import type { ContextValues } from './context.ts';

const patternCache = new Map<string, RegExp>();
const CACHE_LIMIT = 10_000;

/** An IAM wildcard pattern (`*` any run, `?` one character) as an anchored regular expression, cached. */
function wildcard(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = patternCache.get(cacheKey);
  if (!regex) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    regex = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (patternCache.size >= CACHE_LIMIT) patternCache.clear();
    patternCache.set(cacheKey, regex);
  }
  return regex;
}

/** Whether `value` matches an IAM wildcard pattern. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  return wildcard(pattern, ignoreCase).test(value);
}

/** Actions match without regard to case (`S3:getobject` is `s3:GetObject`). */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}

/**
 * ARN patterns match part by part (partition, service, region, account, resource), so a `*` in one part never spans
 * a colon into the next, as ArnLike and Resource elements are defined.
 */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return pattern === arn;
  const p = splitCached(pattern);
  const a = splitCached(arn);
  if (!p || !a) return wildcardMatch(pattern, arn);
  for (let i = 0; i < 6; i++) if (!wildcardMatch(p[i], a[i])) return false;
  return true;
}

const splits = new Map<string, string[] | undefined>();

/** ARNs and patterns recur request after request: split each once. */
function splitCached(text: string): string[] | undefined {
  let parts = splits.get(text);
  if (parts === undefined && !splits.has(text)) {
    parts = splitArn(text);
    if (splits.size >= CACHE_LIMIT) splits.clear();
    splits.set(text, parts);
  }
  return parts;
}

function splitArn(text: string): string[] | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

/**
 * Replaces policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`, `${aws:username, 'default'}`) with their
 * values from the request context. A variable the context lacks makes the text unmatchable (undefined), as in IAM.
 * The escapes `${*}`, `${?}` and `${$}` become their character (so `${*}` still matches as a wildcard here).
 */
export function substituteVariables(text: string, context: ContextValues): string | undefined {
  if (!text.includes('${')) return text;
  let missing = false;
  const out = text.replace(/\$\{([^}]*)\}/g, (_whole, inner: string) => {
    if (inner === '*' || inner === '?' || inner === '$') return inner;
    const [name, fallback] = inner.split(',').map((s) => s.trim());
    const value = context.get(name.toLowerCase());
    if (value && value.length === 1) return value[0];
    const def = fallback?.match(/^'(.*)'$/)?.[1];
    if (def !== undefined) return def;
    missing = true;
    return '';
  });
  return missing ? undefined : out;
}
