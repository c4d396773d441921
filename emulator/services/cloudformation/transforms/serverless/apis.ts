import { createHash } from 'node:crypto';
import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { addAuth } from './auth.ts';
import { addUsagePlan } from './api-extras.ts';
import { addDomain, samDomain } from './rest-domain.ts';
import { addCors } from './cors.ts';
import { addBinaryMediaTypes, addGatewayResponses } from './swagger-edits.ts';
import { restApiEntry } from './implicit-api.ts';
import { fromTemplate, insertConstant, insertionOrdered, iterationOrder, py27JsonDumps, setKey, py27Str, templateKeys, templateValues, tracked, type CopyClock } from './py27.ts';
import { carried, defined, resolveParameterRefs, s3Location, stageLogicalId, TransformErrorFor, withGlobals, type Expansion } from './context.ts';
import { expandHttpApi } from './http-api-resource.ts';
import { addEventValidators, addModels, checkModelsType } from './models.ts';
import { checkOpenApiVersion, openApiPostprocess, pythonStr } from './rest-openapi.ts';

/** Registers an `AWS::Serverless::Api` so that functions' events can add paths to it. */
export function declareRestApi(expansion: Expansion, id: string, resource: TemplateResource): void {
  const properties = withGlobals(expansion.globals.Api, (resource.Properties ?? {}) as Properties);
  checkModelsType(id, properties.Models);
  expansion.restApis.set(id, restApiEntry({ resource, properties }));
}

/**
 * The API's definition: its DefinitionUri, SAM's skeleton (`base`) with the events' paths, or its DefinitionBody, which
 * events leave alone unless MergeDefinitions: then each event's method (made on a skeleton of its own) replaces the
 * keys it has of the body's method (SAM's `{**body_method, **generated}`: a dict in insertion order), and a body without
 * paths gets none.
 */
function definition(id: string, p: Properties, paths: Properties, base: () => Properties, clock: CopyClock): Properties {
  if (p.DefinitionUri !== undefined) {
    // The location's parts come from the template (template strings, to SAM).
    return { BodyS3Location: templateValues(s3Location(id, 'DefinitionUri', p.DefinitionUri, ['Bucket', 'Key', 'Version']), 'Bucket', 'Key', 'Version') };
  }
  if (p.DefinitionBody === undefined) return { Body: base() };
  // The template's definition (template strings to SAM, see py27.ts).
  const body = fromTemplate(p.DefinitionBody as Properties);
  // The template's dict, there from the start of SAM's copies.
  const merged: Properties = tracked(fromTemplate({ ...body }), clock, 0);
  if (!p.MergeDefinitions || !body.paths || typeof body.paths !== 'object') return { Body: merged };
  merged.paths = fromTemplate({ ...body.paths });
  for (const [path, methods] of Object.entries(paths)) {
    // A new path is SAM's plain dict; the template's (a copy here) takes the method as a key of its own.
    const given = merged.paths[path] as Properties | undefined;
    const item = (merged.paths[path] = given && typeof given === 'object' ? fromTemplate({ ...given }) : insertionOrdered(templateKeys({}))) as Properties;
    for (const [method, generated] of Object.entries(methods as Properties)) {
      const mine = (item[method] ?? {}) as Properties;
      const made = generated as Properties;
      // The keys in the order SAM iterates both dicts (the template's first); the new dict keeps that order.
      const keys = [...iterationOrder(mine), ...iterationOrder(made).filter((k) => !Object.hasOwn(mine, k))];
      const both = Object.fromEntries(keys.map((k) => [k, Object.hasOwn(made, k) ? made[k] : mine[k]]));
      item[method] = insertionOrdered(templateKeys(both, keys.filter((k) => !Object.hasOwn(mine, k))));
    }
  }
  return { Body: merged };
}

