import { MathError, type Node } from './parse.ts';

/** A time series: values by period start (epoch ms), its period and label. */
export interface Series {
  label: string;
  period: number;
  points: Map<number, number>;
  /** What AWS tells about the series (MultipleUnits when data of several units was found and one picked). */
  messages?: { Code: string; Value: string }[];
}

/** What an expression yields: a scalar, one time series, an array of them, or a keyword/string argument. */
export type Value = number | Series | Series[] | string;

export interface MathContext {
  startMs: number;
  endMs: number;
  /** The period of series the expression creates itself (TIME_SERIES, scalars): the query's Period or 60. */
  period: number;
  lookup(id: string): number | Series | Series[] | undefined;
  /** The MetricStat queries of the request, for METRICS(). */
  metrics(): { id: string; series: Series }[];
  search(query: string, stat: string, period: number): Series[];
}

const isSeries = (v: Value): v is Series => typeof v === 'object' && !Array.isArray(v);

export function evaluate(node: Node, ctx: MathContext): Value {
  switch (node.type) {
    case 'number':
      return node.value;
    case 'string':
      return node.value;
    case 'name': {
      if (/^[A-Z]/.test(node.name)) return node.name;
      const value = ctx.lookup(node.name);
      if (value === undefined) throw new MathError(`Unrecognized id ${node.name}`);
      return value;
    }
    case 'array': {
      const items = node.items.flatMap((n) => {
        const v = evaluate(n, ctx);
        if (typeof v === 'number' || typeof v === 'string') throw new MathError('Arrays hold time series only');
        return Array.isArray(v) ? v : [v];
      });
      return items;
    }
    case 'unary': {
      const arg = evaluate(node.arg, ctx);
      return node.op === '-' ? mapValues(arg, (x) => -x) : mapValues(arg, (x) => (x ? 0 : 1));
    }
    case 'binary':
      return combine(evaluate(node.left, ctx), evaluate(node.right, ctx), BINARY[node.op]);
    case 'call':
      return callFunction(node.name, node.args, ctx);
  }
}

const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
  '==': (a, b) => Number(a === b),
  '!=': (a, b) => Number(a !== b),
  '<': (a, b) => Number(a < b),
  '<=': (a, b) => Number(a <= b),
  '>': (a, b) => Number(a > b),
  '>=': (a, b) => Number(a >= b),
  '&&': (a, b) => Number(a !== 0 && b !== 0),
  '||': (a, b) => Number(a !== 0 || b !== 0),
};

/** Applies a function to every value: of a scalar, a series, or each series of an array. */
export function mapValues(v: Value, fn: (x: number, t: number) => number): Value {
  if (typeof v === 'string') throw new MathError(`Unexpected ${v}`);
  if (typeof v === 'number') return fn(v, 0);
  if (Array.isArray(v)) return v.map((s) => mapSeries(s, fn));
  return mapSeries(v, fn);
}

function mapSeries(s: Series, fn: (x: number, t: number) => number): Series {
  return { ...s, points: new Map([...s.points].map(([t, x]) => [t, fn(x, t)])) };
}

/** Arithmetic between scalars and series: series combine where both have a datapoint, arrays element by element. */
function combine(a: Value, b: Value, op: (x: number, y: number) => number): Value {
  if (typeof a === 'string' || typeof b === 'string') throw new MathError(`Unexpected ${typeof a === 'string' ? a : b}`);
  if (Array.isArray(a) && Array.isArray(b)) throw new MathError('Cannot combine two arrays of time series');
  if (Array.isArray(a)) return a.map((s) => combine(s, b, op) as Series);
  if (Array.isArray(b)) return b.map((s) => combine(a, s, op) as Series);
  if (typeof a === 'number' && typeof b === 'number') return op(a, b);
  if (typeof a === 'number') return mapSeries(b as Series, (y) => op(a, y));
  if (typeof b === 'number') return mapSeries(a, (x) => op(x, b));
  const points = new Map<number, number>();
  for (const [t, x] of a.points) {
    const y = b.points.get(t);
    if (y !== undefined) points.set(t, op(x, y));
  }
  return { label: a.label, period: a.period, points };
}

/** The period starts of a series' grid within the query's time range. */
function grid(ctx: MathContext, period: number): number[] {
  const ms = period * 1000;
  const times: number[] = [];
  for (let t = Math.floor(ctx.startMs / ms) * ms; t < ctx.endMs; t += ms) times.push(t);
  return times;
}

