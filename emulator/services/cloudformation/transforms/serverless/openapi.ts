import type { Properties } from '../../provider.ts';
import { ANY_METHOD } from './context.ts';

// What SAM's OpenApiEditor does to an HTTP API's OpenAPI 3 definition (paths, methods, their integrations), with its
// messages. Paths and methods may be wrapped in `Fn::If` (a function's Condition): both branches are edited.

/** The route SAM gives an HttpApi event without Path and Method: API Gateway's default route. */
export const DEFAULT_PATH = '$default';
const INTEGRATION = 'x-amazon-apigateway-integration';

/** A document SAM's OpenApiEditor accepts: `paths` an object, `openapi` 3.x or 3.x.y. */
export function isOpenApi(doc: unknown): doc is Properties {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const d = doc as Properties;
  return !!d.paths && typeof d.paths === 'object' && !Array.isArray(d.paths) && !!d.openapi && /^3(\.\d)(\.\d)?$/.test(String(d.openapi));
}

/** SAM's skeleton of an HTTP API's definition. */
export function openApiSkeleton(): Properties {
  return { openapi: '3.0.1', info: { version: '1.0', title: { Ref: 'AWS::StackName' } }, paths: {} };
}

/** An error of the definition, worded as SAM's InvalidDocumentException. */
export class InvalidOpenApi extends Error {}

/** The method's name SAM uses: lower case, `ANY` as the any-method extension. */
export function normalizedMethod(method: string): string {
  const lower = method.toLowerCase();
  return lower === 'any' ? ANY_METHOD : lower;
}

const isNoValue = (v: unknown) => !!v && typeof v === 'object' && (v as Properties).Ref === 'AWS::NoValue';

/** The contents of an item: both branches of an `Fn::If` (without AWS::NoValue), or the item. */
export function conditionalContents(item: unknown): unknown[] {
  if (item && typeof item === 'object' && !Array.isArray(item) && Object.hasOwn(item, 'Fn::If')) {
    const parameters = (item as Properties)['Fn::If'];
    if (!Array.isArray(parameters)) throw new InvalidOpenApi('Value of Fn::If must be a list.');
    return parameters.slice(1).filter((c) => !isNoValue(c));
  }
  return [item];
}

/** `{"Fn::If": [condition, value, NoValue]}`. */
export function conditional(condition: string, value: unknown): Properties {
  return { 'Fn::If': [condition, value, { Ref: 'AWS::NoValue' }] };
}

function pathItems(doc: Properties, path: string): Properties[] {
  return conditionalContents(doc.paths[path]).map((item) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new InvalidOpenApi(`Value of '${path}' path must be a dictionary according to Swagger spec.`);
    return item as Properties;
  });
}

function methodDefinition(definition: unknown, path: string, method: string): Properties {
  if (!definition || typeof definition !== 'object' || Array.isArray(definition)) throw new InvalidOpenApi(`Definition of method '${method}' for path '${path}' should be a map.`);
  return definition as Properties;
}

const hasIntegrationIn = (definition: Properties) => !!definition[INTEGRATION];

/** Whether the path has the method in every branch. */
function hasPath(doc: Properties, path: string, method: string): boolean {
  if (!Object.hasOwn(doc.paths, path)) return false;
  return pathItems(doc, path).every((item) => Object.hasOwn(item, method));
}

/** Whether every branch of the path's method has an API Gateway integration (SAM's has_integration). */
export function hasIntegration(doc: Properties, path: string, method: string): boolean {
  const m = normalizedMethod(method);
  if (!hasPath(doc, path, m)) return false;
  return pathItems(doc, path).every((item) => {
    const definition = item[m];
    return !!definition && typeof definition === 'object' && !Array.isArray(definition) && conditionalContents(definition).some((d) => hasIntegrationIn(methodDefinition(d, path, m)));
  });
}

