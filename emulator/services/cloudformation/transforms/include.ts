import { readTemplateUrl } from '../engine/template-url.ts';
import { validationError } from '../errors.ts';
import type { CfnContext } from '../operations/template-input.ts';
import { parseTemplate, type Template } from '../template/parse.ts';
import { macroParameters, TransformFailure } from './macros.ts';
import { AwsError } from '../../../core/errors.ts';

export const INCLUDE = 'AWS::Include';

/** `s3://bucket/key` as the path-style URL template-url.ts reads; other (https) locations as given. */
function locationUrl(location: string): string {
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  return s3 ? `https://s3.amazonaws.com/${s3[1]}/${s3[2]}` : location;
}

/** The template snippet (JSON or YAML) an AWS::Include's Parameters locate (parameter references resolved), read from S3 as the caller. */
export async function includedSnippet(parameters: unknown, ctx: CfnContext, parameterValues: Record<string, unknown>): Promise<unknown> {
  const location = (macroParameters(parameters, parameterValues) as { Location?: unknown } | undefined)?.Location;
  if (typeof location !== 'string' || !location) throw validationError(`Transform ${INCLUDE} failed with: Location parameter is required.`);
  const call = (service: string, operation: string, input: object) => ctx.emulator.call<never>(service, operation, input, { caller: ctx.caller, region: ctx.region });
  const bucket = /^s3:\/\/([^/]+)\//.exec(location)?.[1];
  if (bucket !== undefined) {
    try {
      await call('s3', 'HeadBucket', { Bucket: bucket });
    } catch (error) {
      // AWS's reason for the change set (or stack) it makes FAILED; other read failures are refused as S3's.
      if (error instanceof AwsError && (error.code === 'NoSuchBucket' || error.code === 'NotFound')) throw new TransformFailure(`Transform ${INCLUDE} failed with: S3 bucket [${bucket}] does not exist.`);
    }
  }
  return parseTemplate(await readTemplateUrl(locationUrl(location), call));
}

/**
 * The `AWS::Include` transform: each `{"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": ...}}}`
 * is replaced by the template snippet; keys beside `Fn::Transform` in the same object stay, merged with the
 * snippet's. Snippets are expanded before the template's other transforms, as on AWS.
 */
export async function expandIncludes(template: Template, ctx: CfnContext, parameterValues: Record<string, unknown>): Promise<Template> {
  const expand = async (node: unknown): Promise<unknown> => {
    if (Array.isArray(node)) return Promise.all(node.map(expand));
    if (node === null || typeof node !== 'object') return node;
    const entries = Object.entries(node as Record<string, unknown>);
    const transform = (node as Record<string, unknown>)['Fn::Transform'] as { Name?: unknown; Parameters?: unknown } | undefined;
    const out: Record<string, unknown> = {};
    for (const [key, value] of entries) if (key !== 'Fn::Transform' || transform?.Name !== INCLUDE) out[key] = await expand(value);
    if (transform?.Name !== INCLUDE) return out;
    return { ...out, ...((await expand(await includedSnippet(transform.Parameters, ctx, parameterValues))) as object) };
  };
  return JSON.stringify(template).includes(INCLUDE) ? ((await expand(template)) as Template) : template;
}
