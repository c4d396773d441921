import { parseExpression, QuerySyntaxError, type Expr, type Row } from './expression.ts';

/**
 * A Logs Insights query: `fields`, `display`, `filter`, `parse` (glob or /regex/ with named groups), `stats`
 * (count, count_distinct, sum, avg, min, max, by fields and `bin(period)`), `sort`, `limit` and `dedup`, piped.
 */
export interface Query {
  run(records: Row[]): { rows: Row[]; columns: string[] | undefined; aggregated: boolean };
}

type Step = (state: { rows: Row[]; columns: string[] | undefined; aggregated: boolean }) => void;

export { QuerySyntaxError };

export function parseQuery(text: string, defaultLimit: number): Query {
  const steps = splitPipes(text).map(parseCommand);
  return {
    run(records) {
      const state = { rows: records, columns: undefined as string[] | undefined, aggregated: false };
      for (const step of steps) step(state);
      if (!state.aggregated && !steps.some((s) => (s as { sorts?: boolean }).sorts)) {
        state.rows = [...state.rows].sort((a, b) => Number(b.get('@timestamp#ms')) - Number(a.get('@timestamp#ms')));
      }
      state.rows = state.rows.slice(0, (state as { limit?: number }).limit ?? defaultLimit);
      return state;
    },
  };
}

