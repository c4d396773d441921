import { validationError } from '../errors.ts';
import type { CfnContext } from '../operations/template-input.ts';
import type { Template } from '../template/parse.ts';
import { expandIncludes, INCLUDE } from './include.ts';
import { runMacro } from './macros.ts';
import { SERVERLESS, serverlessTransform } from './serverless/index.ts';
import { expandSnippetMacros } from './snippets.ts';

/** The transforms a template declares (`Transform`: one name or a list), in order. */
export function declaredTransforms(template: Template): string[] {
  return template.Transform === undefined ? [] : ([template.Transform].flat() as string[]);
}

/** Transforms the engine evaluates itself, while deploying: the language extensions' functions are always understood. */
const ENGINE_TRANSFORMS = new Set(['AWS::LanguageExtensions']);

function withoutTransform(template: Template, name: string): Template {
  const rest = declaredTransforms(template).filter((t) => t !== name);
  const out = { ...template };
  if (rest.length) out.Transform = rest.length === 1 ? rest[0] : rest;
  else delete out.Transform;
  return out;
}

/**
 * The processed template: AWS::Include snippets, then `Fn::Transform` macro calls, then the Transform section's
 * transforms in order (the SAM transform, and macros of the account's `AWS::CloudFormation::Macro` resources); the
 * engine's own transforms stay declared. Macros see the stack's parameter values.
 */
export async function processTemplate(template: Template, ctx: CfnContext, parameterValues: Record<string, unknown> = {}): Promise<Template> {
  let processed = await expandSnippetMacros(await expandIncludes(template, ctx), ctx, parameterValues);
  for (const name of declaredTransforms(template)) {
    if (typeof name !== 'string') throw validationError('Template format error: Transform must be a string or a list of strings.');
    if (ENGINE_TRANSFORMS.has(name) || name === INCLUDE) continue;
    if (name === SERVERLESS) {
      try {
        processed = serverlessTransform(processed);
      } catch (error) {
        throw validationError(`Transform ${SERVERLESS} failed with: Invalid Serverless Application Specification document. Number of errors found: 1. ${(error as Error).message}`);
      }
      continue;
    }
    const macro = ctx.state.macros.get(name);
    if (!macro) throw validationError(`No transform named ${ctx.accountId}::${name} found.`);
    const fragment = withoutTransform(processed, name);
    processed = withoutTransform((await runMacro(macro, { fragment, params: {}, templateParameterValues: parameterValues }, ctx, true)) as Template, name);
  }
  return processed;
}
