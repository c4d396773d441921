import type { Caller } from '../../core/service.ts';
import type { Emulator } from '../../core/emulator.ts';

export { randomSuffix } from './engine/run.ts';
export { isKnownType, resourceType } from './engine/types.ts';

/** Resolved template values: JSON whose shape each resource type knows (AWS's resource schemas). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Properties = Record<string, any>;

/**
 * What a CloudFormation resource type (in a service's `resources/` folder) is given to create, update or delete one
 * resource. The resource is made through the service's own operations (`call`, the front door), so the service's
 * validation, account walls and faults apply, as they do for a client.
 */
export interface ResourceRequest {
  readonly logicalId: string;
  readonly resourceType: string;
  readonly stackName: string;
  readonly stackId: string;
  readonly accountId: string;
  readonly region: string;
  /** The template's properties with every intrinsic function resolved. */
  readonly properties: Properties;
  /** The resource's CreationPolicy attribute (the stack waits for its signals after `create`). */
  readonly creationPolicy?: unknown;
  /** The stack's tags, which CloudFormation propagates to the resources that take tags. */
  readonly stackTags: { Key: string; Value: string }[];
  readonly emulator: Emulator;
  readonly caller: Caller;
  /** Calls one operation of a service as the stack's caller, in the stack's account and region. */
  call<T = Properties>(service: string, operation: string, input: object): Promise<T>;
  /**
   * A name for a resource whose name property is not given: `<stack>-<logicalId>-<RANDOM>` as CloudFormation makes
   * it, cut to `maxLength` (parts shortened as AWS does) and lower-cased where the service wants it.
   */
  physicalName(options?: { maxLength?: number; lowerCase?: boolean; separator?: string }): string;
  /**
   * Tells the stack the resource's physical id before its creation's work is done (AWS's "Resource creation
   * Initiated" event), for types whose creation can fail after the id was given (the stack then deletes that id on
   * rollback). Absent outside stacks (Cloud Control); calling it is optional, `create`'s answer does the same.
   */
  initiated?(physicalId: string): void;
}

/** An existing resource: its physical id (what `Ref` returns for most types) and the attributes `Fn::GetAtt` reads. */
export interface ResourceState {
  readonly physicalId: string;
  readonly attributes: Record<string, unknown>;
}

export interface ResourceUpdate extends ResourceRequest, ResourceState {
  /** The resolved properties the resource was last created or updated with. */
  readonly previous: Properties;
}

export type ResourceDelete = Omit<ResourceRequest, 'properties'> & ResourceState & { readonly properties: Properties };

/** One CloudFormation resource type, e.g. `AWS::SQS::Queue`. */
export interface ResourceType {
  create(request: ResourceRequest): Promise<ResourceState>;
  /** Changes a resource in place; without it every property change replaces the resource. */
  update?(request: ResourceUpdate): Promise<ResourceState>;
  delete(request: ResourceDelete): Promise<void>;
  /** Properties whose change replaces the resource (a new one is created, the old one deleted), as in AWS's schema. */
  readonly createOnly?: readonly string[];
  /**
   * The properties this type understands, when it does not understand all of AWS's: a template setting another one
   * fails the resource rather than being silently ignored.
   */
  readonly properties?: readonly string[];
  /**
   * The resource's properties as its service has them now, in the template's form (for drift detection); throws the
   * service's not-found error when the resource is gone. Without it, the type's resources are not checked for drift.
   */
  read?(request: ResourceDelete): Promise<Properties>;
  /**
   * The properties naming an existing resource (AWS's primary identifier, e.g. `QueueUrl`), given as
   * `ResourceIdentifier` when a resource is imported into a stack; types without them cannot be imported.
   */
  readonly primaryIdentifier?: readonly string[];
  /**
   * An existing resource's state, for an IMPORT change set: `identifier` holds the primary identifier's values; throws
   * the service's not-found error when there is no such resource. Importing never changes the resource.
   */
  adopt?(request: ResourceRequest, identifier: Record<string, string>): Promise<ResourceState>;
  /**
   * Every resource of the type the service has in the request's account and region, with its primary identifier's
   * values and its properties in the template's form (for resource scans and generated templates). Without it, scans
   * do not find the type's resources.
   */
  list?(request: ResourceListRequest): Promise<ListedResource[]>;
  /**
   * The properties `list` needs in Cloud Control's ResourceModel (a child type's parent, e.g. `RestApiId`): AWS lists
   * such types only under a parent.
   */
  readonly listRequires?: readonly string[];
  /** AWS's schema has no list handler: Cloud Control's ListResources refuses the type. */
  readonly unlisted?: true;
  /** What `Ref` returns when it is not the physical id (e.g. an attribute name). */
  ref?(state: ResourceState): string;
}

