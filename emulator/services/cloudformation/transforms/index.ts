import { partitionOf } from '../../../core/arn.ts';
import type { CfnContext } from '../operations/template-input.ts';
import type { Template } from '../template/parse.ts';
import { expandIncludes, includedSnippet, INCLUDE } from './include.ts';
import { LANGUAGE_EXTENSIONS, languageExtensions } from './language-extensions.ts';
import { transformCalls } from './calls.ts';
import { macroParameters, requireMacro, runMacro, ServerlessTransformFailure } from './macros.ts';
import { TransformErrors } from './serverless/context.ts';
import { SERVERLESS, serverlessTransform } from './serverless/index.ts';
import { expandSnippetMacros } from './snippets.ts';

/** The names of the transforms a template declares (`Transform`), in order. */
export function declaredTransforms(template: Template): string[] {
  return transformCalls(template.Transform).map((call) => call.name);
}

/**
 * The processed template: AWS::Include snippets, then `Fn::Transform` macro calls, then the Transform section's
 * transforms in order (AWS::LanguageExtensions, a top-level AWS::Include, the SAM transform, and macros of the
 * account's `AWS::CloudFormation::Macro` resources, each given the template without its Transform section). Macros
 * see the stack's parameter values.
 */
export async function processTemplate(template: Template, ctx: CfnContext, parameterValues: Record<string, unknown> = {}): Promise<Template> {
  const calls = transformCalls(template.Transform);
  let processed: Template = { ...(await expandSnippetMacros(await expandIncludes(template, ctx, parameterValues), ctx, parameterValues)) };
  delete processed.Transform;
  for (const { name, parameters } of calls) {
    if (name === LANGUAGE_EXTENSIONS) processed = languageExtensions(processed, parameterValues);
    else if (name === INCLUDE) processed = { ...processed, ...((await includedSnippet(parameters, ctx, parameterValues)) as Template) };
    else if (name === SERVERLESS) processed = runServerless(processed, partitionOf(ctx.region), { ...parameterValues, 'AWS::Region': ctx.region, 'AWS::Partition': partitionOf(ctx.region) });
    else {
      const macro = requireMacro(name, ctx);
      const params = macroParameters(parameters, parameterValues);
      processed = (await runMacro(macro, { fragment: processed, params, templateParameterValues: parameterValues }, ctx, true)) as Template;
      delete processed.Transform;
    }
  }
  return processed;
}

function runServerless(template: Template, partition: string, parameterValues: Record<string, unknown>): Template {
  try {
    return serverlessTransform({ ...template, Transform: SERVERLESS }, partition, parameterValues);
  } catch (error) {
    const count = error instanceof TransformErrors ? error.errors.length : 1;
    throw new ServerlessTransformFailure(`Transform ${SERVERLESS} failed with: Invalid Serverless Application Specification document. Number of errors found: ${count}. ${(error as Error).message}`);
  }
}
