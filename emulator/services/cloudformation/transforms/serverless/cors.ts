import type { Properties } from '../../provider.ts';
import { ANY_METHOD, TransformErrorFor } from './context.ts';

const WILDCARD = "'*'";
const FIELDS = ['AllowMethods', 'AllowHeaders', 'AllowOrigin', 'MaxAge', 'AllowCredentials'];
const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
function isIntrinsic(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** The path's methods for Access-Control-Allow-Methods: its own and OPTIONS (every method for ANY), upper case, sorted. */
function allowedMethods(methods: Properties): string {
  const names = Object.keys(methods).filter((m) => m !== 'parameters');
  const all = names.includes(ANY_METHOD) ? ALL_METHODS : [...names, 'options'].map((m) => m.toUpperCase());
  return `'${[...new Set(all)].sort().join(',')}'`;
}

/** The OPTIONS method SAM adds for CORS preflight: a mock integration answering with the CORS headers. */
function optionsMethod(origin: unknown, headers: unknown, methods: unknown, maxAge: unknown, credentials: boolean): Properties {
  const parameters: Properties = { 'method.response.header.Access-Control-Allow-Origin': origin };
  const responseHeaders: Properties = { 'Access-Control-Allow-Origin': { type: 'string' } };
  const add = (header: string, value: unknown, type = 'string') => {
    parameters[`method.response.header.${header}`] = value;
    responseHeaders[header] = { type };
  };
  if (headers) add('Access-Control-Allow-Headers', headers);
  if (methods) add('Access-Control-Allow-Methods', methods);
  if (maxAge !== undefined && maxAge !== null) add('Access-Control-Max-Age', maxAge, 'integer');
  if (credentials) add('Access-Control-Allow-Credentials', "'true'");
  return {
    summary: 'CORS support',
    consumes: ['application/json'],
    produces: ['application/json'],
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{\n  "statusCode" : 200\n}\n' },
      responses: { default: { statusCode: '200', responseParameters: parameters, responseTemplates: { 'application/json': '{}\n' } } },
    },
    responses: { '200': { description: 'Default response for CORS method', headers: responseHeaders } },
  };
}

/**
 * A REST API's `Cors` as the SAM translator applies it: an origin (text or an intrinsic) or {AllowOrigin ('*' by
 * default), AllowHeaders, AllowMethods (else the path's methods), MaxAge, AllowCredentials}; every path of the inline
 * definition without an OPTIONS method gets SAM's preflight method. SAM's messages for what it refuses.
 */
export function addCors(owner: string, cors: unknown, definition: Properties): void {
  if (!definition.Body) throw new TransformErrorFor(owner, "Cors works only with inline Swagger specified in 'DefinitionBody' property.");
  let spec: Properties;
  if (typeof cors === 'string' || isIntrinsic(cors)) spec = { AllowOrigin: cors };
  else if (cors && typeof cors === 'object' && !Array.isArray(cors) && Object.keys(cors).every((k) => FIELDS.includes(k))) spec = cors as Properties;
  else throw new TransformErrorFor(owner, "Invalid value for 'Cors' property");
  const origin = spec.AllowOrigin ?? WILDCARD;
  const credentials = spec.AllowCredentials === true;
  if (credentials && origin === WILDCARD) {
    throw new TransformErrorFor(owner, "Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set");
  }
  const paths = (definition.Body.paths ?? {}) as Record<string, Properties>;
  for (const [path, methods] of Object.entries(paths)) {
    if (Object.hasOwn(methods, 'options')) continue;
    paths[path] = { ...methods, options: optionsMethod(origin, spec.AllowHeaders, spec.AllowMethods ?? allowedMethods(methods), spec.MaxAge, credentials) };
  }
}
