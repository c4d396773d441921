import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { carried, defined, passedThrough, resolveParameterRefs, TransformErrorFor, withGlobals, type Expansion } from './context.ts';
import { autoDeployedStage } from './http-api-resource.ts';
import { addHttpDomain } from './http-domain.ts';

// An `AWS::Serverless::WebSocketApi` as SAM's WebSocketApiGenerator makes it: the `AWS::ApiGatewayV2::Api` (protocol
// WEBSOCKET), per route a Route, an AWS_PROXY Integration to the route's function and the function's permission, the
// Domain as for HTTP APIs, an auto-deployed stage, and for Auth CUSTOM a REQUEST authorizer on `$connect` with its
// permission (unless it has an InvokeRole).

const SAM_TAG = 'websocketapi:createdBy';
const DEFAULT_STAGE = 'default';
const SPECIAL_ROUTES = ['$connect', '$disconnect', '$default'];
const AUTH_TYPES = ['AWS_IAM', 'CUSTOM', 'NONE'];

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
const isIntrinsic = (v: unknown) => isMap(v) && Object.keys(v).length === 1 && /^(Ref|Fn::.+)$/.test(Object.keys(v)[0]);

/** SAM's property types of the resource, in its order: the type SAM names in its message, or undefined for one of several. */
const PROPERTY_TYPES: [string, 'map' | 'string' | 'boolean' | undefined, boolean][] = [
  ['ApiKeySelectionExpression', 'string', false],
  ['AccessLogSettings', 'map', false],
  ['Auth', 'map', false],
  ['DefaultRouteSettings', 'map', false],
  ['Description', 'string', false],
  ['DisableExecuteApiEndpoint', 'boolean', false],
  ['Domain', 'map', false],
  ['DisableSchemaValidation', 'boolean', false],
  ['FailOnWarnings', 'boolean', false],
  ['IpAddressType', 'string', false],
  ['Name', 'string', false],
  ['PropagateTags', 'boolean', false],
  ['Routes', 'map', true],
  ['RouteSettings', 'map', false],
  ['RouteSelectionExpression', 'string', true],
  ['StageName', undefined, false],
  ['StageVariables', 'map', false],
  ['Tags', 'map', false],
];

/** SAM's validate_properties: required properties present, the others of their type (intrinsics left to CloudFormation). */
function validate(id: string, p: Properties): void {
  const is = { map: isMap, string: (v: unknown) => typeof v === 'string', boolean: (v: unknown) => typeof v === 'boolean' };
  for (const [name, type, required] of PROPERTY_TYPES) {
    const value = p[name];
    if (isIntrinsic(value)) continue;
    if (value === undefined || value === null) {
      if (required) throw new TransformErrorFor(id, `Missing required property '${name}'.`);
    } else if (type ? !is[type](value) : !(typeof value === 'string' || isMap(value))) {
      throw new TransformErrorFor(id, type ? `Property '${name}' should be a ${type}.` : `Type of property '${name}' is invalid.`);
    }
  }
}

/** A route key as part of a logical id: the special routes without their `$`, others alphanumeric; capitalized as Python does. */
function routeIdPart(id: string, key: string): string {
  const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  if (SPECIAL_ROUTES.includes(key)) return capitalize(key.slice(1));
  if (/^[\p{L}\p{N}]+$/u.test(key)) return capitalize(key);
  throw new TransformErrorFor(id, `Route key '${key}' must be alphanumeric. Only $connect, $disconnect, and $default special routes are supported.`);
}

/** The auth type of the `$connect` route (validated as SAM does). */
function authType(id: string, auth: Properties): string {
  const type = auth.AuthType;
  if (!type) throw new TransformErrorFor(id, 'AuthType must be specified for additional auth configurations.');
  const upper = String(type).toUpperCase();
  if (!AUTH_TYPES.includes(upper)) throw new TransformErrorFor(id, 'AuthType is not one of AWS_IAM, CUSTOM or NONE.');
  if (upper === 'CUSTOM' && !auth.AuthArn) throw new TransformErrorFor(id, 'AuthArn must be specified if AuthType is CUSTOM.');
  if (upper !== 'CUSTOM' && Object.keys(auth).length > 1) throw new TransformErrorFor(id, `No additional configurations supported for AuthType ${upper}.`);
  return type as string;
}

