import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { ANY_METHOD, shorthand, TransformErrorFor, withGlobals, type Expansion } from './context.ts';
import type { Invoked } from './events.ts';
import { addHttpEventAuth } from './http-auth.ts';
import { addLambdaIntegration, addPath, addPathParameters, DEFAULT_PATH, hasIntegration, integrationInvokes, isOpenApi, openApiSkeleton, setIntegrationMember } from './openapi.ts';

// HTTP APIs as the SAM translator builds them: its DefaultDefinitionBody and implicit HTTP API plugins (before the
// translation: SAM's skeleton definition, `ServerlessHttpApi`, every HttpApi event's route), then each function's
// HttpApi events (a Lambda permission and the route's integration), then the API itself (http-api-resource.ts).

export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/** An HTTP API of the template (or the implicit one) while the transform runs. */
export interface HttpApiEntry {
  /** The resource's properties over the HttpApi Globals. */
  properties: Properties;
  resource?: TemplateResource;
  /** The definition being built: a copy of DefinitionBody, or SAM's skeleton when the template gives neither it nor DefinitionUri. */
  body?: Properties;
  /** Whether SAM writes the definition (its skeleton), which makes a route given twice an error. */
  manage: boolean;
}

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
/** An event's ApiId as SAM reads it: a Ref's logical id, or the value. */
const apiIdOf = (value: unknown) => (isMap(value) && Object.hasOwn(value, 'Ref') ? value.Ref : value);
const eventKey = (resource: string, event: string) => `${resource}\u0000${event}`;

/** Registers an `AWS::Serverless::HttpApi` (with SAM's skeleton definition when it has no DefinitionBody or DefinitionUri). */
export function declareHttpApi(expansion: Expansion, id: string, resource: TemplateResource): void {
  const own = (resource.Properties ?? {}) as Properties;
  const properties = withGlobals(expansion.globals.HttpApi, own);
  const skeleton = !own.DefinitionBody && !own.DefinitionUri;
  const body = skeleton ? openApiSkeleton() : own.DefinitionBody ? structuredClone(own.DefinitionBody) : undefined;
  expansion.httpApis.set(id, { resource, properties, body, manage: skeleton });
}

/**
 * SAM's implicit HTTP API plugin: each HttpApi event of the functions (in template order) gets its API (the implicit
 * `ServerlessHttpApi` without ApiId) and its route (`$default` with any method when it gives neither Path nor Method),
 * added to the definitions SAM writes; its RouteSettings join the API's. The implicit API is kept only if an event
 * uses it. Returns the events' errors, which SAM reports before translating anything.
 */
export function addHttpApiRoutes(expansion: Expansion, resources: Record<string, TemplateResource>, order: string[]): TransformErrorFor[] {
  const errors: TransformErrorFor[] = [];
  const implicitCreated = !expansion.httpApis.has(IMPLICIT_HTTP_API);
  if (implicitCreated) {
    expansion.httpApis.set(IMPLICIT_HTTP_API, { properties: withGlobals(expansion.globals.HttpApi, {}), body: openApiSkeleton(), manage: true });
  }
  for (const id of order) {
    const resource = resources[id];
    if (resource.Type !== 'AWS::Serverless::Function' && resource.Type !== 'AWS::Serverless::StateMachine') continue;
    const properties = (resource.Properties ?? {}) as Properties;
    if (!isMap(properties.Events)) continue;
    for (const [eventId, event] of Object.entries(properties.Events)) {
      if (!isMap(event) || event.Type !== 'HttpApi') continue;
      try {
        expansion.httpEvents.set(eventKey(id, eventId), addRoute(expansion, id, properties, eventId, event.Properties ?? {}));
      } catch (error) {
        if (!(error instanceof TransformErrorFor)) throw error;
        errors.push(error);
      }
    }
  }
  if (implicitCreated && !Object.keys(expansion.httpApis.get(IMPLICIT_HTTP_API)!.body!.paths).length) expansion.httpApis.delete(IMPLICIT_HTTP_API);
  return errors;
}

