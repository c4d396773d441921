import { withEnumOrder } from '../../models/enum-order.ts';
import { loadModel } from '../../models/load.ts';
import type { ServiceModel } from '../../models/types.ts';

/** The EventBridge model as AWS's validation words it. */
export function eventsModel(): ServiceModel {
  // AWS-recorded TestEventBridgeApiDestinations::test_create_api_destination_invalid_parameters.
  return withEnumOrder(loadModel('events'), { ApiDestinationHttpMethod: ['HEAD', 'POST', 'PATCH', 'DELETE', 'PUT', 'GET', 'OPTIONS'] });
}
