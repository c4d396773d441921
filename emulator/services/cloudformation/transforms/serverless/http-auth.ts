import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { TransformErrorFor } from './context.ts';
import { isOpenApi, methodDefinitions, normalizedMethod, pathMethods } from './openapi.ts';

// An HTTP API's `Auth` as the SAM translator writes it into the OpenAPI definition (its HttpApiGenerator and
// ApiGatewayV2Authorizer): JWT (OAuth2) and Lambda (REQUEST) authorizers and the built-in AWS_IAM one as
// securitySchemes, the DefaultAuthorizer on every integrated method without security, and an event's Authorizer.

const AUTH_KEYS = ['Authorizers', 'DefaultAuthorizer', 'EnableIamAuthorizer'];
const AWS_IAM = 'AWS_IAM';
const AUTHORIZER = 'x-amazon-apigateway-authorizer';

/** The properties each kind of authorizer takes, with the kind SAM names in its message for the others. */
const ALLOWED: Record<string, string[]> = {
  JWT: ['AuthorizationScopes', 'JwtConfiguration', 'IdentitySource'],
  REQUEST: ['FunctionArn', 'FunctionInvokeRole', 'Identity', 'AuthorizerPayloadFormatVersion', 'EnableSimpleResponses', 'EnableFunctionDefaultPermissions'],
  AWS_IAM: [],
};
const ALLOWED_FOR: Record<string, string> = {
  AuthorizationScopes: 'OAuth2 Authorizer',
  JwtConfiguration: 'OAuth2 Authorizer',
  IdentitySource: "OAuth2 Authorizer. For Lambda Authorizer, use the 'Identity' property instead",
  FunctionArn: 'Lambda Authorizer',
  FunctionInvokeRole: 'Lambda Authorizer',
  Identity: 'Lambda Authorizer',
  AuthorizerPayloadFormatVersion: 'Lambda Authorizer',
  EnableSimpleResponses: 'Lambda Authorizer',
  EnableFunctionDefaultPermissions: 'Lambda Authorizer',
};

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;

/** One authorizer of an HTTP API: its kind and the template's properties (`JwtConfiguration` keys lower-cased as SAM does). */
export interface HttpAuthorizer {
  kind: 'JWT' | 'REQUEST' | 'AWS_IAM';
  name: string;
  a: Properties;
}

function authorizer(api: string, name: string, a: unknown): HttpAuthorizer {
  if (!isMap(a)) throw new TransformErrorFor(api, `Property 'Auth.Authorizers.${name}' should be a map.`);
  if (present(a.OpenIdConnectUrl)) throw new TransformErrorFor(api, `'OpenIdConnectUrl' is no longer a supported property for authorizer '${name}'. Please refer to the AWS SAM documentation.`);
  let jwt = a.JwtConfiguration;
  if (jwt) {
    if (!isMap(jwt)) throw new TransformErrorFor(api, "Property 'JwtConfiguration' should be a map.");
    jwt = Object.fromEntries(Object.entries(jwt).map(([k, v]) => [k.toLowerCase(), v]));
  }
  const kind = jwt ? 'JWT' : 'REQUEST';
  if (present(a.AuthorizationScopes) && !Array.isArray(a.AuthorizationScopes)) throw new TransformErrorFor(api, 'AuthorizationScopes must be a list.');
  for (const property of Object.keys(ALLOWED_FOR)) {
    if (present(a[property]) && !ALLOWED[kind].includes(property)) throw new TransformErrorFor(api, `${property} is only supported for ${ALLOWED_FOR[property]}.`);
  }
  if (kind === 'JWT' && !a.IdentitySource) throw new TransformErrorFor(api, `${name} OAuth2 Authorizer must define 'IdentitySource'.`);
  if (kind === 'REQUEST' && !a.FunctionArn) throw new TransformErrorFor(api, `${name} Lambda Authorizer must define 'FunctionArn'.`);
  if (kind === 'REQUEST' && !a.AuthorizerPayloadFormatVersion) throw new TransformErrorFor(api, `${name} Lambda Authorizer must define 'AuthorizerPayloadFormatVersion'.`);
  if (present(a.EnableFunctionDefaultPermissions) && typeof a.EnableFunctionDefaultPermissions !== 'boolean') {
    throw new TransformErrorFor(api, `Property 'Authorizers.${name}.EnableFunctionDefaultPermissions' should be a boolean.`);
  }
  return { kind, name, a: { ...a, JwtConfiguration: jwt } };
}