/** Adds the path and its method (an empty object) unless present. */
export function addPath(doc: Properties, path: string, method: string): void {
  const m = normalizedMethod(method);
  if (!Object.hasOwn(doc.paths, path)) doc.paths[path] = {};
  for (const item of pathItems(doc, path)) if (!Object.hasOwn(item, m)) item[m] = {};
}

/** The definitions of the path's method (both branches of conditions), those with an integration unless `all`. */
export function methodDefinitions(doc: Properties, path: string, method: string, all = false): Properties[] {
  const m = normalizedMethod(method);
  if (!Object.hasOwn(doc.paths, path)) return [];
  return pathItems(doc, path).flatMap((item) => conditionalContents(item[m]).map((d) => methodDefinition(d, path, method)).filter((d) => all || hasIntegrationIn(d)));
}

/** Every method of the path with its definitions (SAM skips `parameters`), for the edits made to all methods. */
export function pathMethods(doc: Properties, path: string): [string, Properties[]][] {
  return pathItems(doc, path).flatMap((item) =>
    Object.keys(item)
      .filter((name) => normalizedMethod(name) !== 'parameters')
      .map((name): [string, Properties[]] => [normalizedMethod(name), conditionalContents(item[name]).map((d) => methodDefinition(d, path, name))]),
  );
}

/**
 * Whether the path's method invokes this function (its `${Fn.Arn}` in every integration URI): SAM then makes no
 * permission for the function's other routes, the default route's covering them.
 */
export function integrationInvokes(doc: Properties, path: string, method: string, logicalId: string): boolean {
  if (!hasIntegration(doc, path, method)) return false;
  return methodDefinitions(doc, path, method, true).every((definition) => {
    const uri = (definition[INTEGRATION] as Properties | undefined)?.uri;
    if (!uri || typeof uri !== 'object') return false;
    return conditionalContents(uri).every((content) => {
      const match = /([A-Za-z0-9]+\.Arn)/.exec(String((content as Properties)?.['Fn::Sub'] ?? ''));
      return !!match && match[1].split('.Arn')[0] === logicalId;
    });
  });
}

/**
 * SAM's Lambda proxy integration (payload 2.0) for the path's method, unless it has one; the default route is marked
 * `isDefaultRoute`. A function's Condition wraps the URI and the whole method.
 */
export function addLambdaIntegration(doc: Properties, path: string, method: string, uri: unknown, condition?: string): void {
  const m = normalizedMethod(method);
  if (hasIntegration(doc, path, m)) return;
  addPath(doc, path, m);
  for (const item of pathItems(doc, path)) {
    const definition = (item[m] ??= {}) as Properties;
    definition[INTEGRATION] = { type: 'aws_proxy', httpMethod: 'POST', payloadFormatVersion: '2.0', uri: condition ? conditional(condition, uri) : uri };
    if (path === DEFAULT_PATH && m === ANY_METHOD) definition.isDefaultRoute = true;
    definition.responses ??= {};
    if (condition) item[m] = conditional(condition, definition);
  }
}

/** Sets a member of the integration of each definition of the path's method. */
export function setIntegrationMember(doc: Properties, path: string, method: string, name: string, value: unknown): void {
  for (const definition of methodDefinitions(doc, path, method)) (definition[INTEGRATION] as Properties)[name] = value;
}

/** The path's `{parameters}` as OpenAPI path parameters of the method (existing ones made required path parameters). */
export function addPathParameters(doc: Properties, path: string, method: string): void {
  const names = [...path.matchAll(/\{(.*?)\}/g)].map((m) => m[1]);
  if (!names.length) return;
  for (const definition of methodDefinitions(doc, path, method)) {
    const parameters = (definition.parameters ??= []) as Properties[];
    for (const name of names) {
      const existing = parameters.find((p) => p?.name === name);
      if (existing) Object.assign(existing, { in: 'path', required: true });
      else parameters.push({ name, in: 'path', required: true });
    }
  }
}
