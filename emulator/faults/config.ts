import { readFileSync } from 'node:fs';
import { localStackRules, type FaultRule } from './rules.ts';

/**
 * Rules from the environment: TWINSTACK_FAULTS (a JSON array of rules, or the path of a JSON file holding one) and
 * LocalStack's KINESIS_ERROR_PROBABILITY, DYNAMODB_ERROR_PROBABILITY, DYNAMODB_READ/WRITE_ERROR_PROBABILITY.
 */
export function faultRulesFromEnv(env: NodeJS.ProcessEnv = process.env): unknown[] {
  return [...(env.TWINSTACK_FAULTS ? readFaultRules(env.TWINSTACK_FAULTS, 'TWINSTACK_FAULTS') : []), ...localStackRules(env)];
}

/** A JSON array of rules given inline (`[...]`) or as a file path. */
export function readFaultRules(value: string, source: string): FaultRule[] {
  const inline = value.trim().startsWith('[') || value.trim().startsWith('{');
  let text = value;
  if (!inline) {
    try {
      text = readFileSync(value, 'utf8');
    } catch (error) {
      throw new RangeError(`${source}: cannot read fault rules file ${value}: ${(error as Error).message}`);
    }
  }
  let rules: unknown;
  try {
    rules = JSON.parse(text);
  } catch (error) {
    throw new RangeError(`${source}: fault rules are not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(rules) ? rules : [rules];
  return list as FaultRule[];
}

/** TWINSTACK_FAULT_SEED, when set. */
export function faultSeedFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (!env.TWINSTACK_FAULT_SEED) return undefined;
  const seed = Number(env.TWINSTACK_FAULT_SEED);
  if (!Number.isInteger(seed)) throw new RangeError(`TWINSTACK_FAULT_SEED must be an integer, not ${env.TWINSTACK_FAULT_SEED}`);
  return seed;
}
