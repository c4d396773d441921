import type { ApiKey, UsagePlan, UsagePlanKey } from '@aws-sdk/client-api-gateway';
import type { Properties, ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers, templateOrder, templateTags } from '../../cloudformation/read-back.ts';
import { arnOf, count, flag, patchChanges, retag, tagMap } from './values.ts';

function stageKeys(p: Properties): string[] {
  return ((p.StageKeys ?? []) as Properties[]).map((k) => `${k.RestApiId}/${k.StageName}`);
}

/** `AWS::ApiGateway::ApiKey`: Ref is the key id; GetAtt APIKeyId. */
export const apiKey: ResourceType = {
  properties: ['CustomerId', 'Description', 'Enabled', 'GenerateDistinctId', 'Name', 'StageKeys', 'Tags', 'Value'],
  async create(request) {
    const p = request.properties;
    const key = await request.call('apigateway', 'CreateApiKey', {
      name: p.Name ?? request.physicalName({ maxLength: 128 }),
      description: p.Description,
      enabled: flag(p.Enabled) ?? false,
      generateDistinctId: flag(p.GenerateDistinctId),
      value: p.Value,
      customerId: p.CustomerId,
      stageKeys: ((p.StageKeys ?? []) as Properties[]).map((k) => ({ restApiId: k.RestApiId, stageName: k.StageName })),
      tags: tagMap(request),
    });
    return { physicalId: key.id, attributes: { APIKeyId: key.id } };
  },
  async update(request) {
    const { previous, properties } = request;
    const ops = patchChanges(previous, properties, { Description: '/description', Enabled: '/enabled', CustomerId: '/customerId' });
    const before = stageKeys(previous);
    const after = stageKeys(properties);
    for (const key of before) if (!after.includes(key)) ops.push({ op: 'remove', path: '/stages', value: key });
    for (const key of after) if (!before.includes(key)) ops.push({ op: 'add', path: '/stages', value: key });
    if (ops.length) await request.call('apigateway', 'UpdateApiKey', { apiKey: request.physicalId, patchOperations: ops });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteApiKey', { apiKey: request.physicalId });
  },
  async read(request) {
    const k = await request.call<ApiKey>('apigateway', 'GetApiKey', { apiKey: request.physicalId, includeValue: true });
    const stageKeys = (k.stageKeys ?? []).map((key) => ({ RestApiId: key.slice(0, key.indexOf('/')), StageName: key.slice(key.indexOf('/') + 1) }));
    return {
      Name: k.name,
      Description: k.description,
      Enabled: k.enabled,
      CustomerId: k.customerId,
      Value: k.value,
      StageKeys: templateOrder(request.properties.StageKeys, stageKeys, (s) => `${(s as Properties).RestApiId}/${(s as Properties).StageName}`),
      Tags: templateTags(request, k.tags),
    };
  },
  createOnly: ['Name', 'Value', 'GenerateDistinctId'],
};

function apiStages(p: Properties): string[] {
  return ((p.ApiStages ?? []) as Properties[]).map((s) => `${s.ApiId}:${s.Stage}`);
}

function limits(p: Properties) {
  const quota = p.Quota as Properties | undefined;
  const throttle = p.Throttle as Properties | undefined;
  return {
    quota: quota && { limit: count(quota.Limit), offset: count(quota.Offset), period: quota.Period },
    throttle: throttle && { burstLimit: count(throttle.BurstLimit), rateLimit: count(throttle.RateLimit) },
  };
}

/** A stage's per-method throttling (`<path>/<method>` -> ThrottleSettings) as the API takes it. */
function stageThrottle(throttle: Record<string, Properties> | undefined) {
  return throttle && Object.fromEntries(Object.entries(throttle).map(([method, t]) => [method, { burstLimit: count(t.BurstLimit), rateLimit: count(t.RateLimit) }]));
}