/** The securityDefinitions the API's events added (AWS_IAM, api_key) joined to the definition's. */
function addEventSchemes(definition: Properties, schemes: Properties | undefined, schemesAt: number | undefined): void {
  if (!schemes || !Object.keys(schemes).length || !definition.Body) return;
  const existing = definition.Body.securityDefinitions as Properties | undefined;
  // Added by the event's edit, before the copy that ends it.
  if (!existing) return setKey(definition.Body, 'securityDefinitions', schemes, schemesAt);
  for (const name of Object.keys(schemes)) if (!Object.hasOwn(existing, name)) insertConstant(existing, name, schemes[name]);
}

/**
 * SAM's deployment hash: the SHA-1 of the definition as its Python 2.7 emulation prints it, then, each after `||`, the
 * OpenApiVersion, the Domain (as JSON) and the FunctionName of every function whose Api event names this API (SAM's make_auto_deployable).
 */
function deploymentHash(body: Properties, p: Properties, functionNames: string[]): string {
  const parts = [py27Str(body.Body ?? body.BodyS3Location)];
  if (p.OpenApiVersion) parts.push(pythonStr(p.OpenApiVersion));
  // SAM has added to the Domain by then (see samDomain).
  if (p.Domain && typeof p.Domain === 'object') parts.push(py27JsonDumps(samDomain(p.Domain)));
  if (functionNames.length) parts.push(functionNames.join(''));
  return createHash('sha1').update(parts.join('||')).digest('hex');
}

/**
 * `EndpointConfiguration` (a type, or {Type, VPCEndpointIds or VpcEndpointIds, IpAddressType}) as SAM sets it on the
 * RestApi, with the `endpointConfigurationTypes` parameter API Gateway's import reads.
 */
function endpointConfiguration(owner: string, endpoint: unknown): Properties {
  if (!endpoint) return {};
  if (typeof endpoint !== 'object' || !(endpoint as Properties).Type) return { EndpointConfiguration: { Types: [endpoint] }, Parameters: { endpointConfigurationTypes: endpoint } };
  const e = endpoint as Properties;
  if (e.VPCEndpointIds !== undefined && e.VpcEndpointIds !== undefined) throw new TransformErrorFor(owner, "'VPCEndpointIds' and 'VpcEndpointIds' cannot be used together in EndpointConfiguration.");
  const vpcEndpoints = e.VPCEndpointIds ?? e.VpcEndpointIds;
  return {
    EndpointConfiguration: defined({ Types: [e.Type], VpcEndpointIds: vpcEndpoints, IpAddressType: e.IpAddressType }),
    Parameters: { endpointConfigurationTypes: e.Type },
  };
}

