import type { JsonValue, RepeatedTextGenerator } from '../contract/types.ts';
import { childPath } from '../replay/compare.ts';
import { bodyGenerator, type RepeatedBody, type SourceProtocol } from './source-types.ts';

/**
 * A `repeated()` value inside a JSON or form body (serialize.py sent it as the text `twinstack-repeat-<n>`): the body
 * with that value stored empty, and a `RepeatedText` generator at its path, which the verifier fills in at replay time.
 */
export function repeatedValues(body: string, repeats: RepeatedBody[], protocol: SourceProtocol): { body: string; generators: Record<string, RepeatedTextGenerator> } {
  const generators: Record<string, RepeatedTextGenerator> = {};
  const take = (value: string, path: string): boolean => {
    const match = /^twinstack-repeat-(\d+)$/.exec(value);
    if (match) generators[path] = bodyGenerator(repeats[Number(match[1])]);
    return !!match;
  };
  let stored = body;
  if (protocol === 'query') {
    const form = new URLSearchParams(body);
    for (const [name, value] of form) if (take(value, `$['${name}']`)) form.set(name, '');
    stored = form.toString();
  } else if (protocol === 'json') {
    const walk = (value: JsonValue, path: string): JsonValue => {
      if (typeof value === 'string') return take(value, path) ? '' : value;
      if (Array.isArray(value)) return value.map((v, i) => walk(v, childPath(path, i)));
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, childPath(path, k))]));
      return value;
    };
    stored = JSON.stringify(walk(JSON.parse(body || '{}') as JsonValue, '$'));
  }
  if (Object.keys(generators).length !== repeats.length) throw new Error(`repeated values not found in the serialized ${protocol} request: ${body}`);
  return { body: stored, generators };
}
