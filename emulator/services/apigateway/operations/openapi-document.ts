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
