import type { JsonValue } from '../../verifier/contract/types.ts';
import { stringLeaves } from './paths.ts';
import type { RequestTemplate } from './request.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A trailing random-looking token after a separator: letters and digits mixed, or a long run of digits (Date.now()). */
const RANDOM_TAIL = /(?<=[-_.])(?:(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{6,}|\d{10,})$/i;
/** Request members that name a resource the caller creates. */
const NAME_KEY = /(Name|^Bucket)$/;

/**
 * Random parts of resource names a test generated (uuids, random suffixes): replay must create fresh names each run,
 * so each distinct token becomes `{{suffix}}` (the second `{{suffix}}2`, ...). Names the user chose stay as they are.
 */
export function generatedTokens(requests: RequestTemplate[], bucketInPath: boolean): Map<string, string> {
  const tokens = new Map<string, string>();
  const consider = (name: string) => {
    for (const token of [...(name.match(UUID) ?? []), ...(RANDOM_TAIL.exec(name.replace(UUID, '')) ?? [])]) {
      if (!tokens.has(token)) tokens.set(token, tokens.size === 0 ? '{{suffix}}' : `{{suffix}}${tokens.size + 1}`);
    }
  };
  for (const request of requests) {
    if (request.body?.kind === 'json') for (const leaf of stringLeaves(request.body.value as JsonValue)) if (leaf.key && NAME_KEY.test(leaf.key)) consider(leaf.value);
    if (request.body?.kind === 'form') for (const [key, value] of request.body.params) if (!key.includes('.') && NAME_KEY.test(key)) consider(value);
    if (bucketInPath) consider(decodeURIComponent(request.path.split('/')[1] ?? ''));
  }
  return tokens;
}

export function replaceTokens(tokens: Map<string, string>): (text: string) => string {
  const ordered = [...tokens].sort(([a], [b]) => b.length - a.length);
  return (text) => ordered.reduce((out, [token, replacement]) => out.split(token).join(replacement), text);
}
