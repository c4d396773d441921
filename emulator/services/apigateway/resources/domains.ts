import type { BasePathMapping, DomainName } from '@aws-sdk/client-api-gateway';
import type { Properties, ResourceDelete, ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers, templateTags, adoptByReading, listUnder } from '../../cloudformation/read-back.ts';
import { patchChanges, tagMap } from './values.ts';

function attributesOf(domain: DomainName): Record<string, unknown> {
  return {
    DomainNameArn: domain.domainNameArn,
    DistributionDomainName: domain.distributionDomainName,
    DistributionHostedZoneId: domain.distributionHostedZoneId,
    RegionalDomainName: domain.regionalDomainName,
    RegionalHostedZoneId: domain.regionalHostedZoneId,
  };
}

function endpointOf(p: Properties) {
  const endpoint = p.EndpointConfiguration as Properties | undefined;
  return endpoint && { types: endpoint.Types, ipAddressType: endpoint.IpAddressType };
}

/** `AWS::ApiGateway::DomainName`: Ref is the domain name; GetAtt its CloudFront or regional target. */
export const domainName: ResourceType = {
  properties: [
    'CertificateArn',
    'DomainName',
    'EndpointAccessMode',
    'EndpointConfiguration',
    'MutualTlsAuthentication',
    'OwnershipVerificationCertificateArn',
    'RegionalCertificateArn',
    'RoutingMode',
    'SecurityPolicy',
    'Tags',
  ],
  async create(request) {
    const p = request.properties;
    const mtls = p.MutualTlsAuthentication as Properties | undefined;
    const domain = await request.call<DomainName>('apigateway', 'CreateDomainName', {
      domainName: p.DomainName,
      certificateArn: p.CertificateArn,
      regionalCertificateArn: p.RegionalCertificateArn,
      endpointConfiguration: endpointOf(p),
      mutualTlsAuthentication: mtls && { truststoreUri: mtls.TruststoreUri, truststoreVersion: mtls.TruststoreVersion },
      ownershipVerificationCertificateArn: p.OwnershipVerificationCertificateArn,
      securityPolicy: p.SecurityPolicy,
      endpointAccessMode: p.EndpointAccessMode,
      routingMode: p.RoutingMode,
      tags: tagMap(request),
    });
    return { physicalId: domain.domainName!, attributes: attributesOf(domain) };
  },
  async update(request) {
    const ops = patchChanges(request.previous, request.properties, {
      CertificateArn: '/certificateArn',
      RegionalCertificateArn: '/regionalCertificateArn',
      SecurityPolicy: '/securityPolicy',
      EndpointAccessMode: '/endpointAccessMode',
      OwnershipVerificationCertificateArn: '/ownershipVerificationCertificateArn',
      RoutingMode: '/routingMode',
    });
    if (ops.length) await request.call('apigateway', 'UpdateDomainName', { domainName: request.physicalId, patchOperations: ops });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteDomainName', { domainName: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const d = await request.call<DomainName>('apigateway', 'GetDomainName', { domainName: request.physicalId });
    const mtls = d.mutualTlsAuthentication;
    return {
      DomainName: d.domainName,
      CertificateArn: d.certificateArn,
      RegionalCertificateArn: d.regionalCertificateArn,
      EndpointConfiguration: readEndpoint(p.EndpointConfiguration, d),
      MutualTlsAuthentication: givenMembers(p.MutualTlsAuthentication, mtls && { TruststoreUri: mtls.truststoreUri, TruststoreVersion: mtls.truststoreVersion }),
      OwnershipVerificationCertificateArn: d.ownershipVerificationCertificateArn,
      SecurityPolicy: d.securityPolicy,
      RoutingMode: d.routingMode,
      Tags: templateTags(request, d.tags),
    };
  },
  createOnly: ['DomainName'],
};

/** `AWS::ApiGateway::BasePathMapping`: maps a base path (none: the root) of a custom domain name to a stage. */
export const basePathMapping: ResourceType = {
  // AWS's schema has Id too: not made here, so a template setting it fails rather than being ignored.
  properties: ['BasePath', 'DomainName', 'RestApiId', 'Stage'],
  async create(request) {
    const p = request.properties;
    await request.call('apigateway', 'CreateBasePathMapping', { domainName: p.DomainName, basePath: p.BasePath, restApiId: p.RestApiId, stage: p.Stage });
    return { physicalId: `${String(p.DomainName)}/${String(p.BasePath ?? '')}`, attributes: {} };
  },
  async update(request) {
    const p = request.properties;
    const ops = patchChanges(request.previous, p, { RestApiId: '/restapiId', Stage: '/stage' });
    if (ops.length) await request.call('apigateway', 'UpdateBasePathMapping', { domainName: p.DomainName, basePath: p.BasePath ?? '(none)', patchOperations: ops });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    const p = request.properties;
    await request.call('apigateway', 'DeleteBasePathMapping', { domainName: p.DomainName, basePath: p.BasePath ?? '(none)' });
  },
  async read(request) {
    const p = request.properties;
    const mapping = await request.call<BasePathMapping>('apigateway', 'GetBasePathMapping', { domainName: p.DomainName, basePath: p.BasePath || '(none)' });
    return { DomainName: p.DomainName, ...readMapping(request, mapping) };
  },
  createOnly: ['DomainName', 'BasePath'],
  primaryIdentifier: ['DomainName', 'BasePath'],
  adopt: adoptByReading((request) => basePathMapping.read!(request), (id) => `${id.DomainName}/${id.BasePath}`),
  // Listed under the ResourceModel's DomainName; the root mapping's base path is empty, as a template gives it.
  ...listUnder(
    ['DomainName'],
    'BasePath',
    (request) => basePathMapping.read!({ ...request, properties: { ...request.properties, BasePath: request.physicalId } }),
    async (request, { DomainName }) => {
      const found: string[] = [];
      let position: string | undefined;
      do {
        const page = await request.call<{ items?: BasePathMapping[]; position?: string }>('apigateway', 'GetBasePathMappings', { domainName: DomainName, position, limit: 500 });
        found.push(...(page.items ?? []).map((m) => (m.basePath === '(none)' ? '' : m.basePath!)));
        position = page.position;
      } while (position);
      return found;
    },
  ),
};

/** A domain name's endpoint configuration in the template's form (the members it gave). */
export function readEndpoint(given: unknown, d: DomainName): Properties | undefined {
  const e = d.endpointConfiguration;
  return givenMembers(given, e && { Types: e.types, IpAddressType: e.ipAddressType });
}

/** A base path mapping in the template's form: the root mapping (`(none)`) reads as the template gave it (no path, or ''). */
export function readMapping(request: ResourceDelete, m: BasePathMapping): Properties {
  return { BasePath: m.basePath === '(none)' ? request.properties.BasePath : m.basePath, RestApiId: m.restApiId, Stage: m.stage };
}
