import type { IpRange } from './cidr.ts';

/** A JSON scalar as it appears in an event or a pattern. */
export type Scalar = string | number | boolean | null;

export interface NumericBound {
  op: '<' | '<=' | '>' | '>=' | '=';
  value: number;
}

/** One alternative of a field's list in a pattern. */
export type Matcher =
  | { type: 'exact'; value: Scalar }
  | { type: 'prefix' | 'suffix'; text: string; ignoreCase: boolean }
  | { type: 'equals-ignore-case'; text: string }
  | { type: 'wildcard'; text: string; regex: RegExp }
  | { type: 'numeric'; bounds: NumericBound[] }
  | { type: 'exists'; exists: boolean }
  | { type: 'cidr'; range: IpRange }
  /** Matches a value none of `inner` matches. */
  | { type: 'anything-but'; inner: Matcher[] };

/** A field of a pattern: the dotted path of its keys (`detail.state`) and the matchers any of which must match. */
export interface FieldRule {
  path: string;
  matchers: Matcher[];
}

/** A compiled pattern: `$or` expanded, so that the event matches when all fields of any one rule match. */
export type CompiledPattern = FieldRule[][];
