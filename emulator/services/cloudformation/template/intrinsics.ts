import { templateError, validationError } from '../errors.ts';
import type { Template } from './parse.ts';

/** `Ref: AWS::NoValue`: the property (or list item) is left out. */
export const NO_VALUE = Symbol('AWS::NoValue');

/** What a resource offers to `Ref` and `Fn::GetAtt` once it exists. */
export interface ResolvedResource {
  ref: string;
  attributes: Record<string, unknown>;
}

export interface Scope {
  readonly template: Template;
  /** Parameter values (List types as arrays) and pseudo parameters. */
  readonly parameters: ReadonlyMap<string, unknown>;
  condition(name: string): boolean;
  /** A resource that exists, or undefined when it does not (yet). */
  resource(logicalId: string): ResolvedResource | undefined;
  /** The value an export of another stack holds (`Fn::ImportValue`). */
  importValue(name: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each function checks its own arguments
type Fn = (args: any, scope: Scope) => unknown;

function asString(value: unknown, fn: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw templateError(`Template error: every ${fn} object requires a string value`);
}

function asList(value: unknown, fn: string): unknown[] {
  if (!Array.isArray(value)) throw templateError(`Template error: ${fn} requires a list argument`);
  return value;
}

function ref(name: unknown, scope: Scope): unknown {
  if (typeof name !== 'string') throw templateError('Template format error: Every Ref object must have a single String value.');
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (scope.parameters.has(name)) {
    // A parameter holding the text AWS::NoValue (as a default) leaves the property out, as on AWS (LocalStack's
    // AWS-validated logs_group.yml test makes a log group with a generated name this way).
    const value = scope.parameters.get(name);
    return value === 'AWS::NoValue' ? NO_VALUE : value;
  }
  const resource = scope.resource(name);
  if (resource) return resource.ref;
  if (scope.template.Resources && Object.hasOwn(scope.template.Resources, name)) {
    throw validationError(`Template error: resource ${name} is not available yet`);
  }
  throw templateError(`Template format error: Unresolved resource dependencies [${name}] in the Resources block of the template`);
}

/** `[logicalId, attribute]` from `Fn::GetAtt`'s list or `a.b` string form. */
export function getAttTarget(args: unknown, scope?: Scope): [string, string] {
  if (typeof args === 'string') {
    const dot = args.indexOf('.');
    if (dot > 0) return [args.slice(0, dot), args.slice(dot + 1)];
  }
  if (Array.isArray(args) && args.length === 2 && typeof args[0] === 'string') {
    const attribute = scope ? resolve(args[1], scope) : args[1];
    if (typeof attribute === 'string') return [args[0], attribute];
    if (!scope) return [args[0], ''];
  }
  throw templateError('Template error: every Fn::GetAtt object requires two non-empty parameters, the resource name and the resource attribute');
}

function getAtt(args: unknown, scope: Scope): unknown {
  const [logicalId, attribute] = getAttTarget(args, scope);
  const resource = scope.resource(logicalId);
  if (!resource) {
    if (scope.template.Resources && Object.hasOwn(scope.template.Resources, logicalId)) throw validationError(`Template error: resource ${logicalId} is not available yet`);
    throw templateError(`Template error: instance of Fn::GetAtt references undefined resource ${logicalId}`);
  }
  if (!Object.hasOwn(resource.attributes, attribute)) {
    throw templateError(`Template error: resource ${logicalId} does not support attribute type ${attribute} in Fn::GetAtt`);
  }
  return resource.attributes[attribute];
}

/** The `${...}` placeholders of a Fn::Sub string (`${!x}` is a literal). */
export function subPlaceholders(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => m[1].trim());
}

function sub(args: unknown, scope: Scope): string {
  let text: unknown = args;
  let variables: Record<string, unknown> = {};
  if (Array.isArray(args)) {
    if (args.length !== 2 || typeof args[1] !== 'object' || args[1] === null) throw templateError('Template error: One or more Fn::Sub intrinsic functions don\'t specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string');
    [text, variables] = [args[0], args[1] as Record<string, unknown>];
  }
  if (typeof text !== 'string') throw templateError('Template error: One or more Fn::Sub intrinsic functions don\'t specify expected arguments. Specify a string as first argument, and an optional second argument to specify a mapping of values to replace in the string');
  return text.replace(/\$\{([^}]*)\}/g, (_match, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    let value: unknown;
    if (Object.hasOwn(variables, name)) value = resolve(variables[name], scope);
    else if (name.includes('.') && !scope.parameters.has(name)) value = getAtt(name, scope);
    else value = ref(name, scope);
    if (Array.isArray(value)) value = value.join(',');
    return asString(value, 'Fn::Sub');
  });
}

