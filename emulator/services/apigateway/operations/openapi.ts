import type { ImportRestApiRequest, PutRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { shortId } from '../ids.ts';
import { pathOf, type ApiGatewayState, type StoredApi, type StoredMethod, type StoredResource } from '../state.ts';
import { importParts } from './documentation.ts';
import { importPrefix, parseOpenApi, type Doc } from './openapi-document.ts';
import { newApi, restApiOutput } from './rest-apis.ts';

type Ctx = RequestContext<ApiGatewayState>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'x-amazon-apigateway-any-method'];

const parseDocument = (body: Uint8Array | undefined) => parseOpenApi(body, 'Invalid OpenAPI input.');

/** `#/definitions/Pet` or `#/components/schemas/Pet` -> `Pet`. */
const refName = (ref: string | undefined) => ref?.split('/').pop();

/** How an import goes: the `basepath` parameter, the ids of the paths an overwrite replaced, the warnings so far. */
interface ImportRun {
  basepath?: string;
  /** path -> resource id: an overwritten API keeps the id of each path it has again (recorded). */
  formerIds: Map<string, string>;
  warnings: string[];
}

function ensureResource(api: StoredApi, path: string, run: ImportRun): StoredResource {
  let current = api.resources.get(api.api.rootResourceId)!;
  let walked = '';
  for (const part of path.split('/').filter(Boolean)) {
    walked += `/${part}`;
    let child = [...api.resources.values()].find((r) => r.parentId === current.id && r.pathPart === part);
    if (!child) {
      child = { id: run.formerIds.get(walked) ?? shortId(), parentId: current.id, pathPart: part, methods: new Map() };
      api.resources.set(child.id, child);
    }
    current = child;
  }
  return current;
}

/** An integration's request parameters: a value that is no string is left out with AWS's warning (recorded). */
function integrationParameters(parameters: Doc | undefined, where: string, run: ImportRun): Record<string, string> | undefined {
  if (!parameters) return undefined;
  const kept = Object.entries(parameters).filter(([name, value]) => {
    if (typeof value === 'string') return true;
    run.warnings.push(`Invalid format for 'requestParameters'. Expected type string for property '${name}' of ${where} but got '${String(value)}'`);
    return false;
  });
  return Object.fromEntries(kept);
}

