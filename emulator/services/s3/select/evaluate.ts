import { selectError } from './errors.ts';
import type { Expr, PathStep } from './sql.ts';

/** A record of the queried object: CSV fields (with the header's names) or a JSON value. */
export interface SelectRecord {
  /** The value at a path relative to the record (`undefined` is SQL's MISSING). */
  resolve(steps: PathStep[]): unknown;
}

/** Running values of a query's aggregate calls, one per call. */
export type Aggregates = Map<Expr, { count: number; value: unknown }>;

/**
 * CSV fields are strings until CAST (AWS: "all input data is treated as a string"); where a string meets a number
 * in a comparison or arithmetic it is read as a number when it is one, so `s._2 > 10` filters numeric columns.
 */
function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

function compare(a: unknown, b: unknown): number | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = asNumber(a);
    const y = asNumber(b);
    return x === undefined || y === undefined ? undefined : x - y;
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function truthy(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

function likeRegex(pattern: string, escape: string | undefined): RegExp {
  if (escape !== undefined && escape.length !== 1) throw selectError('LikeInvalidInputs');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === escape) {
      if (i + 1 >= pattern.length) throw selectError('LikeInvalidInputs');
      source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') source += '.*';
    else if (c === '_') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x === undefined || y === undefined) throw selectError('InvalidDataType');
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return Number.isInteger(x) && Number.isInteger(y) ? Math.trunc(x / y) : x / y;
    default:
      return x % y;
  }
}

function cast(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'STRING':
      return value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'INT':
    case 'INTEGER': {
      const n = typeof value === 'boolean' ? Number(value) : asNumber(value);
      if (n === undefined) throw selectError('CastFailed');
      return Math.trunc(n);
    }
    case 'FLOAT':
    case 'DECIMAL':
    case 'NUMERIC': {
      const n = typeof value === 'boolean' ? Number(value) : asNumber(value);
      if (n === undefined) throw selectError('CastFailed');
      return n;
    }
    case 'BOOL':
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
      throw selectError('CastFailed');
    default: {
      const date = value instanceof Date ? value : new Date(String(value));
      if (Number.isNaN(date.getTime())) throw selectError('CastFailed');
      return date;
    }
  }
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw selectError('IncorrectSqlFunctionArgumentType');
  return value;
}

function arity(args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw selectError('EvaluatorInvalidArguments');
}

function call(name: string, args: unknown[], now: () => Date): unknown {
  switch (name) {
    case 'LOWER':
    case 'UPPER':
    case 'CHAR_LENGTH':
    case 'CHARACTER_LENGTH': {
      arity(args, 1);
      if (args[0] === null || args[0] === undefined) return null;
      const s = text(args[0]);
      return name === 'LOWER' ? s.toLowerCase() : name === 'UPPER' ? s.toUpperCase() : [...s].length;
    }
    case 'TRIM': {
      const [where, chars, value] = args;
      if (value === null || value === undefined) return null;
      const set = new Set(text(chars));
      const s = [...text(value)];
      let start = 0;
      let end = s.length;
      if (where !== 'TRAILING') while (start < end && set.has(s[start])) start++;
      if (where !== 'LEADING') while (end > start && set.has(s[end - 1])) end--;
      return s.slice(start, end).join('');
    }
    case 'SUBSTRING': {
      arity(args, 2, 3);
      if (args.some((a) => a === null || a === undefined)) return null;
      const s = [...text(args[0])];
      const from = asNumber(args[1]);
      const length = args.length === 3 ? asNumber(args[2]) : Infinity;
      if (from === undefined || length === undefined || length < 0) throw selectError('IncorrectSqlFunctionArgumentType');
      // SQL positions count from 1; a start before 1 shortens the length by as much.
      const begin = Math.max(from, 1);
      const stop = length === Infinity ? s.length + 1 : from + length;
      return s.slice(begin - 1, Math.max(stop - 1, begin - 1)).join('');
    }
    case 'COALESCE':
      if (args.length === 0) throw selectError('EvaluatorInvalidArguments');
      return args.find((a) => a !== null && a !== undefined) ?? null;
    case 'NULLIF':
      arity(args, 2);
      return compare(args[0], args[1]) === 0 ? null : args[0];
    case 'UTCNOW':
      arity(args, 0);
      return now();
    case 'TO_TIMESTAMP':
      arity(args, 1);
      return cast(args[0], 'TIMESTAMP');
    default:
      throw selectError('UnsupportedFunction');
  }
}

