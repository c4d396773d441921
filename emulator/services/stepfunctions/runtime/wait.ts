import { statesRuntime } from '../asl/errors.ts';
import { select } from '../asl/jsonpath.ts';
import { parseTimestamp } from '../asl/timestamp.ts';
import { rootsOf } from './env.ts';
import type { StateIO } from './state-io.ts';

/** The longest Wait AWS accepts (its execution limit is one year; the field's maximum is 99999999 s). */
const MAX_SECONDS = 99_999_999;

/** How long a Wait state waits, from Seconds, Timestamp, SecondsPath or TimestampPath (or their JSONata forms). */
export async function waitMs(io: StateIO, input: unknown, now: number): Promise<number> {
  const { def } = io;
  const roots = rootsOf(input, io.context, io.vars);
  if (def.Seconds !== undefined) {
    const seconds = io.jsonata ? await io.value(def.Seconds, 'Seconds') : def.Seconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) throw statesRuntime(`The Seconds field must be a non-negative integer: ${JSON.stringify(seconds)}`);
    if (seconds > MAX_SECONDS) throw statesRuntime('Wait state delay is too long.');
    return seconds * 1000;
  }
  if (def.SecondsPath !== undefined) {
    const { found, value } = select(def.SecondsPath, roots);
    if (!found || typeof value !== 'number') throw statesRuntime(`The SecondsPath parameter does not reference an input value: ${def.SecondsPath}`);
    if (!Number.isInteger(value)) throw statesRuntime(`The SecondsPath parameter cannot be parsed as a long value: ${def.SecondsPath} == ${value}`);
    if (value < 0) throw statesRuntime(`The SecondsPath parameter references a negative value: ${def.SecondsPath} == ${value}`);
    if (value > MAX_SECONDS) throw statesRuntime('Wait state delay is too long.');
    return value * 1000;
  }
  if (def.Timestamp !== undefined) {
    const text = io.jsonata ? await io.value(def.Timestamp, 'Timestamp') : def.Timestamp;
    const at = parseTimestamp(text);
    if (at === undefined) throw statesRuntime(`The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${String(text)}`);
    return Math.max(0, at - now);
  }
  const { found, value } = select(def.TimestampPath as string, roots);
  const at = found ? parseTimestamp(value) : undefined;
  if (at === undefined)
    throw statesRuntime(
      found
        ? `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${def.TimestampPath as string} == ${typeof value === 'string' ? value : JSON.stringify(value)}`
        : `The TimestampPath parameter does not reference an input value: ${def.TimestampPath as string}`,
    );
  return Math.max(0, at - now);
}
