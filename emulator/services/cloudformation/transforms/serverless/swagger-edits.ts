import type { Properties } from '../../provider.ts';
import { TransformErrorFor } from './context.ts';
import { fromTemplate, insert, iterationOrder, setKey, templateKeys, templateValues, tracked, type CopyClock } from './py27.ts';

/**
 * One of SAM's edits of a REST API's swagger: its editor copies the document before the edit and again when it hands
 * it back (see py27.ts), which the deployment's hash sees.
 */
export function edit(clock: CopyClock, change: () => void): void {
  clock.now++;
  change();
  clock.now++;
}

const RESPONSE_KEYS = ['ResponseParameters', 'ResponseTemplates', 'StatusCode'];
const PARAMETER_PREFIXES: [string, string][] = [
  ['Headers', 'header.'],
  ['Paths', 'path.'],
  ['QueryStrings', 'querystring.'],
];

/** Python's name of a JSON value's type, as SAM's messages give it. */
function pythonType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return value === null ? 'NoneType' : 'dict';
}

function isIntrinsic(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && /^(Ref|Fn::.+)$/.test(Object.keys(value)[0]);
}

/**
 * `GatewayResponses` as SAM writes them into `x-amazon-apigateway-gateway-responses`: per response type, its
 * ResponseParameters prefixed `gatewayresponse.header.`/`path.`/`querystring.`, its ResponseTemplates and StatusCode.
 */
export function addGatewayResponses(owner: string, responses: unknown, definition: Properties, clock: CopyClock): void {
  if (!definition.Body) throw new TransformErrorFor(owner, "GatewayResponses works only with inline Swagger specified in 'DefinitionBody' property.");
  const given = responses as Record<string, unknown>;
  for (const [type, response] of Object.entries(given)) {
    if (isIntrinsic(response)) throw new TransformErrorFor(owner, 'Unable to set GatewayResponses attribute because intrinsic functions are not supported for this field.');
    if (!response || typeof response !== 'object' || Array.isArray(response)) {
      throw new TransformErrorFor(owner, `Invalid property type '${pythonType(response)}' for GatewayResponses. Expected an object of type 'GatewayResponse'.`);
    }
    const unknown = Object.keys(response).find((k) => !RESPONSE_KEYS.includes(k));
    if (unknown) throw new TransformErrorFor(owner, `Invalid property '${unknown}' in 'GatewayResponses' property '${type}'.`);
  }
  const body = definition.Body as Properties;
  edit(clock, () => {
    const out = (body['x-amazon-apigateway-gateway-responses'] as Properties | undefined) ?? templateKeys(tracked({}, clock));
    for (const type of iterationOrder(given)) {
      const r = given[type] as Properties;
      const parameters = (r.ResponseParameters ?? {}) as Properties;
      const unknown = Object.keys(parameters).find((k) => !PARAMETER_PREFIXES.some(([name]) => name === k));
      if (unknown) throw new TransformErrorFor(owner, `Invalid gateway response parameter '${unknown}'`);
      const status = r.StatusCode === undefined || r.StatusCode === null ? undefined : String(r.StatusCode);
      if (status !== undefined && r.StatusCode !== '' && !/^[0-9]{1,3}$/.test(status)) throw new TransformErrorFor(owner, "Property 'StatusCode' must be numeric");
      const prefixed = templateKeys(tracked({}, clock));
      for (const [name, prefix] of PARAMETER_PREFIXES) {
        const values = (parameters[name] ?? {}) as Properties;
        for (const key of iterationOrder(values)) insert(prefixed, `gatewayresponse.${prefix}${key}`, values[key]);
      }
      templateValues(prefixed, ...Object.keys(prefixed));
      const swagger = tracked({ responseParameters: prefixed, responseTemplates: r.ResponseTemplates ? fromTemplate(r.ResponseTemplates) : tracked({}, clock) }, clock);
      if (status) insert(swagger, 'statusCode', status);
      insert(out, type, swagger);
    }
    setKey(body, 'x-amazon-apigateway-gateway-responses', out);
  });
}

/** `BinaryMediaTypes` as SAM also writes them into the definition: `~1` (the template's escape of `/`) unescaped. */
export function addBinaryMediaTypes(types: unknown, definition: Properties, clock: CopyClock): void {
  // SAM skips, rather than refuses, binary media types for an API without an inline definition.
  if (!definition.Body) return;
  const unescape = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll('~1', '/');
    if (Array.isArray(value)) return value.map(unescape);
    if (value && typeof value === 'object') return fromTemplate(Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll('~1', '/'), unescape(v)])));
    return value;
  };
  edit(clock, () => insert(templateValues(definition.Body, 'x-amazon-apigateway-binary-media-types'), 'x-amazon-apigateway-binary-media-types', unescape(types)));
}
