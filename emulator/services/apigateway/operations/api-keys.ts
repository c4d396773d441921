import type { ApiKey, CreateApiKeyRequest, ImportApiKeysRequest, UpdateApiKeyRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { apiKeyValue, shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { applyPatch, checkOps } from '../patch.ts';
import type { ApiGatewayState } from '../state.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<ApiGatewayState>;

const MAX_DESCRIPTION = 125000;

export function apiKeyOf(state: ApiGatewayState, id: string | undefined): ApiKey {
  const found = id !== undefined ? state.apiKeys.get(id) : undefined;
  if (!found) throw notFound('Invalid API Key identifier specified');
  return found;
}

/** AWS's UpdateApiKey answers `tags` even when empty (recorded); the other operations leave an empty map out. */
function output(state: ApiGatewayState, key: ApiKey, includeValue: boolean, alwaysTags = false): ApiKey {
  const tags = tagsOf(state, state.arn(`/apikeys/${key.id}`));
  return { ...key, value: includeValue ? key.value : undefined, stageKeys: [...(key.stageKeys ?? [])], tags: alwaysTags || Object.keys(tags).length ? tags : undefined };
}

function addKey(request: CreateApiKeyRequest, ctx: Ctx): ApiKey {
  checkTagKeys(request.tags, ctx.caller);
  // AWS takes an empty value as none and generates one (recorded).
  const input = { ...request, value: request.value || undefined };
  if (input.name !== undefined && input.name.length > 1024) throw badRequest('Invalid API Key name, can be at most 1024 characters.');
  if (input.description !== undefined && input.description.length > MAX_DESCRIPTION) throw badRequest('Invalid API Key description specified.');
  if (input.value !== undefined && input.value.length < 20) throw badRequest('API Key value should be at least 20 characters');
  if (input.value !== undefined && input.value.length > 128) throw badRequest('API Key value exceeds maximum size of 128 characters');
  if (input.value !== undefined && [...ctx.state.apiKeys.values()].some((k) => k.value === input.value)) throw conflict('API Key already exists');
  const now = ctx.emulator.clock.date();
  const stageKeys = (input.stageKeys ?? []).map((s) => `${s.restApiId}/${s.stageName}`);
  const key: ApiKey = {
    id: shortId(),
    value: input.value ?? apiKeyValue(),
    // AWS keeps no name for an empty one (recorded: the answer has no `name`).
    name: input.name || undefined,
    customerId: input.customerId,
    description: input.description,
    enabled: input.enabled ?? false,
    createdDate: now,
    lastUpdatedDate: now,
    stageKeys,
  };
  ctx.state.apiKeys.set(key.id!, key);
  if (input.tags) writeTags(ctx.state, ctx.state.arn(`/apikeys/${key.id}`), input.tags);
  return key;
}

export function createApiKey(input: CreateApiKeyRequest, ctx: Ctx): ApiKey {
  return output(ctx.state, addKey(input, ctx), true);
}

export function getApiKey(input: { apiKey: string; includeValue?: boolean }, ctx: Ctx): ApiKey {
  return output(ctx.state, apiKeyOf(ctx.state, input.apiKey), input.includeValue ?? false);
}

export function getApiKeys(input: { position?: string; limit?: number; nameQuery?: string; customerId?: string; includeValues?: boolean }, ctx: Ctx) {
  // Newest first, and a limit outside 1..500 taken as none (both recorded: two keys list the second first, limit -1 answers 200).
  const keys = [...ctx.state.apiKeys.values()]
    .reverse()
    .filter((k) => (input.nameQuery === undefined || (k.name ?? '').startsWith(input.nameQuery)) && (input.customerId === undefined || k.customerId === input.customerId));
  const limit = input.limit !== undefined && input.limit >= 1 && input.limit <= 500 ? input.limit : undefined;
  return { ...page(keys.map((k) => output(ctx.state, k, input.includeValues ?? false)), { position: input.position, limit }), warnings: undefined };
}

export function deleteApiKey(input: { apiKey: string }, ctx: Ctx): Record<string, never> {
  apiKeyOf(ctx.state, input.apiKey);
  ctx.state.apiKeys.delete(input.apiKey);
  for (const keys of ctx.state.usagePlanKeys.values()) keys.delete(input.apiKey);
  return {};
}

export function updateApiKey(input: UpdateApiKeyRequest, ctx: Ctx): ApiKey {
  const ops = checkOps(input.patchOperations, 'updateApiKeyInput');
  const key = apiKeyOf(ctx.state, input.apiKey);
  const draft = { ...key } as Record<string, unknown>;
  for (const op of ops) {
    if (op.op === 'replace' && !['/description', '/enabled', '/name', '/customerId'].includes(op.path ?? '')) {
      throw badRequest(`Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [/description, /enabled, /name, /customerId]`);
    }
    if (op.path === '/description' && (op.value ?? '').length > MAX_DESCRIPTION) throw badRequest('Invalid API Key description specified.');
  }
  applyPatch(draft, ops, { description: 'string', enabled: 'boolean', name: 'string', customerId: 'string', stages: 'list' });
  Object.assign(key, draft, { lastUpdatedDate: ctx.emulator.clock.date() });
  return output(ctx.state, key, false, true);
}

/** ImportApiKeys: a CSV of `name,key,description,enabled,usageplanIds` rows (AWS's `csv` format). */
export function importApiKeys(input: ImportApiKeysRequest, ctx: Ctx): { ids: string[]; warnings: string[] } {
  const text = Buffer.from(input.body ?? new Uint8Array()).toString('utf8').trim();
  const [header, ...rows] = text.split(/\r?\n/);
  const columns = (header ?? '').toLowerCase().split(',').map((c) => c.trim());
  if (!columns.includes('key') && !columns.includes('name')) throw badRequest('Invalid API Key import format: missing header');
  const ids: string[] = [];
  for (const row of rows) {
    const cells = row.split(',');
    const cell = (name: string) => {
      const i = columns.indexOf(name);
      return i >= 0 ? cells[i]?.trim() : undefined;
    };
    const key = addKey({ name: cell('name'), value: cell('key'), description: cell('description'), enabled: cell('enabled') === 'true' }, ctx);
    for (const plan of (cell('usageplanids') ?? '').split(/[;|]/).filter(Boolean)) ctx.state.usagePlanKeys.get(plan)?.add(key.id!);
    ids.push(key.id!);
  }
  return { ids, warnings: [] };
}