/** The REST API, its deployment (a new one, with a new logical id, whenever the definition changes) and its stage. */
function expandRestApi(expansion: Expansion, id: string, api: Properties): void {
  const given = (api.properties ?? expansion.globals.Api ?? {}) as Properties;
  // SAM resolves the stack's parameters in a Domain.
  const p = given.Domain ? { ...given, Domain: resolveParameterRefs(given.Domain, expansion.parameterValues) } : given;
  const stageName = api.implicit ? 'Prod' : p.StageName;
  if (p.DefinitionUri !== undefined && p.MergeDefinitions) throw new TransformErrorFor(id, "Cannot set 'MergeDefinitions' to True when using `DefinitionUri`.");
  if (stageName === undefined) throw new TransformErrorFor(id, "Missing required property 'StageName'.");
  checkOpenApiVersion(id, p.OpenApiVersion);
  // SAM's skeleton (titled after the stack; Name names the RestApi only), made before the events' edits.
  const clock = api.clock as CopyClock;
  const body = definition(id, p, api.paths, () => api.skeleton as Properties, clock);
  addEventSchemes(body, api.securityDefinitions, api.schemesAt as number | undefined);
  addEventValidators(body, api);
  // The implicit API takes the condition of all its methods' functions.
  const attributes: Partial<TemplateResource> = api.resource ? carried(api.resource) : api.condition ? { Condition: api.condition as string } : {};
  // SAM's edits, in its order.
  if (p.Cors) addCors(id, p.Cors, body, clock);
  const postprocess = () => body.Body && openApiPostprocess(body.Body, p.OpenApiVersion, clock);
  if (p.Auth) {
    addAuth(id, p.Auth, body, expansion.resources, { name: stageName, fromTemplate: !api.implicit, condition: attributes.Condition as string | undefined }, clock, expansion.partition);
    postprocess();
  }
  if (p.GatewayResponses) addGatewayResponses(id, p.GatewayResponses, body, clock);
  if (Array.isArray(p.BinaryMediaTypes) ? p.BinaryMediaTypes.length : p.BinaryMediaTypes) addBinaryMediaTypes(p.BinaryMediaTypes, body, clock);
  if (p.Models) {
    addModels(id, p.Models, body, clock);
    postprocess();
  }
  postprocess();
  const hash = deploymentHash(body, p, (api.functionNames ?? []) as string[]);
  const endpoint = p.EndpointConfiguration;
  expansion.resources[id] = {
    ...attributes,
    Type: 'AWS::ApiGateway::RestApi',
    Properties: defined({
      ...body,
      Name: p.Name,
      Description: p.Description,
      BinaryMediaTypes: p.BinaryMediaTypes,
      MinimumCompressionSize: p.MinimumCompressionSize,
      ...endpointConfiguration(id, endpoint),
      DisableExecuteApiEndpoint: p.DisableExecuteApiEndpoint,
      Mode: p.Mode || undefined,
      ApiKeySourceType: p.ApiKeySourceType || undefined,
      Policy: p.Policy || undefined,
      SecurityPolicy: p.SecurityPolicy || undefined,
      EndpointAccessMode: p.EndpointAccessMode || undefined,
      FailOnWarnings: p.FailOnWarnings,
    }),
  } as TemplateResource;
  const deployment = `${id}Deployment${hash.slice(0, 10)}`;
  expansion.resources[deployment] = {
    ...(attributes.Condition ? { Condition: attributes.Condition } : {}),
    Type: 'AWS::ApiGateway::Deployment',
    // SAM's deployment makes a stage named "Stage" too, unless the API has an OpenApiVersion.
    Properties: defined({ RestApiId: { Ref: id }, Description: `RestApi deployment id: ${hash}`, StageName: p.OpenApiVersion ? undefined : 'Stage' }),
  };
  const stage = stageLogicalId(id, stageName);
  const parts = { id, stage, condition: attributes.Condition ? { Condition: attributes.Condition } : {} };
  addDomain(expansion, parts, p.Domain);
  addUsagePlan(expansion, parts, (p.Auth as Properties | undefined)?.UsagePlan);
  expansion.resources[stage] = {
    ...(attributes.Condition ? { Condition: attributes.Condition } : {}),
    Type: 'AWS::ApiGateway::Stage',
    Properties: defined({
      RestApiId: { Ref: id },
      DeploymentId: { Ref: deployment },
      StageName: stageName,
      Variables: p.Variables,
      MethodSettings: p.MethodSettings,
      CanarySetting: p.CanarySetting,
      TracingEnabled: p.TracingEnabled,
      AccessLogSetting: p.AccessLogSetting,
      CacheClusterEnabled: p.CacheClusterEnabled,
      CacheClusterSize: p.CacheClusterSize,
      Tags: p.Tags && Object.entries(p.Tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  };
}

/** Writes every API (explicit and implicit) once all functions have added their event paths, each through `attempt`. */
export function expandApis(expansion: Expansion, attempt: (expand: () => void) => void): void {
  for (const [id, api] of expansion.restApis) attempt(() => expandRestApi(expansion, id, api));
  for (const [id, api] of expansion.httpApis) attempt(() => expandHttpApi(expansion, id, api));
}
