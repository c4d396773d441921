import { createHash } from 'node:crypto';
import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import type { HttpApiEntry } from './http-api.ts';

/** What one run of the SAM transform builds: the resources of the processed template and the APIs events add to. */
export interface Expansion {
  resources: Record<string, TemplateResource>;
  /** The template's resources as given (S3 events edit a bucket of the template's). */
  source: Record<string, TemplateResource>;
  /** REST APIs (implicit `ServerlessRestApi` or an `AWS::Serverless::Api`) by logical id, with the paths events add. */
  restApis: Map<string, Properties>;
  /** HTTP APIs (implicit `ServerlessHttpApi` or an `AWS::Serverless::HttpApi`) by logical id. */
  httpApis: Map<string, HttpApiEntry>;
  /** HttpApi events' properties as SAM's implicit HTTP API plugin completed them, by resource and event id. */
  httpEvents: Map<string, Properties>;
  globals: Record<string, Properties>;
  /** The stack region's partition, which SAM spells out in the ARNs it writes into API definitions. */
  partition: string;
  /** The CodeDeploy deployment groups of functions' DeploymentPreference, added after every other resource. */
  deploymentGroups: Map<string, TemplateResource>;
  /** Conditions SAM adds to the template (combined conditions of implicit APIs and their paths). */
  conditions: Record<string, unknown>;
  /** The stack's parameter values (and AWS::Region, AWS::Partition), which SAM substitutes in some properties. */
  parameterValues: Record<string, unknown>;
  /** SAM resources whose logical id SAM changes (a LayerVersion's gets a hash): old id -> new, for references to them. */
  renamed: Map<string, string>;
}

/** SAM's resolve_sam_resource_id_refs: references to renamed resources (Ref, Fn::GetAtt, Fn::Sub, DependsOn) follow them. */
export function renameReferences(value: unknown, renamed: Map<string, string>): unknown {
  if (!renamed.size) return value;
  const to = (id: unknown) => (typeof id === 'string' && renamed.has(id) ? renamed.get(id)! : id);
  // `<Id>.<Property>` names the resource SAM made for a SAM resource's property (`Function.DestinationQueue`).
  const target = (id: string, rest: string): [string, string] | undefined => {
    const property = /^\.([^.]+)(.*)$/.exec(rest);
    if (property && renamed.has(`${id}.${property[1]}`)) return [renamed.get(`${id}.${property[1]}`)!, property[2]];
    return renamed.has(id) ? [renamed.get(id)!, rest] : undefined;
  };
  const sub = (text: unknown) =>
    typeof text === 'string'
      ? text.replace(/\$\{([^!}.]+)(\.[^}]*)?\}/g, (whole, id: string, rest = '') => {
          const found = target(id, rest);
          return found ? `\${${found[0]}${found[1]}}` : whole;
        })
      : text;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const object = v as Properties;
    const keys = Object.keys(object);
    if (keys.length === 1 && keys[0] === 'Ref') return { Ref: to(object.Ref) };
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
      const getAtt = object['Fn::GetAtt'];
      if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string' && !renamed.has(getAtt[0])) {
        const found = target(getAtt[0], `.${getAtt[1]}`);
        if (found) return { 'Fn::GetAtt': [found[0], found[1].slice(1)] };
      }
      if (Array.isArray(getAtt)) return { 'Fn::GetAtt': [to(getAtt[0]), ...getAtt.slice(1).map(walk)] };
      if (typeof getAtt === 'string') return { 'Fn::GetAtt': getAtt.replace(/^[^.]+/, (id) => String(to(id))) };
    }
    if (keys.length === 1 && keys[0] === 'Fn::Sub') {
      const given = object['Fn::Sub'];
      return { 'Fn::Sub': Array.isArray(given) ? [sub(given[0]), ...given.slice(1).map(walk)] : sub(given) };
    }
    return Object.fromEntries(keys.map((k) => [k, k === 'DependsOn' ? (Array.isArray(object[k]) ? object[k].map(to) : to(object[k])) : walk(object[k])]));
  };
  return walk(value);
}

