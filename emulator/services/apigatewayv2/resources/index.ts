import { buildArn } from '../../../core/arn.ts';
import { jsonText, resourceTags, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';

/** The template's properties an operation takes: API Gateway V2's members are named as the template's properties. */
function pick(p: Properties, names: readonly string[]): Properties {
  return Object.fromEntries(names.filter((n) => p[n] !== undefined).map((n) => [n, p[n]]));
}

/** The stack's tags and the resource's own `Tags`, which API Gateway V2 templates give as a map. */
function tagMap(request: ResourceRequest): Record<string, string> | undefined {
  const tags = Object.fromEntries(resourceTags(request).map((t) => [t.Key, t.Value]));
  return Object.keys(tags).length ? tags : undefined;
}

async function openApiBody(request: ResourceRequest): Promise<string | undefined> {
  const p = request.properties;
  if (p.Body !== undefined) return jsonText(p.Body);
  if (!p.BodyS3Location) return undefined;
  const object = await request.call<{ Body: AsyncIterable<Buffer> }>('s3', 'GetObject', { Bucket: p.BodyS3Location.Bucket, Key: p.BodyS3Location.Key, VersionId: p.BodyS3Location.Version });
  const chunks: Buffer[] = [];
  for await (const chunk of object.Body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const API_MEMBERS = ['Name', 'ProtocolType', 'Description', 'Version', 'RouteSelectionExpression', 'ApiKeySelectionExpression', 'CorsConfiguration', 'DisableExecuteApiEndpoint', 'DisableSchemaValidation', 'IpAddressType'] as const;
const QUICK_CREATE = ['Target', 'RouteKey', 'CredentialsArn'] as const;

async function apiState(request: ResourceRequest, id: string) {
  const api = await request.call('apigatewayv2', 'GetApi', { ApiId: id });
  return { physicalId: id, attributes: { ApiId: id, ApiEndpoint: api.ApiEndpoint } };
}

/** `AWS::ApiGatewayV2::Api`: Ref is the API id; GetAtt ApiId, ApiEndpoint. An OpenAPI `Body` imports the API. */
const api: ResourceType = {
  async create(request) {
    const p = request.properties;
    const body = await openApiBody(request);
    let id: string;
    if (body !== undefined) {
      ({ ApiId: id } = await request.call('apigatewayv2', 'ImportApi', { Body: body, Basepath: p.BasePath, FailOnWarnings: p.FailOnWarnings }));
      const overrides = pick(p, API_MEMBERS.filter((n) => n !== 'ProtocolType'));
      if (Object.keys(overrides).length) await request.call('apigatewayv2', 'UpdateApi', { ApiId: id, ...overrides });
      const tags = tagMap(request);
      if (tags) await request.call('apigatewayv2', 'TagResource', { ResourceArn: buildArn({ service: 'apigateway', region: request.region, accountId: '', resource: `/apis/${id}` }), Tags: tags });
    } else {
      ({ ApiId: id } = await request.call('apigatewayv2', 'CreateApi', { ...pick(p, [...API_MEMBERS, ...QUICK_CREATE]), Tags: tagMap(request) }));
    }
    return apiState(request, id);
  },
  async update(request) {
    const p = request.properties;
    const body = await openApiBody(request);
    if (body !== undefined && body !== jsonText(request.previous.Body)) await request.call('apigatewayv2', 'ReimportApi', { ApiId: request.physicalId, Body: body, Basepath: p.BasePath });
    await request.call('apigatewayv2', 'UpdateApi', { ApiId: request.physicalId, ...pick(p, API_MEMBERS.filter((n) => n !== 'ProtocolType')) });
    return apiState(request, request.physicalId);
  },
  async delete(request) {
    await request.call('apigatewayv2', 'DeleteApi', { ApiId: request.physicalId });
  },
  createOnly: ['ProtocolType', ...QUICK_CREATE],
};

/** A part of an API (route, integration, authorizer, deployment) created, updated and deleted by its id. */
function apiPart(kind: string, members: readonly string[], convert: (p: Properties) => Properties = (p) => p): ResourceType {
  const idMember = `${kind}Id`;
  return {
    async create(request) {
      const created = await request.call('apigatewayv2', `Create${kind}`, { ApiId: request.properties.ApiId, ...convert(pick(request.properties, members)) });
      return { physicalId: created[idMember], attributes: { [idMember]: created[idMember] } };
    },
    async update(request) {
      await request.call('apigatewayv2', `Update${kind}`, { ApiId: request.properties.ApiId, [idMember]: request.physicalId, ...convert(pick(request.properties, members)) });
      return { physicalId: request.physicalId, attributes: request.attributes };
    },
    async delete(request) {
      await request.call('apigatewayv2', `Delete${kind}`, { ApiId: request.properties.ApiId, [idMember]: request.physicalId });
    },
    createOnly: ['ApiId'],
  };
}

/** Integration response parameters: templates list `{Destination, Source}` pairs; the API takes a map. */
function integrationInput(p: Properties): Properties {
  if (!p.ResponseParameters) return p;
  const responseParameters = Object.fromEntries(
    Object.entries(p.ResponseParameters as Record<string, Properties>).map(([status, map]) => [
      status,
      Object.fromEntries(((map.ResponseParameters ?? []) as Properties[]).map((m) => [m.Destination, m.Source])),
    ]),
  );
  return { ...p, ResponseParameters: responseParameters };
}

const route = apiPart('Route', [
  'RouteKey', 'Target', 'AuthorizationType', 'AuthorizerId', 'AuthorizationScopes', 'ApiKeyRequired', 'OperationName',
  'RequestModels', 'RequestParameters', 'RouteResponseSelectionExpression', 'ModelSelectionExpression',
]);
const integration = apiPart('Integration', [
  'IntegrationType', 'IntegrationUri', 'IntegrationMethod', 'IntegrationSubtype', 'PayloadFormatVersion', 'ConnectionType',
  'ConnectionId', 'CredentialsArn', 'Description', 'PassthroughBehavior', 'RequestParameters', 'RequestTemplates',
  'ResponseParameters', 'TemplateSelectionExpression', 'TimeoutInMillis', 'TlsConfig', 'ContentHandlingStrategy',
], integrationInput);
const authorizer = apiPart('Authorizer', [
  'AuthorizerType', 'Name', 'AuthorizerUri', 'AuthorizerCredentialsArn', 'IdentitySource', 'IdentityValidationExpression',
  'JwtConfiguration', 'AuthorizerPayloadFormatVersion', 'AuthorizerResultTtlInSeconds', 'EnableSimpleResponses',
]);
const deployment = apiPart('Deployment', ['Description', 'StageName']);

const STAGE_MEMBERS = ['DeploymentId', 'AutoDeploy', 'Description', 'StageVariables', 'DefaultRouteSettings', 'RouteSettings', 'AccessLogSettings', 'ClientCertificateId'];

/** `AWS::ApiGatewayV2::Stage`: Ref is the stage name. */
const stage: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.StageName ?? request.physicalName({ maxLength: 128 });
    await request.call('apigatewayv2', 'CreateStage', { ApiId: p.ApiId, StageName: name, ...pick(p, STAGE_MEMBERS), Tags: tagMap(request) });
    return { physicalId: name, attributes: {} };
  },
  async update(request) {
    await request.call('apigatewayv2', 'UpdateStage', { ApiId: request.properties.ApiId, StageName: request.physicalId, ...pick(request.properties, STAGE_MEMBERS) });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('apigatewayv2', 'DeleteStage', { ApiId: request.properties.ApiId, StageName: request.physicalId });
  },
  createOnly: ['ApiId', 'StageName'],
};

/** The CloudFormation resource types of API Gateway V2 (HTTP and WebSocket APIs). */
const types: ResourceTypes = {
  'AWS::ApiGatewayV2::Api': api,
  'AWS::ApiGatewayV2::Route': route,
  'AWS::ApiGatewayV2::Integration': integration,
  'AWS::ApiGatewayV2::Authorizer': authorizer,
  'AWS::ApiGatewayV2::Deployment': deployment,
  'AWS::ApiGatewayV2::Stage': stage,
};

export default types;