function findInMap(args: unknown, scope: Scope): unknown {
  const list = asList(args, 'Fn::FindInMap');
  const [mapName, top, second] = list.slice(0, 3).map((a) => resolve(a, scope));
  const fallback = list[3] as { DefaultValue?: unknown } | undefined;
  const mapping = scope.template.Mappings?.[String(mapName)];
  if (!mapping) throw templateError(`Template error: Unable to get mapping for ${String(mapName)}::${String(top)}::${String(second)}`);
  const found = Object.hasOwn(mapping, String(top)) && Object.hasOwn(mapping[String(top)], String(second)) ? mapping[String(top)][String(second)] : undefined;
  if (found !== undefined) return found;
  if (fallback && Object.hasOwn(fallback, 'DefaultValue')) return resolve(fallback.DefaultValue, scope);
  throw templateError(`Template error: Unable to get mapping for ${String(mapName)}::${String(top)}::${String(second)}`);
}

function cidr(args: unknown, scope: Scope): string[] {
  const [block, count, bits] = asList(args, 'Fn::Cidr').map((a) => resolve(a, scope));
  const [address, prefix] = String(block).split('/');
  const base = address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** Number(bits);
  const newPrefix = 32 - Number(bits);
  if (newPrefix < Number(prefix)) throw templateError('Template error: Fn::Cidr cidrBits is too large for the address block');
  const out: string[] = [];
  for (let i = 0; i < Number(count); i++) {
    const n = base + i * size;
    out.push(`${[24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')}/${newPrefix}`);
  }
  return out;
}

function condition(value: unknown, scope: Scope): boolean {
  const result = resolve(value, scope);
  if (typeof result === 'boolean') return result;
  if (result === 'true' || result === 'false') return result === 'true';
  throw templateError('Template format error: Conditions can only be boolean operations on parameters and other conditions');
}

/** The condition an `Fn::If` names, which the Conditions section must declare. */
export function ifCondition(name: unknown, scope: Pick<Scope, 'template' | 'condition'>): boolean {
  if (typeof name !== 'string' || !Object.hasOwn(scope.template.Conditions ?? {}, name)) throw templateError(`Template error: unresolved condition dependency ${String(name)} in Fn::If`);
  return scope.condition(name);
}

function equalValues(a: unknown, b: unknown): boolean {
  return JSON.stringify(typeof a === 'number' ? String(a) : a) === JSON.stringify(typeof b === 'number' ? String(b) : b);
}

