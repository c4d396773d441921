import { validationError } from '../errors.ts';

/** One transform as a template writes it: a name, or `{Name, Parameters}`. */
export interface TransformCall {
  name: string;
  parameters?: unknown;
}

/** The calls of a `Transform` section or an `Fn::Transform` (one, or a list), in order, with AWS's refusal of a name that is not a string. */
export function transformCalls(value: unknown): TransformCall[] {
  if (value === undefined || value === null) return [];
  return [value].flat().map((call) => {
    if (typeof call === 'string') return { name: call };
    const { Name, Parameters } = (call && typeof call === 'object' ? call : {}) as Record<string, unknown>;
    if (typeof Name !== 'string') throw validationError('Key Name of transform definition must be a string.');
    return { name: Name, ...(Parameters === undefined ? {} : { parameters: Parameters }) };
  });
}
