import { AwsError } from '../../../core/errors.ts';

/** An event filter pattern (the EventBridge pattern language Lambda's FilterCriteria use), parsed once. */
export type Pattern = Record<string, unknown>;

export function parsePatterns(filters: { Pattern?: string }[] | undefined): Pattern[] {
  return (filters ?? []).map((filter) => {
    let pattern: unknown;
    try {
      pattern = JSON.parse(filter.Pattern ?? '');
    } catch {
      pattern = undefined;
    }
    if (!wellFormed(pattern)) {
      throw new AwsError('InvalidParameterValueException', `Invalid filter pattern definition.`);
    }
    return pattern as Pattern;
  });
}

/** A pattern is an object whose leaves are non-empty lists of rules (`{"eventSource": "aws:sqs"}` and `{"eventSource": []}` are refused). */
function wellFormed(pattern: unknown): boolean {
  if (!pattern || typeof pattern !== 'object' || Array.isArray(pattern)) return false;
  return Object.values(pattern).every((rule) => (Array.isArray(rule) ? rule.length > 0 : wellFormed(rule)));
}

/** Whether a record passes the filters: no filters, or any one pattern matching (filters are ORed). */
export function passes(patterns: Pattern[], record: unknown): boolean {
  return patterns.length === 0 || patterns.some((p) => matchObject(p, record));
}

function matchObject(pattern: Pattern, value: unknown): boolean {
  for (const [key, rule] of Object.entries(pattern)) {
    const field = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(rule)) {
      if (!matchRules(rule, field)) return false;
    } else if (rule !== null && typeof rule === 'object') {
      if (!matchObject(rule as Pattern, field)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function matchRules(rules: unknown[], field: unknown): boolean {
  if (rules.some((r) => r !== null && typeof r === 'object' && Object.hasOwn(r, 'exists'))) {
    const wanted = (rules.find((r) => r !== null && typeof r === 'object' && Object.hasOwn(r, 'exists')) as { exists: boolean }).exists;
    // Exists matching works on leaf nodes only: an object there is no value (AWS-recorded test_dynamodb_event_filter
    // [exists_false_filter], where `{"presentKey": {"S": ...}}` passes `"presentKey": [{"exists": false}]`).
    const leaf = field !== undefined && (field === null || typeof field !== 'object' || Array.isArray(field));
    return leaf === wanted;
  }
  const values = Array.isArray(field) ? field : [field];
  return values.some((v) => v !== undefined && rules.some((rule) => matchRule(rule, v)));
}

function matchRule(rule: unknown, value: unknown): boolean {
  if (rule === null || typeof rule !== 'object') return rule === value;
  const r = rule as Record<string, unknown>;
  if ('prefix' in r) return typeof value === 'string' && typeof r.prefix === 'string' && value.startsWith(r.prefix);
  if ('suffix' in r) return typeof value === 'string' && typeof r.suffix === 'string' && value.endsWith(r.suffix);
  if ('equals-ignore-case' in r) return typeof value === 'string' && String(r['equals-ignore-case']).toLowerCase() === value.toLowerCase();
  if ('anything-but' in r) {
    const but = r['anything-but'];
    if (Array.isArray(but)) return !but.includes(value);
    if (but !== null && typeof but === 'object') return !matchRule(but, value);
    return but !== value;
  }
  if ('numeric' in r) return typeof value === 'number' && numeric(r.numeric as unknown[], value);
  return false;
}

function numeric(conditions: unknown[], value: number): boolean {
  for (let i = 0; i + 1 < conditions.length; i += 2) {
    const [op, bound] = [conditions[i], Number(conditions[i + 1])];
    const ok = op === '>' ? value > bound : op === '>=' ? value >= bound : op === '<' ? value < bound : op === '<=' ? value <= bound : op === '=' ? value === bound : false;
    if (!ok) return false;
  }
  return true;
}

/** The record as a pattern sees it: a JSON body (SQS `body`, Kinesis `data`) is matched as the document it holds. */
export function filterView(record: Record<string, unknown>, key: string, text: string | undefined): Record<string, unknown> {
  if (text === undefined) return record;
  try {
    const parsed = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') return { ...record, [key]: parsed };
  } catch {
    // not JSON: matched as the plain string
  }
  return { ...record, [key]: text };
}
