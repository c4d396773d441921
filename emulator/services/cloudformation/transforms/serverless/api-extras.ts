import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { defined, TransformErrorFor, type Expansion } from './context.ts';

/** What the resources made for one REST API refer to: the API, its stage, and the attributes they carry over. */
export interface ApiParts {
  id: string;
  stage: string;
  condition?: Partial<TemplateResource>;
}

const USAGE_PLAN_KEYS = ['CreateUsagePlan', 'Description', 'Quota', 'Tags', 'Throttle', 'UsagePlanName'];

/**
 * `Auth.UsagePlan`: PER_API makes `<Api>UsagePlan`, `<Api>ApiKey` and `<Api>UsagePlanKey`; SHARED makes one
 * `ServerlessUsagePlan` (with every sharing API's stage), `ServerlessApiKey` and `ServerlessUsagePlanKey`; NONE none.
 */
export function addUsagePlan(expansion: Expansion, api: ApiParts, plan: unknown): void {
  if (plan === undefined) return;
  const p = plan as Properties;
  if (!p || typeof p !== 'object' || Object.keys(p).some((k) => !USAGE_PLAN_KEYS.includes(k))) throw new TransformErrorFor(api.id, "Invalid value for 'UsagePlan' property");
  const mode = p.CreateUsagePlan;
  if (!['PER_API', 'SHARED', 'NONE'].includes(mode)) throw new TransformErrorFor(api.id, "'CreateUsagePlan' accepts only NONE, PER_API and SHARED values.");
  if (mode === 'NONE') return;
  const shared = mode === 'SHARED';
  const planId = shared ? 'ServerlessUsagePlan' : `${api.id}UsagePlan`;
  const keyId = shared ? 'ServerlessApiKey' : `${api.id}ApiKey`;
  const stage = { ApiId: { Ref: api.id }, Stage: { Ref: api.stage } };
  const existing = expansion.resources[planId] as (TemplateResource & { Properties: Properties }) | undefined;
  if (shared && existing) {
    existing.Properties.ApiStages.push(stage);
    (existing.DependsOn as string[]).push(api.id);
    return;
  }
  expansion.resources[planId] = {
    ...(shared ? {} : api.condition),
    Type: 'AWS::ApiGateway::UsagePlan',
    DependsOn: [api.id],
    Properties: defined({ ApiStages: [stage], Description: p.Description, Quota: p.Quota, Tags: p.Tags, Throttle: p.Throttle, UsagePlanName: p.UsagePlanName }),
  } as TemplateResource;
  expansion.resources[keyId] = {
    ...(shared ? {} : api.condition),
    Type: 'AWS::ApiGateway::ApiKey',
    DependsOn: [planId],
    Properties: { Enabled: true, ...(shared ? {} : { StageKeys: [{ RestApiId: { Ref: api.id }, StageName: { Ref: api.stage } }] }) },
  } as TemplateResource;
  expansion.resources[shared ? 'ServerlessUsagePlanKey' : `${api.id}UsagePlanKey`] = {
    ...(shared ? {} : api.condition),
    Type: 'AWS::ApiGateway::UsagePlanKey',
    DependsOn: [keyId],
    Properties: { KeyId: { Ref: keyId }, KeyType: 'API_KEY', UsagePlanId: { Ref: planId } },
  } as TemplateResource;
}
