import type { Properties } from '../../provider.ts';
import { TransformErrorFor } from './context.ts';
import { insert, remove, setKey, templateValues, tracked, type CopyClock } from './py27.ts';

// A REST API's `OpenApiVersion` as the SAM translator applies it (its api_generator and Globals plugin): a '3.x'
// version turns SAM's own swagger skeleton into an OpenAPI document and moves what SAM wrote in swagger 2.0 terms
// (securityDefinitions, definitions, the CORS preflight's consumes/produces and header types) to OpenAPI 3's.

/** `\A[2-3](\.\d)(\.\d)?$` and `\A3(\.\d)(\.\d)?$`, SAM's patterns, matched against Python's `str()` of the value. */
const SUPPORTED = /^[23]\.\d(\.\d)?$/;
const VERSION_3 = /^3\.\d(\.\d)?$/;

/** Python's `str()` of a template value: a YAML `3.0` is a float to SAM, a whole number here. */
export const pythonStr = (value: unknown): string => (typeof value === 'boolean' ? (value ? 'True' : 'False') : typeof value === 'number' && Number.isInteger(value) ? `${value}.0` : String(value));

export const isOpenApi3 = (version: unknown): boolean => VERSION_3.test(pythonStr(version));

/** SAM's check of the property, before anything is made of the API. */
export function checkOpenApiVersion(owner: string, version: unknown): void {
  if (version && !SUPPORTED.test(pythonStr(version))) throw new TransformErrorFor(owner, "The OpenApiVersion value must be of the format '3.0.0'.");
}

/** The swagger skeleton SAM writes for an API without a definition, at the start of the API's copies. */
export function samSkeleton(paths: Properties, clock: CopyClock): Properties {
  return tracked({ swagger: '2.0', info: tracked({ version: '1.0', title: { Ref: 'AWS::StackName' } }, clock), paths }, clock);
}

/** The Globals plugin's fix of SAM's skeleton for a 3.x OpenApiVersion: `openapi` (the template's string) set, `swagger` deleted. */
export function skeletonAsOpenApi(skeleton: Properties, version: unknown): void {
  if (!version || !isOpenApi3(version)) return;
  // A string from the template stays a template string; a number becomes SAM's own.
  insert(typeof version === 'string' ? templateValues(skeleton, 'openapi') : skeleton, 'openapi', pythonStr(version));
  remove(skeleton, 'swagger');
}

const isDict = (value: unknown): value is Properties => !!value && typeof value === 'object' && !Array.isArray(value);

function mustBeDict(value: unknown, message: string): asserts value is Properties {
  if (!isDict(value)) throw new Error(`Structure of the SAM template is invalid. ${message}`);
}

/** Moves a swagger 2.0 member into `components` (made when missing or empty). */
function intoComponents(body: Properties, from: string, to: string, clock: CopyClock): void {
  if (!body[from] || (isDict(body[from]) && !Object.keys(body[from]).length)) return;
  const components = isDict(body.components) && Object.keys(body.components).length ? body.components : tracked({}, clock);
  setKey(components, to, body[from]);
  setKey(body, 'components', components);
  remove(body, from);
}

/** SAM's `dict_deep_get(responses, "200.headers")`: undefined where a member is missing, an error where a parent is not a map. */
function preflightHeaders(responses: unknown, path: string): unknown {
  let value: unknown = responses;
  let at = '';
  for (const node of ['200', 'headers']) {
    if (value === undefined || value === null) return undefined;
    if (!isDict(value)) throw new Error(`Structure of the SAM template is invalid. Invalid responses in options method for path ${path}: ${at ? `The value of '${at}' should be a map` : 'It should be a map'}.`);
    value = value[node];
    at = at ? `${at}.${node}` : node;
  }
  return value;
}

/**
 * SAM's `_openapi_postprocess` of an inline definition (after its Auth and Models edits, and once more at the end):
 * nothing for a swagger document; for an OpenAPI 3 one (its `openapi`, or the API's OpenApiVersion when given),
 * securityDefinitions → components.securitySchemes, definitions → components.schemas, and in each OPTIONS method
 * no consumes/produces and each 200 response header wrapped in a `schema`.
 */
export function openApiPostprocess(body: Properties, apiVersion: unknown, clock: CopyClock): void {
  if (body.swagger !== undefined && body.swagger !== null) return;
  const version = body.openapi !== undefined && body.openapi !== null && apiVersion === undefined ? body.openapi : apiVersion;
  if (!version || !isOpenApi3(version)) return;
  intoComponents(body, 'securityDefinitions', 'securitySchemes', clock);
  intoComponents(body, 'definitions', 'schemas', clock);
  const paths = body.paths;
  if (!paths || (isDict(paths) && !Object.keys(paths).length)) return;
  mustBeDict(paths, 'Value of paths must be a dictionary according to Swagger spec.');
  for (const [path, item] of Object.entries(paths)) {
    mustBeDict(item, `Value of '${path}' path must be a dictionary according to Swagger spec.`);
    const options = item.options;
    if (!options || (isDict(options) && !Object.keys(options).length)) continue;
    mustBeDict(options, `Value of options method for path ${path} must be a dictionary according to Swagger spec.`);
    for (const field of Object.keys(options)) {
      if (field === 'produces' || field === 'consumes') remove(options, field);
      if (field !== 'responses') continue;
      const headers = preflightHeaders(options.responses, path);
      if (!headers || (isDict(headers) && !Object.keys(headers).length)) continue;
      mustBeDict(headers, `Value of response's headers in options method for path ${path} must be a dictionary according to Swagger spec.`);
      for (const header of Object.keys(headers)) insert(headers, header, tracked({ schema: headers[header] }, clock));
    }
  }
}
