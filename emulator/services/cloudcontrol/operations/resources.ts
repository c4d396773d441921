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
import { isKnownType, randomSuffix, resourceType, type Properties, type ResourceRequest } from '../../cloudformation/provider.ts';
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

function find(ctx: Ctx, typeName: string, identifier: string | undefined): ControlledResource {
  const found = ctx.state.resources.get(key(typeName, identifier ?? ''));
  if (!found) throw new AwsError('ResourceNotFoundException', `Resource of type '${typeName}' with identifier '${identifier ?? ''}' was not found.`);
  return found;
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

export function createResource(input: CreateResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const desired = parseJson(input.DesiredState, 'DesiredState') as Properties;
  return track(ctx, 'CREATE', typeName, input.ClientToken, async () => {
    const type = await resourceType(typeName);
    const created = await type.create(request(ctx, typeName, desired));
    const resource = { typeName, identifier: type.ref?.(created) ?? created.physicalId, properties: desired, attributes: created.attributes };
    ctx.state.resources.set(key(typeName, resource.identifier), resource);
    return resource;
  });
}

export function updateResource(input: UpdateResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const resource = find(ctx, typeName, input.Identifier);
  const desired = applyPatch(resource.properties, parseJson(input.PatchDocument, 'PatchDocument'));
  return track(ctx, 'UPDATE', typeName, input.ClientToken, async () => {
    const type = await resourceType(typeName);
    if (!type.update || (type.createOnly ?? []).some((name) => JSON.stringify(desired[name]) !== JSON.stringify(resource.properties[name]))) {
      throw new AwsError('NotUpdatableException', `Invalid patch update: createOnlyProperties [${(type.createOnly ?? []).map((n) => `/properties/${n}`).join(', ')}] cannot be updated`);
    }
    const updated = await type.update({ ...request(ctx, typeName, desired), physicalId: resource.identifier, attributes: resource.attributes, previous: resource.properties });
    Object.assign(resource, { properties: desired, attributes: updated.attributes });
    return resource;
  });
}

export function deleteResource(input: DeleteResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const resource = find(ctx, typeName, input.Identifier);
  return track(ctx, 'DELETE', typeName, input.ClientToken, async () => {
    const type = await resourceType(typeName);
    await type.delete({ ...request(ctx, typeName, resource.properties), physicalId: resource.identifier, attributes: resource.attributes });
    ctx.state.resources.delete(key(typeName, resource.identifier));
    return resource.identifier;
  });
}

export function getResource(input: GetResourceInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const resource = find(ctx, typeName, input.Identifier);
  return { TypeName: typeName, ResourceDescription: { Identifier: resource.identifier, Properties: JSON.stringify({ ...resource.properties, ...resource.attributes }) } };
}

export function listResources(input: ListResourcesInput, ctx: Ctx) {
  const typeName = typeNamed(ctx, input.TypeName);
  const all = [...ctx.state.resources.values()].filter((r) => r.typeName === typeName);
  return { TypeName: typeName, ResourceDescriptions: all.map((r) => ({ Identifier: r.identifier, Properties: JSON.stringify({ ...r.properties, ...r.attributes }) })) };
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
