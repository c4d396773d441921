import type { CfnContext } from '../operations/template-input.ts';
import type { Template } from '../template/parse.ts';
import { INCLUDE } from './include.ts';
import { transformCalls } from './calls.ts';
import { macroParameters, requireMacro, runMacro } from './macros.ts';

/**
 * `Fn::Transform` of the account's macros (one call, or a list run in order): the call's siblings (the object
 * holding it, without it) go to the macro with its Parameters (references to template parameters resolved), and what
 * the macro answers takes the object's place. The most deeply nested calls are processed first, before the Transform
 * section's macros, as CloudFormation orders them.
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
    let fragment: unknown = siblings;
    for (const { name, parameters } of transformCalls((node as Record<string, unknown>)['Fn::Transform'])) {
      const params = macroParameters(parameters, templateParameterValues);
      fragment = await runMacro(requireMacro(name, ctx), { fragment, params, templateParameterValues }, ctx, false);
    }
    return fragment;
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
        if (key === 'Fn::Transform') names.push(...transformCalls(value).map((call) => call.name).filter((name) => name !== INCLUDE));
        visit(value);
      }
    }
  };
  visit(template);
  return [...new Set(names)];
}
