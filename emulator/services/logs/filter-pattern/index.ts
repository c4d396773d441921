import { parseJsonPattern, type JsonCondition } from './json-pattern.ts';
import { parseSpaceDelimited, type DelimitedPattern } from './space-delimited.ts';
import { parseTerms, type TermPattern } from './terms.ts';

/** What a filter pattern found in a matching event: values its selectors name (for metric values like `$.latency`). */
export interface FilterMatch {
  fields: Map<string, unknown>;
}

/**
 * A CloudWatch Logs filter pattern: terms (`ERROR "bad thing" -debug ?WARN`), a JSON pattern (`{ $.status = 500 && $.path = "/api*" }`),
 * a space-delimited pattern (`[ip, user, ..., status = 5*, size > 100]`) or a regular expression (`%ERROR|WARN%`).
 */
export class FilterPattern {
  private constructor(
    private readonly kind: 'all' | 'terms' | 'json' | 'delimited' | 'regex',
    private readonly compiled: TermPattern | JsonCondition | DelimitedPattern | RegExp | undefined,
  ) {}

  /** Parses a pattern, or throws an InvalidParameterException-worthy message. */
  static parse(text: string): FilterPattern {
    const trimmed = text.trim();
    if (!trimmed) return new FilterPattern('all', undefined);
    if (trimmed.startsWith('{')) return new FilterPattern('json', parseJsonPattern(trimmed));
    if (trimmed.startsWith('[')) return new FilterPattern('delimited', parseSpaceDelimited(trimmed));
    if (trimmed.length > 1 && trimmed.startsWith('%') && trimmed.endsWith('%')) {
      try {
        return new FilterPattern('regex', new RegExp(trimmed.slice(1, -1)));
      } catch {
        throw new Error('Invalid regular expression');
      }
    }
    return new FilterPattern('terms', parseTerms(trimmed));
  }

  match(message: string): FilterMatch | undefined {
    const fields = new Map<string, unknown>();
    switch (this.kind) {
      case 'all':
        return { fields };
      case 'terms':
        return (this.compiled as TermPattern).matches(message) ? { fields } : undefined;
      case 'regex':
        return (this.compiled as RegExp).test(message) ? { fields } : undefined;
      case 'json': {
        let document: unknown;
        try {
          document = JSON.parse(message);
        } catch {
          return undefined;
        }
        return (this.compiled as JsonCondition)(document, fields) ? { fields } : undefined;
      }
      case 'delimited':
        return (this.compiled as DelimitedPattern)(message, fields) ? { fields } : undefined;
    }
  }
}
