import { randomUUID } from 'node:crypto';
import type {
  CreateResourceInput,
  DeleteResourceInput,
  GetResourceInput,
  GetResourceRequestStatusInput,
  ListResourceRequestsInput,
  ListResourcesInput,
  ProgressEvent,
  UpdateResourceInput,
} from '@aws-sdk/client-cloudcontrol';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { isKnownType, randomSuffix, resourceType, type ListedResource, type Properties, type ResourceRequest, type ResourceState, type ResourceType } from '../../cloudformation/provider.ts';
import type { CloudControlState, ControlledResource } from '../state.ts';
import { applyPatch } from '../patch.ts';

type Ctx = RequestContext<CloudControlState>;

function typeNamed(ctx: Ctx, typeName: string | undefined): string {
  if (!typeName || !isKnownType(typeName, ctx.emulator) || typeName.startsWith('Custom::') || typeName.startsWith('AWS::CloudFormation::')) {
    throw new AwsError('TypeNotFoundException', `The type '${typeName ?? ''}' cannot be found.`);
  }
  return typeName;
}

function parseJson(text: string | undefined, what: string): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    throw new AwsError('InvalidRequestException', `${what} is not valid JSON`);
  }
}

/** What a resource type is handed for a Cloud Control request (the caller's identity, no stack). */
function request(ctx: Ctx, typeName: string, properties: Properties): ResourceRequest {
  const logicalId = typeName.split('::').pop()!;
  return {
    logicalId,
    resourceType: typeName,
    stackName: 'CloudControl',
    stackId: '',
    accountId: ctx.accountId,
    region: ctx.region,
    properties,
    stackTags: [],
    emulator: ctx.emulator,
    caller: ctx.caller,
    call: (service, operation, input) => ctx.emulator.call(service, operation, input, { caller: ctx.caller, region: ctx.region }),
    physicalName: (options) => {
      // No stack to name it after: `<type's short name>-<random>`.
      const name = `${logicalId}-${randomSuffix()}`.slice(0, options?.maxLength ?? 255);
      return options?.lowerCase ? name.toLowerCase() : name;
    },
  };
}

function key(typeName: string, identifier: string): string {
  return `${typeName}|${identifier}`;
}

function notFound(typeName: string, identifier: string | undefined): AwsError {
  return new AwsError('ResourceNotFoundException', `Resource of type '${typeName}' with identifier '${identifier ?? ''}' was not found.`);
}

function isNotFound(error: unknown): boolean {
  return error instanceof AwsError && /NotFound|NoSuch|DoesNotExist|NonExistent/.test(error.code);
}

/** Properties named like these are strings in AWS's resource schemas whatever their text looks like. */
const TEXT_PROPERTY = /(Name|Id|Arn|Url|Value|Pattern|Description)$/;

/**
 * Read handlers give values in the template's form, where numbers and booleans may be text (SQS attributes are);
 * Cloud Control answers with the resource schema's types, so such text becomes the number or boolean it spells.
 */
function schemaTyped(properties: Properties): Properties {
  const out: Properties = {};
  for (const [name, value] of Object.entries(properties)) {
    if (typeof value !== 'string' || TEXT_PROPERTY.test(name)) out[name] = value;
    else if (value === 'true' || value === 'false') out[name] = value === 'true';
    else out[name] = /^(0|-?[1-9]\d{0,14})$/.test(value) ? Number(value) : value;
  }
  return out;
}

/**
 * The properties a compound identifier names (AWS's `RestApiId|ResourceId` for a primary identifier of several
 * properties, in the schema's order), or undefined for a single-property identifier.
 */
function compoundIdentifier(type: ResourceType, identifier: string): Record<string, string> | undefined {
  const names = type.primaryIdentifier ?? [];
  const parts = identifier.split('|');
  if (names.length < 2 || parts.length !== names.length) return undefined;
  return Object.fromEntries(names.map((name, at) => [name, parts[at]]));
}

/**
 * The compound identifier AWS gives a resource of a type whose primary identifier is several properties: each from
 * the desired state or the attributes, the one neither has being the resource's own id (its physical id).
 */
function compoundOf(type: ResourceType, desired: Properties, created: ResourceState): string | undefined {
  const names = type.primaryIdentifier ?? [];
  if (names.length < 2) return undefined;
  return names.map((name) => String(desired[name] ?? created.attributes[name] ?? created.physicalId)).join('|');
}

