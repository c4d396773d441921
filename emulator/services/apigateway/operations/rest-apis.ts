import type { CreateRestApiRequest, EndpointConfiguration, EndpointType, IpAddressType, PatchOperation, RestApi, UpdateRestApiRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, enumViolation } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { applyPatch, checkOps } from '../patch.ts';
import type { ApiGatewayState, StoredApi } from '../state.ts';
import { defaultModels } from './models.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<ApiGatewayState>;

const ENDPOINT_TYPES = ['PRIVATE', 'EDGE', 'REGIONAL'];
const IP_ADDRESS_TYPES = ['ipv4', 'dualstack'];
const MAX_COMPRESSION = 10485760;
const PRIVATE_DUALSTACK = 'Only dualstack ipAddressType is supported for Private APIs.';

/** Coral's enum checks of the endpoint configuration, which AWS answers before any other check of the input. */
function checkEndpointEnums(config: EndpointConfiguration | undefined, inputName: string): void {
  const problems = [];
  const types = config?.types ?? [];
  if (types.some((t) => !ENDPOINT_TYPES.includes(t))) problems.push({ value: `[${types.join(', ')}]`, at: `${inputName}.endpointConfiguration.types`, allowed: ENDPOINT_TYPES, list: true });
  if (config?.ipAddressType !== undefined && !IP_ADDRESS_TYPES.includes(config.ipAddressType)) {
    problems.push({ value: config.ipAddressType, at: `${inputName}.endpointConfiguration.ipAddressType`, allowed: IP_ADDRESS_TYPES });
  }
  if (problems.length) throw enumViolation(problems);
}

/** The stored endpoint configuration: one type (EDGE by default), private APIs dualstack only. */
function checkEndpointConfiguration(config: EndpointConfiguration | undefined): Required<Pick<EndpointConfiguration, 'types' | 'ipAddressType'>> {
  const types = config?.types ?? ['EDGE'];
  if (!types.length) throw badRequest('REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.');
  if (types.length > 1) throw badRequest('Cannot create an api with multiple Endpoint Types.');
  const ipAddressType = config?.ipAddressType ?? (types[0] === 'PRIVATE' ? 'dualstack' : 'ipv4');
  if (types[0] === 'PRIVATE' && ipAddressType !== 'dualstack') throw badRequest(PRIVATE_DUALSTACK);
  return { types: types as EndpointConfiguration['types'] & string[], ipAddressType };
}

function checkCompression(size: number | undefined): void {
  if (size !== undefined && (!Number.isInteger(size) || size < 0 || size > MAX_COMPRESSION)) {
    throw badRequest(`Invalid minimum compression size, must be between 0 and ${MAX_COMPRESSION}`);
  }
}

/** A new API with its root resource; what CreateRestApi and ImportRestApi start from. */
export function newApi(state: ApiGatewayState, input: CreateRestApiRequest, now: Date): StoredApi {
  checkEndpointEnums(input.endpointConfiguration, 'createRestApiInput');
  if (!input.name) throw badRequest('The name of the API must be non-empty');
  if (input.description === '') throw badRequest('Description cannot be an empty string');
  checkCompression(input.minimumCompressionSize);
  const endpointConfiguration = checkEndpointConfiguration(input.endpointConfiguration);
  let id = shortId();
  while (state.apis.has(id)) id = shortId();
  const rootResourceId = shortId();
  const api: StoredApi['api'] = {
    id,
    name: input.name,
    description: input.description,
    createdDate: now,
    version: input.version,
    binaryMediaTypes: input.binaryMediaTypes?.length ? [...input.binaryMediaTypes] : undefined,
    minimumCompressionSize: input.minimumCompressionSize,
    apiKeySource: input.apiKeySource ?? 'HEADER',
    endpointConfiguration: { ...input.endpointConfiguration, ...endpointConfiguration },
    policy: input.policy,
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
    rootResourceId,
  };
  const stored: StoredApi = {
    api,
    resources: new Map([[rootResourceId, { id: rootResourceId, methods: new Map() }]]),
    models: new Map(),
    authorizers: new Map(),
    validators: new Map(),
    deployments: new Map(),
    stages: new Map(),
    gatewayResponses: new Map(),
    documentationParts: new Map(),
    documentationVersions: new Map(),
  };
  for (const model of defaultModels()) stored.models.set(model.name!, model);
  state.apis.set(id, stored);
  if (input.tags) writeTags(state, state.arn(`/restapis/${id}`), input.tags);
  return stored;
}

export function restApiOutput(state: ApiGatewayState, stored: StoredApi, alwaysTags = false): RestApi {
  const tags = tagsOf(state, state.arn(`/restapis/${stored.api.id}`));
  const policy = stored.api.policy === undefined ? undefined : answeredPolicy(stored.api.policy);
  return { ...stored.api, policy, tags: Object.keys(tags).length || alwaysTags ? tags : undefined };
}

/**
 * A REST API's policy as AWS answers it: the document without white space, its quotes and backslashes escaped
 * (`{\"Version\":...}`, which LocalStack's AWS-validated tests read back with Python's unicode_escape).
 */
function answeredPolicy(policy: string): string {
  let text = policy;
  try {
    text = JSON.stringify(JSON.parse(policy));
  } catch {
    // Not a JSON document: escaped as given.
  }
  return JSON.stringify(text).slice(1, -1);
}

