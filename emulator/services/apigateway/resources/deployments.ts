import type { Deployment, MethodSetting, PatchOperation, Stage } from '@aws-sdk/client-api-gateway';
import type { Properties, ResourceRequest, ResourceState, ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers, templateOrder, templateTags, adoptByReading } from '../../cloudformation/read-back.ts';
import { flag, patchChanges, tagMap, listUnderApi } from './values.ts';

/** `MethodSettings` as a stage's patch paths: `/<resource path, ~1 for />/<method>/<setting>`. */
const METHOD_SETTING_PATHS: Record<string, string> = {
  MetricsEnabled: 'metrics/enabled',
  LoggingLevel: 'logging/loglevel',
  DataTraceEnabled: 'logging/dataTrace',
  ThrottlingBurstLimit: 'throttling/burstLimit',
  ThrottlingRateLimit: 'throttling/rateLimit',
  CachingEnabled: 'caching/enabled',
  CacheTtlInSeconds: 'caching/ttlInSeconds',
  CacheDataEncrypted: 'caching/dataEncrypted',
};

function methodSettingOps(settings: Properties[] | undefined): PatchOperation[] {
  const ops: PatchOperation[] = [];
  for (const setting of settings ?? []) {
    const prefix = `/${String(setting.ResourcePath ?? '/*').replace(/~/g, '~0').replace(/\//g, '~1')}/${setting.HttpMethod ?? '*'}`;
    for (const [name, path] of Object.entries(METHOD_SETTING_PATHS)) {
      if (setting[name] !== undefined) ops.push({ op: 'replace', path: `${prefix}/${path}`, value: String(setting[name]) });
    }
  }
  return ops;
}

/** The stage settings that CreateStage does not take, or that changed: method settings, access logs, variables. */
function stageOps(previous: Properties, p: Properties): PatchOperation[] {
  const ops = patchChanges(previous, p, {
    DeploymentId: '/deploymentId',
    Description: '/description',
    CacheClusterEnabled: '/cacheClusterEnabled',
    CacheClusterSize: '/cacheClusterSize',
    TracingEnabled: '/tracingEnabled',
    ClientCertificateId: '/clientCertificateId',
    DocumentationVersion: '/documentationVersion',
  });
  const variables = (p.Variables ?? {}) as Record<string, string>;
  for (const name of Object.keys(previous.Variables ?? {})) if (!Object.hasOwn(variables, name)) ops.push({ op: 'remove', path: `/variables/${name}` });
  for (const [name, value] of Object.entries(variables)) if (previous.Variables?.[name] !== value) ops.push({ op: 'replace', path: `/variables/${name}`, value: String(value) });
  const logs = p.AccessLogSetting as Properties | undefined;
  if (JSON.stringify(logs) !== JSON.stringify(previous.AccessLogSetting)) {
    if (logs?.DestinationArn) ops.push({ op: 'replace', path: '/accessLogSettings/destinationArn', value: logs.DestinationArn });
    if (logs?.Format) ops.push({ op: 'replace', path: '/accessLogSettings/format', value: logs.Format });
    if (!logs && previous.AccessLogSetting) ops.push({ op: 'remove', path: '/accessLogSettings' });
  }
  if (JSON.stringify(p.MethodSettings) !== JSON.stringify(previous.MethodSettings)) ops.push(...methodSettingOps(p.MethodSettings));
  return ops;
}

/**
 * A stage's method settings (a map by `<resource path, ~1 for />/<method>`) as the template's list, in its order (an
 * unordered list in AWS's schema), each item with the settings the template's item gave.
 */
function readMethodSettings(given: unknown, settings: Record<string, MethodSetting> | undefined): Properties[] {
  const items = (Array.isArray(given) ? given : []) as Properties[];
  const key = (s: unknown) => `${(s as Properties).ResourcePath ?? '/*'} ${(s as Properties).HttpMethod ?? '*'}`;
  const read = Object.entries(settings ?? {}).map(([path, m]) => {
    const at = path.lastIndexOf('/');
    const setting: Properties = { ResourcePath: `/${path.slice(0, at)}`, HttpMethod: path.slice(at + 1) };
    // The template's names are the members' (MetricsEnabled: metricsEnabled).
    for (const name of Object.keys(METHOD_SETTING_PATHS)) setting[name] = m[`${name[0].toLowerCase()}${name.slice(1)}` as keyof MethodSetting];
    return givenMembers(items.find((i) => key(i) === key(setting)), setting) as Properties;
  });
  return templateOrder(given, read, key);
}

async function patchStage(request: ResourceRequest, stageName: string, ops: PatchOperation[]): Promise<void> {
  if (ops.length) await request.call('apigateway', 'UpdateStage', { restApiId: request.properties.RestApiId, stageName, patchOperations: ops });
}

