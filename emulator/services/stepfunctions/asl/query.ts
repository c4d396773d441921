import { createHash, randomUUID } from 'node:crypto';
import jsonata from 'jsonata';
import { statesQueryEvaluation, statesRuntime } from './errors.ts';
import { evaluateIntrinsic, isIntrinsic } from './intrinsics.ts';
import { select, type PathRoots } from './jsonpath.ts';

/**
 * The two query languages: JSONPath payload templates (`"key.$": "$.path"` / intrinsic functions) and JSONata
 * (`"{% expression %}"` anywhere in Arguments, Output, Assign...), with `$states` and the execution's variables bound.
 */
export type Json = unknown;

/** What a JSONata expression sees as `$states`. */
export interface StatesBinding {
  input: Json;
  context: Json;
  result?: Json;
  errorOutput?: Json;
}

/** Evaluates a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign in JSONPath mode). */
export function evaluateTemplate(template: Json, roots: PathRoots, input: Json = roots.input): Json {
  if (Array.isArray(template)) return template.map((item) => evaluateTemplate(item, roots, input));
  if (typeof template !== 'object' || template === null) return template;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') out[key.slice(0, -2)] = evaluateReference(value, key, roots, input);
    else out[key] = evaluateTemplate(value, roots, input);
  }
  return out;
}

function evaluateReference(expression: string, field: string, roots: PathRoots, input: Json): Json {
  if (isIntrinsic(expression)) return evaluateIntrinsic(expression, roots);
  const { found, value } = select(expression, roots);
  if (!found) {
    // AWS names the state's input even when the path reads the context object (`$$.Execution.Input.x`).
    throw statesRuntime(`The JSONPath '${expression}' specified for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`);
  }
  return value;
}

const JSONATA = /^\{%(.*)%\}$/s;

export function isJsonata(value: unknown): value is string {
  return typeof value === 'string' && JSONATA.test(value);
}

const compiled = new Map<string, jsonata.Expression>();

function compile(expression: string): jsonata.Expression {
  let expr = compiled.get(expression);
  if (!expr) {
    expr = jsonata(expression);
    registerStepFunctionsFunctions(expr);
    if (compiled.size > 5_000) compiled.clear();
    compiled.set(expression, expr);
  }
  return expr;
}

/** The functions Step Functions adds to JSONata. */
function registerStepFunctionsFunctions(expr: jsonata.Expression): void {
  expr.registerFunction('partition', (array: unknown[], size: number) => {
    const out: unknown[][] = [];
    for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
    return out;
  });
  expr.registerFunction('range', (start: number, end: number, by: number) => {
    // A JSONata sequence: a single number comes out as that number, as AWS's $range gives it.
    const out = Object.assign([] as number[], { sequence: true });
    for (let i = start; by > 0 ? i <= end : i >= end; i += by) out.push(i);
    return out;
  });
  expr.registerFunction('hash', (data: unknown, algorithm: string) => {
    const names: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
    if (!Object.hasOwn(names, algorithm)) throw new Error(`The hash algorithm '${algorithm}' is not supported`);
    return createHash(names[algorithm]).update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex');
  });
  expr.registerFunction('random', (seed?: number) => {
    if (seed === undefined) return Math.random();
    const x = Math.sin(seed) * 10000;
    return x - Math.floor(x);
  });
  expr.registerFunction('uuid', () => randomUUID());
  expr.registerFunction('parse', (text: string) => JSON.parse(text));
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** One `{% %}` string evaluated; `field` names it in errors as AWS does (`Output/result`, `Arguments`, `Items`). */
export async function evaluateJsonataString(text: string, field: string, states: StatesBinding, variables: ReadonlyMap<string, unknown>): Promise<Json> {
  const expression = JSONATA.exec(text)![1].trim();
  let result: unknown;
  try {
    const bindings: Record<string, unknown> = Object.fromEntries(variables);
    bindings.states = states;
    result = await compile(expression).evaluate(undefined, bindings);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    throw statesQueryEvaluation(
      `The JSONata expression '${expression}' specified for the field '${field}' threw an error during evaluation. ${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`,
      field,
    );
  }
  if (result === undefined) throw statesQueryEvaluation(`The JSONata expression '${expression}' specified for the field '${field}' returned nothing (undefined).`, field);
  if (typeof result === 'function') throw statesQueryEvaluation(`The JSONata expression '${expression}' specified for the field '${field}' returned an unsupported result type.`, field);
  return plain(result);
}

/** JSONata sequences are arrays with extra flags; results are stored as plain JSON. */
function plain(value: unknown): Json {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** A JSONata template: `{% %}` strings anywhere inside objects and arrays are evaluated, the rest is kept. */
export async function evaluateJsonataTemplate(
  template: Json,
  field: string,
  states: StatesBinding,
  variables: ReadonlyMap<string, unknown>,
): Promise<Json> {
  if (isJsonata(template)) return evaluateJsonataString(template, field, states, variables);
  if (Array.isArray(template)) return Promise.all(template.map((item, i) => evaluateJsonataTemplate(item, `${field}[${i}]`, states, variables)));
  if (typeof template !== 'object' || template === null) return template;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(template)) out[key] = await evaluateJsonataTemplate(value, `${field}/${key}`, states, variables);
  return out;
}

/** A value AWS expects of a given type from a JSONata field (Items: array, TimeoutSeconds: integer...). */
export function expectType(value: Json, expected: 'array' | 'number' | 'string' | 'object', expression: string, field: string): void {
  const actual = typeName(value);
  if (actual !== expected)
    throw statesQueryEvaluation(
      `The JSONata expression '${expression}' specified for the field '${field}' returned an unexpected result type. Expected '${expected}', but was '${actual}' for value: ${JSON.stringify(value)}`,
      field,
    );
}
