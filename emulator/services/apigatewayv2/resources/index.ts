import type { Api, Stage } from '@aws-sdk/client-apigatewayv2';
import { jsonText, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { givenMembers, templateOrder, templateTags, adoptByReading, listUnder } from '../../cloudformation/read-back.ts';
import { allIds, apiPart, arnOf, members, pick, tagMap } from './common.ts';
import { apiMapping, domainName, vpcLink } from './domains.ts';
import { managedOverrides } from './overrides.ts';
import { integrationResponse, model, routeResponse } from './responses.ts';

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
  properties: [
    'ApiKeySelectionExpression',
    'BasePath',
    'Body',
    'BodyS3Location',
    'CorsConfiguration',
    'CredentialsArn',
    'Description',
    'DisableExecuteApiEndpoint',
    'DisableSchemaValidation',
    'FailOnWarnings',
    'IpAddressType',
    'Name',
    'ProtocolType',
    'RouteKey',
    'RouteSelectionExpression',
    'Tags',
    'Target',
    'Version',
  ],
  async create(request) {
    const p = request.properties;
    const body = await openApiBody(request);
    let id: string;
    if (body !== undefined) {
      ({ ApiId: id } = await request.call('apigatewayv2', 'ImportApi', { Body: body, Basepath: p.BasePath, FailOnWarnings: p.FailOnWarnings }));
      const overrides = pick(p, API_MEMBERS.filter((n) => n !== 'ProtocolType'));
      if (Object.keys(overrides).length) await request.call('apigatewayv2', 'UpdateApi', { ApiId: id, ...overrides });
      const tags = tagMap(request);
      if (tags) await request.call('apigatewayv2', 'TagResource', { ResourceArn: arnOf(request, `/apis/${id}`), Tags: tags });
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
  // BasePath, Body, BodyS3Location, CredentialsArn, FailOnWarnings, RouteKey, Target and DisableSchemaValidation are
  // write-only in AWS's schema: not read back.
  async read(request) {
    const a = await request.call<Api>('apigatewayv2', 'GetApi', { ApiId: request.physicalId });
    const readable = API_MEMBERS.filter((name) => name !== 'DisableSchemaValidation');
    return { ...members(a, readable), CorsConfiguration: givenMembers(request.properties.CorsConfiguration, a.CorsConfiguration), Tags: templateTags(request, a.Tags) };
  },
  createOnly: ['ProtocolType', ...QUICK_CREATE],
};

/** Integration response parameters as templates list them (`{Destination, Source}` pairs per status code), in their order. */
function integrationRead(answer: Properties, given: Properties): Properties {
  const read = { ...answer, TlsConfig: givenMembers(given.TlsConfig, answer.TlsConfig) };
  if (!answer.ResponseParameters) return read;
  const responseParameters = Object.fromEntries(
    Object.entries(answer.ResponseParameters as Record<string, Record<string, string>>).map(([status, map]) => {
      const pairs = Object.entries(map).map(([Destination, Source]) => ({ Destination, Source }));
      return [status, { ResponseParameters: templateOrder(given.ResponseParameters?.[status]?.ResponseParameters, pairs, (m) => (m as Properties).Destination) }];
    }),
  );
  return { ...read, ResponseParameters: responseParameters };
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
], { writeOnly: ['AuthorizerId', 'RequestParameters'] });
const integration = apiPart('Integration', [
  'IntegrationType', 'IntegrationUri', 'IntegrationMethod', 'IntegrationSubtype', 'PayloadFormatVersion', 'ConnectionType',
  'ConnectionId', 'CredentialsArn', 'Description', 'PassthroughBehavior', 'RequestParameters', 'RequestTemplates',
  'ResponseParameters', 'TemplateSelectionExpression', 'TimeoutInMillis', 'TlsConfig', 'ContentHandlingStrategy',
], { convert: integrationInput, readBack: integrationRead });
const authorizer = apiPart('Authorizer', [
  'AuthorizerType', 'Name', 'AuthorizerUri', 'AuthorizerCredentialsArn', 'IdentitySource', 'IdentityValidationExpression',
  'JwtConfiguration', 'AuthorizerPayloadFormatVersion', 'AuthorizerResultTtlInSeconds', 'EnableSimpleResponses',
], {
  readBack: (answer, given) => ({ ...answer, JwtConfiguration: givenMembers(given.JwtConfiguration, answer.JwtConfiguration) }),
  primaryIdentifier: ['AuthorizerId', 'ApiId'],
});
const deployment = apiPart('Deployment', ['Description', 'StageName'], { writeOnly: ['StageName'] });

const STAGE_MEMBERS = ['DeploymentId', 'AutoDeploy', 'Description', 'StageVariables', 'DefaultRouteSettings', 'RouteSettings', 'AccessLogSettings', 'ClientCertificateId'];

/** `AWS::ApiGatewayV2::Stage`: Ref is the stage name. */
const stage: ResourceType = {
  // AWS's schema has AccessPolicyId too (not in the API Gateway V2 model here): a template setting it fails rather than being ignored.
  properties: [
    'AccessLogSettings',
    'ApiId',
    'AutoDeploy',
    'ClientCertificateId',
    'DefaultRouteSettings',
    'DeploymentId',
    'Description',
    'RouteSettings',
    'StageName',
    'StageVariables',
    'Tags',
  ],
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
  async read(request) {
    const p = request.properties;
    const s = await request.call<Stage>('apigatewayv2', 'GetStage', { ApiId: p.ApiId, StageName: request.physicalId });
    const routeSettings = s.RouteSettings && Object.fromEntries(Object.entries(s.RouteSettings).map(([key, settings]) => [key, givenMembers(p.RouteSettings?.[key], settings)]));
    return {
      ApiId: p.ApiId,
      StageName: s.StageName,
      ...members(s, ['DeploymentId', 'AutoDeploy', 'Description', 'StageVariables', 'ClientCertificateId']),
      DefaultRouteSettings: givenMembers(p.DefaultRouteSettings, s.DefaultRouteSettings),
      RouteSettings: routeSettings,
      AccessLogSettings: givenMembers(p.AccessLogSettings, s.AccessLogSettings),
      Tags: templateTags(request, s.Tags),
    };
  },
  createOnly: ['ApiId', 'StageName'],
  primaryIdentifier: ['ApiId', 'StageName'],
  adopt: adoptByReading((request) => stage.read!(request), (id) => id.StageName),
  ...listUnder(['ApiId'], 'StageName', (request) => stage.read!(request), (request, parents) => allIds(request, 'GetStages', parents, 'StageName')),
};

/** The CloudFormation resource types of API Gateway V2 (HTTP and WebSocket APIs). */
const types: ResourceTypes = {
  'AWS::ApiGatewayV2::Api': api,
  'AWS::ApiGatewayV2::Route': route,
  'AWS::ApiGatewayV2::Integration': integration,
  'AWS::ApiGatewayV2::Authorizer': authorizer,
  'AWS::ApiGatewayV2::Deployment': deployment,
  'AWS::ApiGatewayV2::Stage': stage,
  'AWS::ApiGatewayV2::Model': model,
  'AWS::ApiGatewayV2::RouteResponse': routeResponse,
  'AWS::ApiGatewayV2::IntegrationResponse': integrationResponse,
  'AWS::ApiGatewayV2::DomainName': domainName,
  'AWS::ApiGatewayV2::ApiMapping': apiMapping,
  'AWS::ApiGatewayV2::VpcLink': vpcLink,
  'AWS::ApiGatewayV2::ApiGatewayManagedOverrides': managedOverrides,
};

export default types;
