import type { Integration, Model } from '@aws-sdk/client-api-gateway';
import yaml from 'js-yaml';
import { partitionInfo } from '../../../core/arn.ts';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest } from '../errors.ts';
import { pathOf, type ApiGatewayState, type StoredMethod } from '../state.ts';
import type { Doc } from './openapi-document.ts';
import { stageOf } from './stages.ts';

type Ctx = RequestContext<ApiGatewayState>;

// GetExport as AWS writes it (AWS-validated snapshots of test_export_swagger_openapi / test_export_oas30_openapi):
// models referenced by local `$ref`s again, method parameters from the request parameters (path, query, header) and
// the request model (a body parameter in Swagger, a requestBody in OpenAPI 3), `consumes`/`produces` (Swagger) from
// the content types of the request models and templates / response models and templates, and API Gateway's own
// extensions only when asked for.

const LOCATIONS: Record<string, string> = { path: 'path', querystring: 'query', header: 'header' };
const MODEL_URL = /^https:\/\/apigateway\.[^/]+\/restapis\/[^/]+\/models\/(.+)$/;

/** Stored schemas link models by URL; an export points at its own definitions again. */
function localRefs(schema: unknown, base: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => localRefs(item, base));
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      const model = key === '$ref' && typeof value === 'string' ? MODEL_URL.exec(value)?.[1] : undefined;
      return [key, model ? `${base}${model}` : localRefs(value, base)];
    }),
  );
}

const withoutUndefined = (value: Doc): Doc => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
const nonEmpty = <T extends object>(value: T | undefined): T | undefined => (value && Object.keys(value).length ? value : undefined);
const keysOf = (...maps: (Record<string, unknown> | undefined)[]) => [...new Set(maps.flatMap((m) => Object.keys(m ?? {})))];

function integrationExtension(i: Integration): Doc {
  const responses = Object.fromEntries(
    Object.values(i.integrationResponses ?? {}).map((r) => [
      r.selectionPattern || 'default',
      withoutUndefined({ statusCode: r.statusCode, responseParameters: nonEmpty(r.responseParameters), responseTemplates: nonEmpty(r.responseTemplates), contentHandling: r.contentHandling }),
    ]),
  );
  return withoutUndefined({
    type: i.type?.toLowerCase(),
    httpMethod: i.httpMethod,
    uri: i.uri,
    credentials: i.credentials,
    connectionType: i.connectionType === 'VPC_LINK' ? i.connectionType : undefined,
    connectionId: i.connectionId,
    responses: nonEmpty(responses),
    requestParameters: nonEmpty(i.requestParameters),
    requestTemplates: nonEmpty(i.requestTemplates),
    passthroughBehavior: i.passthroughBehavior?.toLowerCase(),
    contentHandling: i.contentHandling,
    timeoutInMillis: i.timeoutInMillis !== undefined && i.timeoutInMillis !== 29000 ? i.timeoutInMillis : undefined,
    cacheNamespace: undefined,
    cacheKeyParameters: nonEmpty(i.cacheKeyParameters),
  });
}

