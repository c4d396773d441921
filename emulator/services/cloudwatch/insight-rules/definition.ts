import { invalidValue } from '../errors.ts';

/**
 * A Contributor Insights rule over CloudWatch Logs, as the CloudWatch User Guide's "Contributor Insights rule syntax"
 * describes it: the log groups it reads, how a log event splits into fields (JSON paths, or CLF positions named by
 * Fields), the contributor keys, the filters every counted event passes, and whether contributors are ranked by their
 * event count or by the sum of ValueOf.
 */
export interface RuleDefinition {
  logGroupNames: string[];
  logGroupArns: string[];
  format: 'JSON' | 'CLF';
  fields: Record<string, string>;
  keys: string[];
  valueOf?: string;
  filters: Filter[];
  aggregateOn: 'Count' | 'Sum';
}

interface Filter {
  Match: string;
  In?: unknown[];
  NotIn?: unknown[];
  StartsWith?: string[];
  GreaterThan?: number;
  LessThan?: number;
  EqualTo?: number;
  NotEqualTo?: number;
  IsPresent?: boolean;
}

/** The guide's limits: at most 4 keys and 4 filters. */
const MAX_KEYS = 4;
const MAX_FILTERS = 4;
const CONDITIONS = ['In', 'NotIn', 'StartsWith', 'GreaterThan', 'LessThan', 'EqualTo', 'NotEqualTo', 'IsPresent'];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parses and checks a rule definition; a definition CloudWatch would refuse is an InvalidParameterValueException. */
export function parseDefinition(text: string): RuleDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalidValue('The rule definition is not valid JSON.');
  }
  const bad = (what: string) => invalidValue(`Invalid rule definition: ${what}`);
  if (!isObject(raw)) throw bad('the definition must be a JSON object.');
  const schema = raw.Schema;
  if (!isObject(schema) || schema.Name !== 'CloudWatchLogRule' || schema.Version !== 1) throw bad('Schema must be {"Name": "CloudWatchLogRule", "Version": 1}.');
  const names = raw.LogGroupNames ?? [];
  const arns = raw.LogGroupARNs ?? [];
  if (!strings(names) || !strings(arns)) throw bad('LogGroupNames and LogGroupARNs must be arrays of strings.');
  if (!names.length === !arns.length) throw bad('exactly one of LogGroupNames and LogGroupARNs must be given.');
  if (raw.LogFormat !== 'JSON' && raw.LogFormat !== 'CLF') throw bad('LogFormat must be JSON or CLF.');
  const fields = raw.Fields ?? {};
  if (!isObject(fields) || !Object.values(fields).every((v) => typeof v === 'string')) throw bad('Fields must map positions to names.');
  const contribution = raw.Contribution;
  if (!isObject(contribution)) throw bad('Contribution is required.');
  const keys = contribution.Keys;
  if (!strings(keys) || keys.length < 1 || keys.length > MAX_KEYS) throw bad(`Contribution.Keys must hold 1 to ${MAX_KEYS} keys.`);
  const filters = contribution.Filters ?? [];
  if (!Array.isArray(filters) || filters.length > MAX_FILTERS) throw bad(`Contribution.Filters may hold at most ${MAX_FILTERS} filters.`);
  for (const filter of filters) {
    if (!isObject(filter) || typeof filter.Match !== 'string') throw bad('every filter needs a Match field.');
    if (!Object.keys(filter).some((k) => CONDITIONS.includes(k))) throw bad(`a filter needs one of ${CONDITIONS.join(', ')}.`);
  }
  if (raw.AggregateOn !== 'Count' && raw.AggregateOn !== 'Sum') throw bad('AggregateOn must be Count or Sum.');
  const valueOf = contribution.ValueOf;
  if (valueOf !== undefined && typeof valueOf !== 'string') throw bad('Contribution.ValueOf must be a field name.');
  if (raw.AggregateOn === 'Sum' && valueOf === undefined) throw bad('AggregateOn Sum needs Contribution.ValueOf.');
  return {
    logGroupNames: names,
    logGroupArns: arns,
    format: raw.LogFormat,
    fields: fields as Record<string, string>,
    keys,
    valueOf,
    filters: filters as Filter[],
    aggregateOn: raw.AggregateOn,
  };
}

/** Splits a CLF line into fields: spaces separate them, "quoted" and [bracketed] fields keep their spaces. */
function clfFields(message: string): string[] {
  const out: string[] = [];
  const pattern = /"([^"]*)"|\[([^\]]*)\]|(\S+)/g;
  for (let match = pattern.exec(message); match; match = pattern.exec(message)) out.push(match[1] ?? match[2] ?? match[3]);
  return out;
}

/** A `$.a.b[0]` path into a parsed JSON log event. */
function jsonPath(event: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let value = event;
  for (const step of steps) {
    if (value === null || typeof value !== 'object') return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step;
    value = Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return value;
}

/** The fields of one log event the rule reads, by name; undefined when the event is not in the rule's format. */
export function eventFields(rule: RuleDefinition, message: string): ((name: string) => unknown) | undefined {
  if (rule.format === 'JSON') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return undefined;
    }
    return (name) => jsonPath(parsed, name);
  }
  const values = clfFields(message);
  const byName = new Map(Object.entries(rule.fields).map(([position, name]) => [name, values[Number(position) - 1]]));
  return (name) => byName.get(name);
}

const numberOf = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

/** Whether a log event passes every filter of the rule (filters are ANDed). */
export function passes(rule: RuleDefinition, field: (name: string) => unknown): boolean {
  return rule.filters.every((filter) => {
    const value = field(filter.Match);
    const present = value !== undefined && value !== null;
    if (filter.IsPresent !== undefined && present !== filter.IsPresent) return false;
    if (!present) return filter.IsPresent === false;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    const n = numberOf(value);
    if (filter.In && !filter.In.some((x) => String(x) === text)) return false;
    if (filter.NotIn && filter.NotIn.some((x) => String(x) === text)) return false;
    if (filter.StartsWith && !filter.StartsWith.some((prefix) => text.startsWith(prefix))) return false;
    if (filter.GreaterThan !== undefined && !(n > filter.GreaterThan)) return false;
    if (filter.LessThan !== undefined && !(n < filter.LessThan)) return false;
    if (filter.EqualTo !== undefined && n !== filter.EqualTo) return false;
    if (filter.NotEqualTo !== undefined && n === filter.NotEqualTo) return false;
    return true;
  });
}