/** `AWS::ApiGateway::UsagePlan`: Ref is the plan id; GetAtt Id. */
export const usagePlan: ResourceType = {
  properties: ['ApiStages', 'Description', 'Quota', 'Tags', 'Throttle', 'UsagePlanName'],
  async create(request) {
    const p = request.properties;
    const plan = await request.call('apigateway', 'CreateUsagePlan', {
      name: p.UsagePlanName ?? request.physicalName({ maxLength: 128 }),
      description: p.Description,
      apiStages: ((p.ApiStages ?? []) as Properties[]).map((s) => ({ apiId: s.ApiId, stage: s.Stage, throttle: stageThrottle(s.Throttle) })),
      ...limits(p),
      tags: tagMap(request),
    });
    return { physicalId: plan.id, attributes: { Id: plan.id } };
  },
  async update(request) {
    const { previous, properties } = request;
    const ops = patchChanges(previous, properties, { UsagePlanName: '/name', Description: '/description' });
    const before = limits(previous);
    const after = limits(properties);
    for (const group of ['quota', 'throttle'] as const) {
      for (const [name, value] of Object.entries(after[group] ?? {})) {
        if (value !== undefined && (before[group] as Record<string, unknown> | undefined)?.[name] !== value) ops.push({ op: 'replace', path: `/${group}/${name}`, value: String(value) });
      }
      if (before[group] && !after[group]) ops.push({ op: 'remove', path: `/${group}` });
    }
    for (const stage of apiStages(previous)) if (!apiStages(properties).includes(stage)) ops.push({ op: 'remove', path: '/apiStages', value: stage });
    for (const stage of apiStages(properties)) if (!apiStages(previous).includes(stage)) ops.push({ op: 'add', path: '/apiStages', value: stage });
    if (ops.length) await request.call('apigateway', 'UpdateUsagePlan', { usagePlanId: request.physicalId, patchOperations: ops });
    await retag(request, arnOf(request, `/usageplans/${request.physicalId}`));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteUsagePlan', { usagePlanId: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const plan = await request.call<UsagePlan>('apigateway', 'GetUsagePlan', { usagePlanId: request.physicalId });
    const given = (p.ApiStages ?? []) as Properties[];
    const stages = (plan.apiStages ?? []).map((s) => {
      const throttle = s.throttle && Object.fromEntries(Object.entries(s.throttle).map(([method, t]) => [method, { BurstLimit: t.burstLimit, RateLimit: t.rateLimit }]));
      return givenMembers(given.find((g) => g.ApiId === s.apiId && g.Stage === s.stage), { ApiId: s.apiId, Stage: s.stage, Throttle: throttle }) as Properties;
    });
    return {
      UsagePlanName: plan.name,
      Description: plan.description,
      ApiStages: templateOrder(p.ApiStages, stages, (s) => `${(s as Properties).ApiId}:${(s as Properties).Stage}`),
      Quota: givenMembers(p.Quota, plan.quota && { Limit: plan.quota.limit, Offset: plan.quota.offset, Period: plan.quota.period }),
      Throttle: givenMembers(p.Throttle, plan.throttle && { BurstLimit: plan.throttle.burstLimit, RateLimit: plan.throttle.rateLimit }),
      Tags: templateTags(request, plan.tags),
    };
  },
};

/** `AWS::ApiGateway::UsagePlanKey`: Ref is `<key id>:<usage plan id>`; GetAtt Id. */
export const usagePlanKey: ResourceType = {
  properties: ['KeyId', 'KeyType', 'UsagePlanId'],
  async create(request) {
    const p = request.properties;
    await request.call('apigateway', 'CreateUsagePlanKey', { usagePlanId: p.UsagePlanId, keyId: p.KeyId, keyType: p.KeyType });
    const id = `${p.KeyId}:${p.UsagePlanId}`;
    return { physicalId: id, attributes: { Id: id } };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteUsagePlanKey', { usagePlanId: request.properties.UsagePlanId, keyId: request.properties.KeyId });
  },
  async read(request) {
    const p = request.properties;
    const key = await request.call<UsagePlanKey>('apigateway', 'GetUsagePlanKey', { usagePlanId: p.UsagePlanId, keyId: p.KeyId });
    return { UsagePlanId: p.UsagePlanId, KeyId: key.id, KeyType: key.type };
  },
};