/** The API's authorizers by name: AWS_IAM first when EnableIamAuthorizer, then `Authorizers`. */
export function httpAuthorizers(api: string, auth: Properties): Map<string, HttpAuthorizer> {
  const out = new Map<string, HttpAuthorizer>();
  if (auth.EnableIamAuthorizer === true) out.set(AWS_IAM, { kind: 'AWS_IAM', name: AWS_IAM, a: {} });
  const given = auth.Authorizers;
  if (!given) return out;
  if (!isMap(given)) throw new TransformErrorFor(api, "Property 'Auth.Authorizers' should be a map.");
  for (const [name, a] of Object.entries(given)) out.set(name, authorizer(api, name, a));
  return out;
}

/** The identity sources of a Lambda authorizer's Identity: `$request.header.X`, `$request.querystring.X`, `$stageVariables.X`, `$context.X`. */
function identitySources(api: string, name: string, identity: Properties): string[] {
  const sources: string[] = [];
  for (const [prefix, key] of [
    ['$request.header.', 'Headers'],
    ['$request.querystring.', 'QueryStrings'],
    ['$stageVariables.', 'StageVariables'],
    ['$context.', 'Context'],
  ]) {
    const values = identity[key];
    if (!values || (Array.isArray(values) && !values.length)) continue;
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) throw new TransformErrorFor(api, `Property 'Authorizers.${name}.Identity.${key}' should be a list of strings.`);
    sources.push(...values.map((v) => prefix + v));
  }
  return sources;
}