/** SAM's resolve_parameter_refs: each `Ref` to a parameter (and `${Param}` in a `Fn::Sub` string) replaced by its value. */
export function resolveParameterRefs(value: unknown, parameters: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveParameterRefs(v, parameters));
  if (!value || typeof value !== 'object') return value;
  const object = value as Properties;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof object.Ref === 'string' && Object.hasOwn(parameters, object.Ref)) return parameters[object.Ref];
  if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof object['Fn::Sub'] === 'string') {
    return { 'Fn::Sub': object['Fn::Sub'].replace(/\$\{([^}!.]+)\}/g, (whole: string, name: string) => (Object.hasOwn(parameters, name) ? String(parameters[name]) : whole)) };
  }
  return Object.fromEntries(keys.map((k) => [k, resolveParameterRefs(object[k], parameters)]));
}

/** The swagger method SAM writes for an event's `ANY`. */
export const ANY_METHOD = 'x-amazon-apigateway-any-method';

/** `${X.Arn}` or `${X}`: a `Fn::GetAtt` or `Ref` as a `Fn::Sub` placeholder (SAM's make_shorthand). */
export function shorthand(value: unknown): string {
  const getAtt = (value as { 'Fn::GetAtt'?: string[] })['Fn::GetAtt'];
  return getAtt ? `\${${getAtt.join('.')}}` : `\${${(value as { Ref: string }).Ref}}`;
}

/** SAM's pass-through attributes, which a SAM resource gives the resources it makes besides its main one. */
export function passedThrough(resource: TemplateResource): Partial<TemplateResource> {
  const out: Partial<TemplateResource> = {};
  if (resource.Condition !== undefined) out.Condition = resource.Condition;
  if (resource.DeletionPolicy !== undefined) out.DeletionPolicy = resource.DeletionPolicy;
  if (resource.UpdateReplacePolicy !== undefined) out.UpdateReplacePolicy = resource.UpdateReplacePolicy;
  return out;
}

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
    // SAM's parse_s3_uri: a version given as the one versionId query parameter.
    const match = /^s3:\/\/([^/?#]+)\/([^?#]+)(?:\?([^#]*))?/.exec(value);
    if (!match) throw new TransformErrorFor(owner, `'${property}' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.`);
    const versions = new URLSearchParams(match[3] ?? '').getAll('versionId');
    return { [bucket]: match[1], [key]: match[2], ...(versions.length === 1 ? { [version]: versions[0] } : {}) };
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

/** An error about a state machine's event, which SAM reports naming the event source alone. */
export class TransformEventError extends TransformErrorFor {
  constructor(source: string, message: string) {
    super(source, message);
    this.message = `Event with id [${source}] is invalid. ${message}`;
  }
}

/** The resources' errors of one run of the transform, which SAM counts and lists together. */
export class TransformErrors extends Error {
  constructor(readonly errors: TransformErrorFor[]) {
    super(errors.map((e) => e.message).join(' '));
  }
}

/** Properties without the undefined ones (what the processed template shows). */
export function defined(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined));
}

/** Python's `json.dumps(value, separators=(',', ':'), sort_keys=True)`: keys sorted, ASCII only. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object).sort().map((k) => `${sortedJson(k)}:${sortedJson(object[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** SAM's LogicalIdGenerator hash: the first 10 hex digits of the SHA-1 of the value (a string as is, else its sorted JSON; nothing for an empty value). */
export function samIdHash(value: unknown): string {
  if (!value) return '';
  return createHash('sha1').update(typeof value === 'string' ? value : sortedJson(value)).digest('hex').slice(0, 10);
}

/** The logical id SAM gives an API's stage: `<Api><StageName>Stage` for an alphanumeric name, else `<Api>Stage<hash of the name>`. */
export function stageLogicalId(api: string, stageName: unknown): string {
  const name = typeof stageName === 'string' ? stageName : '';
  return /^[\p{L}\p{N}]+$/u.test(name) ? `${api}${name}Stage` : `${api}Stage${samIdHash(name)}`;
}
