import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import type { ApiParts } from './api-extras.ts';
import { defined, samIdHash, TransformErrorFor, type Expansion } from './context.ts';
import { insert, tracked } from './py27.ts';

// A REST API's `Domain` as SAM's ApiGenerator makes it: a custom domain name and its base path mappings (the V2 types
// for a PRIVATE endpoint, with an access association for a VPC endpoint), and for `Route53` the record sets of its
// hosted zone. Route 53 is not served by twinstack: CloudFormation refuses the record set group as any unrecognized type.

const ENDPOINTS = ['EDGE', 'REGIONAL', 'PRIVATE'];
const pythonList = (items: string[]) => `[${items.map((i) => `'${i}'`).join(', ')}]`;
/** The hosted zone id of every edge-optimized (CloudFront) alias target. */
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';

const isMap = (v: unknown): v is Properties => !!v && typeof v === 'object' && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;

/**
 * The Domain as SAM holds it once its resources are made (it is part of the deployment's hash): with the domain name's
 * logical id and the default REGIONAL endpoint (not for PRIVATE), and an EDGE Route53's DistributionDomainName.
 */
export function samDomain(domain: Properties): Properties {
  if (domain.EndpointConfiguration === 'PRIVATE') return domain;
  const clock = { now: 0 };
  const out: Properties = tracked({ ...domain }, clock);
  // SAM adds its keys to the template's dict after one copy of it, and prints it without another.
  clock.now = 1;
  insert(out, 'ApiDomainName', `ApiGatewayDomainName${samIdHash(domain.DomainName)}`);
  if (!out.EndpointConfiguration) insert(out, 'EndpointConfiguration', 'REGIONAL');
  const route53 = out.Route53;
  if (out.EndpointConfiguration === 'EDGE' && isMap(route53) && !present(route53.DistributionDomainName)) {
    out.Route53 = { ...route53, DistributionDomainName: { 'Fn::GetAtt': [out.ApiDomainName, 'DistributionDomainName'] } };
  }
  return out;
}

export function addDomain(expansion: Expansion, api: ApiParts, domain: unknown): void {
  if (domain === undefined || domain === null) return;
  if (!isMap(domain)) throw new TransformErrorFor(api.id, "Property 'Domain' should be a map.");
  if (!present(domain.DomainName) || !present(domain.CertificateArn)) throw new TransformErrorFor(api.id, 'Custom Domains only works if both DomainName and CertificateArn are provided.');
  const endpoint = domain.EndpointConfiguration ?? 'REGIONAL';
  if (!ENDPOINTS.includes(endpoint)) throw new TransformErrorFor(api.id, `EndpointConfiguration for Custom Domains must be one of ${pythonList(ENDPOINTS)}.`);
  const d = samDomain(domain);
  const isPrivate = endpoint === 'PRIVATE';
  const domainId = isPrivate ? `ApiGatewayDomainNameV2${samIdHash(d.DomainName)}` : (d.ApiDomainName as string);
  const endpointConfiguration = defined({ Types: [endpoint], IpAddressType: d.IpAddressType || undefined });
  const optional = defined({
    SecurityPolicy: d.SecurityPolicy || undefined,
    EndpointAccessMode: d.EndpointAccessMode || undefined,
    Policy: d.Policy || undefined,
    OwnershipVerificationCertificateArn: d.OwnershipVerificationCertificateArn || undefined,
  });
  expansion.resources[domainId] = {
    ...api.condition,
    Type: isPrivate ? 'AWS::ApiGateway::DomainNameV2' : 'AWS::ApiGateway::DomainName',
    Properties: defined({
      DomainName: d.DomainName,
      ...(endpoint === 'REGIONAL' ? { RegionalCertificateArn: d.CertificateArn } : { CertificateArn: d.CertificateArn }),
      EndpointConfiguration: endpointConfiguration,
      MutualTlsAuthentication: isPrivate ? undefined : mutualTls(api.id, d.MutualTlsAuthentication),
      ...optional,
    }),
  } as TemplateResource;
  addMappings(expansion, api, d, domainId, isPrivate);
  if (isPrivate && present(d.AccessAssociation)) {
    if (!isMap(d.AccessAssociation)) throw new TransformErrorFor(api.id, "Property 'Domain.AccessAssociation' should be a map.");
    const vpce = d.AccessAssociation.VpcEndpointId;
    expansion.resources[`DomainNameAccessAssociation${samIdHash([vpce, domainId])}`] = {
      ...api.condition,
      Type: 'AWS::ApiGateway::DomainNameAccessAssociation',
      Properties: defined({ DomainNameArn: { Ref: domainId }, AccessAssociationSourceType: 'VPCE', AccessAssociationSource: vpce }),
    } as TemplateResource;
  }
  addRecordSets(expansion, api, d, isPrivate ? d.DomainName : domainId, endpoint);
}