function methodFrom(doc: Doc, operation: Doc, httpMethod: string, authorizerIds: Map<string, string>, api: StoredApi, resource: { id: string; path: string }, run: ImportRun): StoredMethod {
  const integration = operation['x-amazon-apigateway-integration'] as Doc | undefined;
  const integrationType = String(integration?.type).toUpperCase();
  const security = (operation.security ?? doc.security ?? []) as Record<string, string[]>[];
  const schemeNames = security.flatMap((s) => Object.keys(s));
  const authorizerId = schemeNames.map((n) => authorizerIds.get(n)).find(Boolean);
  const schemes = (doc.securityDefinitions ?? doc.components?.securitySchemes ?? {}) as Doc;
  // A scheme of authtype awsSigv4 is IAM authorization (SigV4-signed requests), not an API key.
  const sigv4 = schemeNames.some((n) => schemes[n]?.['x-amazon-apigateway-authtype'] === 'awsSigv4');
  const apiKeyRequired = schemeNames.some((n) => schemes[n]?.type === 'apiKey' && !authorizerIds.has(n) && schemes[n]?.['x-amazon-apigateway-authtype'] !== 'awsSigv4');
  const requestParameters: Record<string, boolean> = {};
  for (const p of (operation.parameters ?? []) as Doc[]) {
    const where = p.in === 'query' ? 'querystring' : p.in;
    if (['querystring', 'header', 'path'].includes(where)) requestParameters[`method.request.${where}.${p.name}`] = Boolean(p.required);
  }
  const bodyRef = ((operation.parameters ?? []) as Doc[]).find((p) => p.in === 'body')?.schema?.$ref ?? operation.requestBody?.content?.['application/json']?.schema?.$ref;
  const validatorName = operation['x-amazon-apigateway-request-validator'] ?? doc['x-amazon-apigateway-request-validator'];
  const validator = validatorName ? [...api.validators.values()].find((v) => v.name === validatorName) : undefined;
  const methodResponses = Object.fromEntries(
    Object.entries((operation.responses ?? {}) as Doc).filter(([code]) => /^[1-5]\d\d$/.test(code)).map(([statusCode, r]) => {
      const headers = Object.keys((r as Doc).headers ?? {});
      const model = refName((r as Doc).schema?.$ref ?? (r as Doc).content?.['application/json']?.schema?.$ref);
      return [statusCode, { statusCode, responseParameters: headers.length ? Object.fromEntries(headers.map((h) => [`method.response.header.${h}`, false])) : undefined, responseModels: model ? { 'application/json': model } : undefined }];
    }),
  );
  return {
    httpMethod,
    authorizationType: authorizerId ? (api.authorizers.get(authorizerId)!.type === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM') : sigv4 ? 'AWS_IAM' : operation['x-amazon-apigateway-auth']?.type ?? 'NONE',
    authorizerId,
    apiKeyRequired,
    operationName: operation.operationId,
    requestParameters: Object.keys(requestParameters).length ? requestParameters : undefined,
    requestModels: bodyRef ? { 'application/json': refName(bodyRef)! } : undefined,
    requestValidatorId: validator?.id,
    methodResponses: Object.keys(methodResponses).length ? methodResponses : undefined,
    methodIntegration: integration
      ? {
          type: integrationType as 'AWS',
          httpMethod: integration.httpMethod,
          uri: integration.uri,
          // Recorded imports: HTTP integrations get INTERNET, others none; the cache namespace is the resource id;
          // the `default` response has no selection pattern.
          connectionType: integration.connectionType ?? (integrationType.startsWith('HTTP') ? 'INTERNET' : undefined),
          connectionId: integration.connectionId,
          credentials: integration.credentials,
          requestParameters: integrationParameters(integration.requestParameters, `resource '${resource.path}' and method '${httpMethod}'`, run),
          requestTemplates: integration.requestTemplates,
          passthroughBehavior: integration.passthroughBehavior?.toUpperCase() ?? 'WHEN_NO_MATCH',
          contentHandling: integration.contentHandling,
          timeoutInMillis: integration.timeoutInMillis ?? 29000,
          cacheNamespace: resource.id,
          cacheKeyParameters: integration.cacheKeyParameters ?? [],
          integrationResponses: integration.responses
            ? Object.fromEntries(
                Object.entries(integration.responses as Doc).map(([pattern, r]) => [
                  String(r.statusCode),
                  { statusCode: String(r.statusCode), selectionPattern: pattern === 'default' ? undefined : pattern, responseParameters: r.responseParameters, responseTemplates: r.responseTemplates, contentHandling: r.contentHandling },
                ]),
              )
            : undefined,
        }
      : undefined,
  };
}

/**
 * A document's schema as API Gateway keeps it: local references (`#/definitions/Pet`, `#/components/schemas/Pet`)
 * become links to the API's model (recorded: `https://apigateway.amazonaws.com/restapis/<id>/models/Pet`).
 */
function modelLinks(schema: unknown, apiId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => modelLinks(item, apiId));
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `https://apigateway.amazonaws.com/restapis/${apiId}/models/${refName(value)}` : modelLinks(value, apiId),
    ]),
  );
}

