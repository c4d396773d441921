/**
 * Metric math over time series: `+ - * /` between series and numbers, parentheses, and the functions SUM, AVG, MIN,
 * MAX (across a list of series, point by point, or over one series to a single value), ABS and FILL(series, value).
 */
export type Series = Map<number, number>;
export type MathValue = Series | number | Series[];

export class MathError extends Error {}

export function evaluateExpression(text: string, lookup: (id: string) => Series | undefined): MathValue {
  const tokens = text.match(/\d+(?:\.\d+)?|[A-Za-z_][\w]*|[()+\-*/,[\]]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const take = (t?: string) => {
    const token = tokens[i++];
    if (t !== undefined && token !== t) throw new MathError(`expected ${t}`);
    return token;
  };
  const expr = (): MathValue => {
    let left = term();
    while (peek() === '+' || peek() === '-') {
      const op = take();
      left = combine(left, term(), op);
    }
    return left;
  };
  const term = (): MathValue => {
    let left = factor();
    while (peek() === '*' || peek() === '/') {
      const op = take();
      left = combine(left, factor(), op);
    }
    return left;
  };
  const factor = (): MathValue => {
    const t = take();
    if (t === undefined) throw new MathError('unexpected end of expression');
    if (t === '(') {
      const v = expr();
      take(')');
      return v;
    }
    if (t === '-') return combine(0, factor(), '-');
    if (t === '[') {
      const items: Series[] = [];
      while (peek() !== ']') {
        const v = expr();
        if (!(v instanceof Map)) throw new MathError('lists hold time series');
        items.push(v);
        if (peek() === ',') take();
      }
      take(']');
      return items;
    }
    if (/^\d/.test(t)) return Number(t);
    if (peek() === '(') {
      take('(');
      const args: MathValue[] = [];
      while (peek() !== ')') {
        args.push(expr());
        if (peek() === ',') take();
      }
      take(')');
      return call(t.toUpperCase(), args);
    }
    const series = lookup(t);
    if (!series) throw new MathError(`Unrecognized id ${t}`);
    return series;
  };
  const result = expr();
  if (i < tokens.length) throw new MathError(`unexpected ${tokens[i]}`);
  return result;
}

function combine(a: MathValue, b: MathValue, op: string): MathValue {
  if (Array.isArray(a) || Array.isArray(b)) throw new MathError('cannot do arithmetic on a list');
  const apply = (x: number, y: number) => (op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y);
  if (typeof a === 'number' && typeof b === 'number') return apply(a, b);
  const times = new Set<number>([...(a instanceof Map ? a.keys() : []), ...(b instanceof Map ? b.keys() : [])]);
  const out: Series = new Map();
  for (const t of times) {
    const x = typeof a === 'number' ? a : a.get(t);
    const y = typeof b === 'number' ? b : b.get(t);
    if (x !== undefined && y !== undefined) out.set(t, apply(x, y));
  }
  return out;
}

const REDUCERS: Record<string, (values: number[]) => number> = {
  SUM: (v) => v.reduce((a, b) => a + b, 0),
  AVG: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  MIN: (v) => Math.min(...v),
  MAX: (v) => Math.max(...v),
};

function call(name: string, args: MathValue[]): MathValue {
  const reducer = REDUCERS[name];
  if (reducer) {
    const [arg] = args;
    if (Array.isArray(arg)) {
      const times = new Set(arg.flatMap((s) => [...s.keys()]));
      return new Map([...times].map((t) => [t, reducer(arg.map((s) => s.get(t)).filter((v): v is number => v !== undefined))]));
    }
    if (arg instanceof Map) return arg.size ? reducer([...arg.values()]) : NaN;
    throw new MathError(`${name} needs a time series or a list`);
  }
  if (name === 'ABS') {
    const [arg] = args;
    if (typeof arg === 'number') return Math.abs(arg);
    if (arg instanceof Map) return new Map([...arg].map(([t, v]) => [t, Math.abs(v)]));
  }
  if (name === 'FILL') {
    const [series, value] = args;
    if (series instanceof Map && typeof value === 'number') return series;
  }
  throw new MathError(`Unsupported function ${name}`);
}
