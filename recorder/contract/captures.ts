import type { Capture, JsonValue } from '../../verifier/contract/types.ts';
import { stringLeaves } from './paths.ts';
import { mapRequestStrings, type RequestTemplate } from './request.ts';

/** Shorter values (`true`, `0`, short names) recur by chance; reuse of such values is not evidence of a capture. */
const MIN_CAPTURED_LENGTH = 8;

export interface Step {
  request: RequestTemplate;
  /** The parsed response (client view), when the step succeeded. */
  output?: JsonValue;
}

/**
 * Finds response values that later requests send back (queue URLs, receipt handles, ARNs, shard iterators) by
 * searching each later request for earlier response values, and turns them into captures: the producing step gets
 * `{ name, from: <JSONPath> }` and the later requests `{{name}}`. A value the client had already sent itself is its
 * own choice (an echoed name), not a capture.
 */
export function detectCaptures(steps: Step[]): { requests: RequestTemplate[]; captures: Capture[][] } {
  const captures: Capture[][] = steps.map(() => []);
  const known: { value: string; name: string }[] = [];
  const candidates: { value: string; step: number; path: string; key?: string }[] = [];
  const usedNames = new Set<string>();
  const sentSoFar: string[] = [];
  const requests = steps.map((step, index) => {
    const sent = requestStrings(step.request);
    const request = mapRequestStrings(step.request, (text) => {
      let out = text;
      for (const candidate of candidates) {
        if (!out.includes(candidate.value)) continue;
        let capture = known.find((k) => k.value === candidate.value);
        if (!capture) {
          capture = { value: candidate.value, name: uniqueName(candidate.key, usedNames) };
          known.push(capture);
          captures[candidate.step].push({ name: capture.name, from: candidate.path });
        }
        out = out.split(candidate.value).join(`{{${capture.name}}}`);
      }
      return out;
    });
    sentSoFar.push(...sent);
    for (const leaf of stringLeaves(step.output)) {
      if (leaf.value.length < MIN_CAPTURED_LENGTH || sentSoFar.some((s) => s.includes(leaf.value))) continue;
      if (!candidates.some((c) => c.value === leaf.value)) candidates.push({ ...leaf, step: index });
    }
    // Longest first, so that a queue URL wins over the queue name inside it.
    candidates.sort((a, b) => b.value.length - a.value.length);
    return request;
  });
  return { requests, captures };
}

function requestStrings(request: RequestTemplate): string[] {
  const out: string[] = [];
  mapRequestStrings(request, (text) => {
    out.push(text);
    return text;
  });
  return out;
}

function uniqueName(key: string | undefined, used: Set<string>): string {
  const base = key ? key[0].toLowerCase() + key.slice(1) : 'value';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}