/**
 * A resource as its service has it now, however it was made: types that can read their resources back (`read`, and
 * `adopt` for the attributes, and for the physical id a compound identifier names) are asked; others are known only
 * when Cloud Control made them. A resource Cloud Control made and someone deleted since is forgotten.
 */
async function find(ctx: Ctx, typeName: string, identifier: string | undefined): Promise<ControlledResource> {
  const stored = ctx.state.resources.get(key(typeName, identifier ?? ''));
  const type = await resourceType(typeName);
  if (!type.read || !identifier) {
    if (!stored) throw notFound(typeName, identifier);
    return stored;
  }
  const named = stored ? undefined : compoundIdentifier(type, identifier);
  const base = request(ctx, typeName, { ...stored?.properties, ...named });
  try {
    const adopted = !stored && type.adopt && type.primaryIdentifier ? await type.adopt(base, named ?? { [type.primaryIdentifier[0]]: identifier }) : undefined;
    const physicalId = stored?.physicalId ?? (named ? adopted?.physicalId : undefined) ?? identifier;
    const attributes = stored?.attributes ?? adopted?.attributes ?? {};
    const properties = schemaTyped(await type.read({ ...base, physicalId, attributes }));
    return { typeName, identifier, ...(physicalId === identifier ? {} : { physicalId }), properties: { ...base.properties, ...properties }, attributes };
  } catch (error) {
    if (!isNotFound(error)) throw error;
    ctx.state.resources.delete(key(typeName, identifier));
    throw notFound(typeName, identifier);
  }
}

function describe(resource: ControlledResource) {
  return { Identifier: resource.identifier, Properties: JSON.stringify({ ...resource.properties, ...resource.attributes }) };
}

/** Runs one operation of a resource type and records its progress event (failures are reported there, not thrown). */
async function track(ctx: Ctx, operation: string, typeName: string, clientToken: string | undefined, work: () => Promise<ControlledResource | string>): Promise<{ ProgressEvent: ProgressEvent }> {
  const known = clientToken ? ctx.state.clientTokens.get(clientToken) : undefined;
  if (known) return { ProgressEvent: ctx.state.requests.get(known)! };
  const token = randomUUID();
  if (clientToken) ctx.state.clientTokens.set(clientToken, token);
  const event: ProgressEvent = { TypeName: typeName, RequestToken: token, Operation: operation as never, EventTime: ctx.emulator.clock.date() };
  try {
    const done = await work();
    const identifier = typeof done === 'string' ? done : done.identifier;
    Object.assign(event, { Identifier: identifier, OperationStatus: 'SUCCESS' });
    if (typeof done !== 'string') event.ResourceModel = JSON.stringify({ ...done.properties, ...done.attributes });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const code = /NotFound|NoSuch|DoesNotExist/.test(error.code) ? 'NotFound' : /AlreadyExists|InUse/.test(error.code) ? 'AlreadyExists' : /Invalid|Validation|Malformed/.test(error.code) ? 'InvalidRequest' : 'GeneralServiceException';
    Object.assign(event, { OperationStatus: 'FAILED', ErrorCode: code, StatusMessage: error.message });
  }
  ctx.state.requests.set(token, event);
  return { ProgressEvent: event };
}

/**
 * A desired state with properties outside the type's schema (additionalProperties false) is refused before any work,
 * in the words of AWS's model validation (quoted from a CreateResource answer in pulumi/pulumi-aws-native#581). The
 * type's property list stands for AWS's schema: the few schema properties twinstack does not make are refused so too.
 */