/** Fills an API from an OpenAPI 2 or 3 document with API Gateway's extensions. */
function fill(api: StoredApi, doc: Doc, run: ImportRun): void {
  const schemas = (doc.definitions ?? doc.components?.schemas ?? {}) as Doc;
  for (const [name, schema] of Object.entries(schemas)) {
    const description = typeof schema?.description === 'string' ? schema.description : undefined;
    api.models.set(name, { id: shortId(6), name, description, schema: JSON.stringify(modelLinks(schema, api.api.id!)), contentType: 'application/json' });
  }
  for (const [name, v] of Object.entries((doc['x-amazon-apigateway-request-validators'] ?? {}) as Doc)) {
    const id = shortId(6);
    api.validators.set(id, { id, name, validateRequestBody: Boolean(v.validateRequestBody), validateRequestParameters: Boolean(v.validateRequestParameters) });
  }
  const authorizerIds = new Map<string, string>();
  for (const [name, scheme] of Object.entries((doc.securityDefinitions ?? doc.components?.securitySchemes ?? {}) as Doc)) {
    const a = scheme['x-amazon-apigateway-authorizer'];
    if (!a) continue;
    const id = shortId(6);
    const type = String(a.type).toUpperCase() === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : String(a.type).toUpperCase();
    api.authorizers.set(id, {
      id,
      name,
      type: type as 'TOKEN',
      authType: scheme['x-amazon-apigateway-authtype'],
      authorizerUri: a.authorizerUri,
      authorizerCredentials: a.authorizerCredentials,
      identitySource: a.identitySource ?? (type === 'TOKEN' ? `method.request.header.${scheme.name ?? 'Authorization'}` : undefined),
      identityValidationExpression: a.identityValidationExpression,
      authorizerResultTtlInSeconds: a.authorizerResultTtlInSeconds ?? 300,
      providerARNs: a.providerARNs,
    });
    authorizerIds.set(name, id);
  }
  for (const [type, r] of Object.entries((doc['x-amazon-apigateway-gateway-responses'] ?? {}) as Doc)) {
    api.gatewayResponses.set(type, { responseType: type as 'DEFAULT_4XX', statusCode: r.statusCode, responseParameters: r.responseParameters ?? {}, responseTemplates: r.responseTemplates ?? {}, defaultResponse: false });
  }
  importParts(api, doc, 'merge');
  const policy = doc['x-amazon-apigateway-policy'];
  if (policy !== undefined) api.api.policy = typeof policy === 'string' ? policy : JSON.stringify(policy);
  const binary = doc['x-amazon-apigateway-binary-media-types'] as string[] | undefined;
  if (binary?.length) api.api.binaryMediaTypes = [...new Set([...(api.api.binaryMediaTypes ?? []), ...binary])];
  const prefix = importPrefix(doc, run.basepath);
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Doc)) {
    const fullPath = `${prefix}${path}`;
    const resource = ensureResource(api, fullPath, run);
    for (const [key, operation] of Object.entries(item as Doc)) {
      if (!METHODS.includes(key)) continue;
      const httpMethod = key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase();
      resource.methods.set(httpMethod, methodFrom(doc, operation as Doc, httpMethod, authorizerIds, api, { id: resource.id, path: fullPath }, run));
    }
  }
}

const withWarnings = (api: RestApi, run: ImportRun): RestApi => (run.warnings.length ? { ...api, warnings: run.warnings } : api);

export function importRestApi(input: ImportRestApiRequest, ctx: Ctx): RestApi {
  const doc = parseDocument(input.body);
  const stored = newApi(ctx.state, { name: doc.info?.title ?? 'imported', description: doc.info?.description, version: doc.info?.version }, ctx.emulator.clock.date());
  // An imported API has the document's models only, not the Empty and Error a new API gets (recorded).
  stored.models.clear();
  const run: ImportRun = { basepath: input.parameters?.basepath, formerIds: new Map(), warnings: [] };
  fill(stored, doc, run);
  return withWarnings(restApiOutput(ctx.state, stored), run);
}

export function putRestApi(input: PutRestApiRequest, ctx: Ctx): RestApi {
  // The document is checked before the API is looked up (recorded: a bad document to an unknown API is a 400).
  const doc = parseDocument(input.body);
  const stored = ctx.state.api(input.restApiId);
  const run: ImportRun = { basepath: input.parameters?.basepath, formerIds: new Map(), warnings: [] };
  if (input.mode !== 'merge') {
    for (const resource of stored.resources.values()) run.formerIds.set(pathOf(stored, resource), resource.id);
    const root = stored.resources.get(stored.api.rootResourceId)!;
    root.methods.clear();
    stored.resources.clear();
    stored.resources.set(root.id, root);
    stored.models.clear();
    stored.authorizers.clear();
    stored.validators.clear();
    stored.gatewayResponses.clear();
    stored.api.description = doc.info?.description ?? stored.api.description;
    // Overwrite replaces the binary media types with the document's; merge adds them (both recorded).
    stored.api.binaryMediaTypes = undefined;
  }
  // Both modes take the document's title and version (recorded).
  if (doc.info?.title) stored.api.name = doc.info.title;
  if (doc.info?.version) stored.api.version = String(doc.info.version);
  fill(stored, doc, run);
  return withWarnings(restApiOutput(ctx.state, stored, true), run);
}
