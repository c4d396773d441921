import { validationError } from '../errors.ts';
import type { CfnContext } from '../operations/template-input.ts';
import type { Template } from '../template/parse.ts';
import { expandIncludes, includedSnippet, INCLUDE } from './include.ts';
import { transformCalls } from './calls.ts';
import { macroParameters, requireMacro, runMacro } from './macros.ts';
import { SERVERLESS, serverlessTransform } from './serverless/index.ts';
import { expandSnippetMacros } from './snippets.ts';

/** The names of the transforms a template declares (`Transform`), in order. */
export function declaredTransforms(template: Template): string[] {
  return transformCalls(template.Transform).map((call) => call.name);
}

/** Transforms the engine evaluates itself, while deploying: the language extensions' functions are always understood. */
const ENGINE_TRANSFORMS = new Set(['AWS::LanguageExtensions']);

/**
 * The processed template: AWS::Include snippets, then `Fn::Transform` macro calls, then the Transform section's
 * transforms in order (a top-level AWS::Include, the SAM transform, and macros of the account's
 * `AWS::CloudFormation::Macro` resources, each given the template without its Transform section); the engine's own
 * transforms stay declared. Macros see the stack's parameter values.
 */
export async function processTemplate(template: Template, ctx: CfnContext, parameterValues: Record<string, unknown> = {}): Promise<Template> {
  const calls = transformCalls(template.Transform);
  let processed: Template = { ...(await expandSnippetMacros(await expandIncludes(template, ctx), ctx, parameterValues)) };
  delete processed.Transform;
  const kept: string[] = [];
  for (const { name, parameters } of calls) {
    if (ENGINE_TRANSFORMS.has(name)) kept.push(name);
    else if (name === INCLUDE) processed = { ...processed, ...((await includedSnippet(parameters, ctx)) as Template) };
    else if (name === SERVERLESS) processed = runServerless(processed);
    else {
      const macro = requireMacro(name, ctx);
      const params = macroParameters(parameters, parameterValues);
      processed = (await runMacro(macro, { fragment: processed, params, templateParameterValues: parameterValues }, ctx, true)) as Template;
      delete processed.Transform;
    }
  }
  if (kept.length) processed.Transform = kept.length === 1 ? kept[0] : kept;
  return processed;
}

function runServerless(template: Template): Template {
  try {
    return serverlessTransform({ ...template, Transform: SERVERLESS });
  } catch (error) {
    throw validationError(`Transform ${SERVERLESS} failed with: Invalid Serverless Application Specification document. Number of errors found: 1. ${(error as Error).message}`);
  }
}