function checkModel(type: ResourceType, desired: Properties, current: Properties = {}): void {
  if (!type.properties) return;
  // An update is judged on what its patch adds: the current model is what the type read back.
  const extraneous = Object.keys(desired).filter((name) => !type.properties!.includes(name) && !Object.hasOwn(current, name));
  if (extraneous.length) throw new AwsError('ValidationException', `Model validation failed (${extraneous.map((name) => `#: extraneous key [${name}] is not permitted`).join('\n')})`);
}

export async function createResource(input: CreateResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const desired = parseJson(input.DesiredState, 'DesiredState') as Properties;
  const type = await resourceType(typeName);
  checkModel(type, desired);
  return track(ctx, 'CREATE', typeName, input.ClientToken, async () => {
    const created = await type.create(request(ctx, typeName, desired));
    const identifier = compoundOf(type, desired, created) ?? type.ref?.(created) ?? created.physicalId;
    const resource = { typeName, identifier, ...(identifier === created.physicalId ? {} : { physicalId: created.physicalId }), properties: desired, attributes: created.attributes };
    ctx.state.resources.set(key(typeName, resource.identifier), resource);
    return resource;
  });
}

export async function updateResource(input: UpdateResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const resource = await find(ctx, typeName, input.Identifier);
  const desired = applyPatch(resource.properties, parseJson(input.PatchDocument, 'PatchDocument'));
  const type = await resourceType(typeName);
  checkModel(type, desired, resource.properties);
  return track(ctx, 'UPDATE', typeName, input.ClientToken, async () => {
    if (!type.update || (type.createOnly ?? []).some((name) => JSON.stringify(desired[name]) !== JSON.stringify(resource.properties[name]))) {
      throw new AwsError('NotUpdatableException', `Invalid patch update: createOnlyProperties [${(type.createOnly ?? []).map((n) => `/properties/${n}`).join(', ')}] cannot be updated`);
    }
    const updated = await type.update({ ...request(ctx, typeName, desired), physicalId: resource.physicalId ?? resource.identifier, attributes: resource.attributes, previous: resource.properties });
    Object.assign(resource, { properties: desired, attributes: updated.attributes });
    ctx.state.resources.set(key(typeName, resource.identifier), resource);
    return resource;
  });
}

export async function deleteResource(input: DeleteResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const resource = await find(ctx, typeName, input.Identifier);
  return track(ctx, 'DELETE', typeName, input.ClientToken, async () => {
    const type = await resourceType(typeName);
    await type.delete({ ...request(ctx, typeName, resource.properties), physicalId: resource.physicalId ?? resource.identifier, attributes: resource.attributes });
    ctx.state.resources.delete(key(typeName, resource.identifier));
    return resource.identifier;
  });
}

export async function getResource(input: GetResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  return { TypeName: typeName, ResourceDescription: describe(await find(ctx, typeName, input.Identifier)) };
}

/** What GetResource takes for a listed resource: its primary identifier's values joined with `|` (AWS's compound form). */
function listedIdentifier(type: ResourceType, listed: ListedResource): string {
  const values = (type.primaryIdentifier ?? []).map((name) => listed.identifier[name]);
  return values.length && values.every((value) => value !== undefined) ? values.join('|') : listed.physicalId;
}

/**
 * Every resource of the type: what the type's `list` finds in the service (however made), else what Cloud Control
 * made. A child type is listed under the parent its ResourceModel names, failing as AWS does without it.
 */
export async function listResources(input: ListResourcesInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const type = await resourceType(typeName);
  // AWS's words, as users quote them for types without a list handler.
  if (type.unlisted) throw new AwsError('UnsupportedActionException', `Resource type ${typeName} does not support LIST action`);
  const made = [...ctx.state.resources.values()].filter((r) => r.typeName === typeName);
  if (!type.list) return { TypeName: typeName, ResourceDescriptions: made.map(describe) };
  const model = (input.ResourceModel === undefined ? {} : parseJson(input.ResourceModel, 'ResourceModel')) as Properties;
  const missing = (type.listRequires ?? []).find((name) => typeof model?.[name] !== 'string');
  if (missing) {
    throw new AwsError('InvalidRequestException', `Missing or invalid ResourceModel property in ${typeName} list handler request input.Required property: (#: required key [${missing}] not found)`);
  }
  const listed = await type.list({ ...request(ctx, typeName, {}), model });
  const resources = listed.map((r) => {
    const identifier = listedIdentifier(type, r);
    const stored = ctx.state.resources.get(key(typeName, identifier));
    return { typeName, identifier, properties: { ...stored?.properties, ...r.properties }, attributes: stored?.attributes ?? {} };
  });
  return { TypeName: typeName, ResourceDescriptions: resources.map(describe) };
}

export function getResourceRequestStatus(input: GetResourceRequestStatusInput, ctx: Ctx) {
  const event = ctx.state.requests.get(input.RequestToken ?? '');
  if (!event) throw new AwsError('RequestTokenNotFoundException', `Request with token ${input.RequestToken ?? ''} was not found`);
  return { ProgressEvent: event };
}

export function listResourceRequests(input: ListResourceRequestsInput, ctx: Ctx) {
  const filter = input.ResourceRequestStatusFilter;
  const events = [...ctx.state.requests.values()].filter(
    (e) => (!filter?.Operations?.length || filter.Operations.includes(e.Operation!)) && (!filter?.OperationStatuses?.length || filter.OperationStatuses.includes(e.OperationStatus!)),
  );
  return { ResourceRequestStatusSummaries: events.reverse() };
}
