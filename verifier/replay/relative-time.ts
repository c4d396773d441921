import type { DateTimeGenerator, JsonValue, PactGenerator } from '../contract/types.ts';

/**
 * Request values relative to "now" (a Pact V4 `DateTime` generator): a test that sent `utc_now - 60 s` sends, when
 * replayed, the replay's own now minus 60 s. The expression is the subset of Pact's date expressions these tests
 * need: `now`, `now + 5 minutes`, `now - 1 hour`.
 */
const UNITS_MS: Record<string, number> = { millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
const EXPRESSION = /^now(?:\s*([+-])\s*(\d+)\s+(millisecond|second|minute|hour|day|week)s?)?$/;

/**
 * twinstack's `format` for AWS JSON timestamps, which travel as epoch seconds (a number; Pact's formats make text),
 * to the millisecond as the query form's text is: a replay's steps follow each other within a second, where the
 * test's were seconds apart, so a whole-second `now` could fall before the data a step before had put.
 */
export const EPOCH_SECONDS = 'epoch-seconds';
/** twinstack's `format` for times AWS APIs take as epoch milliseconds in a long (CloudWatch Logs' event timestamps). */
export const EPOCH_MILLISECONDS = 'epoch-milliseconds';
/** The Java pattern (Pact's form) of the ISO 8601 text the query protocol sends; the verifier writes `toISOString()`. */
export const ISO_8601 = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

/** The offset in milliseconds an expression names, or undefined when it is not one the verifier understands. */
export function offsetOf(expression: string): number | undefined {
  const match = EXPRESSION.exec(expression.trim());
  if (!match) return undefined;
  if (!match[1]) return 0;
  return (match[1] === '-' ? -1 : 1) * Number(match[2]) * UNITS_MS[match[3]];
}

/** The Pact expression for an offset in whole seconds (the form the contract generator writes). */
export function expressionFor(offsetSeconds: number): string {
  if (offsetSeconds === 0) return 'now';
  const abs = Math.abs(offsetSeconds);
  const [count, unit] = abs % 86_400 === 0 ? [abs / 86_400, 'day'] : abs % 3600 === 0 ? [abs / 3600, 'hour'] : abs % 60 === 0 ? [abs / 60, 'minute'] : [abs, 'second'];
  return `now ${offsetSeconds < 0 ? '-' : '+'} ${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Problems with a generator, for the contract checker ('' when it is fine). */
export function generatorProblem(generator: PactGenerator): string {
  if (generator.type !== 'DateTime') return `unsupported generator type '${(generator as { type: string }).type}' (DateTime, RepeatedText)`;
  if (offsetOf(generator.expression) === undefined) return `unsupported expression '${generator.expression}' (now, now ± N unit)`;
  if (![EPOCH_SECONDS, EPOCH_MILLISECONDS, ISO_8601].includes(generator.format)) return `format must be '${EPOCH_SECONDS}', '${EPOCH_MILLISECONDS}' or "${ISO_8601}"`;
  return '';
}

/** The value a generator produces for a replay whose "now" is `nowMs`. */
export function generate(generator: DateTimeGenerator, nowMs: number): JsonValue {
  const at = nowMs + (offsetOf(generator.expression) ?? 0);
  if (generator.format === EPOCH_MILLISECONDS) return at;
  return generator.format === EPOCH_SECONDS ? at / 1000 : new Date(at).toISOString();
}
