import { parseDuration } from '../core/clock.ts';

/** What a fault rule injects: exactly one of an AWS error, a dropped connection; latency may come with either or alone. */
export interface FaultRule {
  /** Assigned when the rule is added (or given); used to remove it. */
  id?: string;
  /** Which requests it applies to; each a name or a glob (`*`, `{a,b}`), case-sensitive; absent matches all. */
  service?: string;
  operation?: string;
  region?: string;
  account?: string;
  /** Matched against the request's resource names, ARNs and URLs (top-level members named *Name, *Arn, *Url, *Id, Bucket, Key). */
  resource?: string;
  /** An AWS error: its code, HTTP status (default: the model's, else by code) and message. */
  error?: { code: string; status?: number; message?: string };
  /** Added latency in ms: fixed, or uniform between min and max. */
  latency?: number | string | { min: number | string; max: number | string };
  /** End the connection instead of answering: a TCP reset, or no answer at all (the client times out). */
  connection?: 'reset' | 'timeout';
  /** Chance (0..1) that a matching request is hit; default 1. */
  probability?: number;
  /** At most this many hits, then the rule stays inert. */
  count?: number;
  /** Active window on the emulator clock: from `start` (ISO date or epoch ms; default when added) for `duration`, or until `end`. */
  start?: string | number;
  end?: string | number;
  duration?: string | number;
}

/** A validated rule with its compiled matchers and counters. */
export interface ActiveRule {
  rule: FaultRule & { id: string };
  matchers: { service?: RegExp; operation?: RegExp; region?: RegExp; account?: RegExp; resource?: RegExp };
  latency?: { min: number; max: number };
  startsAt: number;
  endsAt: number;
  hits: number;
  matched: number;
}

function glob(pattern: unknown, what: string): RegExp | undefined {
  if (pattern === undefined) return undefined;
  if (typeof pattern !== 'string' || !pattern) throw new RangeError(`fault rule: ${what} must be a non-empty string`);
  // `*` is any run of characters, `{a,b}` one of the alternatives; everything else is literal.
  let source = '';
  let inAlternatives = false;
  for (const char of pattern) {
    if (char === '*') source += '.*';
    else if (char === '{' && !inAlternatives) [source, inAlternatives] = [`${source}(?:`, true];
    else if (char === '}' && inAlternatives) [source, inAlternatives] = [`${source})`, false];
    else if (char === ',' && inAlternatives) source += '|';
    else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  if (inAlternatives) throw new RangeError(`fault rule: ${what} has an unclosed {`);
  return new RegExp(`^${source}$`);
}

function timeOf(value: string | number, what: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`fault rule: ${what} must be an ISO 8601 date or epoch milliseconds`);
  return ms;
}

function latencyOf(latency: FaultRule['latency']): ActiveRule['latency'] {
  if (latency === undefined) return undefined;
  if (typeof latency === 'object' && latency !== null) {
    const range = { min: parseDuration(latency.min), max: parseDuration(latency.max) };
    if (range.min > range.max) throw new RangeError('fault rule: latency.min must not exceed latency.max');
    return range;
  }
  const ms = parseDuration(latency);
  return { min: ms, max: ms };
}

const KNOWN = new Set(['id', 'service', 'operation', 'region', 'account', 'resource', 'error', 'latency', 'connection', 'probability', 'count', 'start', 'end', 'duration']);

/** Checks a rule from any source (env, file, HTTP) and compiles it; RangeError names what is wrong. */
export function compileRule(input: unknown, id: string, now: number): ActiveRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new RangeError('a fault rule must be a JSON object');
  const rule = input as FaultRule;
  const unknown = Object.keys(rule).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new RangeError(`fault rule: unknown field(s) ${unknown.join(', ')}`);
  if (rule.error !== undefined) {
    if (typeof rule.error !== 'object' || typeof rule.error.code !== 'string' || !rule.error.code) throw new RangeError('fault rule: error needs a code');
    if (rule.error.status !== undefined && !(Number.isInteger(rule.error.status) && rule.error.status >= 400 && rule.error.status <= 599)) {
      throw new RangeError('fault rule: error.status must be an HTTP error status (400-599)');
    }
  }
  if (rule.connection !== undefined && rule.connection !== 'reset' && rule.connection !== 'timeout') {
    throw new RangeError('fault rule: connection must be "reset" or "timeout"');
  }
  if (rule.error && rule.connection) throw new RangeError('fault rule: give an error or a connection fault, not both');
  if (!rule.error && !rule.connection && rule.latency === undefined) throw new RangeError('fault rule: give an error, a connection fault or a latency');
  if (rule.probability !== undefined && !(typeof rule.probability === 'number' && rule.probability >= 0 && rule.probability <= 1)) {
    throw new RangeError('fault rule: probability must be a number from 0 to 1');
  }
  if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count >= 0)) throw new RangeError('fault rule: count must be a whole number');
  if (rule.end !== undefined && rule.duration !== undefined) throw new RangeError('fault rule: give end or duration, not both');
  const startsAt = rule.start === undefined ? now : timeOf(rule.start, 'start');
  const endsAt = rule.end !== undefined ? timeOf(rule.end, 'end') : rule.duration !== undefined ? startsAt + parseDuration(rule.duration) : Number.POSITIVE_INFINITY;
  return {
    rule: { ...rule, id: rule.id ?? id },
    matchers: {
      service: glob(rule.service, 'service'),
      operation: glob(rule.operation, 'operation'),
      region: glob(rule.region, 'region'),
      account: glob(rule.account, 'account'),
      resource: glob(rule.resource, 'resource'),
    },
    latency: latencyOf(rule.latency),
    startsAt,
    endsAt,
    hits: 0,
    matched: 0,
  };
}

/** LocalStack's error probabilities (KINESIS_ERROR_PROBABILITY, DYNAMODB_*_ERROR_PROBABILITY) as rules. */
export function localStackRules(env: NodeJS.ProcessEnv): FaultRule[] {
  const throttled = (probability: string | undefined, service: string, operation: string, message: string): FaultRule[] => {
    const p = Number(probability);
    return probability && p > 0 ? [{ service, operation, probability: p, error: { code: 'ProvisionedThroughputExceededException', message } }] : [];
  };
  const dynamo = 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API';
  const reads = '{GetItem,Query,Scan,TransactGetItems,BatchGetItem}';
  const writes = '{PutItem,BatchWriteItem,UpdateItem,DeleteItem,TransactWriteItems}';
  return [
    ...throttled(env.KINESIS_ERROR_PROBABILITY, 'kinesis', '{PutRecord,PutRecords}', 'Rate exceeded for shard.'),
    ...throttled(env.DYNAMODB_READ_ERROR_PROBABILITY, 'dynamodb', reads, dynamo),
    ...throttled(env.DYNAMODB_WRITE_ERROR_PROBABILITY, 'dynamodb', writes, dynamo),
    ...throttled(env.DYNAMODB_ERROR_PROBABILITY, 'dynamodb', `${reads.slice(0, -1)},${writes.slice(1)}`, dynamo),
  ];
}
