import type { Properties } from '../../provider.ts';
import type { Expansion } from './context.ts';
import { IMPLICIT_REST_API } from './implicit-api.ts';
import { insert, templateElements } from './py27.ts';

// The Conditions of functions whose Api events feed a REST API, as SAM's implicit API plugin and its editor carry them:
// each method (and its integration's uri) wrapped in the function's condition, each path whose methods all have one in
// that condition (or an Fn::Or of them), and the implicit API itself made under the condition of all its methods.

const MAX_OR = 10;

/** SAM's make_conditional: the value when the condition holds, else nothing (a template's condition name is a template string). */
export function conditional(condition: string, value: unknown, fromTemplate = true): Properties {
  const choice = [condition, value, { Ref: 'AWS::NoValue' }];
  return { 'Fn::If': fromTemplate ? templateElements(choice, 0) : choice };
}

/** SAM's get_conditional_contents: what a value wrapped in Fn::If may be (both branches but AWS::NoValue), else the value. */
export function conditionalContents(value: unknown): Properties[] {
  const choice = (value as Properties | undefined)?.['Fn::If'];
  if (!Array.isArray(choice)) return [value as Properties];
  return choice.slice(1).filter((v) => !(v && typeof v === 'object' && (v as Properties).Ref === 'AWS::NoValue' && Object.keys(v).length === 1)) as Properties[];
}

/** SAM's make_combined_condition: Fn::Or of the sorted conditions, ten at a time, the extra conditions numbered. */
function combinedConditions(conditions: string[], name: string): Record<string, unknown> {
  let list = [...conditions].sort();
  const out: Record<string, unknown> = {};
  let extra = 1 + Math.floor((list.length - 2) / (MAX_OR - 1)) - 1;
  while (list.length > 1) {
    const next = extra > 0 ? `${name}${extra--}` : name;
    out[next] = { 'Fn::Or': list.slice(0, MAX_OR).map((c) => ({ Condition: c })) };
    list = [...list.slice(MAX_OR), next];
  }
  return out;
}

/** The condition for a set of conditions (all present): the one, or a combined one named `name` added to the template. */
function conditionFor(expansion: Expansion, found: (string | null)[], name: string): string | undefined {
  const distinct = new Set(found);
  if (!distinct.size || distinct.has(null)) return undefined;
  if (distinct.size === 1) return [...distinct][0]!;
  Object.assign(expansion.conditions, combinedConditions([...distinct] as string[], name));
  return name;
}

/** Records the condition (or none) of the function whose event adds a method to an API's path. */
export function recordMethodCondition(api: Properties, path: string, method: string, condition: string | undefined): void {
  const byPath = (api.conditions ??= {}) as Record<string, Record<string, string | null>>;
  (byPath[path] ??= {})[method] = condition ?? null;
}

/**
 * After the plugin's events: the implicit API's condition, and for each API whose definition SAM writes, every path
 * whose methods all carry conditions wrapped in theirs (in the edit that follows, see implicit-api.ts).
 */
export function addPathConditions(expansion: Expansion): void {
  const implicit = expansion.restApis.get(IMPLICIT_REST_API);
  const implicitConditions = Object.values((implicit?.conditions ?? {}) as Record<string, Record<string, string | null>>).flatMap((m) => Object.values(m));
  if (implicit && implicitConditions.length) implicit.condition = conditionFor(expansion, implicitConditions, `${IMPLICIT_REST_API}Condition`);
  for (const [id, api] of expansion.restApis) {
    const p = (api.properties ?? {}) as Properties;
    if (p.DefinitionBody !== undefined || p.DefinitionUri !== undefined) continue;
    const byPath = (api.conditions ?? {}) as Record<string, Record<string, string | null>>;
    const paths = api.paths as Properties;
    for (const path of Object.keys(paths)) {
      const name = `${id}${path.replaceAll('/', 'SLASH').replaceAll('{', 'OB').replaceAll('}', 'CB')}PathCondition`;
      const condition = conditionFor(expansion, Object.values(byPath[path] ?? {}), name);
      if (condition) insert(paths, path, conditional(condition, paths[path], condition !== name));
    }
  }
}