/** A scalar as a series: the value at every period of the time range. */
export function flatLine(value: number, ctx: MathContext): Series {
  return { label: 'TIME_SERIES', period: ctx.period, points: new Map(grid(ctx, ctx.period).map((t) => [t, value])) };
}

function callFunction(name: string, argNodes: Node[], ctx: MathContext): Value {
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) throw new MathError(`Unsupported function ${name}`);
  return fn(
    argNodes.map((n) => evaluate(n, ctx)),
    ctx,
  );
}

type Fn = (args: Value[], ctx: MathContext) => Value;

const series = (v: Value | undefined, fn: string): Series => {
  if (v === undefined || !isSeries(v)) throw new MathError(`${fn} expects a time series`);
  return v;
};
const array = (v: Value | undefined, fn: string): Series[] => {
  if (v !== undefined && isSeries(v)) return [v];
  if (!Array.isArray(v)) throw new MathError(`${fn} expects an array of time series`);
  return v;
};
const scalar = (v: Value | undefined, fn: string): number => {
  if (typeof v !== 'number') throw new MathError(`${fn} expects a number`);
  return v;
};

const sorted = (s: Series) => [...s.points].sort(([a], [b]) => a - b);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

const REDUCERS: Record<string, (values: number[]) => number> = {
  SUM: (v) => v.reduce((a, b) => a + b, 0),
  AVG: mean,
  MIN: (v) => Math.min(...v),
  MAX: (v) => Math.max(...v),
  STDDEV: (v) => {
    const m = mean(v);
    return Math.sqrt(mean(v.map((x) => (x - m) ** 2)));
  },
};

/** SUM, AVG, MIN, MAX, STDDEV: over one series a scalar, over an array a series point by point. */
function reducer(name: string): Fn {
  const reduce = REDUCERS[name];
  return ([arg]) => {
    if (arg !== undefined && isSeries(arg)) return arg.points.size ? reduce([...arg.points.values()]) : NaN;
    const list = array(arg, name);
    const times = new Set(list.flatMap((s) => [...s.points.keys()]));
    const points = new Map<number, number>();
    for (const t of times) points.set(t, reduce(list.map((s) => s.points.get(t)).filter((v): v is number => v !== undefined)));
    return { label: name, period: list[0]?.period ?? 60, points };
  };
}

/** A function of each datapoint and the one before it (DIFF, DIFF_TIME, RATE). */
function successive(name: string, fn: (value: number, previous: number, seconds: number) => number): Fn {
  const one = (s: Series): Series => {
    const points = new Map<number, number>();
    const list = sorted(s);
    for (let i = 1; i < list.length; i++) points.set(list[i][0], fn(list[i][1], list[i - 1][1], (list[i][0] - list[i - 1][0]) / 1000));
    return { ...s, points };
  };
  return ([arg]) => (Array.isArray(arg) ? arg.map(one) : one(series(arg, name)));
}

const DATE_PARTS: Record<string, (d: Date) => number> = {
  MINUTE: (d) => d.getUTCMinutes(),
  HOUR: (d) => d.getUTCHours(),
  // Days of the week run from 1 (Monday) to 7 (Sunday).
  DAY: (d) => ((d.getUTCDay() + 6) % 7) + 1,
  DATE: (d) => d.getUTCDate(),
  MONTH: (d) => d.getUTCMonth() + 1,
  YEAR: (d) => d.getUTCFullYear(),
  EPOCH: (d) => d.getTime() / 1000,
};

function fill(s: Series, how: Value, ctx: MathContext): Series {
  const points = new Map(s.points);
  const times = grid(ctx, s.period);
  if (typeof how === 'number') {
    for (const t of times) if (!points.has(t)) points.set(t, how);
  } else if (how === 'REPEAT') {
    let last: number | undefined;
    for (const t of times) {
      if (points.has(t)) last = points.get(t);
      else if (last !== undefined) points.set(t, last);
    }
  } else if (how === 'LINEAR') {
    const known = times.filter((t) => s.points.has(t));
    for (let i = 1; i < known.length; i++) {
      const [t0, t1] = [known[i - 1], known[i]];
      const [v0, v1] = [s.points.get(t0)!, s.points.get(t1)!];
      for (const t of times) if (t > t0 && t < t1) points.set(t, v0 + ((v1 - v0) * (t - t0)) / (t1 - t0));
    }
  } else throw new MathError('FILL expects a number, REPEAT or LINEAR');
  return { ...s, points };
}

