import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { defined, samIdHash, TransformErrorFor, type Expansion } from './context.ts';

/** What the resources made for one REST API refer to: the API, its stage, and the attributes they carry over. */
export interface ApiParts {
  id: string;
  stage: string;
  condition?: Partial<TemplateResource>;
}

/** The logical id SAM gives an API's custom domain name: `ApiGatewayDomainName` and a hash of the name. */
export function domainLogicalId(domain: Properties): string {
  return `ApiGatewayDomainName${samIdHash(domain.DomainName)}`;
}

/**
 * `Domain`: the custom domain name (`ApiGatewayDomainName<hash>`), and a base path mapping to the API's stage per
 * BasePath (`<Api><path>BasePathMapping`, the path keeping only letters and digits unless NormalizeBasePath is
 * false), or one for the root.
 */
export function addDomain(expansion: Expansion, api: ApiParts, domain: unknown): void {
  if (domain === undefined) return;
  if (!domain || typeof domain !== 'object') throw new TransformErrorFor(api.id, "Invalid property type 'Domain'.");
  const d = domain as Properties;
  if (d.DomainName === undefined) throw new TransformErrorFor(api.id, "Custom Domains only works if both DomainName and CertificateArn are provided.");
  if (d.CertificateArn === undefined) throw new TransformErrorFor(api.id, "Custom Domains only works if both DomainName and CertificateArn are provided.");
  if (d.Route53 !== undefined) throw new TransformErrorFor(api.id, "Property 'Domain.Route53' of a serverless API is not supported by twinstack yet (twinstack has no Route 53).");
  const endpoint = d.EndpointConfiguration ?? 'REGIONAL';
  if (endpoint !== 'REGIONAL' && endpoint !== 'EDGE') throw new TransformErrorFor(api.id, `EndpointConfiguration for Custom Domains must be one of ['EDGE', 'REGIONAL'].`);
  const domainId = domainLogicalId(d);
  const mtls = d.MutualTlsAuthentication as Properties | undefined;
  expansion.resources[domainId] = {
    ...api.condition,
    Type: 'AWS::ApiGateway::DomainName',
    Properties: defined({
      DomainName: d.DomainName,
      ...(endpoint === 'REGIONAL' ? { RegionalCertificateArn: d.CertificateArn } : { CertificateArn: d.CertificateArn }),
      EndpointConfiguration: { Types: [endpoint] },
      MutualTlsAuthentication: mtls && defined({ TruststoreUri: mtls.TruststoreUri, TruststoreVersion: mtls.TruststoreVersion }),
      SecurityPolicy: d.SecurityPolicy,
      OwnershipVerificationCertificateArn: d.OwnershipVerificationCertificateArn,
    }),
  } as TemplateResource;
  const mapping = (logicalId: string, basePath?: string) => {
    expansion.resources[logicalId] = {
      ...api.condition,
      Type: 'AWS::ApiGateway::BasePathMapping',
      Properties: defined({ DomainName: { Ref: domainId }, RestApiId: { Ref: api.id }, Stage: { Ref: api.stage }, BasePath: basePath }),
    } as TemplateResource;
  };
  const paths = d.BasePath === undefined ? [] : [d.BasePath].flat();
  if (!paths.length) return mapping(`${api.id}BasePathMapping`);
  const normalize = d.NormalizeBasePath !== false;
  for (const path of paths as string[]) {
    const alphanumeric = String(path).replace(/[^A-Za-z0-9]/g, '');
    mapping(`${api.id}${alphanumeric}BasePathMapping`, normalize ? alphanumeric : String(path).replace(/^\/+|\/+$/g, ''));
  }
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
