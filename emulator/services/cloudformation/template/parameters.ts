import type { Properties } from '../provider.ts';
import type { Parameter } from '@aws-sdk/client-cloudformation';
import { validationError } from '../errors.ts';
import type { Template } from './parse.ts';

export interface ParameterInput {
  ParameterKey?: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean;
}

/** A parameter's value as the stack keeps it: the given text, and what `Ref` yields (lists split, SSM values looked up). */
export interface ParameterValue {
  key: string;
  text: string;
  value: unknown;
  noEcho: boolean;
  /** For `AWS::SSM::Parameter::Value<...>` types: the value read from Parameter Store. */
  resolved?: string;
}

const SSM_TYPE = /^AWS::SSM::Parameter::Value<(.+)>$/;

const KNOWN_TYPES = /^(String|Number|List<Number>|CommaDelimitedList|List<AWS::[A-Za-z0-9:]+>|AWS::[A-Za-z0-9:]+|AWS::SSM::Parameter::Value<.+>)$/;

function isListType(type: string): boolean {
  return type.startsWith('List<') || type === 'CommaDelimitedList' || /^AWS::SSM::Parameter::Value<(List<.+>|CommaDelimitedList)>$/.test(type);
}

function checkConstraints(key: string, declared: Properties, text: string): void {
  const fail = (what: string) => {
    throw validationError(declared.ConstraintDescription ? `Parameter '${key}' failed to satisfy constraint: ${declared.ConstraintDescription}` : what);
  };
  const type = String(declared.Type);
  const values = isListType(type) ? text.split(',').map((v) => v.trim()) : [text];
  for (const value of values) {
    if ((type === 'Number' || type === 'List<Number>') && (value === '' || Number.isNaN(Number(value)))) {
      throw validationError(`Parameter '${key}' must be a number.`);
    }
    if (declared.AllowedValues && !(declared.AllowedValues as unknown[]).map(String).includes(value)) fail(`Parameter '${key}' must be one of AllowedValues`);
    if (declared.AllowedPattern !== undefined && !new RegExp(`^(?:${String(declared.AllowedPattern)})$`).test(value)) fail(`Parameter '${key}' must match pattern ${String(declared.AllowedPattern)}`);
    if (declared.MinLength !== undefined && value.length < Number(declared.MinLength)) fail(`Parameter '${key}' must contain at least ${String(declared.MinLength)} characters`);
    if (declared.MaxLength !== undefined && value.length > Number(declared.MaxLength)) fail(`Parameter '${key}' must contain at most ${String(declared.MaxLength)} characters`);
    if (declared.MinValue !== undefined && Number(value) < Number(declared.MinValue)) fail(`Parameter '${key}' must be a number not less than ${String(declared.MinValue)}`);
    if (declared.MaxValue !== undefined && Number(value) > Number(declared.MaxValue)) fail(`Parameter '${key}' must be a number not greater than ${String(declared.MaxValue)}`);
  }
}

/**
 * The stack's parameter values from the template's declarations and the request, with AWS's errors for unknown and
 * missing parameters and broken constraints. `readSsm` looks up `AWS::SSM::Parameter::Value<...>` parameters (undefined: no such parameter).
 */
export async function bindParameters(
  template: Template,
  given: ParameterInput[] | undefined,
  previous: ParameterValue[] | undefined,
  readSsm: (name: string) => Promise<string | undefined>,
): Promise<ParameterValue[]> {
  const declarations = template.Parameters ?? {};
  const byKey = new Map<string, ParameterInput>();
  for (const p of given ?? []) byKey.set(p.ParameterKey ?? '', p);
  const unknown = [...byKey.keys()].filter((k) => !Object.hasOwn(declarations, k));
  if (unknown.length) throw validationError(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const missing: string[] = [];
  const out: ParameterValue[] = [];
  for (const [key, declared] of Object.entries(declarations)) {
    if (!declared || typeof declared !== 'object' || typeof declared.Type !== 'string' || !KNOWN_TYPES.test(declared.Type)) {
      throw validationError(`Template format error: Unrecognized parameter type: ${String(declared?.Type)}`);
    }
    const input = byKey.get(key);
    let text: string | undefined;
    if (input?.UsePreviousValue) {
      text = previous?.find((p) => p.key === key)?.text;
      if (text === undefined) throw validationError(`Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`);
    } else text = input?.ParameterValue ?? (declared.Default === undefined ? undefined : Array.isArray(declared.Default) ? declared.Default.join(',') : String(declared.Default));
    if (text === undefined) {
      missing.push(key);
      continue;
    }
    const type = declared.Type as string;
    const ssm = SSM_TYPE.exec(type);
    let resolved: string | undefined;
    if (ssm) {
      resolved = await readSsm(text);
      // AWS's words for a Parameter Store name that cannot be read (LocalStack's test_resolve_ssm_missing_parameter).
      if (resolved === undefined) throw validationError(`Parameter ${key} should either have input value or default value`);
    }
    else checkConstraints(key, declared, text);
    const effective = resolved ?? text;
    out.push({
      key,
      text,
      value: isListType(type) ? (effective === '' ? [] : effective.split(',').map((v) => v.trim())) : effective,
      noEcho: String(declared.NoEcho) === 'true',
      resolved,
    });
  }
  if (missing.length) throw validationError(`Parameters: [${missing.join(', ')}] must have values`);
  return out;
}

/** Parameters as DescribeStacks shows them: NoEcho values masked, SSM parameters with their resolved value. */
export function describeParameters(values: ParameterValue[]): Parameter[] {
  return values.map((p) => ({
    ParameterKey: p.key,
    ParameterValue: p.noEcho ? '****' : p.text,
    ...(p.resolved !== undefined ? { ResolvedValue: p.resolved } : {}),
  }));
}