function mutualTls(owner: string, given: unknown): Properties | undefined {
  if (!given) return undefined;
  if (!isMap(given)) throw new TransformErrorFor(owner, "Property 'Domain.MutualTlsAuthentication' should be a map.");
  if (Object.keys(given).some((k) => k !== 'TruststoreUri' && k !== 'TruststoreVersion')) {
    throw new TransformErrorFor(owner, "Available Domain.MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion'].");
  }
  return defined({ TruststoreUri: given.TruststoreUri || undefined, TruststoreVersion: given.TruststoreVersion || undefined });
}

/**
 * A base path mapping to the API's stage per BasePath (`<Api><path>BasePathMapping`, the path keeping only letters and
 * digits unless NormalizeBasePath is false), or one for the root.
 */
function addMappings(expansion: Expansion, api: ApiParts, d: Properties, domainId: string, isPrivate: boolean): void {
  const mapping = (logicalId: string, basePath?: string) => {
    expansion.resources[logicalId] = {
      ...api.condition,
      Type: isPrivate ? 'AWS::ApiGateway::BasePathMappingV2' : 'AWS::ApiGateway::BasePathMapping',
      Properties: defined({ [isPrivate ? 'DomainNameArn' : 'DomainName']: { Ref: domainId }, RestApiId: { Ref: api.id }, Stage: { Ref: api.stage }, BasePath: basePath }),
    } as TemplateResource;
  };
  const paths = d.BasePath && (typeof d.BasePath === 'string' || Array.isArray(d.BasePath)) ? [d.BasePath].flat() : [];
  // SAM's V2 root mapping has no BasePath, like the V1 one.
  if (!paths.length) return mapping(`${api.id}BasePathMapping`);
  if (!paths.every((p) => typeof p === 'string')) throw new TransformErrorFor(api.id, "Property 'Domain.BasePath' should be a list of string.");
  const normalize = d.NormalizeBasePath ?? true;
  for (const path of paths as string[]) {
    const alphanumeric = [...path].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
    mapping(`${api.id}${alphanumeric}BasePathMapping`, normalize ? alphanumeric : path);
  }
}

/**
 * `Route53`: the domain's A record (and AAAA with IpV6) aliased to the domain, in the record set group SAM shares between
 * the APIs of a hosted zone (`RecordSetGroup<hash of the zone>`), or its own with SeparateRecordSetGroup.
 */
function addRecordSets(expansion: Expansion, api: ApiParts, d: Properties, target: string, endpoint: string): void {
  const route53 = d.Route53;
  if (!present(route53)) return;
  if (!isMap(route53)) throw new TransformErrorFor(api.id, "Property 'Domain.Route53' should be a map.");
  if (!present(route53.HostedZoneId) && !present(route53.HostedZoneName)) throw new TransformErrorFor(api.id, 'HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.');
  const zone = route53.HostedZoneId || route53.HostedZoneName;
  const aliasTarget = defined({
    EvaluateTargetHealth: route53.EvaluateTargetHealth ?? undefined,
    ...(endpoint === 'REGIONAL'
      ? { HostedZoneId: { 'Fn::GetAtt': [target, 'RegionalHostedZoneId'] }, DNSName: { 'Fn::GetAtt': [target, 'RegionalDomainName'] } }
      : endpoint === 'EDGE'
        ? { HostedZoneId: CLOUDFRONT_ZONE, DNSName: route53.DistributionDomainName }
        : { HostedZoneId: route53.VpcEndpointHostedZoneId, DNSName: route53.VpcEndpointDomainName }),
  });
  const record = (type: string) => defined({ Name: d.DomainName, Type: type, AliasTarget: aliasTarget, Region: route53.Region ?? undefined, SetIdentifier: route53.SetIdentifier ?? undefined });
  const records = [record('A'), ...(route53.IpV6 === true ? [record('AAAA')] : [])];
  const zoneProperties = (hostedZoneId: unknown, hostedZoneName: unknown) => defined({ HostedZoneId: hostedZoneId, HostedZoneName: hostedZoneName });
  if (route53.SeparateRecordSetGroup) {
    if (typeof route53.SeparateRecordSetGroup !== 'boolean') throw new TransformErrorFor(api.id, "Property 'Domain.Route53.SeparateRecordSetGroup' should be a boolean.");
    expansion.resources[`RecordSetGroup${samIdHash([zone, d.DomainName])}`] = {
      ...api.condition,
      Type: 'AWS::Route53::RecordSetGroup',
      Properties: { ...zoneProperties(route53.HostedZoneId || undefined, route53.HostedZoneName || undefined), RecordSets: records },
    } as TemplateResource;
    return;
  }
  const group = (expansion.resources[`RecordSetGroup${samIdHash(zone)}`] ??= {
    ...api.condition,
    Type: 'AWS::Route53::RecordSetGroup',
    Properties: { ...zoneProperties(route53.HostedZoneId, route53.HostedZoneName), RecordSets: [] },
  } as TemplateResource);
  ((group.Properties as Properties).RecordSets as Properties[]).push(...records);
}
