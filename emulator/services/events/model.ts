import { loadModel } from '../../models/load.ts';
import type { ServiceModel } from '../../models/types.ts';

/**
 * Enums whose values AWS's ValidationException lists in another order than botocore's model (AWS-recorded
 * TestEventBridgeApiDestinations::test_create_api_destination_invalid_parameters).
 */
const ENUM_ORDER: Record<string, string[]> = {
  ApiDestinationHttpMethod: ['HEAD', 'POST', 'PATCH', 'DELETE', 'PUT', 'GET', 'OPTIONS'],
};

/** The EventBridge model as AWS's validation words it. */
export function eventsModel(): ServiceModel {
  const model = loadModel('events');
  const shapes = { ...model.shapes };
  for (const [name, order] of Object.entries(ENUM_ORDER)) shapes[name] = { ...shapes[name], enum: order };
  return { ...model, shapes };
}
