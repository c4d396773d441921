import type { ServiceModel } from '../../models/types.ts';

/** The part of a function name pattern that names a region, as botocore's model has it and as AWS now words it. */
const MODEL_REGION = '([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?';
const CURRENT_REGION = '((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?';

/**
 * The Lambda model with the function name patterns AWS validates against today: they also accept the European
 * Sovereign Cloud's `eusc-` regions, and AWS's ValidationException quotes that pattern (AWS-recorded
 * test_function_name_and_qualifier_validation), while botocore's model still has the older one.
 */
export function withCurrentNamePatterns(model: ServiceModel): ServiceModel {
  const shapes = { ...model.shapes };
  for (const name of ['FunctionName', 'NamespacedFunctionName', 'UnqualifiedFunctionName']) {
    const shape = shapes[name];
    if (shape?.pattern?.includes(MODEL_REGION)) shapes[name] = { ...shape, pattern: shape.pattern.replace(MODEL_REGION, CURRENT_REGION) };
  }
  return { ...model, shapes };
}