const FUNCTIONS = new Map<string, Fn>([
  ['Ref', ref],
  ['Fn::GetAtt', getAtt],
  ['Fn::Sub', sub],
  ['Fn::Join', (args, scope) => {
    const [delimiter, list] = asList(args, 'Fn::Join');
    const items = resolve(list, scope);
    return asList(items, 'Fn::Join').filter((i) => i !== NO_VALUE).map((i) => asString(i, 'Fn::Join')).join(asString(resolve(delimiter, scope), 'Fn::Join'));
  }],
  ['Fn::Select', (args, scope) => {
    // AWS's one message for a bad index, a list that is none, and an index past the list's end.
    const wrong = () => templateError('Template error: Fn::Select requires a list argument with two elements: an integer index and a list');
    if (!Array.isArray(args) || args.length !== 2) throw wrong();
    const [index, items] = args.map((a) => resolve(a, scope));
    const i = typeof index === 'string' && index.trim() !== '' ? Number(index) : index;
    if (typeof i !== 'number' || !Number.isInteger(i) || !Array.isArray(items) || i < 0 || i >= items.length) throw wrong();
    return items[i];
  }],
  ['Fn::Split', (args, scope) => {
    if (!Array.isArray(args) || args.length !== 2) {
      throw templateError('Template error: every Fn::Split object requires two parameters, (1) a string delimiter and (2) a string to be split or a function that returns a string to be split.');
    }
    const [delimiter, text] = args.map((a) => resolve(a, scope));
    return asString(text, 'Fn::Split').split(asString(delimiter, 'Fn::Split'));
  }],
  ['Fn::If', (args, scope) => {
    const [name, whenTrue, whenFalse] = asList(args, 'Fn::If');
    return resolve(ifCondition(name, scope) ? whenTrue : whenFalse, scope);
  }],
  ['Fn::Equals', (args, scope) => {
    if (!Array.isArray(args) || args.length !== 2) throw templateError('Template error: every Fn::Equals object requires a list of 2 string parameters.');
    const [a, b] = args.map((x) => resolve(x, scope));
    return equalValues(a, b);
  }],
  ['Fn::And', (args, scope) => asList(args, 'Fn::And').every((c) => condition(c, scope))],
  ['Fn::Or', (args, scope) => asList(args, 'Fn::Or').some((c) => condition(c, scope))],
  ['Fn::Not', (args, scope) => !condition(asList(args, 'Fn::Not')[0], scope)],
  ['Condition', (name, scope) => scope.condition(String(name))],
  ['Fn::FindInMap', findInMap],
  ['Fn::GetAZs', (args, scope) => {
    const region = resolve(args, scope) || scope.parameters.get('AWS::Region');
    return ['a', 'b', 'c'].map((zone) => `${String(region)}${zone}`);
  }],
  ['Fn::Base64', (args, scope) => Buffer.from(asString(resolve(args, scope), 'Fn::Base64')).toString('base64')],
  ['Fn::Cidr', cidr],
  ['Fn::ImportValue', (args, scope) => scope.importValue(asString(resolve(args, scope), 'Fn::ImportValue'))],
  ['Fn::Length', (args, scope) => asList(resolve(args, scope), 'Fn::Length').length],
  ['Fn::ToJsonString', (args, scope) => JSON.stringify(resolve(args, scope))],
  ['Fn::Contains', (args, scope) => {
    const [list, value] = asList(args, 'Fn::Contains').map((a) => resolve(a, scope));
    return asList(list, 'Fn::Contains').some((item) => equalValues(item, value));
  }],
  ['Fn::EachMemberEquals', (args, scope) => {
    const [list, value] = asList(args, 'Fn::EachMemberEquals').map((a) => resolve(a, scope));
    return asList(list, 'Fn::EachMemberEquals').every((item) => equalValues(item, value));
  }],
  ['Fn::EachMemberIn', (args, scope) => {
    const [list, allowed] = asList(args, 'Fn::EachMemberIn').map((a) => resolve(a, scope));
    return asList(list, 'Fn::EachMemberIn').every((item) => asList(allowed, 'Fn::EachMemberIn').some((a) => equalValues(a, item)));
  }],
]);

/** The one intrinsic function an object stands for, if it is one (`{Ref: x}`, `{"Fn::Join": [...]}`). */
export function intrinsicOf(value: unknown): [string, unknown] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0];
  if (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::')) return [key, (value as Record<string, unknown>)[key]];
  return undefined;
}

/** Evaluates every intrinsic function in a template value; `AWS::NoValue` leaves properties and items out. */
export function resolve(value: unknown, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, scope)).filter((v) => v !== NO_VALUE);
  if (value === null || typeof value !== 'object') return value;
  const fn = intrinsicOf(value);
  if (fn) {
    const [name, args] = fn;
    const impl = FUNCTIONS.get(name);
    if (!impl) throw templateError(`Template format error: Unrecognized function '${name}'`);
    return impl(args, scope);
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const resolved = resolve(item, scope);
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

/**
 * The resources and parameters a value refers to (Ref, Fn::GetAtt, Fn::Sub placeholders), for the dependency graph;
 * given the stack's conditions, only the branches its `Fn::If`s take.
 */
export function references(value: unknown, found = new Set<string>(), scope?: Pick<Scope, 'template' | 'condition'>): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) references(v, found, scope);
    return found;
  }
  if (value === null || typeof value !== 'object') return found;
  const fn = intrinsicOf(value);
  if (fn?.[0] === 'Fn::If' && scope && Array.isArray(fn[1])) {
    const [name, whenTrue, whenFalse] = fn[1] as unknown[];
    references(ifCondition(name, scope) ? whenTrue : whenFalse, found, scope);
  } else if (fn?.[0] === 'Ref' && typeof fn[1] === 'string') found.add(fn[1]);
  else if (fn?.[0] === 'Fn::GetAtt') {
    found.add(getAttTarget(fn[1])[0]);
  } else if (fn?.[0] === 'Fn::Sub') {
    const [text, variables] = Array.isArray(fn[1]) ? fn[1] : [fn[1], {}];
    if (typeof text === 'string') {
      for (const name of subPlaceholders(text)) if (!Object.hasOwn(variables ?? {}, name)) found.add(name.split('.')[0]);
    }
    references(variables, found, scope);
  } else {
    for (const v of Object.values(value)) references(v, found, scope);
  }
  return found;
}
