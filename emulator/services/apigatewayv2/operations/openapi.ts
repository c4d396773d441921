import type { Api, ImportApiRequest, ReimportApiRequest } from '@aws-sdk/client-apigatewayv2';
import yaml from 'js-yaml';
import { badRequest, type StoredV2Api } from '../state.ts';
import { apiOutput, newApi } from './apis.ts';
import { autoDeploy, newId, type Ctx } from './common.ts';
import { deploy } from './deploy.ts';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function parse(body: string | undefined): Doc {
  let doc: unknown;
  try {
    doc = body?.trimStart().startsWith('{') ? JSON.parse(body) : yaml.load(body ?? '');
  } catch {
    throw badRequest('Invalid OpenAPI definition');
  }
  if (!doc || typeof doc !== 'object' || !String((doc as Doc).openapi ?? '').startsWith('3')) throw badRequest('Only OpenAPI 3.0 definitions can be imported into HTTP APIs');
  return doc as Doc;
}

/** Routes, integrations (`x-amazon-apigateway-integration`), JWT/Lambda authorizers and CORS from an OpenAPI 3 document. */
function fill(stored: StoredV2Api, doc: Doc): void {
  const authorizerIds = new Map<string, string>();
  // A scheme of authtype awsSigv4 without an authorizer is IAM authorization (API Gateway's OpenAPI extensions).
  const iamSchemes = new Set<string>();
  for (const [name, scheme] of Object.entries((doc.components?.securitySchemes ?? {}) as Doc)) {
    const a = scheme['x-amazon-apigateway-authorizer'];
    if (!a && scheme['x-amazon-apigateway-authtype'] === 'awsSigv4') iamSchemes.add(name);
    if (!a) continue;
    const id = newId(6);
    const jwt = a.type === 'jwt';
    stored.authorizers.set(id, {
      AuthorizerId: id,
      Name: name,
      AuthorizerType: jwt ? 'JWT' : 'REQUEST',
      IdentitySource: jwt ? [a.identitySource ?? '$request.header.Authorization'] : (a.identitySource ? String(a.identitySource).split(',').map((s: string) => s.trim()) : undefined),
      JwtConfiguration: jwt ? { Issuer: a.jwtConfiguration?.issuer, Audience: a.jwtConfiguration?.audience } : undefined,
      AuthorizerUri: a.authorizerUri,
      AuthorizerPayloadFormatVersion: a.authorizerPayloadFormatVersion,
      EnableSimpleResponses: a.enableSimpleResponses,
      AuthorizerResultTtlInSeconds: a.authorizerResultTtlInSeconds ?? (jwt ? undefined : 300),
    });
    authorizerIds.set(name, id);
  }
  const endpoint = ((doc.servers ?? []) as Doc[]).find((server) => server?.['x-amazon-apigateway-endpoint-configuration'])?.['x-amazon-apigateway-endpoint-configuration'];
  if (typeof endpoint?.disableExecuteApiEndpoint === 'boolean') stored.api.DisableExecuteApiEndpoint = endpoint.disableExecuteApiEndpoint;
  const cors = doc['x-amazon-apigateway-cors'];
  if (cors) stored.api.CorsConfiguration = { AllowOrigins: cors.allowOrigins, AllowMethods: cors.allowMethods, AllowHeaders: cors.allowHeaders, ExposeHeaders: cors.exposeHeaders, MaxAge: cors.maxAge, AllowCredentials: cors.allowCredentials };
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Doc)) {
    for (const [key, operation] of Object.entries(item as Doc)) {
      const method = key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY'].includes(method)) continue;
      const integration = (operation as Doc)['x-amazon-apigateway-integration'];
      let target: string | undefined;
      if (integration) {
        const id = newId(7);
        const type = String(integration.type).toUpperCase();
        stored.integrations.set(id, {
          IntegrationId: id,
          IntegrationType: type as 'AWS_PROXY',
          IntegrationUri: integration.uri,
          IntegrationMethod: integration.httpMethod,
          PayloadFormatVersion: integration.payloadFormatVersion ?? (type === 'AWS_PROXY' ? '2.0' : '1.0'),
          ConnectionType: integration.connectionType ?? 'INTERNET',
          TimeoutInMillis: integration.timeoutInMillis ?? 30000,
          RequestParameters: integration.requestParameters,
          CredentialsArn: integration.credentials,
        });
        target = `integrations/${id}`;
      }
      const security = ((operation as Doc).security ?? doc.security ?? []) as Record<string, string[]>[];
      const [schemeName, scopes] = Object.entries(security[0] ?? {})[0] ?? [];
      const authorizerId = schemeName ? authorizerIds.get(schemeName) : undefined;
      const authorizer = authorizerId ? stored.authorizers.get(authorizerId) : undefined;
      const id = newId(7);
      stored.routes.set(id, {
        RouteId: id,
        RouteKey: path === '$default' ? '$default' : `${method} ${path}`,
        Target: target,
        AuthorizationType: authorizer ? (authorizer.AuthorizerType === 'JWT' ? 'JWT' : 'CUSTOM') : schemeName && iamSchemes.has(schemeName) ? 'AWS_IAM' : 'NONE',
        AuthorizerId: authorizerId,
        AuthorizationScopes: scopes?.length ? scopes : undefined,
        ApiKeyRequired: false,
        OperationName: (operation as Doc).operationId,
      });
    }
  }
}

