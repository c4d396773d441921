import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';

/** What one run of the SAM transform builds: the resources of the processed template and the APIs events add to. */
export interface Expansion {
  resources: Record<string, TemplateResource>;
  /** REST APIs (implicit `ServerlessRestApi` or an `AWS::Serverless::Api`) by logical id, with the paths events add. */
  restApis: Map<string, Properties>;
  /** HTTP APIs (implicit `ServerlessHttpApi` or an `AWS::Serverless::HttpApi`) by logical id. */
  httpApis: Map<string, Properties>;
  globals: Record<string, Properties>;
  /** The stack region's partition, which SAM spells out in the ARNs it writes into API definitions. */
  partition: string;
}

/** The swagger method SAM writes for an event's `ANY`. */
export const ANY_METHOD = 'x-amazon-apigateway-any-method';

/** The resource attributes a SAM resource passes on to the resources made from it. */
export function carried(resource: TemplateResource): Partial<TemplateResource> {
  const out: Partial<TemplateResource> = {};
  if (resource.Condition !== undefined) out.Condition = resource.Condition;
  if (resource.DependsOn !== undefined) out.DependsOn = resource.DependsOn;
  if (resource.DeletionPolicy !== undefined) out.DeletionPolicy = resource.DeletionPolicy;
  if (resource.UpdateReplacePolicy !== undefined) out.UpdateReplacePolicy = resource.UpdateReplacePolicy;
  if (resource.Metadata !== undefined) out.Metadata = resource.Metadata;
  return out;
}

/** A resource's properties over the template's `Globals` for its kind: the resource's values win, maps merge, lists add up (the global entries first). */
export function withGlobals(globals: Properties | undefined, properties: Properties): Properties {
  const out: Properties = { ...(globals ?? {}) };
  for (const [name, value] of Object.entries(properties)) {
    const base = out[name];
    const mergeable = (v: unknown) => v && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).some((k) => k === 'Ref' || k.startsWith('Fn::'));
    if (Array.isArray(base) && Array.isArray(value)) out[name] = [...base, ...value];
    else out[name] = mergeable(base) && mergeable(value) ? withGlobals(base, value) : value;
  }
  return out;
}

/** `Tags` given as a map (SAM's form) as CloudFormation's list, after the tag SAM adds. */
export function tagList(first: Record<string, string>, map: unknown): { Key: string; Value: unknown }[] {
  return Object.entries({ ...first, ...((map ?? {}) as Record<string, unknown>) }).map(([Key, Value]) => ({ Key, Value }));
}

/** An S3 location given as `s3://bucket/key` or `{Bucket, Key, Version}`, in the member names a resource wants. */
export function s3Location(owner: string, property: string, value: unknown, names: [string, string, string]): Properties {
  const [bucket, key, version] = names;
  if (typeof value === 'string') {
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
    if (!match) throw new TransformErrorFor(owner, `'${property}' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.`);
    return { [bucket]: match[1], [key]: match[2] };
  }
  const location = value as Properties;
  return { [bucket]: location.Bucket, [key]: location.Key, ...(location.Version !== undefined ? { [version]: location.Version } : {}) };
}

/** An error about one resource, worded as the SAM transform words it. */
export class TransformErrorFor extends Error {
  constructor(owner: string, message: string) {
    super(`Resource with id [${owner}] is invalid. ${message}`);
  }
}

/** Properties without the undefined ones (what the processed template shows). */
export function defined(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined));
}