const lambdaUri = (name: string, arn: unknown) => ({ 'Fn::Sub': [`arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${name}}/invocations`, { [name]: arn }] });

/** The resources of one WebSocket API (see the module's comment). */
export function expandWebSocketApi(expansion: Expansion, id: string, resource: TemplateResource): void {
  const given = resource.Properties ?? {};
  if (!isMap(given)) throw new TransformErrorFor(id, 'Properties should be a map.');
  const p = withGlobals(expansion.globals.WebSocketApi, given as Properties);
  validate(id, p);
  // SAM substitutes the stack's parameters in these.
  const auth = resolveParameterRefs(p.Auth, expansion.parameterValues) as Properties | undefined;
  const domain = resolveParameterRefs(p.Domain, expansion.parameterValues) as Properties | undefined;
  const routes = resolveParameterRefs(p.Routes, expansion.parameterValues) as Properties;
  const stageName = p.StageName ?? DEFAULT_STAGE;
  if (!Object.keys(routes).length) throw new TransformErrorFor(id, 'WebSocket API must have at least one route.');
  if (p.IpAddressType !== undefined && p.IpAddressType !== null && !isIntrinsic(p.IpAddressType) && !['ipv4', 'dualstack'].includes(p.IpAddressType)) {
    throw new TransformErrorFor(id, "IpAddressType must be 'ipv4' or 'dualstack'.");
  }
  if (domain?.MutualTlsAuthentication) throw new TransformErrorFor(id, 'Mutual TLS domain name association is not supported for Websocket APIs.');
  if (auth && !Object.hasOwn(routes, '$connect')) throw new TransformErrorFor(id, 'Authorization is only available if there is a $connect route.');
  // SAM adds its tag to the resource's own Tags, which it then propagates.
  const tags = { ...((p.Tags as Properties | undefined) ?? {}), [SAM_TAG]: 'SAM' };
  const attributes = carried(resource);
  const passed = passedThrough(resource);
  const made: Record<string, TemplateResource> = {};
  made[id] = {
    ...defined({ DependsOn: attributes.DependsOn }),
    Type: 'AWS::ApiGatewayV2::Api',
    Properties: defined({
      ApiKeySelectionExpression: p.ApiKeySelectionExpression,
      Description: p.Description,
      DisableExecuteApiEndpoint: p.DisableExecuteApiEndpoint,
      DisableSchemaValidation: p.DisableSchemaValidation,
      IpAddressType: p.IpAddressType,
      Name: p.Name ?? id,
      RouteSelectionExpression: p.RouteSelectionExpression,
      Tags: tags,
      ProtocolType: 'WEBSOCKET',
    }),
  } as TemplateResource;
  if (stageName === '$default') throw new TransformErrorFor(id, 'Stages cannot be named $default for WebSocket APIs.');
  const stageId = typeof stageName === 'string' && stageName !== DEFAULT_STAGE ? `${id}${stageName}Stage` : typeof stageName === 'string' ? `${id}DefaultStage` : `${id}Stage`;
  // The domain goes in after the routes (SAM lists it so); it is made first, as SAM does, for the order of the errors.
  const before = { ...expansion.resources };
  const domainId = addHttpDomain({ ...expansion, resources: before }, { id, stage: stageId, attributes: passed, tag: SAM_TAG }, domain);
  // (a record set group of the same hosted zone is shared, edited where it is)
  const domainResources = Object.fromEntries(Object.entries(before).filter(([key]) => !Object.hasOwn(expansion.resources, key)));
  const routeIds: string[] = [];
  let authorizerId: string | undefined;
  for (const [key, spec] of Object.entries(routes)) {
    const base = `${id}${routeIdPart(id, key)}`;
    const route: Properties = defined({
      RouteKey: key,
      ApiId: { Ref: id },
      ApiKeyRequired: spec?.ApiKeyRequired,
      ModelSelectionExpression: spec?.ModelSelectionExpression,
      OperationName: spec?.OperationName,
      RequestModels: spec?.RequestModels,
    });
    if (spec?.RequestParameters) {
      if (key !== '$connect') throw new TransformErrorFor(id, 'Request parameters are only supported for the $connect route in WebSocket APIs.');
      route.RequestParameters = spec.RequestParameters;
    }
    Object.assign(route, defined({ RouteResponseSelectionExpression: spec?.RouteResponseSelectionExpression, Target: { 'Fn::Join': ['/', ['integrations', { Ref: `${base}Integration` }]] } }));
    if (auth) {
      const type = authType(id, auth);
      if (key === '$connect') {
        route.AuthorizationType = type === 'CUSTOM' ? 'CUSTOM' : type === 'AWS_IAM' ? 'AWS_IAM' : 'NONE';
        if (type === 'CUSTOM') {
          authorizerId = `${id}ConnectAuthorizer`;
          route.AuthorizerId = { Ref: authorizerId };
        }
      }
    }
    if (!isMap(spec) || !Object.hasOwn(spec, 'FunctionArn')) throw new TransformErrorFor(id, 'Route must have associated function.');
    made[`${base}Route`] = { ...passed, Type: 'AWS::ApiGatewayV2::Route', Properties: route } as TemplateResource;
    made[`${base}Integration`] = {
      ...passed,
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: defined({ ApiId: { Ref: id }, IntegrationType: 'AWS_PROXY', IntegrationUri: lambdaUri('FunctionArn', spec.FunctionArn), TimeoutInMillis: spec.IntegrationTimeout }),
    } as TemplateResource;
    const apiArn = `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${id}.ApiId}`;
    made[`${base}Permission`] = {
      ...passed,
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: spec.FunctionArn,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: typeof stageName === 'string' ? { 'Fn::Sub': `${apiArn}/${stageName}/${key}` } : { 'Fn::Sub': [`${apiArn}/\${__StageName__}/${key}`, { __StageName__: stageName }] },
      },
    } as TemplateResource;
    routeIds.push(`${base}Route`);
  }
  Object.assign(made, domainResources);
  made[stageId] = {
    ...passed,
    ...(p.RouteSettings ? { DependsOn: routeIds } : {}),
    Type: 'AWS::ApiGatewayV2::Stage',
    Properties: autoDeployedStage(id, stageName, p, { [SAM_TAG]: 'SAM' }),
  } as TemplateResource;
  if (authorizerId && auth) {
    made[authorizerId] = {
      ...passed,
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: defined({
        ApiId: { Ref: id },
        AuthorizerCredentialsArn: Object.hasOwn(auth, 'InvokeRole') ? auth.InvokeRole : undefined,
        AuthorizerType: 'REQUEST',
        AuthorizerUri: Object.hasOwn(auth, 'AuthArn') ? lambdaUri('AuthArn', auth.AuthArn) : undefined,
        IdentitySource: auth.IdentitySource ?? undefined,
        Name: auth.Name || authorizerId,
      }),
    } as TemplateResource;
    if (!auth.InvokeRole) {
      made[`${id}AuthorizerPermission`] = {
        ...passed,
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: auth.AuthArn,
          Principal: 'apigateway.amazonaws.com',
          SourceArn: { 'Fn::Sub': ['arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*', { __ApiId__: { Ref: id } }] },
        },
      } as TemplateResource;
    }
  }
  // PropagateTags: the API's tags (SAM's included) on every resource made that has Tags (as a map on these types).
  if (p.PropagateTags && p.Tags) {
    for (const made_ of [made[id], made[stageId], domainId ? made[domainId] : undefined]) if (made_) (made_.Properties as Properties).Tags = { ...tags };
  }
  Object.assign(expansion.resources, made);
}
