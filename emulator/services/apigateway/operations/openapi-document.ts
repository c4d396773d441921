import yaml from 'js-yaml';
import { badRequest } from '../errors.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

/**
 * An OpenAPI 2 or 3 document in JSON or YAML; anything else is a BadRequestException with the operation's message
 * (recorded: `Invalid OpenAPI input.` for ImportRestApi and PutRestApi, `Unable to build importer with provided
 * input.` for ImportDocumentationParts).
 */
export function parseOpenApi(body: Uint8Array | undefined, message: string): Doc {
  const text = Buffer.from(body ?? new Uint8Array()).toString('utf8');
  let doc: unknown;
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : yaml.load(text);
  } catch {
    throw badRequest(message);
  }
  if (!doc || typeof doc !== 'object' || (!('swagger' in doc) && !('openapi' in doc))) throw badRequest(message);
  return doc as Doc;
}

/** A document's base path: Swagger's `basePath`, or OpenAPI 3's `basePath` server variable, else its server URL's path. */
function basePathOf(doc: Doc): string {
  const server = (doc.servers ?? [])[0] as Doc | undefined;
  let path = typeof doc.basePath === 'string' ? doc.basePath : '';
  if (server) {
    const variable = server.variables?.basePath?.default;
    if (typeof variable === 'string') path = variable;
    else if (typeof server.url === 'string') path = new URL(server.url, 'https://placeholder').pathname;
  }
  return `/${path.split('/').filter(Boolean).join('/')}`.replace(/^\/$/, '');
}

/**
 * What the import puts before each path, by the `basepath` import parameter (AWS's developer guide, "Set the OpenAPI
 * basePath property"): `ignore` (the default) nothing, `prepend` the whole base path, `split` all but its first part.
 */
export function importPrefix(doc: Doc, mode: string | undefined): string {
  const base = basePathOf(doc);
  if (mode === 'prepend') return base;
  if (mode === 'split') return base.replace(/^\/[^/]+/, '');
  return '';
}
