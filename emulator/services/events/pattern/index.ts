import { AwsError } from '../../../core/errors.ts';
import { compilePattern } from './compile.ts';
import { PatternSyntaxError } from './json-cursor.ts';
import type { CompiledPattern } from './types.ts';

export { flattenEvent, matchesPattern } from './match.ts';
export type { CompiledPattern } from './types.ts';

/** Compiles an event pattern or throws AWS's InvalidEventPatternException. */
export function eventPattern(source: string): CompiledPattern {
  try {
    return compilePattern(source);
  } catch (error) {
    if (error instanceof PatternSyntaxError) {
      throw new AwsError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${error.message}`);
    }
    throw error;
  }
}
