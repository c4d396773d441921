import type { ServiceModel } from '../../models/types.ts';

/** A region in botocore's Lambda patterns, and as AWS now words it (the European Sovereign Cloud's `eusc-` regions too). */
const MODEL_REGION = '[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}';
const CURRENT_REGION = `(eusc-)?${MODEL_REGION}`;
/** Taggable resources now include layers. */
const TAGGABLE_FUNCTION = '(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|';

/** Enums whose values AWS's ValidationException lists in another order than botocore's model (AWS-recorded). */
const ENUM_ORDER: Record<string, string[]> = {
  EventSourcePosition: ['LATEST', 'AT_TIMESTAMP', 'TRIM_HORIZON'],
  RecursiveLoop: ['Terminate', 'Allow'],
  InvokeMode: ['RESPONSE_STREAM', 'BUFFERED'],
};

/**
 * The Lambda model with the ARN and name patterns AWS validates against today. AWS's ValidationExceptions quote them
 * (AWS-recorded test_function_name_and_qualifier_validation, test_tag_exceptions, layer and event source mapping
 * tests), while botocore's model still has the older ones.
 */
export function withCurrentPatterns(model: ServiceModel): ServiceModel {
  const shapes = { ...model.shapes };
  for (const [name, order] of Object.entries(ENUM_ORDER)) shapes[name] = { ...shapes[name], enum: order };
  for (const [name, shape] of Object.entries(shapes)) {
    let pattern = shape.pattern;
    if (!pattern?.includes(MODEL_REGION) || pattern.includes(CURRENT_REGION)) continue;
    pattern = pattern.replaceAll(MODEL_REGION, CURRENT_REGION);
    if (name === 'TaggableResource') pattern = pattern.replace(TAGGABLE_FUNCTION, `${TAGGABLE_FUNCTION}layer:([a-zA-Z0-9-_]+)|`);
    shapes[name] = { ...shape, pattern };
  }
  return { ...model, shapes };
}
