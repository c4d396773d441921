import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { answerExecuteApi, authenticatesItself, isCustomDomainRequest, isExecuteApiRequest } from './execute/entry.ts';
import { testInvokeMethod } from './execute/test-invoke.ts';
import { testInvokeAuthorizer } from './execute/test-invoke-authorizer.ts';
import * as apiKeys from './operations/api-keys.ts';
import * as authorizers from './operations/authorizers.ts';
import * as deployments from './operations/deployments.ts';
import * as documentation from './operations/documentation.ts';
import * as domains from './operations/domains.ts';
import * as gatewayResponses from './operations/gateway-responses.ts';
import * as integrations from './operations/integrations.ts';
import * as methods from './operations/methods.ts';
import * as misc from './operations/misc.ts';
import * as models from './operations/models.ts';
import * as openapi from './operations/openapi.ts';
import * as openapiExport from './operations/openapi-export.ts';
import * as resources from './operations/resources.ts';
import * as sdk from './operations/sdk.ts';
import * as restApis from './operations/rest-apis.ts';
import * as stages from './operations/stages.ts';
import * as tags from './operations/tags.ts';
import * as usagePlans from './operations/usage-plans.ts';
import * as validators from './operations/validators.ts';
import { ApiGatewayState } from './state.ts';

/** Operation name -> handler: each module's exports, named as the operation in lower camel case. */
const modules = [apiKeys, authorizers, deployments, documentation, domains, gatewayResponses, integrations, methods, misc, models, openapi, openapiExport, resources, restApis, sdk, stages, tags, usagePlans, validators];

const model = loadModel('apigateway');
const handlers: Record<string, Handler<ApiGatewayState>> = { TestInvokeMethod: testInvokeMethod, TestInvokeAuthorizer: testInvokeAuthorizer };
for (const operation of Object.keys(model.operations)) {
  const name = operation.charAt(0).toLowerCase() + operation.slice(1);
  const module = modules.find((m) => Object.hasOwn(m, name)) as Record<string, Handler<ApiGatewayState>> | undefined;
  if (module) handlers[operation] = module[name];
}

const apigateway: ServiceDefinition<ApiGatewayState> = {
  name: 'apigateway',
  model,
  createState: (accountId, region) => new ApiGatewayState(accountId, region),
  validation: 'none',
  handlers,
  // Deployed APIs answer at their execute-api host names and path forms (declared in services/index.ts), and at their custom domain names.
  http: { intercept: (req, ctx) => answerExecuteApi(req, ctx), servesUnsigned: isExecuteApiRequest, authenticatesItself, claims: isCustomDomainRequest },
  requestLimits: { body: 10 * 1024 * 1024 },
  persistence: {
    classes: { ApiGatewayState: { type: ApiGatewayState, transient: { authorizerCache: () => new Map(), buckets: () => new Map() } } },
  },
};

export default apigateway;
