import type { PatchOperation, CreateUsagePlanKeyRequest, CreateUsagePlanRequest, UpdateUsagePlanRequest, UsagePlan, UsagePlanKey } from '@aws-sdk/client-api-gateway';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { checkOps, applyPatch, segments } from '../patch.ts';
import { deleteFound, type ApiGatewayState } from '../state.ts';
import { apiKeyOf } from './api-keys.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<ApiGatewayState>;

export function usagePlanOf(state: ApiGatewayState, id: string | undefined): UsagePlan {
  const found = id !== undefined ? state.usagePlans.get(id) : undefined;
  if (!found) throw notFound('Invalid Usage Plan ID specified');
  return found;
}

/** A plan as AWS answers it; GetUsagePlan and UpdateUsagePlan show `tags: {}` where CreateUsagePlan and the list leave it out. */
function output(state: ApiGatewayState, plan: UsagePlan, emptyTags = false): UsagePlan {
  const tags = tagsOf(state, state.arn(`/usageplans/${plan.id}`));
  const copy = structuredClone(plan);
  // A quota's offset is answered as 0 when none was given (AWS's recording of a CloudFormation usage plan).
  if (copy.quota) copy.quota = { ...copy.quota, offset: copy.quota.offset ?? 0 };
  return { ...copy, tags: Object.keys(tags).length || emptyTags ? tags : undefined };
}

/** Each stage must be a REST API's, or a WebSocket API's (usage plans meter those too, through API Gateway v2). */
async function checkStages(ctx: Ctx, plan: UsagePlan): Promise<void> {
  for (const { apiId, stage } of plan.apiStages ?? []) {
    const api = apiId !== undefined ? ctx.state.apis.get(apiId) : undefined;
    if (!api?.stages.has(stage ?? '') && !(await isWebSocketStage(ctx, apiId, stage))) {
      if (plan.id) throw notFound(`Invalid API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${plan.id}`);
      throw badRequest('Invalid API Stage specified');
    }
  }
}

export async function createUsagePlan(input: CreateUsagePlanRequest, ctx: Ctx): Promise<UsagePlan> {
  checkTagKeys(input.tags, ctx.caller);
  if (!input.name) throw badRequest('Usage plan name must be non-empty');
  const plan: UsagePlan = { id: shortId(6), name: input.name, description: input.description, apiStages: input.apiStages ?? [], throttle: input.throttle, quota: input.quota };
  await checkStages(ctx, { ...plan, id: undefined });
  ctx.state.usagePlans.set(plan.id!, plan);
  ctx.state.usagePlanKeys.set(plan.id!, new Set());
  if (input.tags) writeTags(ctx.state, ctx.state.arn(`/usageplans/${plan.id}`), input.tags);
  return output(ctx.state, plan);
}

export function getUsagePlan(input: { usagePlanId: string }, ctx: Ctx): UsagePlan {
  return output(ctx.state, usagePlanOf(ctx.state, input.usagePlanId), true);
}

export function getUsagePlans(input: { keyId?: string; position?: string; limit?: number }, ctx: Ctx) {
  const plans = [...ctx.state.usagePlans.values()].filter((p) => input.keyId === undefined || ctx.state.usagePlanKeys.get(p.id!)?.has(input.keyId));
  return page(plans.map((p) => output(ctx.state, p)), input);
}

export function deleteUsagePlan(input: { usagePlanId: string }, ctx: Ctx): Record<string, never> {
  return deleteFound(() => usagePlanOf(ctx.state, input.usagePlanId), input.usagePlanId, ctx.state.usagePlans, ctx.state.usagePlanKeys);
}

export async function updateUsagePlan(input: UpdateUsagePlanRequest, ctx: Ctx): Promise<UsagePlan> {
  const ops = checkOps(input.patchOperations, 'updateUsagePlanInput');
  const plan = usagePlanOf(ctx.state, input.usagePlanId);
  const draft = structuredClone(plan) as UsagePlan & Record<string, unknown>;
  for (const op of ops) {
    const parts = segments(op.path);
    if (parts[0] === 'apiStages' && parts.length === 1) {
      // `apiId:stage` values name the stage; add or remove it.
      const [apiId, stage] = (op.value ?? '').split(':');
      if (op.op !== 'add' && op.op !== 'remove') throw badRequest(`Invalid patch operation specified. Must be one of: [add, remove]`);
      if (!apiId || stage === undefined) throw badRequest('Invalid API Stage specified');
      if (op.op === 'add') {
        draft.apiStages = [...(draft.apiStages ?? []), { apiId, stage }];
        await checkStages(ctx, draft);
      } else {
        if (!draft.apiStages?.some((s) => s.apiId === apiId && s.stage === stage)) throw notFound(`Invalid API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${plan.id}`);
        draft.apiStages = draft.apiStages.filter((s) => !(s.apiId === apiId && s.stage === stage));
      }
      continue;
    }
    if (parts[0] === 'apiStages' && parts[2] === 'throttle') {
      const [apiId, stage] = parts[1].split(':');
      const target = draft.apiStages?.find((s) => s.apiId === apiId && s.stage === stage);
      if (!target) throw notFound(`Invalid API Stage {api: ${apiId}, stage: ${stage}} specified for usageplan ${plan.id}`);
      const methodKey = parts.slice(3, -1).join('/');
      const setting = parts[parts.length - 1];
      target.throttle = { ...target.throttle };
      if (op.op === 'remove') delete target.throttle[`/${methodKey}`];
      else target.throttle[`/${methodKey}`] = { ...target.throttle[`/${methodKey}`], [setting]: Number(op.value) };
      continue;
    }
    applyPatch(draft, [op], { name: 'string', description: 'string', productCode: 'string', throttle: { burstLimit: 'number', rateLimit: 'number' }, quota: { limit: 'number', offset: 'number', period: 'string' } });
  }
  Object.assign(plan, draft);
  if (plan.throttle && Object.keys(plan.throttle).length === 0) delete plan.throttle;
  if (plan.quota && Object.keys(plan.quota).length === 0) delete plan.quota;
  return output(ctx.state, plan, true);
}

