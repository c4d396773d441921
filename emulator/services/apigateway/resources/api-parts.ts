import { jsonText, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import type { Account, Authorizer, GatewayResponse, Model, RequestValidator } from '@aws-sdk/client-api-gateway';
import { jsonAsGiven, templateOrder, adoptByReading } from '../../cloudformation/read-back.ts';
import { notFound } from '../errors.ts';
import { count, flag, generatedId, patchChanges, listUnderApi } from './values.ts';

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
  properties: [
    'AuthType',
    'AuthorizerCredentials',
    'AuthorizerResultTtlInSeconds',
    'AuthorizerUri',
    'IdentitySource',
    'IdentityValidationExpression',
    'Name',
    'ProviderARNs',
    'RestApiId',
    'Type',
  ],
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
  async read(request) {
    const p = request.properties;
    const a = await request.call<Authorizer>('apigateway', 'GetAuthorizer', { restApiId: p.RestApiId, authorizerId: request.physicalId });
    return {
      RestApiId: p.RestApiId,
      Name: a.name,
      Type: a.type,
      ProviderARNs: templateOrder(p.ProviderARNs, a.providerARNs ?? [], String),
      AuthType: a.authType,
      AuthorizerUri: a.authorizerUri,
      AuthorizerCredentials: a.authorizerCredentials,
      IdentitySource: a.identitySource,
      IdentityValidationExpression: a.identityValidationExpression,
      AuthorizerResultTtlInSeconds: a.authorizerResultTtlInSeconds,
    };
  },
  createOnly: ['RestApiId', 'ProviderARNs'],
  primaryIdentifier: ['RestApiId', 'AuthorizerId'],
  adopt: adoptByReading((request) => authorizer.read!(request), (id) => id.AuthorizerId, (id) => ({ AuthorizerId: id.AuthorizerId })),
  ...listUnderApi('AuthorizerId', (request) => authorizer.read!(request), 'GetAuthorizers', 'id'),
};

/** `AWS::ApiGateway::Model`: Ref is the model name. */
export const model: ResourceType = {
  properties: ['ContentType', 'Description', 'Name', 'RestApiId', 'Schema'],
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
  async read(request) {
    const p = request.properties;
    const m = await request.call<Model>('apigateway', 'GetModel', { restApiId: p.RestApiId, modelName: request.physicalId });
    return { RestApiId: p.RestApiId, Name: m.name, ContentType: m.contentType, Description: m.description, Schema: jsonAsGiven(p.Schema, m.schema) };
  },
  createOnly: ['RestApiId', 'Name', 'ContentType'],
  primaryIdentifier: ['RestApiId', 'Name'],
  adopt: adoptByReading((request) => model.read!(request), (id) => id.Name),
  ...listUnderApi('Name', (request) => model.read!(request), 'GetModels', 'name'),
};

/** `AWS::ApiGateway::RequestValidator`: Ref is the validator id; GetAtt RequestValidatorId. */
export const requestValidator: ResourceType = {
  properties: ['Name', 'RestApiId', 'ValidateRequestBody', 'ValidateRequestParameters'],
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
  async read(request) {
    const p = request.properties;
    const v = await request.call<RequestValidator>('apigateway', 'GetRequestValidator', { restApiId: p.RestApiId, requestValidatorId: request.physicalId });
    return { RestApiId: p.RestApiId, Name: v.name, ValidateRequestBody: v.validateRequestBody, ValidateRequestParameters: v.validateRequestParameters };
  },
  createOnly: ['RestApiId', 'Name'],
  primaryIdentifier: ['RestApiId', 'RequestValidatorId'],
  adopt: adoptByReading((request) => requestValidator.read!(request), (id) => id.RequestValidatorId, (id) => ({ RequestValidatorId: id.RequestValidatorId })),
  ...listUnderApi('RequestValidatorId', (request) => requestValidator.read!(request), 'GetRequestValidators', 'id'),
};

/** `AWS::ApiGateway::GatewayResponse`: Ref is an id CloudFormation makes; an update puts the response again. */
export const gatewayResponse: ResourceType = {
  properties: ['ResponseParameters', 'ResponseTemplates', 'ResponseType', 'RestApiId', 'StatusCode'],
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
  async read(request) {
    const p = request.properties;
    const r = await request.call<GatewayResponse>('apigateway', 'GetGatewayResponse', { restApiId: p.RestApiId, responseType: p.ResponseType });
    // A response put back to API Gateway's default is no longer the stack's.
    if (r.defaultResponse) throw notFound('Gateway response type not defined on api');
    return { RestApiId: p.RestApiId, ResponseType: r.responseType, StatusCode: r.statusCode, ResponseParameters: r.responseParameters, ResponseTemplates: r.responseTemplates };
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
  /** AWS's schema has no list handler. */
  unlisted: true,
  properties: ['CloudWatchRoleArn'],
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
  async read(request) {
    const a = await request.call<Account>('apigateway', 'GetAccount', {});
    return { CloudWatchRoleArn: a.cloudwatchRoleArn };
  },
};

function setRole(request: ResourceRequest) {
  const role = request.properties.CloudWatchRoleArn;
  return request.call('apigateway', 'UpdateAccount', { patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: role ?? '' }] });
}
