import type { Integration, IntegrationResponse, Method, MethodResponse } from '@aws-sdk/client-api-gateway';
import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers, templateOrder, adoptByReading } from '../../cloudformation/read-back.ts';
import { count, flag, generatedId, listUnderApi } from './values.ts';

/** `AWS::ApiGateway::Resource`: Ref is the resource id; GetAtt ResourceId. */
export const resource: ResourceType = {
  properties: ['ParentId', 'PathPart', 'RestApiId'],
  async create(request) {
    const p = request.properties;
    const created = await request.call('apigateway', 'CreateResource', { restApiId: p.RestApiId, parentId: p.ParentId, pathPart: p.PathPart });
    return { physicalId: created.id, attributes: { ResourceId: created.id } };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteResource', { restApiId: request.properties.RestApiId, resourceId: request.physicalId });
  },
  async read(request) {
    const found = await request.call('apigateway', 'GetResource', { restApiId: request.properties.RestApiId, resourceId: request.physicalId });
    return { RestApiId: request.properties.RestApiId, ParentId: found.parentId, PathPart: found.pathPart };
  },
  primaryIdentifier: ['RestApiId', 'ResourceId'],
  adopt: adoptByReading((request) => resource.read!(request), (id) => id.ResourceId, (id) => ({ ResourceId: id.ResourceId })),
  // Every resource of the API, its root among them.
  ...listUnderApi('ResourceId', (request) => resource.read!(request), 'GetResources', 'id'),
};

/** The method's integration, method responses and integration responses, each through its Put* operation. */
async function putMethod(request: ResourceRequest): Promise<void> {
  const p = request.properties;
  const key = { restApiId: p.RestApiId, resourceId: p.ResourceId, httpMethod: p.HttpMethod };
  await request.call('apigateway', 'PutMethod', {
    ...key,
    authorizationType: p.AuthorizationType ?? 'NONE',
    authorizerId: p.AuthorizerId,
    apiKeyRequired: flag(p.ApiKeyRequired),
    authorizationScopes: p.AuthorizationScopes,
    operationName: p.OperationName,
    requestModels: p.RequestModels,
    requestParameters: booleans(p.RequestParameters),
    requestValidatorId: p.RequestValidatorId,
  });
  for (const response of (p.MethodResponses ?? []) as Properties[]) {
    await request.call('apigateway', 'PutMethodResponse', {
      ...key,
      statusCode: String(response.StatusCode),
      responseModels: response.ResponseModels,
      responseParameters: booleans(response.ResponseParameters),
    });
  }
  const integration = p.Integration as Properties | undefined;
  if (!integration) return;
  await request.call('apigateway', 'PutIntegration', {
    ...key,
    type: integration.Type,
    integrationHttpMethod: integration.IntegrationHttpMethod,
    uri: integration.Uri,
    credentials: integration.Credentials,
    requestParameters: integration.RequestParameters,
    requestTemplates: integration.RequestTemplates,
    passthroughBehavior: integration.PassthroughBehavior,
    contentHandling: integration.ContentHandling,
    cacheNamespace: integration.CacheNamespace,
    cacheKeyParameters: integration.CacheKeyParameters,
    // AWS answers no connection type for a MOCK integration, even one whose template gives INTERNET (recorded).
    connectionType: integration.Type === 'MOCK' ? undefined : integration.ConnectionType,
    connectionId: integration.ConnectionId,
    timeoutInMillis: count(integration.TimeoutInMillis),
  });
  for (const response of (integration.IntegrationResponses ?? []) as Properties[]) {
    await request.call('apigateway', 'PutIntegrationResponse', {
      ...key,
      statusCode: String(response.StatusCode),
      selectionPattern: response.SelectionPattern === undefined ? undefined : String(response.SelectionPattern),
      responseParameters: response.ResponseParameters,
      responseTemplates: response.ResponseTemplates,
      contentHandling: response.ContentHandling,
    });
  }
}

/** Template maps of booleans (`method.request.path.id: true`), which templates may give as strings. */
function booleans(map: Record<string, unknown> | undefined): Record<string, boolean> | undefined {
  return map && Object.fromEntries(Object.entries(map).map(([k, v]) => [k, flag(v)!]));
}

