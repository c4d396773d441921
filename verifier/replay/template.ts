/**
 * `{{name}}` templates: substitution in requests (every variable must be known) and matching of expected strings
 * (unknown variables bind to the first value they meet; `{{*}}` matches anything). `\{{` is a literal `{{` (text that
 * uses the same braces itself, such as CloudFormation's `{{resolve:ssm:...}}` dynamic references).
 */
export type Vars = Map<string, string>;

/** An escaped literal `{{` (no group), or a variable (group 1: its name). */
const TOKEN = /\\\{\{|\{\{([^{}]*)\}\}/g;

/** Text written as a template: every `{{` in it escaped, so it stays literal. */
export function literal(text: string): string {
  return text.replaceAll('{{', '\\{{');
}

/** The literal parts of a template between its variables, escapes resolved (the Pact view of an expected string). */
export function literalParts(template: string): string[] {
  const parts = [''];
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    parts[parts.length - 1] += template.slice(last, match.index) + (match[1] === undefined ? '{{' : '');
    if (match[1] !== undefined) parts.push('');
    last = match.index + match[0].length;
  }
  parts[parts.length - 1] += template.slice(last);
  return parts;
}

export class UnboundVariable extends Error {}

export function hasTemplate(text: string): boolean {
  return text.includes('{{');
}

/** Replaces every `{{name}}` with its value; throws UnboundVariable for unknown names. */
export function render(text: string, vars: Vars): string {
  if (!text.includes('{{')) return text;
  return fill(text, vars, (name) => {
    throw new UnboundVariable(`unbound variable {{${name}}}`);
  });
}

/** The text with every variable's value in place of `{{name}}`, and `unknown(name)` for those that have none. */
function fill(text: string, vars: Vars, unknown: (name: string) => string): string {
  return text.replace(TOKEN, (_, name: string | undefined) => (name === undefined ? '{{' : (vars.get(name) ?? unknown(name))));
}

/** The template with its variables filled in, or undefined when one is not known yet (or is `{{*}}`). */
function renderKnown(template: string, vars: Vars): string | undefined {
  let complete = true;
  const text = fill(template, vars, () => {
    complete = false;
    return '';
  });
  return complete ? text : undefined;
}

/** Renders every string inside a JSON value. */
export function renderDeep<T>(value: T, vars: Vars): T {
  if (typeof value === 'string') return render(value, vars) as T;
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, vars)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[render(k, vars)] = renderDeep(v, vars);
    return out as T;
  }
  return value;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What an unknown variable may match: tighter than "anything" where the shape is certain. */
const VARIABLE_PATTERNS: Record<string, string> = { accountId: '\\d{12}', region: '[a-z]{2}(?:-[a-z]+)+-\\d', partition: 'aws[a-z-]*' };

interface CompiledTemplate {
  regex: RegExp;
  /** Unknown variable names, in group order. */
  binds: string[];
}

/** Compiles an expected-string template against the variables known now. */
function compile(template: string, vars: Vars, regexMode: boolean): CompiledTemplate {
  const binds: string[] = [];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    const literal = template.slice(last, match.index);
    source += regexMode ? literal : escapeRegex(literal);
    last = match.index + match[0].length;
    const name = match[1];
    if (name === undefined) {
      source += escapeRegex('{{');
      continue;
    }
    const known = vars.get(name);
    if (name === '*') source += '[\\s\\S]*?';
    else if (known !== undefined) source += escapeRegex(known);
    else {
      const seen = binds.indexOf(name);
      if (seen >= 0) source += `\\k<t${seen}>`;
      else {
        binds.push(name);
        source += `(?<t${binds.length - 1}>${VARIABLE_PATTERNS[name] ?? '[\\s\\S]+?'})`;
      }
    }
  }
  const rest = template.slice(last);
  source += regexMode ? rest : escapeRegex(rest);
  return { regex: new RegExp(`^(?:${source})$`), binds };
}

/**
 * Whether `actual` matches the template; on success unknown variables are bound in `vars`.
 * `regexMode` treats the literal parts as a regex (the `regex` matcher with `{{vars}}` inside).
 */
export function matchTemplate(template: string, actual: string, vars: Vars, regexMode = false): boolean {
  if (!regexMode) {
    // Most expected strings are plain text or name only variables already known: those are compared as text.
    if (!template.includes('{{')) return template === actual;
    const known = renderKnown(template, vars);
    if (known !== undefined) return known === actual;
  }
  const { regex, binds } = compile(template, vars, regexMode);
  const match = regex.exec(actual);
  if (!match) return false;
  binds.forEach((name, i) => vars.set(name, match.groups![`t${i}`]));
  return true;
}