function keyOutput(state: ApiGatewayState, keyId: string): UsagePlanKey {
  const key = apiKeyOf(state, keyId);
  return { id: key.id, type: 'API_KEY', value: key.value, name: key.name };
}

export function createUsagePlanKey(input: CreateUsagePlanKeyRequest, ctx: Ctx): UsagePlanKey {
  usagePlanOf(ctx.state, input.usagePlanId);
  if (input.keyType !== 'API_KEY') throw badRequest('Invalid key type specified');
  const key = apiKeyOf(ctx.state, input.keyId);
  const keys = ctx.state.usagePlanKeys.get(input.usagePlanId!)!;
  if (keys.has(key.id!)) throw conflict('Usage Plan Key already exists');
  keys.add(key.id!);
  return keyOutput(ctx.state, key.id!);
}

export function getUsagePlanKey(input: { usagePlanId: string; keyId: string }, ctx: Ctx): UsagePlanKey {
  usagePlanOf(ctx.state, input.usagePlanId);
  if (!ctx.state.usagePlanKeys.get(input.usagePlanId)?.has(input.keyId)) throw notFound('Invalid Usage Plan Key identifier specified');
  return keyOutput(ctx.state, input.keyId);
}

export function getUsagePlanKeys(input: { usagePlanId: string; nameQuery?: string; position?: string; limit?: number }, ctx: Ctx) {
  // An unknown plan lists no keys rather than failing, and the newest key comes first (both recorded).
  const keys = [...(ctx.state.usagePlanKeys.get(input.usagePlanId) ?? [])]
    .reverse()
    .filter((id) => ctx.state.apiKeys.has(id))
    .map((id) => keyOutput(ctx.state, id));
  return page(keys.filter((k) => input.nameQuery === undefined || (k.name ?? '').startsWith(input.nameQuery)), input);
}

export function deleteUsagePlanKey(input: { usagePlanId: string; keyId: string }, ctx: Ctx): Record<string, never> {
  usagePlanOf(ctx.state, input.usagePlanId);
  if (!ctx.state.usagePlanKeys.get(input.usagePlanId)?.delete(input.keyId)) throw notFound('Invalid Usage Plan Key identifier specified');
  return {};
}

/** GetUsage: requests per key and day in the window, as `[used, remaining]` pairs. */
export function getUsage(input: { usagePlanId: string; keyId?: string; startDate: string; endDate: string; position?: string; limit?: number }, ctx: Ctx) {
  const plan = usagePlanOf(ctx.state, input.usagePlanId);
  const days: string[] = [];
  for (let d = new Date(`${input.startDate}T00:00:00Z`); d <= new Date(`${input.endDate}T00:00:00Z`); d = new Date(d.getTime() + 86400000)) {
    days.push(d.toISOString().slice(0, 10));
  }
  if (!days.length || days.length > 90) throw badRequest('The usage data period is invalid');
  const keys = [...(ctx.state.usagePlanKeys.get(plan.id!) ?? [])].filter((k) => input.keyId === undefined || k === input.keyId);
  const limit = plan.quota?.limit;
  const items = Object.fromEntries(
    keys.map((k) => {
      const record = ctx.state.usage.get(`${plan.id}/${k}`);
      return [k, days.map((day) => {
        const used = record?.days.get(day) ?? 0;
        return [used, limit !== undefined ? Math.max(0, limit - used) : 0];
      })];
    }),
  );
  return { usagePlanId: plan.id, startDate: input.startDate, endDate: input.endDate, items };
}

/** UpdateUsage: only `replace /remaining` (the quota left for a key). */
export function updateUsage(input: { usagePlanId: string; keyId: string; patchOperations?: PatchOperation[] }, ctx: Ctx) {
  const plan = usagePlanOf(ctx.state, input.usagePlanId);
  if (!ctx.state.usagePlanKeys.get(plan.id!)?.has(input.keyId)) throw notFound('Invalid Usage Plan Key identifier specified');
  for (const op of checkOps(input.patchOperations, 'updateUsageInput')) {
    if (op.op !== 'replace' || op.path !== '/remaining') throw badRequest(`Invalid patch path ${op.path}`);
    const today = ctx.emulator.clock.date().toISOString().slice(0, 10);
    const record = ctx.state.usage.get(`${plan.id}/${input.keyId}`) ?? { days: new Map() };
    record.days.set(today, Math.max(0, (plan.quota?.limit ?? 0) - Number(op.value)));
    ctx.state.usage.set(`${plan.id}/${input.keyId}`, record);
  }
  const today = ctx.emulator.clock.date().toISOString().slice(0, 10);
  return getUsage({ usagePlanId: plan.id!, keyId: input.keyId, startDate: today, endDate: today }, ctx);
}

async function isWebSocketStage(ctx: Ctx, apiId: string | undefined, stage: string | undefined): Promise<boolean> {
  if (!apiId || !stage || !ctx.emulator.isEnabled('apigatewayv2')) return false;
  const options = { caller: ctx.caller, accountId: ctx.accountId, region: ctx.region };
  try {
    const api = await ctx.emulator.call<{ ProtocolType?: string }>('apigatewayv2', 'GetApi', { ApiId: apiId }, options);
    await ctx.emulator.call('apigatewayv2', 'GetStage', { ApiId: apiId, StageName: stage }, options);
    return api.ProtocolType === 'WEBSOCKET';
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NotFoundException') return false;
    throw error;
  }
}