function sortArray([arg, by, order, limit]: Value[]): Value {
  const list = array(arg, 'SORT');
  const reduce = typeof by === 'string' && Object.hasOwn(REDUCERS, by) ? REDUCERS[by] : undefined;
  if (!reduce || (order !== 'ASC' && order !== 'DESC')) throw new MathError('SORT expects an array, one of AVG, MIN, MAX, SUM, STDDEV, and ASC or DESC');
  const key = (s: Series) => (s.points.size ? reduce([...s.points.values()]) : -Infinity);
  const out = [...list].sort((a, b) => (order === 'ASC' ? key(a) - key(b) : key(b) - key(a)));
  return limit === undefined ? out : out.slice(0, scalar(limit, 'SORT'));
}

const FUNCTIONS: Record<string, Fn> = {
  ...Object.fromEntries(Object.keys(REDUCERS).map((name) => [name, reducer(name)])),
  ABS: ([v]) => mapValues(v, Math.abs),
  CEIL: ([v]) => mapValues(v, Math.ceil),
  FLOOR: ([v]) => mapValues(v, Math.floor),
  LOG: ([v]) => mapValues(v, Math.log),
  LOG10: ([v]) => mapValues(v, Math.log10),
  DATAPOINT_COUNT: ([v]) => series(v, 'DATAPOINT_COUNT').points.size,
  METRIC_COUNT: ([v]) => array(v, 'METRIC_COUNT').length,
  PERIOD: ([v]) => series(v, 'PERIOD').period,
  DIFF: successive('DIFF', (v, p) => v - p),
  DIFF_TIME: successive('DIFF_TIME', (_v, _p, seconds) => seconds),
  RATE: successive('RATE', (v, p, seconds) => (v - p) / seconds),
  RUNNING_SUM: ([v]) => {
    const one = (s: Series): Series => {
      let total = 0;
      return { ...s, points: new Map(sorted(s).map(([t, x]) => [t, (total += x)])) };
    };
    return Array.isArray(v) ? v.map(one) : one(series(v, 'RUNNING_SUM'));
  },
  ...Object.fromEntries(
    Object.entries(DATE_PARTS).map(([name, part]) => [name, ([v]: Value[]) => mapValues(series(v, name), (_x, t) => part(new Date(t)))]),
  ),
  FILL: ([v, how], ctx) => (Array.isArray(v) ? v.map((s) => fill(s, how, ctx)) : fill(series(v, 'FILL'), how, ctx)),
  FIRST: ([v]) => array(v, 'FIRST')[0] ?? [],
  LAST: ([v]) => array(v, 'LAST').at(-1) ?? [],
  REMOVE_EMPTY: ([v]) => array(v, 'REMOVE_EMPTY').filter((s) => s.points.size > 0),
  SLICE: ([v, start, end]) => array(v, 'SLICE').slice(scalar(start, 'SLICE'), end === undefined ? undefined : scalar(end, 'SLICE')),
  SORT: sortArray,
  TIME_SERIES: ([v], ctx) => flatLine(scalar(v, 'TIME_SERIES'), ctx),
  IF: ([condition, whenTrue, whenFalse]) => {
    if (condition === undefined || whenTrue === undefined) throw new MathError('IF expects a condition and a value');
    const pick = (v: Value | undefined, t: number) => {
      if (v === undefined || typeof v === 'number') return v;
      return series(v, 'IF').points.get(t);
    };
    if (typeof condition === 'number') return condition ? whenTrue : (whenFalse ?? []);
    const cond = series(condition, 'IF');
    const points = new Map<number, number>();
    for (const [t, c] of cond.points) {
      const v = pick(c ? whenTrue : whenFalse, t);
      if (v !== undefined) points.set(t, v);
    }
    return { ...cond, points };
  },
  METRICS: ([filter], ctx) => {
    if (filter !== undefined && typeof filter !== 'string') throw new MathError('METRICS takes an optional string');
    return ctx
      .metrics()
      .filter((m) => filter === undefined || m.id.includes(filter))
      .map((m) => m.series);
  },
  SEARCH: ([query, stat, period], ctx) => {
    if (typeof query !== 'string' || typeof stat !== 'string') throw new MathError('SEARCH expects a search expression and a statistic');
    return ctx.search(query, stat, period === undefined ? ctx.period : scalar(period, 'SEARCH'));
  },
};
