import type { CreateStageRequest, MethodSetting, Stage, UpdateStageRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { applyPatch, checkOps, segments } from '../patch.ts';
import type { ApiGatewayState, StoredApi } from '../state.ts';
import { promoteCanary, prepareCanaryPatch } from './stage-canary.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

type Ctx = RequestContext<ApiGatewayState>;

export function stageOf(api: StoredApi, name: string | undefined): Stage {
  const found = name !== undefined ? api.stages.get(name) : undefined;
  if (!found) throw notFound('Invalid Stage identifier specified');
  return found;
}

function stageArn(state: ApiGatewayState, apiId: string, stageName: string): string {
  return state.arn(`/restapis/${apiId}/stages/${stageName}`);
}

export function stageOutput(state: ApiGatewayState, apiId: string, stage: Stage): Stage {
  const tags = tagsOf(state, stageArn(state, apiId, stage.stageName!));
  return { ...structuredClone(stage), tags: Object.keys(tags).length ? tags : undefined };
}

/** A new stage with AWS's defaults (CreateStage, and CreateDeployment with a new stage name). */
export function putStage(ctx: Ctx, api: StoredApi, input: Omit<CreateStageRequest, 'restApiId'>): Stage {
  checkTagKeys(input.tags, ctx.caller);
  const now = ctx.emulator.clock.date();
  const stage: Stage = {
    stageName: input.stageName,
    deploymentId: input.deploymentId,
    description: input.description,
    cacheClusterEnabled: input.cacheClusterEnabled ?? false,
    cacheClusterSize: input.cacheClusterEnabled ? (input.cacheClusterSize ?? '0.5') : undefined,
    cacheClusterStatus: input.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE',
    methodSettings: {},
    variables: input.variables && Object.keys(input.variables).length ? input.variables : undefined,
    documentationVersion: input.documentationVersion,
    canarySettings: input.canarySettings
      ? { percentTraffic: 0, useStageCache: false, ...input.canarySettings, deploymentId: input.canarySettings.deploymentId ?? input.deploymentId }
      : undefined,
    tracingEnabled: input.tracingEnabled ?? false,
    createdDate: now,
    lastUpdatedDate: now,
  };
  api.stages.set(input.stageName!, stage);
  if (input.tags) writeTags(ctx.state, stageArn(ctx.state, api.api.id, input.stageName!), input.tags);
  return stage;
}

export function createStage(input: CreateStageRequest, ctx: Ctx): Stage {
  const api = ctx.state.api(input.restApiId);
  if (!input.stageName) throw badRequest('Stage name must be non-empty');
  if (!input.deploymentId || !api.deployments.has(input.deploymentId)) throw badRequest('Deployment id does not exist');
  const canaryDeployment = input.canarySettings?.deploymentId;
  if (canaryDeployment !== undefined && !api.deployments.has(canaryDeployment)) throw badRequest('Deployment id does not exist');
  if (api.stages.has(input.stageName)) throw conflict('Stage already exists');
  return stageOutput(ctx.state, api.api.id, putStage(ctx, api, input));
}

export function getStage(input: { restApiId: string; stageName: string }, ctx: Ctx): Stage {
  const api = ctx.state.api(input.restApiId);
  return stageOutput(ctx.state, api.api.id, stageOf(api, input.stageName));
}

export function getStages(input: { restApiId: string; deploymentId?: string }, ctx: Ctx): { item: Stage[] } {
  const api = ctx.state.api(input.restApiId);
  const stages = [...api.stages.values()].filter((s) => input.deploymentId === undefined || s.deploymentId === input.deploymentId);
  return { item: stages.map((s) => stageOutput(ctx.state, api.api.id, s)) };
}

export function deleteStage(input: { restApiId: string; stageName: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId);
  stageOf(api, input.stageName);
  api.stages.delete(input.stageName);
  ctx.state.tags.delete(stageArn(ctx.state, api.api.id, input.stageName));
  for (const plan of ctx.state.usagePlans.values()) plan.apiStages = plan.apiStages?.filter((s) => !(s.apiId === api.api.id && s.stage === input.stageName));
  return {};
}

/** `/<resource path>/<method>/<setting>` patch paths name a method setting: AWS's names for each. */
const METHOD_SETTINGS: Record<string, [keyof MethodSetting, 'boolean' | 'number' | 'string']> = {
  'metrics/enabled': ['metricsEnabled', 'boolean'],
  'logging/loglevel': ['loggingLevel', 'string'],
  'logging/dataTrace': ['dataTraceEnabled', 'boolean'],
  'throttling/burstLimit': ['throttlingBurstLimit', 'number'],
  'throttling/rateLimit': ['throttlingRateLimit', 'number'],
  'caching/enabled': ['cachingEnabled', 'boolean'],
  'caching/ttlInSeconds': ['cacheTtlInSeconds', 'number'],
  'caching/dataEncrypted': ['cacheDataEncrypted', 'boolean'],
  'caching/requireAuthorizationForCacheControl': ['requireAuthorizationForCacheControl', 'boolean'],
  'caching/unauthorizedCacheControlHeaderStrategy': ['unauthorizedCacheControlHeaderStrategy', 'string'],
};

/** A method's settings before any patch: AWS's defaults (no logging level until one is set). */
const DEFAULT_METHOD_SETTING: MethodSetting = {
  metricsEnabled: false,
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
};

/** The paths AWS's refusal lists, word for word as it answers (separators missing between some, as recorded 2024 and 2025). */
const STAGE_PATHS =
  '[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]';

const STAGE_PATCH = {
  deploymentId: 'string',
  description: 'string',
  cacheClusterEnabled: 'boolean',
  cacheClusterSize: 'string',
  clientCertificateId: 'string',
  documentationVersion: 'string',
  tracingEnabled: 'boolean',
  webAclArn: 'string',
  variables: 'map',
  accessLogSettings: { destinationArn: 'string', format: 'string' },
  canarySettings: { percentTraffic: 'number', deploymentId: 'string', stageVariableOverrides: 'map', useStageCache: 'boolean' },
} as const;

const invalidStagePath = (path: string) => badRequest(`Invalid method setting path: ${path}. Must be one of: ${STAGE_PATHS}`);

export function updateStage(input: UpdateStageRequest, ctx: Ctx): Stage {
  const ops = checkOps(input.patchOperations, 'updateStageInput');
  const api = ctx.state.api(input.restApiId);
  const stage = stageOf(api, input.stageName);
  const draft = structuredClone(stage) as Record<string, unknown> & Stage;
  for (const op of ops) {
    if (op.op === 'copy') {
      promoteCanary(draft, op);
      continue;
    }
    const parts = segments(op.path);
    const settingName = parts.slice(2).join('/');
    if (parts.length >= 4 && Object.hasOwn(METHOD_SETTINGS, settingName)) {
      const key = `${parts[0].replace(/^\//, '')}/${parts[1]}`;
      const [member, kind] = METHOD_SETTINGS[settingName];
      const settings = (draft.methodSettings ??= {});
      // A method's new settings start from the stage-wide `*/*` ones as they are now (later `*/*` changes leave it alone).
      const setting = (settings[key] ??= structuredClone(settings['*/*'] ?? DEFAULT_METHOD_SETTING)) as Record<string, unknown>;
      if (op.op === 'remove') delete settings[key];
      else setting[member] = kind === 'boolean' ? op.value === 'true' : kind === 'number' ? Number(op.value) : op.value;
      continue;
    }
    // `remove /<resource>/<method>` (Terraform's `/*/*`) drops a method's settings, which must exist.
    if (parts.length === 2 && op.op === 'remove' && draft.methodSettings && Object.hasOwn(draft.methodSettings, `${parts[0]}/${parts[1]}`)) {
      delete draft.methodSettings[`${parts[0]}/${parts[1]}`];
      continue;
    }
    // AWS refuses removing any single access-log member, even one that is set (test_stage_access_log_settings_validation).
    if (parts.length >= 2 && (parts[1] === '*' || parts[0] === 'accessLogSettings') && op.op === 'remove') {
      throw badRequest(`Cannot remove method setting ${parts.join('/')} because there is no method setting for this method `);
    }
    if (op.path === '/deploymentId' && !api.deployments.has(op.value ?? '')) throw badRequest('Deployment id does not exist');
    if ((op.path?.startsWith('/accessLogSettings/') && !['/accessLogSettings/destinationArn', '/accessLogSettings/format'].includes(op.path)) || (op.path === '/accessLogSettings' && op.op !== 'remove')) {
      throw badRequest('Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn, /accessLogSettings/format]');
    }
    if (op.path?.startsWith('/accessLogSettings/') && op.op !== 'remove' && !op.value) throw badRequest('Access Log value must not be empty');
    if (!Object.hasOwn(STAGE_PATCH, parts[0])) throw invalidStagePath(op.path!);
    if (parts[0] === 'canarySettings') prepareCanaryPatch(draft, op, parts, api, invalidStagePath);
    applyPatch(draft, [op], STAGE_PATCH);
  }
  if (draft.canarySettings && Object.keys(draft.canarySettings).length === 0) delete draft.canarySettings;
  draft.lastUpdatedDate = ctx.emulator.clock.date();
  draft.cacheClusterStatus = draft.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE';
  api.stages.set(stage.stageName!, draft);
  return stageOutput(ctx.state, api.api.id, draft);
}

export function flushStageCache(input: { restApiId: string; stageName: string }, ctx: Ctx): Record<string, never> {
  stageOf(ctx.state.api(input.restApiId), input.stageName);
  return {};
}

export function flushStageAuthorizersCache(input: { restApiId: string; stageName: string }, ctx: Ctx): Record<string, never> {
  stageOf(ctx.state.api(input.restApiId), input.stageName);
  const prefix = `${input.restApiId}/`;
  for (const key of [...ctx.state.authorizerCache.keys()]) if (key.startsWith(prefix)) ctx.state.authorizerCache.delete(key);
  return {};
}
