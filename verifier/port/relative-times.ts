import type { DateTimeGenerator, JsonValue } from '../contract/types.ts';
import { childPath } from '../replay/compare.ts';
import { EPOCH_MILLISECONDS, EPOCH_SECONDS, expressionFor, ISO_8601 } from '../replay/relative-time.ts';
import type { RelativeTime, SourceProtocol } from './source-types.ts';

/** Example times (epoch ms) a request's parameters were given, each mapped to its offset from "now" in seconds. */
export type ExampleTimes = Map<number, number>;

function isRelativeTime(value: unknown): value is RelativeTime {
  return !!value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $now?: unknown }).$now === 'number';
}

/**
 * The parameters with each `now(offset)` replaced by an example ISO time (`baseMs` plus the offset) that botocore
 * serializes like any date (`nowMillis(offset)`: the epoch milliseconds), and the example times used (found again in
 * the serialized request).
 */
export function withExampleTimes(params: Record<string, unknown>, baseMs: number): { params: Record<string, unknown>; examples: ExampleTimes } {
  const examples: ExampleTimes = new Map();
  const walk = (value: unknown): unknown => {
    if (isRelativeTime(value)) {
      const at = baseMs + value.$now * 1000;
      examples.set(at, value.$now);
      return value.millis ? at : new Date(at).toISOString();
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return { params: walk(params) as Record<string, unknown>, examples };
}

/** The Pact body generators for the example times found in a serialized body (JSON epoch seconds, form ISO text). */
export function relativeTimeGenerators(body: string, protocol: SourceProtocol, examples: ExampleTimes): Record<string, DateTimeGenerator> | undefined {
  if (!examples.size) return undefined;
  const generators: Record<string, DateTimeGenerator> = {};
  const add = (path: string, ms: number, format: string) => {
    const offset = examples.get(ms);
    if (offset !== undefined) generators[path] = { type: 'DateTime', expression: expressionFor(offset), format };
  };
  if (protocol === 'query') {
    for (const [name, value] of new URLSearchParams(body)) if (/^\d{4}-\d\d-\d\dT/.test(value)) add(`$['${name}']`, Date.parse(value), ISO_8601);
  } else if (protocol === 'json') {
    const walk = (value: JsonValue, path: string): void => {
      if (typeof value === 'number') {
        if (examples.has(value)) add(path, value, EPOCH_MILLISECONDS);
        else add(path, value * 1000, EPOCH_SECONDS);
      }
      else if (Array.isArray(value)) value.forEach((v, i) => walk(v, childPath(path, i)));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, childPath(path, k));
    };
    walk(JSON.parse(body || '{}') as JsonValue, '$');
  }
  const found = new Set(Object.values(generators).map((g) => g.expression));
  if ([...examples.values()].some((offset) => !found.has(expressionFor(offset)))) {
    throw new Error(`relative times not found in the serialized ${protocol} request: ${body}`);
  }
  return generators;
}