function operationOf(method: StoredMethod, oas3: boolean, extensions: boolean): Doc {
  const ref = (model: string) => ({ $ref: `${oas3 ? '#/components/schemas/' : '#/definitions/'}${model}` });
  const stringType = oas3 ? { schema: { type: 'string' } } : { type: 'string' };
  const parameters: Doc[] = Object.entries(method.requestParameters ?? {}).flatMap(([key, required]) => {
    const [, where, name] = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(key) ?? [];
    // OpenAPI 3 states only a required parameter as such; Swagger says false too (recorded).
    const isRequired = where === 'path' || required;
    return where ? [{ name, in: LOCATIONS[where], ...(isRequired || !oas3 ? { required: isRequired } : {}), ...stringType }] : [];
  });
  const requestModel = Object.values(method.requestModels ?? {})[0];
  if (requestModel && !oas3) parameters.push({ in: 'body', name: requestModel, required: true, schema: ref(requestModel) });
  const responses = Object.fromEntries(
    Object.values(method.methodResponses ?? {}).map((r) => {
      const models = Object.entries(r.responseModels ?? {});
      const headers = Object.keys(r.responseParameters ?? {}).flatMap((p) => /^method\.response\.header\.(.+)$/.exec(p)?.[1] ?? []);
      const headerDoc = headers.length ? { headers: Object.fromEntries(headers.map((h) => [h, stringType])) } : {};
      const body = oas3 ? { content: Object.fromEntries(models.map(([type, model]) => [type, { schema: ref(model) }])) } : models.length ? { schema: ref(models[0][1]) } : {};
      return [r.statusCode!, { description: `${r.statusCode} response`, ...body, ...headerDoc }];
    }),
  );
  const integration = method.methodIntegration;
  const consumes = keysOf(method.requestModels, integration?.requestTemplates);
  const produces = keysOf(...Object.values(method.methodResponses ?? {}).map((r) => r.responseModels), ...Object.values(integration?.integrationResponses ?? {}).map((r) => r.responseTemplates));
  return withoutUndefined({
    operationId: method.operationName,
    consumes: !oas3 && consumes.length ? consumes : undefined,
    produces: !oas3 && produces.length ? produces : undefined,
    parameters: parameters.length ? parameters : undefined,
    requestBody: oas3 && requestModel ? { content: Object.fromEntries(Object.entries(method.requestModels!).map(([type, model]) => [type, { schema: ref(model) }])), required: true } : undefined,
    responses,
    'x-amazon-apigateway-integration': extensions && integration ? integrationExtension(integration) : undefined,
  });
}

/** GetExport: the stage's deployed API as OpenAPI 3 (`oas30`) or Swagger 2 (`swagger`), JSON or YAML. */
export function getExport(input: { restApiId: string; stageName: string; exportType: string; parameters?: Record<string, string>; accepts?: string }, ctx: Ctx) {
  const api = ctx.state.api(input.restApiId);
  const stage = stageOf(api, input.stageName);
  if (input.exportType !== 'oas30' && input.exportType !== 'swagger') throw badRequest(`No OpenAPI exporter available for ${input.exportType}`);
  const extensions = (input.parameters?.extensions ?? '').split(',').some((e) => e === 'integrations' || e === 'apigateway');
  const deployment = api.deployments.get(stage.deploymentId ?? '');
  const resources = deployment?.snapshot.resources ?? [...api.resources.values()].map((r) => ({ path: pathOf(api, r), methods: Object.fromEntries(r.methods) }));
  const models: Model[] = deployment?.snapshot.models ?? [...api.models.values()];
  const oas3 = input.exportType === 'oas30';
  const paths: Doc = {};
  for (const resource of resources) {
    const methods = Object.entries(resource.methods);
    if (!methods.length) continue;
    paths[resource.path] = Object.fromEntries(
      methods.map(([name, method]) => [name === 'ANY' ? 'x-amazon-apigateway-any-method' : name.toLowerCase(), operationOf(method, oas3, extensions)]),
    );
  }
  // Without a version of its own the API is versioned by its deployment's time (recorded: a date).
  const version = api.api.version ?? (deployment?.createdDate ?? ctx.emulator.clock.date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const info = withoutUndefined({ description: api.api.description, version, title: api.api.name });
  const host = `${api.api.id}.execute-api.${ctx.region}.${partitionInfo(ctx.region).dnsSuffix}`;
  const schemas = Object.fromEntries(models.map((m) => [m.name!, localRefs(JSON.parse(m.schema ?? '{}'), oas3 ? '#/components/schemas/' : '#/definitions/')]));
  const binary = extensions && api.api.binaryMediaTypes?.length ? { 'x-amazon-apigateway-binary-media-types': api.api.binaryMediaTypes } : {};
  const doc = oas3
    ? { openapi: '3.0.1', info, servers: [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: input.stageName } } }], paths, components: models.length ? { schemas } : {}, ...binary }
    : { swagger: '2.0', info, host, basePath: `/${input.stageName}`, schemes: ['https'], paths, ...(models.length ? { definitions: schemas } : {}), ...binary };
  const asYaml = input.accepts === 'application/yaml';
  const body = asYaml ? yaml.dump(JSON.parse(JSON.stringify(doc))) : JSON.stringify(doc);
  return {
    contentType: asYaml ? 'application/yaml' : 'application/octet-stream',
    contentDisposition: `attachment; filename="${input.exportType}_${version}.${asYaml ? 'yaml' : 'json'}"`,
    body: Buffer.from(body),
  };
}
