import { validationError } from '../errors.ts';
import type { CfnContext } from '../operations/template-input.ts';
import type { Template } from '../template/parse.ts';
import { INCLUDE } from './include.ts';
import { runMacro } from './macros.ts';

/**
 * `Fn::Transform` of the account's macros: each call's siblings (the object holding it, without it) go to the macro
 * with its Parameters as given (not evaluated), and what the macro answers takes the object's place. The most deeply
 * nested calls are processed first, before the Transform section's macros, as CloudFormation orders them.
 */
export async function expandSnippetMacros(template: Template, ctx: CfnContext, templateParameterValues: Record<string, unknown>): Promise<Template> {
  const expand = async (node: unknown): Promise<unknown> => {
    if (Array.isArray(node)) {
      const out = [];
      for (const item of node) out.push(await expand(item));
      return out;
    }
    if (node === null || typeof node !== 'object') return node;
    const siblings: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) if (key !== 'Fn::Transform') siblings[key] = await expand(value);
    if (!Object.hasOwn(node, 'Fn::Transform')) return siblings;
    const call = (node as Record<string, unknown>)['Fn::Transform'] as { Name?: unknown; Parameters?: unknown };
    if (!call || typeof call !== 'object' || typeof call.Name !== 'string') throw validationError('Template format error: Fn::Transform requires a Name.');
    const macro = ctx.state.macros.get(call.Name);
    if (!macro) throw validationError(`No transform named ${ctx.accountId}::${call.Name} found.`);
    return runMacro(macro, { fragment: siblings, params: call.Parameters ?? {}, templateParameterValues }, ctx, false);
  };
  const hasCalls = JSON.stringify(template).includes('"Fn::Transform"');
  return hasCalls ? ((await expand(template)) as Template) : template;
}

/** The account's macros a template calls with `Fn::Transform` (not AWS::Include), in the order they appear. */
export function snippetTransforms(template: Template): string[] {
  const names: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        const name = key === 'Fn::Transform' ? (value as { Name?: unknown })?.Name : undefined;
        if (typeof name === 'string' && name !== INCLUDE) names.push(name);
        visit(value);
      }
    }
  };
  visit(template);
  return [...new Set(names)];
}
