import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { carried, defined, resolveParameterRefs, s3Location, stageLogicalId, TransformErrorFor, type Expansion } from './context.ts';
import type { HttpApiEntry } from './http-api.ts';
import { addHttpAuth, authorizerPermissions, httpAuthorizers } from './http-auth.ts';
import { addHttpDomain } from './http-domain.ts';
import { isOpenApi } from './openapi.ts';

// An `AWS::Serverless::HttpApi` as SAM's HttpApiGenerator makes it, once every function's events have added their
// routes: the edits of the definition in SAM's order (CorsConfiguration, Auth, Tags, DisableExecuteApiEndpoint, Name,
// Description), the `AWS::ApiGatewayV2::Api`, its Lambda authorizers' permissions, its Domain and its auto-deployed stage.

const CORS_KEYS = ['AllowMethods', 'AllowHeaders', 'AllowOrigins', 'MaxAge', 'ExposeHeaders', 'AllowCredentials'];
const SAM_TAG = 'httpapi:createdBy';
const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
const isIntrinsic = (v: unknown) => isMap(v) && Object.keys(v).length === 1 && /^(Ref|Fn::.+)$/.test(Object.keys(v)[0]);

/** `CorsConfiguration` as the definition's `x-amazon-apigateway-cors` (true: any origin; an intrinsic: the origins). */
function addCors(id: string, cors: unknown, body: Properties | undefined): void {
  if (!body) throw new TransformErrorFor(id, "Cors works only with inline OpenApi specified in 'DefinitionBody' property.");
  let c: Properties;
  if (typeof cors === 'boolean') c = { AllowOrigins: ['*'] };
  else if (isIntrinsic(cors)) c = { AllowOrigins: cors };
  else if (isMap(cors)) {
    const unknown = Object.keys(cors).find((k) => !CORS_KEYS.includes(k));
    if (unknown) throw new TransformErrorFor(id, `Invalid key '${unknown}' for 'Cors' property.`);
    c = cors;
  } else throw new TransformErrorFor(id, "Invalid value for 'Cors' property.");
  if (!isOpenApi(body)) throw new TransformErrorFor(id, "Unable to add Cors configuration because 'DefinitionBody' does not contain a valid OpenApi definition.");
  if (c.AllowCredentials === true && Array.isArray(c.AllowOrigins) && c.AllowOrigins.length === 1 && c.AllowOrigins[0] === '*') {
    throw new TransformErrorFor(id, "Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set.");
  }
  const existing = body['x-amazon-apigateway-cors'] ?? {};
  if (!isMap(existing)) throw new TransformErrorFor(id, "Value of 'x-amazon-apigateway-cors' must be a dictionary according to Swagger spec.");
  const out: Properties = { ...existing };
  if (c.AllowOrigins && isIntrinsic(c.AllowOrigins)) {
    // SAM lower-cases the keys' first letters throughout the intrinsic (an Fn::If between two configurations).
    let text = JSON.stringify(c.AllowOrigins);
    for (const key of CORS_KEYS) text = text.replaceAll(key, key[0].toLowerCase() + key.slice(1));
    Object.assign(out, JSON.parse(text));
  } else {
    if (c.AllowOrigins) out.allowOrigins = c.AllowOrigins;
    if (c.AllowHeaders) out.allowHeaders = c.AllowHeaders;
    if (c.AllowMethods) out.allowMethods = c.AllowMethods;
    if (c.ExposeHeaders) out.exposeHeaders = c.ExposeHeaders;
    if (c.MaxAge !== undefined && c.MaxAge !== null) out.maxAge = c.MaxAge;
    if (c.AllowCredentials === true) out.allowCredentials = true;
  }
  body['x-amazon-apigateway-cors'] = out;
}

/** The API's Tags and SAM's own as the definition's `tags` (kept on the stage too); undefined when SAM adds none. */
function addTags(id: string, given: unknown, body: Properties | undefined): Properties | undefined {
  if (given && !body) throw new TransformErrorFor(id, "Tags works only with inline OpenApi specified in the 'DefinitionBody' property.");
  if (!body) return undefined;
  if (given && !isOpenApi(body)) throw new TransformErrorFor(id, "Unable to add `Tags` because 'DefinitionBody' does not contain a valid OpenApi definition.");
  if (!isOpenApi(body)) return undefined;
  const tags: Properties = { ...((given as Properties | undefined) || {}), [SAM_TAG]: 'SAM' };
  const list = body.tags || [];
  if (!Array.isArray(list)) throw new TransformErrorFor(id, `Tags in OpenApi DefinitionBody needs to be a list. ${JSON.stringify(list)} is a dict not a list.`);
  for (const [name, value] of Object.entries(tags)) {
    const existing = list.find((t: Properties) => t?.name === name);
    if (existing) existing['x-amazon-apigateway-tag-value'] = value;
    else list.push({ name, 'x-amazon-apigateway-tag-value': value });
  }
  if (list.length) body.tags = list;
  return tags;
}

/** DisableExecuteApiEndpoint as the definition's servers' `x-amazon-apigateway-endpoint-configuration`. */
function addEndpointConfiguration(id: string, disable: unknown, body: Properties | undefined): void {
  if (!body) throw new TransformErrorFor(id, "DisableExecuteApiEndpoint works only within 'DefinitionBody' property.");
  const servers = (body.servers ?? [{}]) as unknown[];
  for (const server of servers) {
    if (!isMap(server)) throw new TransformErrorFor(id, "Value of 'servers' item must be a dictionary according to Swagger spec.");
    server['x-amazon-apigateway-endpoint-configuration'] = { ...(server['x-amazon-apigateway-endpoint-configuration'] ?? {}), disableExecuteApiEndpoint: disable };
  }
  body.servers = servers;
}

