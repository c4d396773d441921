import type { Properties } from '../../provider.ts';
import { ANY_METHOD, TransformErrorFor } from './context.ts';
import { conditionalContents } from './api-conditions.ts';
import { insert, insertConstant, iterationOrder, templateValues, tracked, type CopyClock } from './py27.ts';

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

/**
 * The OPTIONS method SAM adds for CORS preflight: a mock integration answering with the CORS headers. Its dicts are
 * made during the edit (`clock`); the header values that came from the template (`fromTemplate`) are template strings.
 */
function optionsMethod(clock: CopyClock, values: { origin: unknown; headers: unknown; methods: unknown; maxAge: unknown; credentials: boolean }, fromTemplate: Set<string>): Properties {
  const parameters: Properties = tracked({}, clock);
  const responseHeaders: Properties = tracked({}, clock);
  const templateHeaders: string[] = [];
  const add = (header: string, value: unknown, type = 'string', source?: string) => {
    const key = `method.response.header.${header}`;
    insert(parameters, key, value);
    insert(responseHeaders, header, { type });
    if (source && fromTemplate.has(source)) templateHeaders.push(key);
  };
  add('Access-Control-Allow-Origin', values.origin, 'string', 'origin');
  if (values.headers) add('Access-Control-Allow-Headers', values.headers, 'string', 'headers');
  if (values.methods) add('Access-Control-Allow-Methods', values.methods, 'string', 'methods');
  if (values.maxAge !== undefined && values.maxAge !== null) add('Access-Control-Max-Age', values.maxAge, 'integer', 'maxAge');
  if (values.credentials) add('Access-Control-Allow-Credentials', "'true'");
  templateValues(parameters, ...templateHeaders);
  const dict = (entries: Properties) => tracked(entries, clock);
  return dict({
    summary: 'CORS support',
    consumes: ['application/json'],
    produces: ['application/json'],
    'x-amazon-apigateway-integration': dict({
      type: 'mock',
      requestTemplates: { 'application/json': '{\n  "statusCode" : 200\n}\n' },
      responses: dict({ default: dict({ statusCode: '200', responseParameters: parameters, responseTemplates: { 'application/json': '{}\n' } }) }),
    }),
    responses: dict({ '200': dict({ description: 'Default response for CORS method', headers: responseHeaders }) }),
  });
}

/**
 * A REST API's `Cors` as the SAM translator applies it: an origin (text or an intrinsic) or {AllowOrigin ('*' by
 * default), AllowHeaders, AllowMethods (else the path's methods), MaxAge, AllowCredentials}; every path of the inline
 * definition without an OPTIONS method gets SAM's preflight method. SAM's messages for what it refuses.
 */
export function addCors(owner: string, cors: unknown, definition: Properties, clock: CopyClock): void {
  if (!definition.Body) throw new TransformErrorFor(owner, "Cors works only with inline Swagger specified in 'DefinitionBody' property.");
  let spec: Properties;
  if (typeof cors === 'string' || isIntrinsic(cors)) spec = { AllowOrigin: cors };
  else if (cors && typeof cors === 'object' && !Array.isArray(cors)) {
    const unknown = Object.keys(cors).find((k) => !FIELDS.includes(k));
    if (unknown) throw new TransformErrorFor(owner, `Invalid key '${unknown}' for 'Cors' property.`);
    spec = cors as Properties;
  } else throw new TransformErrorFor(owner, "Invalid value for 'Cors' property");
  const origin = spec.AllowOrigin ?? WILDCARD;
  const credentials = spec.AllowCredentials === true;
  if (credentials && origin === WILDCARD) {
    throw new TransformErrorFor(owner, "Unable to add Cors configuration because 'AllowCredentials' can not be true when 'AllowOrigin' is \"'*'\" or not set");
  }
  // The template's values are template strings; the default origin and the computed methods are SAM's.
  const fromTemplate = new Set<string>();
  if (spec.AllowOrigin !== undefined) fromTemplate.add('origin');
  for (const [name, field] of [['headers', 'AllowHeaders'], ['methods', 'AllowMethods'], ['maxAge', 'MaxAge']]) if (spec[field] !== undefined) fromTemplate.add(name);
  // SAM's editor copies the document before and after its edit.
  clock.now++;
  const paths = (definition.Body.paths ?? {}) as Record<string, Properties>;
  // API Gateway takes /path and /path/ for one resource: SAM adds one preflight method, to the first it meets.
  const done = new Set<string>();
  for (const path of iterationOrder(paths)) {
    const normalized = path === '/' ? path : path.replace(/\/+$/, '');
    if (done.has(normalized)) continue;
    done.add(normalized);
    // Into each branch of a path made conditional (see api-conditions.ts).
    for (const methods of conditionalContents(paths[path])) {
      if (Object.hasOwn(methods, 'options')) continue;
      const values = { origin, headers: spec.AllowHeaders, methods: spec.AllowMethods ?? allowedMethods(methods), maxAge: spec.MaxAge, credentials };
      insertConstant(methods, 'options', optionsMethod(clock, values, fromTemplate));
    }
  }
  clock.now++;
}