function splitPipes(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '/' || c === '`') quote = c;
    else if (c === '|') {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function splitCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

function parseCommand(command: string): Step {
  const [, name, rest = ''] = /^(\w+)\s*([\s\S]*)$/.exec(command) ?? [];
  switch (name?.toLowerCase()) {
    case 'fields':
    case 'display': {
      const items = splitCommas(rest).map((item) => {
        const m = /^(.+?)\s+as\s+([\w@.]+)$/i.exec(item);
        return m ? { expr: parseExpression(m[1]), name: m[2] } : { expr: parseExpression(item), name: item.replace(/^`|`$/g, '') };
      });
      return (state) => {
        for (const row of state.rows) for (const item of items) if (!row.has(item.name)) setIfDefined(row, item.name, item.expr(row));
        state.columns = items.map((i) => i.name);
      };
    }
    case 'filter': {
      const expr = parseExpression(rest);
      return (state) => {
        state.rows = state.rows.filter((row) => {
          const v = expr(row);
          return v !== undefined && v !== false && v !== null && v !== 0 && v !== '';
        });
      };
    }
    case 'parse':
      return parseStep(rest);
    case 'stats':
      return statsStep(rest);
    case 'sort': {
      const keys = splitCommas(rest).map((k) => {
        const [field, dir] = k.split(/\s+/);
        return { field, desc: dir?.toLowerCase() === 'desc' };
      });
      const step: Step = (state) => {
        state.rows = [...state.rows].sort((a, b) => {
          for (const { field, desc } of keys) {
            const [x, y] = [sortValue(a, field), sortValue(b, field)];
            if (x === y) continue;
            const order = x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1;
            return desc ? -order : order;
          }
          return 0;
        });
      };
      return Object.assign(step, { sorts: true });
    }
    case 'limit': {
      const n = Number(rest);
      if (!Number.isInteger(n) || n < 1) throw new QuerySyntaxError('limit needs a positive integer');
      return (state) => Object.assign(state, { limit: n });
    }
    case 'dedup': {
      const fields = splitCommas(rest);
      return (state) => {
        const seen = new Set<string>();
        state.rows = state.rows.filter((row) => {
          const key = JSON.stringify(fields.map((f) => row.get(f)));
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      };
    }
    default:
      throw new QuerySyntaxError(`unknown command ${name}`);
  }
}

function setIfDefined(row: Row, name: string, value: unknown): void {
  if (value !== undefined) row.set(name, value);
}

function sortValue(row: Row, field: string): string | number | undefined {
  const v = field === '@timestamp' ? row.get('@timestamp#ms') : row.get(field);
  return typeof v === 'number' || typeof v === 'string' ? v : v === undefined ? undefined : String(v);
}

function parseStep(rest: string): Step {
  const m = /^(?:([@\w.`-]+)\s+)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/(?:[^/\\]|\\.)*\/)(?:\s+as\s+(.+))?$/i.exec(rest.trim());
  if (!m) throw new QuerySyntaxError('parse needs a field, a pattern and names');
  const field = (m[1] ?? '@message').replace(/^`|`$/g, '');
  const pattern = m[2];
  let regex: RegExp;
  let names: string[];
  if (pattern.startsWith('/')) {
    regex = new RegExp(pattern.slice(1, -1));
    names = [...pattern.matchAll(/\(\?<(\w+)>/g)].map((g) => g[1]);
  } else {
    const glob = pattern.slice(1, -1);
    regex = new RegExp(glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('(.*?)') + (glob.endsWith('*') ? '$' : ''));
    names = (m[3] ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  }
  return (state) => {
    for (const row of state.rows) {
      const match = regex.exec(String(row.get(field) ?? ''));
      if (!match) continue;
      names.forEach((n, i) => setIfDefined(row, n, match.groups?.[n] ?? match[i + 1]));
    }
  };
}

const PERIODS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function statsStep(rest: string): Step {
  const [aggText, byText] = rest.split(/\s+by\s+/i);
  const aggs = splitCommas(aggText).map((item) => {
    const m = /^(\w+)\(\s*([^)]*)\)(?:\s+as\s+([\w@.]+))?$/i.exec(item);
    if (!m) throw new QuerySyntaxError(`cannot read aggregation ${item}`);
    const fn = m[1].toLowerCase();
    if (!['count', 'count_distinct', 'sum', 'avg', 'min', 'max'].includes(fn)) throw new QuerySyntaxError(`unknown function ${m[1]}`);
    const arg = m[2].trim();
    return { fn, expr: arg === '*' || arg === '' ? undefined : parseExpression(arg), name: m[3] ?? item.replace(/\s+as\s+.*$/i, '') };
  });
  const groups = (byText ? splitCommas(byText) : []).map((g) => {
    const bin = /^bin\(\s*(\d+)\s*(ms|s|m|h|d)\s*\)$/i.exec(g);
    if (bin) {
      const period = Number(bin[1]) * PERIODS[bin[2].toLowerCase()];
      return { name: g, expr: ((row: Row) => Math.floor(Number(row.get('@timestamp#ms')) / period) * period) as Expr, time: true };
    }
    return { name: g, expr: parseExpression(g), time: false };
  });
  return (state) => {
    const buckets = new Map<string, { keys: unknown[]; rows: Row[] }>();
    for (const row of state.rows) {
      const keys = groups.map((g) => g.expr(row));
      const id = JSON.stringify(keys);
      const bucket = buckets.get(id) ?? { keys, rows: [] };
      bucket.rows.push(row);
      buckets.set(id, bucket);
    }
    state.rows = [...buckets.values()].map(({ keys, rows }) => {
      const out: Row = new Map();
      groups.forEach((g, i) => setIfDefined(out, g.name, g.time ? formatTimestamp(Number(keys[i])) : keys[i]));
      if (groups.some((g) => g.time)) out.set('@timestamp#ms', Number(keys[groups.findIndex((g) => g.time)]));
      for (const agg of aggs) setIfDefined(out, agg.name, aggregate(agg.fn, agg.expr, rows));
      return out;
    });
    state.columns = [...groups.map((g) => g.name), ...aggs.map((a) => a.name)];
    state.aggregated = true;
  };
}

function aggregate(fn: string, expr: Expr | undefined, rows: Row[]): unknown {
  const values = expr ? rows.map(expr).filter((v) => v !== undefined) : rows;
  if (fn === 'count') return values.length;
  if (fn === 'count_distinct') return new Set(values.map((v) => JSON.stringify(v))).size;
  const numbers = values.map(Number).filter((n) => !Number.isNaN(n));
  if (!numbers.length) return undefined;
  if (fn === 'sum') return numbers.reduce((a, b) => a + b, 0);
  if (fn === 'avg') return numbers.reduce((a, b) => a + b, 0) / numbers.length;
  return fn === 'min' ? Math.min(...numbers) : Math.max(...numbers);
}

/** Insights shows times as `2024-01-02 03:04:05.678`. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}
