import type { PactGenerator, PactGenerators, RepeatedTextGenerator } from '../contract/types.ts';

/**
 * A generated body's upper bound: the tests that need one send S3 parts of 5 MiB + 1 byte, and a replay holds the
 * body in memory while it signs it.
 */
const MAX_BYTES = 64 * 1024 * 1024;

/** The generator of the whole request body (path `$`), when the contract gives one. */
export function wholeBodyGenerator(generators: PactGenerators | undefined): RepeatedTextGenerator | undefined {
  const generator = generators?.body && Object.hasOwn(generators.body, '$') ? generators.body.$ : undefined;
  return generator?.type === 'RepeatedText' ? generator : undefined;
}

/** Problems with a `RepeatedText` generator, for the contract checker ('' when it is fine). */
export function repeatedTextProblem(generator: PactGenerator): string {
  if (generator.type !== 'RepeatedText') return '';
  if (typeof generator.text !== 'string' || !generator.text.length) return 'text must be a non-empty string';
  if (!Number.isInteger(generator.bytes) || generator.bytes < 1 || generator.bytes > MAX_BYTES) return `bytes must be an integer from 1 to ${MAX_BYTES}`;
  return '';
}

/** The body a `RepeatedText` generator makes: its text repeated and cut to its length in bytes. */
export function repeatedText(generator: RepeatedTextGenerator): Buffer {
  return Buffer.alloc(generator.bytes, generator.text, 'utf8');
}
