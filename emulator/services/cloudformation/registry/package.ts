import { unzipSync } from 'fflate';
import { load } from 'js-yaml';
import { bodyBytes, s3Location } from '../engine/template-url.ts';
import type { CfnContext } from '../operations/template-input.ts';
import type { ExtensionKind } from './model.ts';

/** What a schema handler package gives a registration, or why it failed (the registration's FAILED description). */
export type PackageSchema = { schema: Record<string, unknown> } | { failure: string };

function location(url: string): { bucket: string; key: string } | undefined {
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  return s3 ? { bucket: s3[1], key: s3[2] } : s3Location(url);
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A module's schema, which CloudFormation derives from its template fragment: the fragment's parameters (Type and
 * Description) and resources (their type as a constant), in the form AWS's DescribeType shows.
 */
function moduleSchema(typeName: string, fragment: Record<string, unknown>): Record<string, unknown> {
  const parameters = (fragment.Parameters ?? {}) as Record<string, { Description?: string }>;
  const resources = (fragment.Resources ?? {}) as Record<string, { Type?: string }>;
  return {
    typeName,
    description: `Schema for Module Fragment of type ${typeName}`,
    properties: {
      Parameters: {
        type: 'object',
        properties: Object.fromEntries(
          Object.entries(parameters).map(([name, p]) => [
            name,
            { type: 'object', properties: { Type: { type: 'string' }, Description: { type: 'string' } }, required: ['Type', 'Description'], description: p?.Description },
          ]),
        ),
      },
      Resources: {
        properties: Object.fromEntries(
          Object.entries(resources).map(([name, r]) => [name, { type: 'object', properties: { Type: { type: 'string', const: r?.Type }, Properties: { type: 'object' } } }]),
        ),
        type: 'object',
        additionalProperties: false,
      },
    },
    additionalProperties: true,
  };
}

function fragmentOf(files: Record<string, Uint8Array>): Record<string, unknown> | undefined {
  const name = Object.keys(files).find((f) => /^fragments\/[^/]+\.(json|ya?ml)$/.test(f));
  if (!name) return undefined;
  const text = Buffer.from(files[name]).toString('utf8');
  try {
    const value = name.endsWith('.json') ? JSON.parse(text) : load(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a schema handler package (the zip `cfn submit` uploads) from S3 as the caller: a resource type's or hook's
 * `schema.json`, or a module's fragment. The handlers in it are not run: twinstack cannot provision private types.
 */
export async function readPackage(ctx: CfnContext, url: string, kind: ExtensionKind, typeName: string): Promise<PackageSchema> {
  const where = location(url);
  if (!where) return { failure: `Invalid SchemaHandlerPackage: ${url}` };
  let files: Record<string, Uint8Array>;
  try {
    const object = await ctx.emulator.call<{ Body?: unknown }>('s3', 'GetObject', { Bucket: where.bucket, Key: where.key }, { caller: ctx.caller, region: ctx.region });
    files = unzipSync(new Uint8Array(await bodyBytes(object.Body ?? Buffer.alloc(0))));
  } catch {
    return { failure: `Failed to download the schema handler package from ${url}` };
  }
  if (kind === 'MODULE') {
    const fragment = fragmentOf(files);
    return fragment ? { schema: moduleSchema(typeName, fragment) } : { failure: 'The module package has no template fragment' };
  }
  const schema = files['schema.json'] ? parseJsonObject(Buffer.from(files['schema.json']).toString('utf8')) : undefined;
  if (!schema) return { failure: 'The schema handler package has no valid schema.json' };
  if (schema.typeName !== typeName) return { failure: `The type name in the schema (${String(schema.typeName)}) does not match ${typeName}` };
  return { schema };
}
