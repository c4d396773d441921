import { withEnumOrder } from '../../models/enum-order.ts';
import type { ServiceModel } from '../../models/types.ts';

/**
 * The taggable-resource pattern AWS's ValidationException quotes (AWS-recorded test_tag_exceptions: layers included,
 * capacity providers without a length bound). botocore 1.43.107's model has another one (network connectors, no
 * layers); the recorded answer is what clients see.
 */
const TAGGABLE_RESOURCE =
  'arn:(aws[a-zA-Z-]*):lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|layer:([a-zA-Z0-9-_]+)|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)';

/** Enums whose values AWS's ValidationException lists in another order than botocore's model (AWS-recorded). */
const ENUM_ORDER: Record<string, string[]> = {
  EventSourcePosition: ['LATEST', 'AT_TIMESTAMP', 'TRIM_HORIZON'],
  RecursiveLoop: ['Terminate', 'Allow'],
  InvokeMode: ['RESPONSE_STREAM', 'BUFFERED'],
};

/** The Lambda model with the patterns and enum orders AWS's ValidationExceptions quote where botocore's differ. */
export function withCurrentPatterns(model: ServiceModel): ServiceModel {
  const ordered = withEnumOrder(model, ENUM_ORDER);
  return { ...ordered, shapes: { ...ordered.shapes, TaggableResource: { ...ordered.shapes.TaggableResource, pattern: TAGGABLE_RESOURCE } } };
}