/** Name as the definition's title (it must still be SAM's default), Description as its info.description. */
function addInfo(id: string, p: Properties, body: Properties | undefined): void {
  if (p.Name) {
    if (!body) throw new TransformErrorFor(id, "Name works only with inline OpenApi specified in the 'DefinitionBody' property.");
    const title = body.info?.title;
    if (!isMap(title) || title.Ref !== 'AWS::StackName' || Object.keys(title).length !== 1) {
      throw new TransformErrorFor(id, "Unable to set Name because it is already defined within inline OpenAPI specified in the 'DefinitionBody' property.");
    }
    body.info = { ...body.info, title: p.Name };
  }
  if (p.Description) {
    if (!body) throw new TransformErrorFor(id, "Description works only with inline OpenApi specified in the 'DefinitionBody' property.");
    if (body.info?.description) throw new TransformErrorFor(id, "Unable to set Description because it is already defined within inline OpenAPI specified in the 'DefinitionBody' property.");
    body.info = { ...(body.info ?? {}), description: p.Description };
  }
}

/** DefinitionUri as BodyS3Location (`s3://bucket/key` or {Bucket, Key, Version}). */
function bodyS3Location(id: string, uri: unknown): Properties {
  if (isMap(uri) && (!uri.Bucket || !uri.Key)) throw new TransformErrorFor(id, "'DefinitionUri' requires Bucket and Key properties to be specified.");
  return s3Location(id, 'DefinitionUri', uri, ['Bucket', 'Key', 'Version']);
}

/** The stage's logical id: `<Api>ApiGatewayDefaultStage` for `$default`, else as for REST APIs. */
function httpStageLogicalId(id: string, stageName: unknown): string {
  return stageName === '$default' ? `${id}ApiGatewayDefaultStage` : stageLogicalId(id, stageName);
}

/** The resources of one HTTP API (see the module's comment). */
export function expandHttpApi(expansion: Expansion, id: string, api: HttpApiEntry): void {
  // SAM substitutes the stack's parameters in these two.
  const p: Properties = { ...api.properties, CorsConfiguration: resolveParameterRefs(api.properties.CorsConfiguration, expansion.parameterValues), Domain: resolveParameterRefs(api.properties.Domain, expansion.parameterValues) };
  const attributes = api.resource ? carried(api.resource) : {};
  const passed: Partial<TemplateResource> = defined({ Condition: attributes.Condition, DeletionPolicy: attributes.DeletionPolicy, UpdateReplacePolicy: attributes.UpdateReplacePolicy });
  if (p.DefinitionUri && p.DefinitionBody) throw new TransformErrorFor(id, "Specify either 'DefinitionUri' or 'DefinitionBody' property and not both.");
  const body = api.body;
  if (p.CorsConfiguration) addCors(id, p.CorsConfiguration, body);
  addHttpAuth(id, p.Auth, body, expansion.partition);
  const tags = addTags(id, p.Tags, body);
  if (p.DisableExecuteApiEndpoint !== undefined && p.DisableExecuteApiEndpoint !== null) addEndpointConfiguration(id, p.DisableExecuteApiEndpoint, body);
  addInfo(id, p, body);
  // With FailOnWarnings, API Gateway refuses the path `$default` (SAM issue 2297): SAM makes it `/$default`.
  if (p.FailOnWarnings && body && Object.hasOwn(body.paths ?? {}, '$default')) {
    const { $default: route, ...rest } = body.paths;
    body.paths = { ...rest, '/$default': route };
  }
  let definition: Properties;
  if (p.DefinitionUri) definition = { BodyS3Location: bodyS3Location(id, p.DefinitionUri) };
  else if (body) definition = { Body: body };
  else {
    throw new TransformErrorFor(
      id,
      "'DefinitionUri' or 'DefinitionBody' are required properties of an 'AWS::Serverless::HttpApi'. Add a value for one of these properties or add a 'HttpApi' event to an 'AWS::Serverless::Function'.",
    );
  }
  expansion.resources[id] = { ...attributes, Type: 'AWS::ApiGatewayV2::Api', Properties: defined({ ...definition, FailOnWarnings: p.FailOnWarnings || undefined }) } as TemplateResource;
  if (p.Auth) Object.assign(expansion.resources, authorizerPermissions(id, httpAuthorizers(id, p.Auth as Properties), passed));
  const stageName = p.StageName || '$default';
  const stage = httpStageLogicalId(id, stageName);
  // SAM gives the user's Tags (with its own) to the domain and the stage when it writes the definition.
  const propagated = p.Tags && body ? tags : undefined;
  const domain = addHttpDomain(expansion, { id, stage, attributes: passed }, p.Domain);
  if (domain && propagated) (expansion.resources[domain].Properties as Properties).Tags = propagated;
  expansion.resources[stage] = {
    ...passed,
    Type: 'AWS::ApiGatewayV2::Stage',
    Properties: autoDeployedStage(id, stageName, p, propagated ?? tags),
  } as TemplateResource;
}

/** The properties of the stage SAM writes for an HTTP or WebSocket API: deployed on every change, with the API's settings. */
export const autoDeployedStage = (apiId: string, stageName: unknown, p: Properties, tags: unknown): Properties =>
  defined({
    ApiId: { Ref: apiId },
    StageName: stageName,
    StageVariables: p.StageVariables,
    AccessLogSettings: p.AccessLogSettings,
    DefaultRouteSettings: p.DefaultRouteSettings,
    Tags: tags,
    AutoDeploy: true,
    RouteSettings: p.RouteSettings,
  });
