import type { QueryLanguage, StateDef } from '../asl/definition.ts';
import { statesRuntime } from '../asl/errors.ts';
import { select, selectOrThrow } from '../asl/jsonpath.ts';
import { evaluateJsonataTemplate, evaluateTemplate, isJsonata, type Json } from '../asl/query.ts';
import { rootsOf, type Variables } from './env.ts';

/**
 * A state's input and output processing, in both query languages: InputPath, Parameters, ResultSelector,
 * ResultPath, OutputPath (JSONPath) or Arguments and Output (JSONata), and Assign.
 */
export class StateIO {
  constructor(
    readonly def: StateDef,
    readonly language: QueryLanguage,
    readonly raw: Json,
    readonly context: Record<string, unknown>,
    readonly vars: Variables,
    /** TestState's inspection data: each processing step's result, by InspectionData member name. */
    private readonly inspect?: (step: string, value: Json) => void,
  ) {}

  get jsonata(): boolean {
    return this.language === 'JSONata';
  }

  states(extra: Record<string, unknown> = {}) {
    return { input: this.raw, context: this.context, ...extra };
  }

  /** A JSONata field, or a literal value, evaluated against `$states` (field names as AWS quotes them in errors). */
  async value(template: Json, field: string, extra: Record<string, unknown> = {}): Promise<Json> {
    return evaluateJsonataTemplate(template, field, this.states(extra), this.vars.all());
  }

  /** InputPath applied to the raw input (JSONPath only; TestState reports it). */
  afterInputPath(): Json {
    if (this.jsonata) return this.raw;
    const value = this.def.InputPath === undefined ? this.raw : this.def.InputPath === null ? {} : selectOrThrow(this.def.InputPath, rootsOf(this.raw, this.context, this.vars));
    this.inspect?.('afterInputPath', value);
    return value;
  }

  /** The state's effective input: InputPath then Parameters (JSONPath), or Arguments (JSONata). */
  async effectiveInput(parametersField: 'Parameters' | 'ItemSelector' = 'Parameters'): Promise<Json> {
    if (this.jsonata) {
      const args = this.def.Arguments === undefined ? this.raw : await this.value(this.def.Arguments, 'Arguments');
      this.inspect?.('afterArguments', args);
      return args;
    }
    const input = this.afterInputPath();
    const template = this.def[parametersField];
    const effective = template === undefined ? input : evaluateTemplate(template, rootsOf(input, this.context, this.vars), input);
    this.inspect?.('afterParameters', effective);
    return effective;
  }

  /**
   * The state's output from its result, and the variables it assigns: ResultSelector, ResultPath, OutputPath and
   * Assign (JSONPath), or Output and Assign (JSONata). `errorOutput` is set when a Catch handles an error.
   */
  async output(result: Json, options: { selector?: boolean; errorOutput?: Json; catcher?: { ResultPath?: string | null; Output?: Json; Assign?: Record<string, Json> } } = {}): Promise<{ output: Json; assigned?: Record<string, Json> }> {
    const source = options.catcher ?? this.def;
    // A Pass state has a result only when it states one; a Map's, Parallel's or Choice's is not reported (AWS's TestState).
    // A caught error is no result either.
    const reported = options.errorOutput === undefined && (this.def.Type === 'Pass' ? this.def.Result !== undefined : !['Map', 'Parallel', 'Choice'].includes(this.def.Type));
    if (this.jsonata) {
      if (reported) this.inspect?.('result', result);
      const extra = options.errorOutput === undefined ? { result } : { errorOutput: options.errorOutput };
      const assigned = source.Assign === undefined ? undefined : ((await this.value(source.Assign, 'Assign', extra)) as Record<string, Json>);
      const output = source.Output === undefined ? (options.errorOutput ?? result) : await this.value(source.Output, 'Output', extra);
      return { output, assigned };
    }
    if (reported) this.inspect?.('result', result);
    let selected = result;
    if (options.selector && this.def.ResultSelector !== undefined) selected = evaluateTemplate(this.def.ResultSelector, rootsOf(result, this.context, this.vars), result);
    this.inspect?.('afterResultSelector', selected);
    const assigned = source.Assign === undefined ? undefined : (evaluateTemplate(source.Assign, rootsOf(selected, this.context, this.vars), selected) as Record<string, Json>);
    const afterResultPath = applyResultPath(this.raw, source.ResultPath, selected);
    this.inspect?.('afterResultPath', afterResultPath);
    if (options.catcher) return { output: afterResultPath, assigned };
    return { output: this.applyOutputPath(afterResultPath), assigned };
  }

  applyOutputPath(value: Json): Json {
    if (this.def.OutputPath === undefined) return value;
    if (this.def.OutputPath === null) return {};
    return selectOrThrow(this.def.OutputPath, rootsOf(value, this.context, this.vars));
  }
}

/** ResultPath: where the result goes in the raw input (`$` replaces it, `null` discards the result). */
export function applyResultPath(raw: Json, resultPath: string | null | undefined, result: Json): Json {
  if (resultPath === undefined || resultPath === '$') return result;
  if (resultPath === null) return raw;
  if (!resultPath.startsWith('$.') && !resultPath.startsWith('$[')) throw statesRuntime(`Invalid ResultPath '${resultPath}'`);
  const keys = resultKeys(resultPath);
  const root: Json = structuredClone(typeof raw === 'object' && raw !== null ? raw : {});
  let node = root as Record<string, Json>;
  for (const [i, key] of keys.entries()) {
    if (i === keys.length - 1) {
      node[key] = result;
      break;
    }
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, Json>;
  }
  return root;
}

function resultKeys(path: string): string[] {
  const keys: string[] = [];
  const re = /\.([^.[\]]+)|\[['"]([^'"]*)['"]\]|\[(\d+)\]/g;
  let match: RegExpExecArray | null;
  let consumed = 1;
  while ((match = re.exec(path))) {
    if (match.index !== consumed) throw statesRuntime(`Invalid ResultPath '${path}'`);
    keys.push(match[1] ?? match[2] ?? match[3]);
    consumed = match.index + match[0].length;
  }
  if (consumed !== path.length) throw statesRuntime(`Invalid ResultPath '${path}'`);
  return keys;
}

/** A JSONPath reference field (`SecondsPath`, `ErrorPath`...) resolved, with AWS's wording when it misses. */
export function referenced(path: string, io: StateIO, input: Json, describe: (path: string) => string): Json {
  const { found, value } = select(path, rootsOf(input, io.context, io.vars));
  if (!found) throw statesRuntime(describe(path));
  return value;
}

export { isJsonata };
