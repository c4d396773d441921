import type { CreateDeploymentRequest, Deployment, UpdateDeploymentRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { applyPatch, checkOps } from '../patch.ts';
import { pathOf, type ApiGatewayState, type Snapshot, type StoredApi, type StoredDeployment } from '../state.ts';
import { putStage } from './stages.ts';

type Ctx = RequestContext<ApiGatewayState>;

/** Freezes what a deployment serves: later changes to the API reach clients only through a new deployment. */
export function snapshotOf(api: StoredApi): Snapshot {
  return structuredClone({
    resources: [...api.resources.values()].map((r) => ({ id: r.id, path: pathOf(api, r), pathPart: r.pathPart, parentId: r.parentId, methods: Object.fromEntries(r.methods) })),
    binaryMediaTypes: api.api.binaryMediaTypes ?? [],
    apiKeySource: api.api.apiKeySource ?? 'HEADER',
    authorizers: [...api.authorizers.values()],
    requestValidators: [...api.validators.values()],
    models: [...api.models.values()],
    gatewayResponses: [...api.gatewayResponses.values()],
    // A resource policy, and turning the default endpoint off, take effect with the next deployment, as on AWS.
    policy: api.api.policy,
    disableExecuteApiEndpoint: api.api.disableExecuteApiEndpoint,
  });
}

export function deploymentOf(api: StoredApi, id: string | undefined): StoredDeployment {
  const found = id !== undefined ? api.deployments.get(id) : undefined;
  if (!found) throw notFound('Invalid Deployment identifier specified');
  return found;
}

const output = (d: StoredDeployment): Deployment => ({ id: d.id, description: d.description, createdDate: d.createdDate });

export function createDeployment(input: CreateDeploymentRequest, ctx: Ctx): Deployment {
  const api = ctx.state.api(input.restApiId);
  const methods = [...api.resources.values()].flatMap((r) => [...r.methods.values()]);
  if (!methods.length) throw badRequest("The REST API doesn't contain any methods");
  if (methods.some((m) => !m.methodIntegration)) throw badRequest('No integration defined for method');
  if (input.canarySettings) {
    if (!input.stageName) throw badRequest(`Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is ${input.stageName === '' ? '' : 'null'}`);
    if (!api.stages.has(input.stageName)) throw badRequest(`Invalid deployment content specified.Stage ${input.stageName} must already be created before making a canary release deployment`);
  }
  const deployment: StoredDeployment = { id: shortId(6), description: input.description, createdDate: ctx.emulator.clock.date(), snapshot: snapshotOf(api) };
  api.deployments.set(deployment.id, deployment);
  if (input.stageName) {
    const existing = api.stages.get(input.stageName);
    if (existing && input.canarySettings) {
      existing.canarySettings = { ...input.canarySettings, deploymentId: deployment.id, percentTraffic: input.canarySettings.percentTraffic ?? 0, useStageCache: input.canarySettings.useStageCache ?? false };
    } else if (existing) {
      existing.deploymentId = deployment.id;
      if (input.variables) existing.variables = { ...existing.variables, ...input.variables };
      existing.lastUpdatedDate = ctx.emulator.clock.date();
    } else {
      putStage(ctx, api, {
        stageName: input.stageName,
        deploymentId: deployment.id,
        description: input.stageDescription,
        variables: input.variables,
        cacheClusterEnabled: input.cacheClusterEnabled,
        cacheClusterSize: input.cacheClusterSize,
        tracingEnabled: input.tracingEnabled,
      });
    }
  }
  return output(deployment);
}

export function getDeployment(input: { restApiId: string; deploymentId: string }, ctx: Ctx): Deployment {
  return output(deploymentOf(ctx.state.api(input.restApiId), input.deploymentId));
}

export function getDeployments(input: { restApiId: string; position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.api(input.restApiId).deployments.values()].map(output), input);
}

export function deleteDeployment(input: { restApiId: string; deploymentId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId);
  const deployment = deploymentOf(api, input.deploymentId);
  if ([...api.stages.values()].some((s) => s.deploymentId === deployment.id || s.canarySettings?.deploymentId === deployment.id)) {
    throw badRequest('Active stages pointing to this deployment must be moved or deleted');
  }
  api.deployments.delete(deployment.id);
  return {};
}

export function updateDeployment(input: UpdateDeploymentRequest, ctx: Ctx): Deployment {
  const ops = checkOps(input.patchOperations, 'updateDeploymentInput');
  const deployment = deploymentOf(ctx.state.api(input.restApiId), input.deploymentId);
  const draft = { description: deployment.description } as Record<string, unknown>;
  applyPatch(draft, ops, { description: 'string' });
  deployment.description = draft.description as string | undefined;
  return output(deployment);
}