/** Evaluates an expression against one record; aggregate calls read their running values from `aggregates`. */
export function evaluate(expr: Expr, record: SelectRecord, now: () => Date, aggregates?: Aggregates): unknown {
  const ev = (e: Expr) => evaluate(e, record, now, aggregates);
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'path':
      return record.resolve(expr.steps);
    case 'unary': {
      const v = ev(expr.arg);
      if (v === null || v === undefined) return null;
      return expr.op === 'NOT' ? !truthy(v) : arithmetic('-', 0, v);
    }
    case 'binary': {
      if (expr.op === 'AND') return truthy(ev(expr.left)) && truthy(ev(expr.right));
      if (expr.op === 'OR') return truthy(ev(expr.left)) || truthy(ev(expr.right));
      const a = ev(expr.left);
      const b = ev(expr.right);
      if (expr.op === '||') return a === null || a === undefined || b === null || b === undefined ? null : cast(a, 'STRING') + (cast(b, 'STRING') as string);
      if (['+', '-', '*', '/', '%'].includes(expr.op)) return arithmetic(expr.op, a, b);
      const order = compare(a, b);
      if (order === undefined) return null;
      return { '=': order === 0, '<>': order !== 0, '<': order < 0, '>': order > 0, '<=': order <= 0, '>=': order >= 0 }[expr.op];
    }
    case 'like': {
      const value = ev(expr.arg);
      const pattern = ev(expr.pattern);
      if (value === null || value === undefined || pattern === null || pattern === undefined) return null;
      const escape = expr.escape ? ev(expr.escape) : undefined;
      if (typeof pattern !== 'string' || (escape !== undefined && typeof escape !== 'string')) throw selectError('LikeInvalidInputs');
      return likeRegex(pattern, escape as string | undefined).test(String(value)) !== expr.not;
    }
    case 'between': {
      const value = ev(expr.arg);
      const low = compare(value, ev(expr.low));
      const high = compare(value, ev(expr.high));
      if (low === undefined || high === undefined) return null;
      return (low >= 0 && high <= 0) !== expr.not;
    }
    case 'in': {
      const value = ev(expr.arg);
      if (value === null || value === undefined) return null;
      return expr.list.some((item) => compare(value, ev(item)) === 0) !== expr.not;
    }
    case 'is': {
      const value = ev(expr.arg);
      const holds =
        expr.what === 'NULL' ? value === null || value === undefined : expr.what === 'MISSING' ? value === undefined : value === (expr.what === 'TRUE');
      return holds !== expr.not;
    }
    case 'cast':
      return cast(ev(expr.arg), expr.type);
    case 'call':
      return call(expr.name, expr.args.map(ev), now);
    case 'case': {
      const operand = expr.operand ? ev(expr.operand) : undefined;
      for (const [when, then] of expr.whens) {
        const hit = expr.operand ? compare(operand, ev(when)) === 0 : truthy(ev(when));
        if (hit) return ev(then);
      }
      return expr.otherwise ? ev(expr.otherwise) : null;
    }
    case 'aggregate': {
      const state = aggregates?.get(expr);
      if (!state) return null;
      if (expr.name === 'COUNT') return state.count;
      if (state.count === 0) return null;
      return expr.name === 'AVG' ? (state.value as number) / state.count : state.value;
    }
  }
}

/** Every aggregate call in an expression. */
export function aggregateCalls(expr: Expr, into: Expr[] = []): Expr[] {
  if (expr.kind === 'aggregate') into.push(expr);
  for (const value of Object.values(expr)) {
    const children = Array.isArray(value) ? value.flat() : [value];
    for (const child of children) if (child && typeof child === 'object' && 'kind' in child) aggregateCalls(child as Expr, into);
  }
  return into;
}

/** Adds one record to the running value of each aggregate call (NULL and MISSING are skipped, as SQL does). */
export function accumulate(calls: Expr[], aggregates: Aggregates, record: SelectRecord, now: () => Date): void {
  for (const expr of calls) {
    if (expr.kind !== 'aggregate') continue;
    const state = aggregates.get(expr) ?? { count: 0, value: undefined };
    aggregates.set(expr, state);
    if (!expr.arg) {
      state.count++;
      continue;
    }
    const value = evaluate(expr.arg, record, now);
    if (value === null || value === undefined) continue;
    state.count++;
    if (expr.name === 'SUM' || expr.name === 'AVG') {
      const n = asNumber(value);
      if (n === undefined) throw selectError('InvalidDataType');
      state.value = ((state.value as number | undefined) ?? 0) + n;
    } else if (expr.name === 'MIN' || expr.name === 'MAX') {
      const order = state.value === undefined ? undefined : compare(value, state.value);
      if (state.value === undefined || (order !== undefined && (expr.name === 'MIN' ? order < 0 : order > 0))) state.value = asNumber(value) ?? value;
    }
  }
}