function addRoute(expansion: Expansion, owner: string, owning: Properties, eventId: string, given: unknown): Properties {
  const invalid = (message: string) => new TransformErrorFor(owner, `Event with id [${eventId}] is invalid. ${message}`);
  if (!isMap(given)) throw invalid('Properties should be a map.');
  const p = { ...given };
  if (!Object.hasOwn(p, 'ApiId')) {
    const implicit = expansion.httpApis.get(IMPLICIT_HTTP_API);
    const globals = expansion.globals.Function ?? {};
    const tags = owning.Tags || globals.Tags;
    if (implicit && tags && (owning.PropagateTags || globals.PropagateTags)) {
      implicit.properties = { ...implicit.properties, Tags: { ...(implicit.properties.Tags ?? {}), ...tags }, PropagateTags: true };
    }
    p.ApiId = { Ref: IMPLICIT_HTTP_API };
  }
  if (!p.Path && !p.Method) Object.assign(p, { Path: DEFAULT_PATH, Method: ANY_METHOD });
  for (const name of ['Path', 'Method']) if (p[name] === undefined || p[name] === null) throw invalid(`Property '${name}' is required.`);
  const apiId = apiIdOf(p.ApiId);
  for (const [name, value] of [['ApiId', apiId], ['Path', p.Path], ['Method', p.Method]]) if (typeof value !== 'string') throw invalid(`Property '${name}' should be a string.`);
  const api = expansion.httpApis.get(apiId);
  if (!api) throw invalid("ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.");
  if (api.manage && isOpenApi(api.body)) addPath(api.body, p.Path, p.Method);
  if (p.RouteSettings !== undefined) {
    const route = p.Method === ANY_METHOD ? p.Path : `${String(p.Method).toUpperCase()} ${p.Path}`;
    const settings = (api.properties.RouteSettings ?? {}) as Properties;
    if (!isMap(settings)) throw new TransformErrorFor(apiId, "Property 'RouteSettings' should be a map.");
    if (!isMap(p.RouteSettings)) throw invalid("Property 'RouteSettings' should be a map.");
    api.properties = { ...api.properties, RouteSettings: { ...settings, [route]: { ...(settings[route] ?? {}), ...p.RouteSettings } } };
  }
  return p;
}

/** An HttpApi event's properties as the implicit API plugin left them (its API and route filled in). */
export function httpEventProperties(expansion: Expansion, resource: string, eventId: string, event: Properties): Properties | undefined {
  return event?.Type === 'HttpApi' ? expansion.httpEvents.get(eventKey(resource, eventId)) : undefined;
}

/** The logical id in the function's ARN, which SAM compares with the default route's integration. */
function invokedLogicalId(fn: Invoked): string {
  const arn = fn.arn as { 'Fn::GetAtt'?: string[]; Ref?: string };
  return arn['Fn::GetAtt']?.[0] ?? arn.Ref ?? fn.id;
}

/**
 * One HttpApi event of a function: the permission for API Gateway to invoke it on the route (none when the API's
 * default route already invokes this function), and the route's Lambda integration with the event's Auth,
 * TimeoutInMillis, path parameters and PayloadFormatVersion written into the API's definition.
 */
export function addHttpApiEvent(expansion: Expansion, fn: Invoked, eventId: string, p: Properties, condition?: string): void {
  const invalid = (message: string) => new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. ${message}`);
  const apiId = apiIdOf(p.ApiId) as string;
  const api = expansion.httpApis.get(apiId);
  if (!api) throw invalid("ApiId must be a valid reference to an 'AWS::Serverless::HttpApi' resource in same template.");
  const method = String(p.Method).toLowerCase();
  const path = String(p.Path);
  const body = api.body;
  if (body && !isOpenApi(body)) throw new TransformErrorFor(apiId, "Invalid OpenApi document. Invalid values or missing keys for 'openapi' or 'paths' in 'DefinitionBody'.");
  let arnPath = path.replace(/^(.+)\/$/, '$1');
  let permitted = true;
  if (arnPath === DEFAULT_PATH) arnPath = '';
  else if (body && integrationInvokes(body, DEFAULT_PATH, ANY_METHOD, invokedLogicalId(fn))) permitted = false;
  if (permitted) {
    arnPath = arnPath.replace(/\{([a-zA-Z0-9._-]+|proxy\+)\}/g, '*');
    const arnMethod = method === 'any' || method === ANY_METHOD ? '*' : method.toUpperCase();
    const resource = `\${__ApiId__}/\${__Stage__}${method === 'any' && arnPath === `/${DEFAULT_PATH}` ? arnPath : `/${arnMethod}${arnPath}`}`;
    expansion.resources[`${fn.id}${eventId}Permission`] = {
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: fn.ref,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Sub': [`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:${resource}`, { __ApiId__: p.ApiId, __Stage__: '*' }] },
      },
    } as TemplateResource;
  }
  // An API defined by DefinitionUri gets no routes from SAM.
  if (!body) return;
  if (api.manage && hasIntegration(body, path, method)) throw invalid(`API method '${method}' defined multiple times for path '${path}'.`);
  const uri = { 'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${shorthand(fn.arn)}/invocations` };
  addLambdaIntegration(body, path, method, uri, condition);
  if (p.Auth) addHttpEventAuth(invalid, api.properties.Auth, body, path, method, p.Auth as Properties);
  if (p.TimeoutInMillis) setIntegrationMember(body, path, method, 'timeoutInMillis', p.TimeoutInMillis);
  addPathParameters(body, path, method);
  if (p.PayloadFormatVersion) setIntegrationMember(body, path, method, 'payloadFormatVersion', p.PayloadFormatVersion);
}