/** The securitySchemes entry SAM writes for an authorizer. */
function securityScheme(api: string, x: HttpAuthorizer, partition: string): Properties {
  if (x.kind === 'AWS_IAM') return { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
  const a = x.a;
  if (x.kind === 'JWT') return { type: 'oauth2', [AUTHORIZER]: { jwtConfiguration: a.JwtConfiguration, identitySource: a.IdentitySource, type: 'jwt' } };
  const lambda: Properties = {
    type: 'request',
    // The partition spelt out, as SAM writes it here.
    authorizerUri: { 'Fn::Sub': [`arn:${partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${__FunctionArn__}/invocations`, { __FunctionArn__: a.FunctionArn }] },
  };
  if (a.FunctionInvokeRole && a.FunctionInvokeRole !== 'NONE') lambda.authorizerCredentials = a.FunctionInvokeRole;
  if (a.Identity) {
    if (!isMap(a.Identity)) throw new TransformErrorFor(api, `Property 'Auth.Authorizers.${x.name}.Identity' should be a map.`);
    if (present(a.Identity.ReauthorizeEvery)) lambda.authorizerResultTtlInSeconds = a.Identity.ReauthorizeEvery;
    lambda.identitySource = identitySources(api, x.name, a.Identity);
  }
  lambda.authorizerPayloadFormatVersion = a.AuthorizerPayloadFormatVersion;
  if (a.EnableSimpleResponses) lambda.enableSimpleResponses = a.EnableSimpleResponses;
  return { type: 'apiKey', name: 'Unused', in: 'header', [AUTHORIZER]: lambda };
}

/** The permission SAM gives API Gateway on a Lambda authorizer's function, only when EnableFunctionDefaultPermissions is true. */
export function authorizerPermissions(api: string, authorizers: Map<string, HttpAuthorizer>, attributes: Partial<TemplateResource>): Record<string, TemplateResource> {
  const out: Record<string, TemplateResource> = {};
  for (const [name, x] of authorizers) {
    if (!x.a.FunctionArn || x.a.EnableFunctionDefaultPermissions !== true) continue;
    out[`${api}${name}AuthorizerPermission`] = {
      ...attributes,
      Type: 'AWS::Lambda::Permission',
      Properties: {
        Action: 'lambda:InvokeFunction',
        FunctionName: x.a.FunctionArn,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Sub': ['arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*', { __ApiId__: { Ref: api } }] },
      },
    } as TemplateResource;
  }
  return out;
}

/**
 * `Auth` of an `AWS::Serverless::HttpApi` applied to its definition: the securitySchemes (under `components`), then the
 * DefaultAuthorizer on every integrated method (OPTIONS aside) that has no security yet.
 */
export function addHttpAuth(api: string, auth: unknown, body: Properties | undefined, partition: string): void {
  if (!auth) return;
  if (!body) throw new TransformErrorFor(api, "Auth works only with inline OpenApi specified in the 'DefinitionBody' property.");
  if (!isMap(auth) || Object.keys(auth).some((k) => !AUTH_KEYS.includes(k))) throw new TransformErrorFor(api, "Invalid value for 'Auth' property");
  if (!isOpenApi(body)) throw new TransformErrorFor(api, "Unable to add Auth configuration because 'DefinitionBody' does not contain a valid OpenApi definition.");
  const authorizers = httpAuthorizers(api, auth);
  const components = body.components as Properties | undefined;
  const schemes: Properties = { ...((components?.securitySchemes as Properties | undefined) ?? {}) };
  for (const [name, x] of authorizers) schemes[name] = securityScheme(api, x, partition);
  if (Object.keys(schemes).length) body.components = { ...(components || {}), securitySchemes: schemes };
  const fallback = auth.DefaultAuthorizer;
  if (!fallback || (isMap(fallback) && fallback.Ref === 'AWS::NoValue')) return;
  if (typeof fallback !== 'string') throw new TransformErrorFor(api, "Property 'Auth.DefaultAuthorizer' should be a string.");
  if (!authorizers.has(fallback)) throw new TransformErrorFor(api, `Unable to set DefaultAuthorizer because '${fallback}' was not defined in 'Authorizers'.`);
  const scopes = authorizers.get(fallback)!.a.AuthorizationScopes ?? [];
  for (const path of Object.keys(body.paths)) {
    for (const [method, definitions] of pathMethods(body, path)) {
      if (method === 'options') continue;
      for (const definition of definitions) {
        if (!definition['x-amazon-apigateway-integration'] || (definition.security && (!Array.isArray(definition.security) || definition.security.length))) continue;
        definition.security = [{ [fallback]: scopes }];
      }
    }
  }
}

/**
 * An HttpApi event's `Auth` (Authorizer, AuthorizationScopes) checked as SAM checks it, then added to the method's
 * security: NONE, AWS_IAM (when the API enables it) or one of the API's Authorizers, with the event's scopes or the
 * authorizer's.
 */
export function addHttpEventAuth(event: (message: string) => Error, apiAuth: unknown, doc: Properties, path: string, method: string, auth: Properties): void {
  const a = (apiAuth ?? {}) as Properties;
  if (!isMap(a)) throw event("Property 'Auth' should be a map.");
  let chosen = auth.Authorizer;
  if (!chosen) {
    if (!a.DefaultAuthorizer) throw event("'Auth' section requires either an explicit 'Authorizer' set or a 'DefaultAuthorizer' configured on the HttpApi.");
    chosen = a.DefaultAuthorizer;
  }
  const m = normalizedMethod(method);
  // Python's `api_auth and api_auth.get('Authorizers')`: an API without Auth has no authorizers (an empty map).
  const authorizers = Object.keys(a).length ? a.Authorizers : a;
  const iamEnabled = a.EnableIamAuthorizer === true;
  const printed = typeof chosen === 'string' ? chosen : pythonRepr(chosen);
  if (chosen !== 'NONE' && !(chosen === AWS_IAM && iamEnabled) && (typeof chosen !== 'string' || !isMap(authorizers))) {
    throw event(`Unable to set Authorizer [${printed}] on API method [${m}] for path [${path}]. The method authorizer must be a string with a corresponding dict entry in the api authorizer.`);
  }
  if (chosen === 'NONE') {
    if (!a.DefaultAuthorizer) throw event(`Unable to set Authorizer on API method [${m}] for path [${path}] because 'NONE' is only a valid value when a DefaultAuthorizer on the API is specified.`);
  } else if (!(chosen === AWS_IAM && iamEnabled)) {
    if (!authorizers || !Object.keys(authorizers).length) throw event(`Unable to set Authorizer [${printed}] on API method [${m}] for path [${path}] because the related API does not define any Authorizers.`);
    if (!authorizers[chosen]) throw event(`Unable to set Authorizer [${printed}] on API method [${m}] for path [${path}] because it wasn't defined in the API's Authorizers.`);
  }
  if (auth.AuthorizationScopes && !Array.isArray(auth.AuthorizationScopes)) {
    throw event(`Unable to set Authorizer on API method [${m}] for path [${path}] because 'AuthorizationScopes' must be a list of strings.`);
  }
  // SAM writes the chosen authorizer (the DefaultAuthorizer for an event giving only scopes) with the event's scopes.
  const name = chosen as string;
  for (const definition of methodDefinitions(doc, path, method)) {
    let scopes: unknown = [];
    if (name !== 'NONE' && name !== AWS_IAM) {
      const given = (authorizers as Properties)[name];
      if (!isMap(given)) throw new Error(`Type of authorizer '${name}' must be a dictionary`);
      scopes = (auth.AuthorizationScopes as unknown[] | undefined)?.length ? auth.AuthorizationScopes : (given.AuthorizationScopes ?? []);
    }
    const existing = definition.security ?? [];
    if (!Array.isArray(existing)) throw new Error(`Type of security for path ${path} method ${method} must be a list`);
    definition.security = [...existing, { [name]: scopes }];
  }
}

/** Python's repr of a small JSON value, as SAM prints an authorizer that is not a string. */
function pythonRepr(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (isMap(value)) return `{${Object.entries(value).map(([k, v]) => `'${k}': ${pythonRepr(v)}`).join(', ')}}`;
  return value === true ? 'True' : value === false ? 'False' : value === null ? 'None' : String(value);
}
