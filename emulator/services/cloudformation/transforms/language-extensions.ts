import { validationError } from '../errors.ts';
import type { Template } from '../template/parse.ts';

export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';

const FOR_EACH = 'Fn::ForEach::';

type Bindings = ReadonlyMap<string, string>;

/** A loop's collection: a list (its members, references to parameters resolved) or a reference to a list parameter. */
function collectionOf(collection: unknown, values: Record<string, unknown>, bindings: Bindings, loop: string): string[] {
  const resolved = bound(collection, values, bindings);
  const list = typeof resolved === 'string' ? resolved.split(',') : resolved;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw validationError(`Template format error: ${loop} collection must be a list of strings or a reference to a list parameter.`);
  }
  return list;
}

/** A value with references to loop identifiers and template parameters replaced by what they stand for. */
function bound(node: unknown, values: Record<string, unknown>, bindings: Bindings): unknown {
  if (Array.isArray(node)) return node.map((item) => bound(item, values, bindings));
  const ref = node && typeof node === 'object' ? (node as Record<string, unknown>).Ref : undefined;
  if (typeof ref === 'string' && Object.keys(node as object).length === 1) {
    if (bindings.has(ref)) return bindings.get(ref);
    if (Object.hasOwn(values, ref)) return values[ref];
  }
  return node;
}

/** `${id}` and `&{id}` (the value's alphanumerics only) of the loops around a key or Fn::Sub string. */
function substituted(text: string, bindings: Bindings): string {
  let out = text;
  for (const [id, value] of bindings) out = out.replaceAll(`\${${id}}`, value).replaceAll(`&{${id}}`, value.replace(/[^A-Za-z0-9]/g, ''));
  return out;
}

/** Fn::ForEach loops expanded: each member of the loop's template repeated per collection value, identifiers replaced. */
function expandLoops(node: unknown, values: Record<string, unknown>, bindings: Bindings): unknown {
  if (Array.isArray(node)) return node.map((item) => expandLoops(item, values, bindings));
  if (!node || typeof node !== 'object') return node;
  const object = node as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof object.Ref === 'string' && bindings.has(object.Ref)) return bindings.get(object.Ref);
  if (keys.length === 1 && keys[0] === 'Fn::Sub' && bindings.size) {
    const sub = object['Fn::Sub'];
    if (typeof sub === 'string') return { 'Fn::Sub': substituted(sub, bindings) };
    if (Array.isArray(sub) && typeof sub[0] === 'string') return { 'Fn::Sub': [substituted(sub[0], bindings), expandLoops(sub[1], values, bindings)] };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (!key.startsWith(FOR_EACH)) {
      out[key] = expandLoops(value, values, bindings);
      continue;
    }
    const [id, collection, body] = Array.isArray(value) ? value : [];
    if (typeof id !== 'string' || !body || typeof body !== 'object' || Array.isArray(body)) {
      throw validationError(`Template format error: ${key} must be a list of an identifier, a collection and an output template.`);
    }
    for (const item of collectionOf(collection, values, bindings, key)) {
      const inner = new Map(bindings).set(id, item);
      // Loops nested beside the output templates are expanded with this one's identifier bound too.
      for (const [outputKey, template] of Object.entries(expandLoops(body, values, inner) as object)) out[substituted(outputKey, inner)] = template;
    }
  }
  return out;
}

const isLiteral = (node: unknown): boolean =>
  Array.isArray(node) ? node.every(isLiteral) : !node || typeof node !== 'object' || Object.entries(node).every(([key, value]) => key !== 'Ref' && !key.startsWith('Fn::') && isLiteral(value));

/** The extensions' functions (and joins) whose arguments are known before deployment, replaced by their result. */
function evaluated(node: unknown, values: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((item) => evaluated(item, values));
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([key, value]) => [key, evaluated(value, values)] as const);
  if (entries.length === 1) {
    const [name, args] = entries[0];
    const known = bound(args, values, new Map());
    if (name === 'Fn::Length' && (Array.isArray(known) || typeof known === 'string')) return Array.isArray(known) ? known.length : known.split(',').length;
    if (name === 'Fn::ToJsonString' && isLiteral(args)) return JSON.stringify(args);
    if (name === 'Fn::Sub' && typeof args === 'string' && !args.includes('${')) return args;
    if (name === 'Fn::Join' && Array.isArray(args) && typeof args[0] === 'string' && Array.isArray(args[1]) && args[1].every((item) => typeof item === 'string')) return args[1].join(args[0]);
  }
  return Object.fromEntries(entries);
}

/**
 * AWS::LanguageExtensions as CloudFormation processes it: Fn::ForEach loops expanded (in Conditions, Resources,
 * Outputs and the members nested in them), then Fn::Length, Fn::ToJsonString and Fn::Join of values known before
 * deployment (literals and parameter values) replaced by their result (and Fn::Sub strings left with no variables). What needs deployed resources stays for the
 * engine, which evaluates these functions too.
 */
export function languageExtensions(template: Template, parameterValues: Record<string, unknown>): Template {
  const out: Template = { ...template };
  for (const section of ['Conditions', 'Resources', 'Outputs'] as const) {
    if (out[section] !== undefined) (out as Record<string, unknown>)[section] = evaluated(expandLoops(out[section], parameterValues, new Map()), parameterValues);
  }
  return out;
}