/** `AWS::ApiGateway::Stage`: Ref is the stage name. */
export const stage: ResourceType = {
  properties: [
    'AccessLogSetting',
    'CacheClusterEnabled',
    'CacheClusterSize',
    'CanarySetting',
    'ClientCertificateId',
    'DeploymentId',
    'Description',
    'DocumentationVersion',
    'MethodSettings',
    'RestApiId',
    'StageName',
    'Tags',
    'TracingEnabled',
    'Variables',
  ],
  async create(request) {
    const p = request.properties;
    const name: string = p.StageName ?? request.physicalName({ maxLength: 128 });
    const canary = p.CanarySetting as Properties | undefined;
    await request.call('apigateway', 'CreateStage', {
      restApiId: p.RestApiId,
      stageName: name,
      deploymentId: p.DeploymentId,
      description: p.Description,
      cacheClusterEnabled: flag(p.CacheClusterEnabled),
      cacheClusterSize: p.CacheClusterSize,
      variables: p.Variables,
      tracingEnabled: flag(p.TracingEnabled),
      documentationVersion: p.DocumentationVersion,
      canarySettings: canary && {
        deploymentId: canary.DeploymentId,
        percentTraffic: canary.PercentTraffic === undefined ? undefined : Number(canary.PercentTraffic),
        stageVariableOverrides: canary.StageVariableOverrides,
        useStageCache: flag(canary.UseStageCache),
      },
      tags: tagMap(request),
    });
    // What CreateStage does not take follows as an update.
    await patchStage(request, name, stageOps({ ...p, ClientCertificateId: undefined, AccessLogSetting: undefined, MethodSettings: undefined }, p));
    return { physicalId: name, attributes: {} };
  },
  async update(request) {
    await patchStage(request, request.physicalId, stageOps(request.previous, request.properties));
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteStage', { restApiId: request.properties.RestApiId, stageName: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const s = await request.call<Stage>('apigateway', 'GetStage', { restApiId: p.RestApiId, stageName: request.physicalId });
    const canary = s.canarySettings;
    const logs = s.accessLogSettings;
    return {
      RestApiId: p.RestApiId,
      StageName: s.stageName,
      DeploymentId: s.deploymentId,
      Description: s.description,
      CacheClusterEnabled: s.cacheClusterEnabled,
      CacheClusterSize: s.cacheClusterSize,
      Variables: s.variables,
      TracingEnabled: s.tracingEnabled,
      DocumentationVersion: s.documentationVersion,
      ClientCertificateId: s.clientCertificateId,
      AccessLogSetting: givenMembers(p.AccessLogSetting, logs && { DestinationArn: logs.destinationArn, Format: logs.format }),
      CanarySetting: givenMembers(p.CanarySetting, canary && { DeploymentId: canary.deploymentId, PercentTraffic: canary.percentTraffic, StageVariableOverrides: canary.stageVariableOverrides, UseStageCache: canary.useStageCache }),
      MethodSettings: readMethodSettings(p.MethodSettings, s.methodSettings),
      Tags: templateTags(request, s.tags),
    };
  },
  createOnly: ['RestApiId', 'StageName'],
  primaryIdentifier: ['RestApiId', 'StageName'],
  adopt: adoptByReading((request) => stage.read!(request), (id) => id.StageName),
  ...listUnderApi('StageName', (request) => stage.read!(request), 'GetStages', 'stageName'),
};

/**
 * `AWS::ApiGateway::Deployment`: Ref is the deployment id; GetAtt DeploymentId. With `StageName` it also makes (or
 * moves) that stage, which its deletion removes while the stage still serves it.
 */
export const deployment: ResourceType = {
  properties: ['DeploymentCanarySettings', 'Description', 'RestApiId', 'StageDescription', 'StageName'],
  async create(request) {
    const p = request.properties;
    const stageDescription = (p.StageDescription ?? {}) as Properties;
    const canary = p.DeploymentCanarySettings as Properties | undefined;
    const created = await request.call('apigateway', 'CreateDeployment', {
      restApiId: p.RestApiId,
      description: p.Description,
      stageName: p.StageName,
      stageDescription: stageDescription.Description,
      cacheClusterEnabled: flag(stageDescription.CacheClusterEnabled),
      cacheClusterSize: stageDescription.CacheClusterSize,
      variables: stageDescription.Variables,
      tracingEnabled: flag(stageDescription.TracingEnabled),
      canarySettings: canary && {
        percentTraffic: canary.PercentTraffic === undefined ? undefined : Number(canary.PercentTraffic),
        stageVariableOverrides: canary.StageVariableOverrides,
        useStageCache: flag(canary.UseStageCache),
      },
    });
    if (p.StageName && stageDescription.MethodSettings) {
      await patchStage(request, p.StageName, methodSettingOps(stageDescription.MethodSettings));
    }
    return { physicalId: created.id, attributes: { DeploymentId: created.id } } satisfies ResourceState;
  },
  async update(request) {
    const ops = patchChanges(request.previous, request.properties, { Description: '/description' });
    if (ops.length) await request.call('apigateway', 'UpdateDeployment', { restApiId: request.properties.RestApiId, deploymentId: request.physicalId, patchOperations: ops });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    const { RestApiId, StageName } = request.properties;
    if (StageName) {
      const stages = await request.call<{ item: { stageName: string; deploymentId: string }[] }>('apigateway', 'GetStages', { restApiId: RestApiId, deploymentId: request.physicalId });
      if (stages.item.some((s) => s.stageName === StageName)) await request.call('apigateway', 'DeleteStage', { restApiId: RestApiId, stageName: StageName });
    }
    await request.call('apigateway', 'DeleteDeployment', { restApiId: RestApiId, deploymentId: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const d = await request.call<Deployment>('apigateway', 'GetDeployment', { restApiId: p.RestApiId, deploymentId: request.physicalId });
    // StageName, StageDescription and DeploymentCanarySettings are write-only in AWS's schema: not read back.
    return { RestApiId: p.RestApiId, Description: d.description };
  },
  createOnly: ['RestApiId', 'StageName', 'StageDescription', 'DeploymentCanarySettings'],
  primaryIdentifier: ['DeploymentId', 'RestApiId'],
  adopt: adoptByReading((request) => deployment.read!(request), (id) => id.DeploymentId, (id) => ({ DeploymentId: id.DeploymentId })),
  ...listUnderApi('DeploymentId', (request) => deployment.read!(request), 'GetDeployments', 'id'),
};