export function createRestApi(input: CreateRestApiRequest, ctx: Ctx): RestApi {
  // The API to clone must exist before anything is created (a missing one leaves no half-made API behind).
  const source = input.cloneFrom ? ctx.state.api(input.cloneFrom) : undefined;
  checkTagKeys(input.tags, ctx.caller);
  const stored = newApi(ctx.state, input, ctx.emulator.clock.date());
  if (source) cloneInto(stored, source);
  return restApiOutput(ctx.state, stored);
}

/** CloneFrom copies the source's resources, methods, models, validators and authorizers. */
function cloneInto(target: StoredApi, source: StoredApi): void {
  const copy = <T>(value: T): T => structuredClone(value);
  target.resources.clear();
  for (const [id, resource] of source.resources) target.resources.set(id, { ...copy({ ...resource, methods: undefined }), methods: copy(resource.methods) });
  target.api.rootResourceId = source.api.rootResourceId;
  for (const [k, v] of source.models) target.models.set(k, copy(v));
  for (const [k, v] of source.validators) target.validators.set(k, copy(v));
  for (const [k, v] of source.authorizers) target.authorizers.set(k, copy(v));
}

/** GetRestApi answers `tags` even when there are none (recorded); CreateRestApi and GetRestApis leave them out. */
export function getRestApi(input: { restApiId: string }, ctx: Ctx): RestApi {
  return restApiOutput(ctx.state, ctx.state.api(input.restApiId), true);
}

export function getRestApis(input: { position?: string; limit?: number }, ctx: Ctx) {
  const all = [...ctx.state.apis.values()].map((a) => restApiOutput(ctx.state, a));
  return page(all, input);
}

export function deleteRestApi(input: { restApiId: string }, ctx: Ctx): Record<string, never> {
  const stored = ctx.state.api(input.restApiId);
  ctx.state.apis.delete(stored.api.id);
  ctx.state.tags.delete(ctx.state.arn(`/restapis/${stored.api.id}`));
  for (const plan of ctx.state.usagePlans.values()) plan.apiStages = plan.apiStages?.filter((s) => s.apiId !== stored.api.id);
  return {};
}

const REST_API_PATCH = {
  name: 'string',
  description: 'string',
  version: 'string',
  binaryMediaTypes: 'list',
  minimumCompressionSize: 'number',
  apiKeySource: 'string',
  policy: 'string',
  disableExecuteApiEndpoint: 'boolean',
  endpointConfiguration: { vpcEndpointIds: 'list' },
} as const;

/**
 * `/endpointConfiguration/types/<i>` and `/endpointConfiguration/ipAddressType` take only replace; switching to a
 * private API makes it dualstack (test_update_rest_api_ip_address_type).
 */
function patchEndpoint(config: EndpointConfiguration, op: PatchOperation): boolean {
  const typeIndex = /^\/endpointConfiguration\/types\/(\d+)$/.exec(op.path ?? '')?.[1];
  if (typeIndex !== undefined) {
    if (op.op !== 'replace') throw badRequest("Invalid patch operation specified. Must be 'add'|'remove'|'replace'");
    if (!ENDPOINT_TYPES.includes(op.value ?? '')) throw badRequest('Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE');
    const types = [...(config.types ?? [])];
    types[Math.min(Number(typeIndex), types.length)] = op.value as EndpointType;
    config.types = types.slice(0, 1);
    if (op.value === 'PRIVATE') config.ipAddressType = 'dualstack';
    return true;
  }
  if (op.path !== '/endpointConfiguration/ipAddressType') return false;
  if (op.op !== 'replace') throw badRequest('Invalid patch operation specified. Must be one of: [replace]');
  if (!IP_ADDRESS_TYPES.includes(op.value ?? '')) throw badRequest('ipAddressType must be either ipv4 or dualstack.');
  if (config.types?.[0] === 'PRIVATE' && op.value !== 'dualstack') throw badRequest(PRIVATE_DUALSTACK);
  config.ipAddressType = op.value as IpAddressType;
  return true;
}

export function updateRestApi(input: UpdateRestApiRequest, ctx: Ctx): RestApi {
  const ops = checkOps(input.patchOperations, 'updateRestApiInput');
  const stored = ctx.state.api(input.restApiId);
  const draft = structuredClone(stored.api) as unknown as Record<string, unknown>;
  for (const op of ops) {
    if (op.path === '/binaryMediaTypes') throw badRequest('Invalid patch path /binaryMediaTypes');
    if (op.path === '/minimumCompressionSize' && op.op !== 'replace') throw badRequest('Invalid patch operation specified. Must be one of: [replace]');
    if (op.path === '/minimumCompressionSize' && !op.value) {
      delete draft.minimumCompressionSize;
      continue;
    }
    if (op.path === '/minimumCompressionSize' && op.value !== undefined && !/^\d+$/.test(op.value)) {
      throw badRequest(`Invalid minimum compression size, must be between 0 and ${MAX_COMPRESSION}`);
    }
    if (patchEndpoint((draft.endpointConfiguration ??= {}) as EndpointConfiguration, op)) continue;
    applyPatch(draft, [op], REST_API_PATCH);
  }
  checkCompression(draft.minimumCompressionSize as number | undefined);
  if (draft.apiKeySource !== 'HEADER' && draft.apiKeySource !== 'AUTHORIZER') throw badRequest(`Invalid apiKeySource: ${String(draft.apiKeySource)}`);
  stored.api = draft as unknown as StoredApi['api'];
  return restApiOutput(ctx.state, stored, true);
}
