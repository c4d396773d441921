import { jsonText, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { count, flag, generatedId, patchChanges } from './values.ts';

async function patch(request: ResourceRequest & { previous: Properties }, operation: string, key: Record<string, string>, paths: Record<string, string>) {
  const ops = patchChanges(request.previous, request.properties, paths);
  if (ops.length) await request.call('apigateway', operation, { restApiId: request.properties.RestApiId, ...key, patchOperations: ops });
}

const AUTHORIZER_PATHS = {
  Name: '/name',
  Type: '/type',
  AuthorizerUri: '/authorizerUri',
  AuthorizerCredentials: '/authorizerCredentials',
  AuthorizerResultTtlInSeconds: '/authorizerResultTtlInSeconds',
  IdentitySource: '/identitySource',
  IdentityValidationExpression: '/identityValidationExpression',
  AuthType: '/authType',
};

/** `AWS::ApiGateway::Authorizer`: Ref is the authorizer id; GetAtt AuthorizerId. */
export const authorizer: ResourceType = {
  async create(request) {
    const p = request.properties;
    const created = await request.call('apigateway', 'CreateAuthorizer', {
      restApiId: p.RestApiId,
      name: p.Name ?? request.physicalName({ maxLength: 128 }),
      type: p.Type,
      providerARNs: p.ProviderARNs,
      authType: p.AuthType,
      authorizerUri: p.AuthorizerUri,
      authorizerCredentials: p.AuthorizerCredentials,
      identitySource: p.IdentitySource,
      identityValidationExpression: p.IdentityValidationExpression,
      authorizerResultTtlInSeconds: count(p.AuthorizerResultTtlInSeconds),
    });
    return { physicalId: created.id, attributes: { AuthorizerId: created.id } };
  },
  async update(request) {
    await patch(request, 'UpdateAuthorizer', { authorizerId: request.physicalId }, AUTHORIZER_PATHS);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteAuthorizer', { restApiId: request.properties.RestApiId, authorizerId: request.physicalId });
  },
  createOnly: ['RestApiId', 'ProviderARNs'],
};

/** `AWS::ApiGateway::Model`: Ref is the model name. */
export const model: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.Name ?? request.physicalName({ maxLength: 64, separator: '' }).replace(/[^a-zA-Z0-9]/g, '');
    await request.call('apigateway', 'CreateModel', { restApiId: p.RestApiId, name, contentType: p.ContentType ?? 'application/json', description: p.Description, schema: jsonText(p.Schema) });
    return { physicalId: name, attributes: {} };
  },
  async update(request) {
    const schema = (p: Properties) => ({ ...p, Schema: jsonText(p.Schema) });
    await patch({ ...request, previous: schema(request.previous), properties: schema(request.properties) }, 'UpdateModel', { modelName: request.physicalId }, { Description: '/description', Schema: '/schema' });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteModel', { restApiId: request.properties.RestApiId, modelName: request.physicalId });
  },
  createOnly: ['RestApiId', 'Name', 'ContentType'],
};

/** `AWS::ApiGateway::RequestValidator`: Ref is the validator id; GetAtt RequestValidatorId. */
export const requestValidator: ResourceType = {
  async create(request) {
    const p = request.properties;
    const created = await request.call('apigateway', 'CreateRequestValidator', {
      restApiId: p.RestApiId,
      name: p.Name ?? request.physicalName({ maxLength: 128 }),
      validateRequestBody: flag(p.ValidateRequestBody),
      validateRequestParameters: flag(p.ValidateRequestParameters),
    });
    return { physicalId: created.id, attributes: { RequestValidatorId: created.id } };
  },
  async update(request) {
    await patch(request, 'UpdateRequestValidator', { requestValidatorId: request.physicalId }, {
      ValidateRequestBody: '/validateRequestBody',
      ValidateRequestParameters: '/validateRequestParameters',
    });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteRequestValidator', { restApiId: request.properties.RestApiId, requestValidatorId: request.physicalId });
  },
  createOnly: ['RestApiId', 'Name'],
};

/** `AWS::ApiGateway::GatewayResponse`: Ref is an id CloudFormation makes; an update puts the response again. */
export const gatewayResponse: ResourceType = {
  async create(request) {
    await putGatewayResponse(request);
    return { physicalId: generatedId(request), attributes: {} };
  },
  async update(request) {
    await putGatewayResponse(request);
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteGatewayResponse', { restApiId: request.properties.RestApiId, responseType: request.properties.ResponseType });
  },
  createOnly: ['RestApiId', 'ResponseType'],
};

function putGatewayResponse(request: ResourceRequest) {
  const p = request.properties;
  return request.call('apigateway', 'PutGatewayResponse', {
    restApiId: p.RestApiId,
    responseType: p.ResponseType,
    statusCode: p.StatusCode === undefined ? undefined : String(p.StatusCode),
    responseParameters: p.ResponseParameters,
    responseTemplates: p.ResponseTemplates,
  });
}

/**
 * `AWS::ApiGateway::Account`: the region's CloudWatch role for API Gateway logging. Ref is an id CloudFormation
 * makes; GetAtt Id. Deleting the resource leaves the account setting as it is, as on AWS.
 */
export const account: ResourceType = {
  async create(request) {
    await setRole(request);
    const id = generatedId(request);
    return { physicalId: id, attributes: { Id: id } };
  },
  async update(request) {
    await setRole(request);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete() {},
};

function setRole(request: ResourceRequest) {
  const role = request.properties.CloudWatchRoleArn;
  return request.call('apigateway', 'UpdateAccount', { patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: role ?? '' }] });
}