function deleteMethod(request: ResourceRequest, p: Properties) {
  return request.call('apigateway', 'DeleteMethod', { restApiId: p.RestApiId, resourceId: p.ResourceId, httpMethod: p.HttpMethod });
}

/**
 * `AWS::ApiGateway::Method`: Ref is an id CloudFormation makes (a method has none of its own). An update puts the
 * method again, with its integration and responses, as the resource's handler does.
 */
export const method: ResourceType = {
  /** AWS's schema has no list handler. */
  unlisted: true,
  properties: [
    'ApiKeyRequired',
    'AuthorizationScopes',
    'AuthorizationType',
    'AuthorizerId',
    'HttpMethod',
    'Integration',
    'MethodResponses',
    'OperationName',
    'RequestModels',
    'RequestParameters',
    'RequestValidatorId',
    'ResourceId',
    'RestApiId',
  ],
  async create(request) {
    await putMethod(request);
    return { physicalId: generatedId(request), attributes: {} };
  },
  async update(request) {
    await deleteMethod(request, request.previous);
    await putMethod(request);
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await deleteMethod(request, request.properties);
  },
  async read(request) {
    const p = request.properties;
    const m = await request.call<Method>('apigateway', 'GetMethod', { restApiId: p.RestApiId, resourceId: p.ResourceId, httpMethod: p.HttpMethod });
    return {
      RestApiId: p.RestApiId,
      ResourceId: p.ResourceId,
      HttpMethod: m.httpMethod,
      AuthorizationType: m.authorizationType,
      AuthorizerId: m.authorizerId,
      ApiKeyRequired: m.apiKeyRequired,
      AuthorizationScopes: m.authorizationScopes,
      OperationName: m.operationName,
      RequestModels: m.requestModels,
      RequestParameters: m.requestParameters,
      RequestValidatorId: m.requestValidatorId,
      MethodResponses: readResponses(p.MethodResponses, m.methodResponses, (r: MethodResponse) => ({
        StatusCode: r.statusCode,
        ResponseModels: r.responseModels,
        ResponseParameters: r.responseParameters,
      })),
      Integration: m.methodIntegration && readIntegration(p.Integration, m.methodIntegration),
    };
  },
  createOnly: ['RestApiId', 'ResourceId', 'HttpMethod'],
  primaryIdentifier: ['RestApiId', 'ResourceId', 'HttpMethod'],
  adopt: adoptByReading((request) => method.read!(request), (id) => `${id.RestApiId}|${id.ResourceId}|${id.HttpMethod}`),
};

/** A method's integration in the template's form: the members API Gateway fills in that the template leaves out are not read. */
function readIntegration(given: Properties | undefined, i: Integration): Properties | undefined {
  const integration = {
    Type: i.type,
    IntegrationHttpMethod: i.httpMethod,
    Uri: i.uri,
    Credentials: i.credentials,
    RequestParameters: i.requestParameters,
    RequestTemplates: i.requestTemplates,
    PassthroughBehavior: i.passthroughBehavior,
    ContentHandling: i.contentHandling,
    CacheNamespace: i.cacheNamespace,
    CacheKeyParameters: templateOrder(given?.CacheKeyParameters, i.cacheKeyParameters ?? [], String),
    ConnectionType: i.connectionType,
    ConnectionId: i.connectionId,
    TimeoutInMillis: i.timeoutInMillis,
    IntegrationResponses: readResponses(given?.IntegrationResponses, i.integrationResponses, (r: IntegrationResponse) => ({
      StatusCode: r.statusCode,
      SelectionPattern: r.selectionPattern,
      ResponseParameters: r.responseParameters,
      ResponseTemplates: r.responseTemplates,
      ContentHandling: r.contentHandling,
    })),
  };
  return givenMembers(given, integration);
}

/** Method or integration responses (a map by status code) as the template's list, in its order, each with the members its item gave. */
function readResponses<T>(given: unknown, responses: Record<string, T> | undefined, form: (response: T) => Properties): Properties[] {
  const items = (Array.isArray(given) ? given : []) as Properties[];
  const read = Object.values(responses ?? {}).map((response) => {
    const item = form(response);
    return givenMembers(items.find((i) => String(i.StatusCode) === item.StatusCode), item) as Properties;
  });
  return templateOrder(given, read, (r) => String((r as Properties).StatusCode));
}
