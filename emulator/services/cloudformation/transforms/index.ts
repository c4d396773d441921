import { validationError } from '../errors.ts';
import type { Template } from '../template/parse.ts';
import { SERVERLESS, serverlessTransform } from './serverless/index.ts';

/** The transforms a template declares (`Transform`: one name or a list), in order. */
export function declaredTransforms(template: Template): string[] {
  return template.Transform === undefined ? [] : ([template.Transform].flat() as string[]);
}

/** Transforms the engine evaluates itself, while deploying: the language extensions' functions are always understood. */
const ENGINE_TRANSFORMS = new Set(['AWS::LanguageExtensions']);

/**
 * The processed template: the template with its declared transforms applied (the SAM transform); the engine's own
 * transforms stay declared. An unknown transform fails as on AWS when no macro of that name exists.
 */
export function processTemplate(template: Template): Template {
  let processed = template;
  for (const name of declaredTransforms(template)) {
    if (typeof name === 'string' && ENGINE_TRANSFORMS.has(name)) continue;
    if (name !== SERVERLESS) throw validationError(`No transform named ${String(name)} found.`);
    try {
      processed = serverlessTransform(processed);
    } catch (error) {
      throw validationError(`Transform ${SERVERLESS} failed with: Invalid Serverless Application Specification document. Number of errors found: 1. ${(error as Error).message}`);
    }
  }
  return processed;
}
