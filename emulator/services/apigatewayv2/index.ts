import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import * as apis from './operations/apis.ts';
import * as authorizers from './operations/authorizers.ts';
import * as domains from './operations/domains.ts';
import * as integrations from './operations/integrations.ts';
import * as openapi from './operations/openapi.ts';
import * as portalProducts from './operations/portal-products.ts';
import * as portals from './operations/portals.ts';
import * as routes from './operations/routes.ts';
import * as routingRules from './operations/routing-rules.ts';
import * as stages from './operations/stages.ts';
import * as tags from './operations/tags.ts';
import { ApiGatewayV2State } from './state.ts';

/** Operation name -> handler: each module's exports, named as the operation in lower camel case. */
const modules = [apis, authorizers, domains, integrations, openapi, portalProducts, portals, routes, routingRules, stages, tags];

const model = loadModel('apigatewayv2');
const handlers: Record<string, Handler<ApiGatewayV2State>> = {};
for (const operation of Object.keys(model.operations)) {
  const name = operation.charAt(0).toLowerCase() + operation.slice(1);
  const module = modules.find((m) => Object.hasOwn(m, name)) as Record<string, Handler<ApiGatewayV2State>> | undefined;
  if (module) handlers[operation] = module[name];
}

/** HTTP and WebSocket APIs; their deployed stages are served by the apigateway service's execute-api endpoints. */
const apigatewayv2: ServiceDefinition<ApiGatewayV2State> = {
  name: 'apigatewayv2',
  model,
  createState: (accountId, region) => new ApiGatewayV2State(accountId, region),
  validation: 'none',
  handlers,
  persistence: {
    classes: { ApiGatewayV2State: { type: ApiGatewayV2State, transient: { authorizerCache: () => new Map(), keySets: () => new Map(), connections: () => new Map() } } },
  },
  // Connected WebSocket clients are told the endpoint is going away when the emulator stops.
  disposeState(state) {
    for (const connection of state.connections.values()) connection.close(1001, 'Going away');
  },
};

export default apigatewayv2;