/** What a type's `list` is given: where to look, and the service's front door as the caller. */
export type ResourceListRequest = Pick<ResourceRequest, 'accountId' | 'region' | 'emulator' | 'caller' | 'call'> & {
  /** Cloud Control's ResourceModel: the `listRequires` properties' values. */
  readonly model?: Properties;
};

export interface ListedResource {
  /** The primary identifier's property names and values, e.g. `{ QueueUrl: 'https://…' }`. */
  readonly identifier: Record<string, string>;
  /** What the stack would track as the physical id (and Ref returns for most types). */
  readonly physicalId: string;
  readonly properties: Properties;
}

/** The resource types a service provides: what its `resources/index.ts` exports by default. */
export type ResourceTypes = Readonly<Record<string, ResourceType>>;

/**
 * Types whose resources AWS does not give CloudFormation's own `aws:cloudformation:*` tags: DynamoDB tables and SQS
 * queues (AWS's recordings of a stack's table, and of ListQueueTags of a stack's queue in LocalStack's
 * test_resolve_transitive_placeholders_in_strings, list only the template's tags), IAM's identities (IAM takes no
 * `aws:` keys), stack sets (their schema's cloudFormationSystemTags is false) and Firehose delivery streams (the model's tag key pattern `^(?!aws:)` refuses them to every caller).
 */
const WITHOUT_STACK_SYSTEM_TAGS = /^AWS::(DynamoDB::Table|SQS::Queue$|IAM::|KinesisFirehose::|CloudFormation::StackSet$)/;

/**
 * The stack's tags (propagated) and the resource's own `Tags` property (a list of Key/Value, or a map as some types
 * take it), the resource's winning on a clash, then the
 * `aws:cloudformation:stack-name`, `logical-id` and `stack-id` tags CloudFormation puts on what a stack creates
 * (services allow those keys only on the engine's calls, which carry `calledVia`; Cloud Control has no stack).
 */
export function resourceTags(request: ResourceRequest): { Key: string; Value: string }[] {
  const tags = new Map(request.stackTags.map((t) => [t.Key, t.Value]));
  const own = request.properties.Tags ?? [];
  const entries: [string, unknown][] = Array.isArray(own) ? own.map((t: { Key: string; Value: unknown }) => [t.Key, t.Value]) : Object.entries(own);
  for (const [key, value] of entries) tags.set(key, String(value));
  if (request.stackId && !WITHOUT_STACK_SYSTEM_TAGS.test(request.resourceType)) {
    tags.set('aws:cloudformation:stack-name', request.stackName);
    tags.set('aws:cloudformation:logical-id', request.logicalId);
    tags.set('aws:cloudformation:stack-id', request.stackId);
  }
  return [...tags].map(([Key, Value]) => ({ Key, Value }));
}

/**
 * A service's operations in another region of the stack's account, as the stack's caller (a cross-region resource: a
 * subscription to a topic elsewhere, a global table's replica); the stack's own region goes through `request.call`.
 */
export function callIn(request: ResourceRequest, service: string, region: string | undefined): <T = Properties>(operation: string, input: object) => Promise<T> {
  if (!region || region === request.region) return (operation, input) => request.call(service, operation, input);
  return (operation, input) => request.emulator.call(service, operation, input, { caller: request.caller, accountId: request.accountId, region });
}

/** A policy or configuration property as the API takes it: given as an object in templates, as JSON text on the wire. */
export function jsonText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** JSON text a service answers, in the form the template gave that property (an object, or the text itself). */
export function templateJson(given: unknown, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  return typeof given === 'string' ? text : JSON.parse(text);
}

/** The property names whose values differ between two property sets. */
export function changedProperties(before: Properties, after: Properties): Set<string> {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return new Set([...names].filter((n) => JSON.stringify(before[n]) !== JSON.stringify(after[n])));
}
