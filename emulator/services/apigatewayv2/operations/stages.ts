import type { CreateDeploymentRequest, CreateStageRequest, Deployment, Stage, UpdateDeploymentRequest, UpdateStageRequest } from '@aws-sdk/client-apigatewayv2';
import { badRequest, childOf, conflict } from '../state.ts';
import { autoDeploy, clone, merge, page, type Ctx } from './common.ts';
import { deploy } from './deploy.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

function stageOutput(ctx: Ctx, apiId: string, stage: Stage): Stage {
  return { ...clone(stage), Tags: tagsOf(ctx.state, ctx.state.arn(`/apis/${apiId}/stages/${stage.StageName}`)) };
}

export function createStage(input: CreateStageRequest, ctx: Ctx): Stage {
  checkTagKeys(input.Tags, ctx.caller);
  const api = ctx.state.api(input.ApiId);
  if (!input.StageName) throw badRequest('Stage name must be specified');
  if (api.stages.has(input.StageName)) throw conflict(`Stage ${input.StageName} already exists`);
  if (input.DeploymentId !== undefined && !api.deployments.has(input.DeploymentId)) throw badRequest(`Invalid deployment identifier specified ${input.DeploymentId}`);
  const now = ctx.emulator.clock.date();
  const stage: Stage = {
    StageName: input.StageName,
    DeploymentId: input.DeploymentId,
    Description: input.Description,
    AutoDeploy: input.AutoDeploy ?? false,
    AccessLogSettings: input.AccessLogSettings,
    ClientCertificateId: input.ClientCertificateId,
    DefaultRouteSettings: { DetailedMetricsEnabled: false, ...input.DefaultRouteSettings },
    RouteSettings: input.RouteSettings ?? {},
    StageVariables: input.StageVariables ?? {},
    CreatedDate: now,
    LastUpdatedDate: now,
    ApiGatewayManaged: false,
  };
  api.stages.set(input.StageName, stage);
  if (input.Tags) writeTags(ctx.state, ctx.state.arn(`/apis/${api.api.ApiId}/stages/${input.StageName}`), input.Tags);
  if (stage.AutoDeploy) autoDeploy(api, ctx, deploy);
  return stageOutput(ctx, api.api.ApiId, stage);
}

export function getStage(input: { ApiId: string; StageName: string }, ctx: Ctx): Stage {
  const api = ctx.state.api(input.ApiId);
  return stageOutput(ctx, api.api.ApiId, childOf(api.stages, input.StageName, 'Stage'));
}

export function getStages(input: { ApiId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  const api = ctx.state.api(input.ApiId);
  return page([...api.stages.values()].map((s) => stageOutput(ctx, api.api.ApiId, s)), input);
}

export function updateStage(input: UpdateStageRequest, ctx: Ctx): Stage {
  const api = ctx.state.api(input.ApiId);
  const stage = childOf(api.stages, input.StageName, 'Stage');
  if (input.DeploymentId !== undefined && !api.deployments.has(input.DeploymentId)) throw badRequest(`Invalid deployment identifier specified ${input.DeploymentId}`);
  merge(stage, input, ['ApiId', 'StageName']);
  stage.LastUpdatedDate = ctx.emulator.clock.date();
  if (input.AutoDeploy) autoDeploy(api, ctx, deploy);
  return stageOutput(ctx, api.api.ApiId, stage);
}

export function deleteStage(input: { ApiId: string; StageName: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.ApiId);
  childOf(api.stages, input.StageName, 'Stage');
  api.stages.delete(input.StageName);
  return {};
}

export function deleteAccessLogSettings(input: { ApiId: string; StageName: string }, ctx: Ctx): Record<string, never> {
  delete childOf(ctx.state.api(input.ApiId).stages, input.StageName, 'Stage').AccessLogSettings;
  return {};
}

export function deleteRouteSettings(input: { ApiId: string; StageName: string; RouteKey: string }, ctx: Ctx): Record<string, never> {
  const stage = childOf(ctx.state.api(input.ApiId).stages, input.StageName, 'Stage');
  if (!stage.RouteSettings || !Object.hasOwn(stage.RouteSettings, input.RouteKey)) throw childOf(new Map(), input.RouteKey, 'RouteSettings');
  delete stage.RouteSettings[input.RouteKey];
  return {};
}

const deploymentOutput = ({ snapshot: _snapshot, ...d }: Deployment & { snapshot?: unknown }): Deployment => clone(d);

export function createDeployment(input: CreateDeploymentRequest, ctx: Ctx): Deployment {
  const api = ctx.state.api(input.ApiId);
  if (!api.routes.size) throw badRequest('At least one route is required before deploying the Api.');
  if (input.StageName !== undefined) {
    const stage = childOf(api.stages, input.StageName, 'Stage');
    if (stage.AutoDeploy) throw badRequest(`Stage ${input.StageName} is configured to auto-deploy; deployments cannot be created for it`);
  }
  const id = deploy(api, ctx, false, input.Description);
  if (input.StageName !== undefined) {
    const stage = api.stages.get(input.StageName)!;
    stage.DeploymentId = id;
    stage.LastUpdatedDate = ctx.emulator.clock.date();
  }
  return deploymentOutput(api.deployments.get(id)!);
}

export function getDeployment(input: { ApiId: string; DeploymentId: string }, ctx: Ctx): Deployment {
  return deploymentOutput(childOf(ctx.state.api(input.ApiId).deployments, input.DeploymentId, 'Deployment'));
}

export function getDeployments(input: { ApiId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx) {
  return page([...ctx.state.api(input.ApiId).deployments.values()].map(deploymentOutput), input);
}

export function updateDeployment(input: UpdateDeploymentRequest, ctx: Ctx): Deployment {
  const deployment = childOf(ctx.state.api(input.ApiId).deployments, input.DeploymentId, 'Deployment');
  if (input.Description !== undefined) deployment.Description = input.Description;
  return deploymentOutput(deployment);
}

export function deleteDeployment(input: { ApiId: string; DeploymentId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.ApiId);
  childOf(api.deployments, input.DeploymentId, 'Deployment');
  if ([...api.stages.values()].some((s) => s.DeploymentId === input.DeploymentId)) throw conflict('Deployment is referenced by a stage and cannot be deleted');
  api.deployments.delete(input.DeploymentId);
  return {};
}