export function importApi(input: ImportApiRequest, ctx: Ctx): Api {
  const doc = parse(input.Body);
  const stored = newApi({ Name: doc.info?.title ?? 'imported', ProtocolType: 'HTTP', Description: doc.info?.description, Version: doc.info?.version }, ctx);
  fill(stored, doc);
  return apiOutput(ctx, stored);
}

export function reimportApi(input: ReimportApiRequest, ctx: Ctx): Api {
  const stored = ctx.state.api(input.ApiId);
  const doc = parse(input.Body);
  stored.routes.clear();
  stored.integrations.clear();
  stored.authorizers.clear();
  if (doc.info?.title) stored.api.Name = doc.info.title;
  fill(stored, doc);
  autoDeploy(stored, ctx, deploy);
  return apiOutput(ctx, stored);
}

/** ExportApi: the API (or a stage's deployment) as OpenAPI 3 with API Gateway's extensions, JSON or YAML. */
export function exportApi(input: { ApiId: string; Specification: string; OutputType: string; StageName?: string; IncludeExtensions?: boolean }, ctx: Ctx) {
  const stored = ctx.state.api(input.ApiId);
  if (input.Specification !== 'OAS30') throw badRequest(`Unsupported specification ${input.Specification}`);
  const stage = input.StageName !== undefined ? stored.stages.get(input.StageName) : undefined;
  if (input.StageName !== undefined && !stage) throw badRequest(`Invalid stage name ${input.StageName}`);
  const snapshot = stage?.DeploymentId ? stored.deployments.get(stage.DeploymentId)?.snapshot : undefined;
  const routes = snapshot?.routes ?? [...stored.routes.values()];
  const integrations = new Map((snapshot?.integrations ?? [...stored.integrations.values()]).map((i) => [i.IntegrationId, i]));
  const paths: Doc = {};
  for (const route of routes) {
    const [method, path] = route.RouteKey === '$default' ? ['x-amazon-apigateway-any-method', '$default'] : route.RouteKey!.split(' ');
    const integration = integrations.get(/^integrations\/(.+)$/.exec(route.Target ?? '')?.[1]);
    const operation: Doc = { responses: { default: { description: 'Default response for ' + route.RouteKey } } };
    if (input.IncludeExtensions !== false && integration) {
      operation['x-amazon-apigateway-integration'] = { type: integration.IntegrationType?.toLowerCase(), uri: integration.IntegrationUri, httpMethod: integration.IntegrationMethod, payloadFormatVersion: integration.PayloadFormatVersion, connectionType: integration.ConnectionType };
    }
    paths[path] = { ...paths[path], [method === 'ANY' ? 'x-amazon-apigateway-any-method' : method.toLowerCase()]: operation };
  }
  const doc = { openapi: '3.0.1', info: { title: stored.api.Name, version: stored.api.Version ?? ctx.emulator.clock.date().toISOString() }, paths };
  return { body: Buffer.from(input.OutputType === 'YAML' ? yaml.dump(JSON.parse(JSON.stringify(doc))) : JSON.stringify(doc)) };
}
