import type { ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { ApiGatewayV2State } from './state.ts';

const apigatewayv2: ServiceDefinition<ApiGatewayV2State> = {
  name: 'apigatewayv2',
  model: loadModel('apigatewayv2'),
  createState: (accountId, region) => new ApiGatewayV2State(accountId, region),
  validation: 'none',
  handlers: {},
};

export default apigatewayv2;
