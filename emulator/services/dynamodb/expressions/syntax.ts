/** Syntax trees of parsed expressions, before names and values of a request are substituted (cacheable). */

export type SegmentSyntax = { kind: 'name'; name: string } | { kind: 'alias'; alias: string } | { kind: 'index'; index: number };

export type PathSyntax = { t: 'path'; segments: SegmentSyntax[] };

export type OperandSyntax =
  | PathSyntax
  | { t: 'value'; ref: string }
  | { t: 'call'; fn: string; args: OperandSyntax[] }
  | { t: 'arith'; op: '+' | '-'; left: OperandSyntax; right: OperandSyntax };

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type ConditionSyntax =
  | { t: 'compare'; op: Comparator; left: OperandSyntax; right: OperandSyntax }
  | { t: 'between'; subject: OperandSyntax; low: OperandSyntax; high: OperandSyntax }
  | { t: 'in'; subject: OperandSyntax; list: OperandSyntax[] }
  | { t: 'function'; call: Extract<OperandSyntax, { t: 'call' }> }
  | { t: 'and' | 'or'; left: ConditionSyntax; right: ConditionSyntax }
  | { t: 'not'; operand: ConditionSyntax }
  | { t: 'paren'; inner: ConditionSyntax };

export type UpdateActionSyntax =
  | { t: 'SET'; path: PathSyntax; value: OperandSyntax }
  | { t: 'REMOVE'; path: PathSyntax }
  | { t: 'ADD' | 'DELETE'; path: PathSyntax; value: OperandSyntax };
