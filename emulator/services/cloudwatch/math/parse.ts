/**
 * The metric math grammar of the CloudWatch User Guide ("Metric math syntax and functions"): numbers, query ids
 * (which start with a lower-case letter), upper-case keywords and function names, single- or double-quoted strings,
 * `[a, b]` arrays, and the operators by precedence: `OR ||`, `AND &&`, comparisons `== != < <= > >=`, `+ -`,
 * `* /`, `^` (right-associative), and the unary `- NOT !`.
 */
export type Node =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'name'; name: string }
  | { type: 'array'; items: Node[] }
  | { type: 'call'; name: string; args: Node[] }
  | { type: 'unary'; op: string; arg: Node }
  | { type: 'binary'; op: string; left: Node; right: Node };

export class MathError extends Error {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_]\w*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(==|!=|<=|>=|&&|\|\||[-+*/^<>!(),[\]]))/y;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new MathError(`Unexpected character at position ${at + 1}`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    at = TOKEN.lastIndex;
  }
  return tokens;
}

const LEVELS: string[][] = [['OR', '||'], ['AND', '&&'], ['==', '!=', '<', '<=', '>', '>='], ['+', '-'], ['*', '/']];

export function parseExpression(text: string): Node {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const take = (expected?: string) => {
    const token = tokens[i++];
    if (token === undefined) throw new MathError(expected ? `Expected ${expected} at end of expression` : 'Unexpected end of expression');
    if (expected !== undefined && token !== expected) throw new MathError(`Expected ${expected} but found ${token}`);
    return token;
  };
  const level = (n: number): Node => {
    if (n === LEVELS.length) return power();
    let left = level(n + 1);
    while (LEVELS[n].includes(peek())) {
      const op = take();
      left = { type: 'binary', op: op === 'OR' ? '||' : op === 'AND' ? '&&' : op, left, right: level(n + 1) };
    }
    return left;
  };
  const power = (): Node => {
    const base = unary();
    if (peek() !== '^') return base;
    take();
    return { type: 'binary', op: '^', left: base, right: power() };
  };
  const unary = (): Node => {
    const t = peek();
    if (t === '-' || t === '!' || t === 'NOT') {
      take();
      return { type: 'unary', op: t === '-' ? '-' : '!', arg: unary() };
    }
    return primary();
  };
  const list = (close: string): Node[] => {
    const items: Node[] = [];
    while (peek() !== close) {
      items.push(level(0));
      if (peek() !== close) take(',');
    }
    take(close);
    return items;
  };
  const primary = (): Node => {
    const t = take();
    if (t === '(') {
      const inner = level(0);
      take(')');
      return inner;
    }
    if (t === '[') return { type: 'array', items: list(']') };
    if (/^\d/.test(t)) return { type: 'number', value: Number(t) };
    if (t.startsWith("'") || t.startsWith('"')) return { type: 'string', value: t.slice(1, -1).replace(/\\(.)/g, '$1') };
    if (!/^[A-Za-z_]/.test(t)) throw new MathError(`Unexpected ${t}`);
    if (peek() === '(') {
      take('(');
      return { type: 'call', name: t.toUpperCase(), args: list(')') };
    }
    return { type: 'name', name: t };
  };
  if (!tokens.length) throw new MathError('Empty expression');
  const tree = level(0);
  if (i < tokens.length) throw new MathError(`Unexpected ${tokens[i]}`);
  return tree;
}

/** The query ids an expression refers to (names starting with a lower-case letter). */
export function referencedIds(node: Node, out = new Set<string>()): Set<string> {
  switch (node.type) {
    case 'name':
      if (/^[a-z]/.test(node.name)) out.add(node.name);
      break;
    case 'array':
      node.items.forEach((n) => referencedIds(n, out));
      break;
    case 'call':
      node.args.forEach((n) => referencedIds(n, out));
      break;
    case 'unary':
      referencedIds(node.arg, out);
      break;
    case 'binary':
      referencedIds(node.left, out);
      referencedIds(node.right, out);
      break;
  }
  return out;
}
