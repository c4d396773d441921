import { validationError } from '../errors.ts';
import { ifCondition, intrinsicOf, references, resolve } from '../template/intrinsics.ts';
import type { Template, TemplateResource } from '../template/parse.ts';
import type { StackScope } from './scope.ts';

/**
 * What AWS refuses when a change set is made, beyond the dependency graph: every condition evaluated, outputs that
 * refer to resources the conditions leave out, and the intrinsic functions that need no resource evaluated (a
 * mapping look-up that finds nothing, Fn::Select or Fn::Split given the wrong arguments).
 */
export function checkResolvable(template: Template, scope: StackScope, resources: Record<string, TemplateResource>, known: ReadonlySet<string>): void {
  for (const name of Object.keys(template.Conditions ?? {})) scope.condition(name);
  const created = new Set(Object.keys(resources));
  for (const resource of Object.values(resources)) checkStatic(resource.Properties ?? {}, scope, created);
  for (const output of Object.values(template.Outputs ?? {})) {
    if (output.Condition !== undefined && !scope.condition(output.Condition)) continue;
    const unresolved = [...references(output, new Set(), scope)].filter((name) => !known.has(name));
    if (unresolved.length) throw validationError(`Unresolved resource dependencies [${unresolved.join(', ')}] in the Outputs block of the template`);
    checkStatic(output, scope, created);
  }
}

/** Evaluates the outermost intrinsic functions of a value that refer to no resource (nor to another stack's export). */
function checkStatic(value: unknown, scope: StackScope, resources: ReadonlySet<string>): void {
  if (value === null || typeof value !== 'object') return;
  const fn = intrinsicOf(value);
  if (!fn) {
    for (const item of Object.values(value)) checkStatic(item, scope, resources);
    return;
  }
  const [name, args] = fn;
  // An export may be made after the change set: AWS creates it and resolves the import when it runs.
  if (JSON.stringify(value).includes('"Fn::ImportValue"')) {
    if (name !== 'Fn::ImportValue') checkStatic(args, scope, resources);
    return;
  }
  if (![...references(value, new Set(), scope)].some((ref) => resources.has(ref))) {
    resolve(value, scope);
    return;
  }
  if (name === 'Fn::If' && Array.isArray(args)) checkStatic(ifCondition(args[0], scope) ? args[1] : args[2], scope, resources);
  else checkStatic(args, scope, resources);
}
