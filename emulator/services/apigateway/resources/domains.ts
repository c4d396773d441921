import type { DomainName } from '@aws-sdk/client-api-gateway';
import type { Properties, ResourceType } from '../../cloudformation/provider.ts';
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
      OwnershipVerificationCertificateArn: '/ownershipVerificationCertificateArn',
      RoutingMode: '/routingMode',
    });
    if (ops.length) await request.call('apigateway', 'UpdateDomainName', { domainName: request.physicalId, patchOperations: ops });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteDomainName', { domainName: request.physicalId });
  },
  createOnly: ['DomainName'],
};

/** `AWS::ApiGateway::BasePathMapping`: maps a base path (none: the root) of a custom domain name to a stage. */
export const basePathMapping: ResourceType = {
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
  createOnly: ['DomainName', 'BasePath'],
};
