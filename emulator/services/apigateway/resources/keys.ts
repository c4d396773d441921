import type { Properties, ResourceType } from '../../cloudformation/provider.ts';
import { arnOf, count, flag, patchChanges, retag, tagMap } from './values.ts';

function stageKeys(p: Properties): string[] {
  return ((p.StageKeys ?? []) as Properties[]).map((k) => `${k.RestApiId}/${k.StageName}`);
}

/** `AWS::ApiGateway::ApiKey`: Ref is the key id; GetAtt APIKeyId. */
export const apiKey: ResourceType = {
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

/** `AWS::ApiGateway::UsagePlan`: Ref is the plan id; GetAtt Id. */
export const usagePlan: ResourceType = {
  async create(request) {
    const p = request.properties;
    const plan = await request.call('apigateway', 'CreateUsagePlan', {
      name: p.UsagePlanName ?? request.physicalName({ maxLength: 128 }),
      description: p.Description,
      apiStages: ((p.ApiStages ?? []) as Properties[]).map((s) => ({ apiId: s.ApiId, stage: s.Stage, throttle: s.Throttle })),
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
};

/** `AWS::ApiGateway::UsagePlanKey`: Ref is `<key id>:<usage plan id>`; GetAtt Id. */
export const usagePlanKey: ResourceType = {
  async create(request) {
    const p = request.properties;
    await request.call('apigateway', 'CreateUsagePlanKey', { usagePlanId: p.UsagePlanId, keyId: p.KeyId, keyType: p.KeyType });
    const id = `${p.KeyId}:${p.UsagePlanId}`;
    return { physicalId: id, attributes: { Id: id } };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteUsagePlanKey', { usagePlanId: request.properties.UsagePlanId, keyId: request.properties.KeyId });
  },
};
