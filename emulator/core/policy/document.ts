/**
 * IAM policy documents in the shape the evaluation engine reads: every element that may be a string or a list is a
 * list, and each statement remembers where it sits in the text (the simulator reports those positions).
 */
export interface Statement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: PrincipalSpec;
  notPrincipal?: PrincipalSpec;
  conditions: Condition[];
  /** 1-based line and column just inside the statement's opening brace, and just past its closing brace. */
  start: Position;
  end: Position;
}

export interface Position {
  line: number;
  column: number;
}

/** `"*"` is stored as `{ AWS: ['*'] }`, as AWS treats the two alike. */
export type PrincipalSpec = Record<string, string[]>;

export interface Condition {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  /** Context key, lower-case (condition keys are case-insensitive). */
  key: string;
  values: string[];
}

export interface Policy {
  version?: string;
  id?: string;
  statements: Statement[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON value as a list of strings (booleans and numbers as their text, as AWS reads condition values). */
export function stringList(value: Json | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

function principalSpec(value: Json | undefined): PrincipalSpec | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return { AWS: ['*'] };
  const spec: PrincipalSpec = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [type, ids] of Object.entries(value)) spec[type] = stringList(ids) ?? [];
  }
  return spec;
}

function conditions(block: Json | undefined): Condition[] {
  const out: Condition[] = [];
  if (!block || typeof block !== 'object' || Array.isArray(block)) return out;
  for (const [operator, entries] of Object.entries(block)) {
    if (!entries || typeof entries !== 'object' || Array.isArray(entries)) continue;
    for (const [key, values] of Object.entries(entries)) out.push({ operator, key: key.toLowerCase(), values: stringList(values) ?? [] });
  }
  return out;
}

/**
 * Where each statement object of the top-level `Statement` element starts and ends in the text. Walks the JSON text
 * once, skipping strings, so that positions match what the client sent byte for byte.
 */
function statementSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let inStatement = false;
  let statementDepth = -1;
  let open = -1;
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) lastKey = text.slice(i + 1, j);
      i = j;
      continue;
    }
    if (ch === '{' || ch === '[') {
      depth++;
      if (depth === 2 && lastKey === 'Statement') {
        inStatement = true;
        statementDepth = ch === '{' ? 2 : 3;
        if (ch === '{') open = i;
      } else if (inStatement && ch === '{' && depth === statementDepth) open = i;
    } else if (ch === '}' || ch === ']') {
      if (inStatement && ch === '}' && depth === statementDepth && open >= 0) {
        spans.push([open, i]);
        open = -1;
      }
      depth--;
      if (depth < 2) inStatement = false;
    }
  }
  return spans;
}

function positionAt(text: string, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}

/**
 * Reads a policy document that has passed validation (or comes from a trusted place). Throws SyntaxError for text
 * that is not a JSON object.
 */
export function parsePolicy(text: string): Policy {
  const json = JSON.parse(text) as Json;
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new SyntaxError('a policy is a JSON object');
  const raw = json.Statement;
  const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const spans = statementSpans(text);
  const statements: Statement[] = [];
  items.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const [open, close] = spans[index] ?? [0, text.length - 1];
    statements.push({
      sid: typeof item.Sid === 'string' ? item.Sid : undefined,
      effect: item.Effect === 'Deny' ? 'Deny' : 'Allow',
      action: stringList(item.Action),
      notAction: stringList(item.NotAction),
      resource: stringList(item.Resource),
      notResource: stringList(item.NotResource),
      principal: principalSpec(item.Principal),
      notPrincipal: principalSpec(item.NotPrincipal),
      conditions: conditions(item.Condition),
      start: positionAt(text, open + 1),
      end: positionAt(text, close + 1),
    });
  });
  return {
    version: typeof json.Version === 'string' ? json.Version : undefined,
    id: typeof json.Id === 'string' ? json.Id : undefined,
    statements,
  };
}
