import { Compile, parse } from 'velocityjs';
import { javaStringMethods } from './java-strings.ts';
import { jsonPath } from './jsonpath.ts';

/** What a mapping template sees besides `$input`: `$context`, `$stageVariables` and the request's parameters. */
export interface TemplateScope {
  body: string;
  context: Record<string, unknown>;
  stageVariables: Record<string, string>;
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
}

const compiled = new Map<string, Compile>();

function template(text: string): Compile {
  let found = compiled.get(text);
  if (!found) {
    found = new Compile(parse(text), { escape: false, customMethodHandlers: [javaStringMethods] });
    // Templates repeat across requests; a bounded cache keeps each parsed once.
    if (compiled.size > 1000) compiled.clear();
    compiled.set(text, found);
  }
  return found;
}

function parsedBody(body: string): unknown {
  if (!body) return {};
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Java-style string escaping of `$util.escapeJavaScript`: quotes, backslashes and control characters. */
function escapeJavaScript(value: unknown): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

/** Java's `URLEncoder.encode(text, "UTF-8")`: `+` for spaces, letters, digits and `.-*_` as they are, the rest `%XX`. */
function javaUrlEncode(value: unknown): string {
  if (value === undefined || value === null) return '';
  return encodeURIComponent(String(value)).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

/** Java's `URLDecoder.decode(text, "UTF-8")`: `+` is a space. */
function javaUrlDecode(value: unknown): string {
  if (value === undefined || value === null) return '';
  return decodeURIComponent(String(value).replace(/\+/g, ' '));
}

/** `$input`, `$util`, `$context` and `$stageVariables` as API Gateway gives them to a mapping template. */
export function renderTemplate(text: string, given: TemplateScope): string {
  // An empty payload is `{}` to a template (test_input_body_formatting: `$input.body` of a request without a body).
  const scope = given.body === '' ? { ...given, body: '{}' } : given;
  const document = parsedBody(scope.body);
  const lookup = (name: string) => scope.params.path[name] ?? scope.params.querystring[name] ?? Object.entries(scope.params.header).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? '';
  const input = {
    body: scope.body,
    json: (path: string) => JSON.stringify(jsonPath(document, path) ?? null),
    path: (path: string) => jsonPath(document, path) ?? '',
    params: (name?: string) => (name === undefined ? scope.params : lookup(name)),
  };
  const util = {
    escapeJavaScript,
    parseJson: (text: string) => JSON.parse(text),
    urlEncode: javaUrlEncode,
    urlDecode: javaUrlDecode,
    base64Encode: (text: string) => Buffer.from(String(text)).toString('base64'),
    base64Decode: (text: string) => Buffer.from(String(text), 'base64').toString('utf8'),
  };
  // API Gateway renders a reference to nothing as empty text (`$stageVariables.unset`, a null `$input.path(...)`), not as its source.
  return template(text).render({ input, util, context: scope.context, stageVariables: scope.stageVariables }, undefined, true);
}
