import type { BasePathMapping, DomainName, DomainNameAccessAssociation, DomainNameAccessAssociations } from '@aws-sdk/client-api-gateway';
import { parseArn } from '../../../core/arn.ts';
import { jsonText, type Properties, type ResourceType } from '../../cloudformation/provider.ts';
import { jsonAsGiven, templateTags } from '../../cloudformation/read-back.ts';
import { notFound } from '../errors.ts';
import { readEndpoint, readMapping } from './domains.ts';
import { patchChanges, retag, tagMap } from './values.ts';

/** The domain name and its id that a private custom domain name's ARN (`…:/domainnames/<name>+<id>`) holds. */
function domainOf(arn: unknown): { domainName: string; domainNameId: string } {
  const match = /^\/domainnames\/([^+/]+)\+([^/]+)$/.exec(parseArn(String(arn))?.resource ?? '');
  if (!match) throw notFound('Invalid domain name identifier specified');
  return { domainName: match[1], domainNameId: match[2] };
}

const withPolicyText = (p: Properties) => ({ ...p, Policy: jsonText(p.Policy) });

/** `AWS::ApiGateway::DomainNameV2`, a private custom domain name: Ref is its ARN; GetAtt DomainNameArn, DomainNameId. */
export const domainNameV2: ResourceType = {
  async create(request) {
    const p = request.properties;
    const endpoint = p.EndpointConfiguration as Properties | undefined;
    const domain = await request.call<DomainName>('apigateway', 'CreateDomainName', {
      domainName: p.DomainName,
      certificateArn: p.CertificateArn,
      endpointConfiguration: endpoint && { types: endpoint.Types, ipAddressType: endpoint.IpAddressType },
      securityPolicy: p.SecurityPolicy,
      policy: jsonText(p.Policy),
      routingMode: p.RoutingMode,
      tags: tagMap(request),
    });
    return { physicalId: domain.domainNameArn!, attributes: { DomainNameArn: domain.domainNameArn, DomainNameId: domain.domainNameId } };
  },
  async update(request) {
    const ops = patchChanges(withPolicyText(request.previous), withPolicyText(request.properties), { CertificateArn: '/certificateArn', Policy: '/policy', RoutingMode: '/routingMode' });
    if (ops.length) await request.call('apigateway', 'UpdateDomainName', { ...domainOf(request.physicalId), patchOperations: ops });
    await retag(request, request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteDomainName', domainOf(request.physicalId));
  },
  async read(request) {
    const p = request.properties;
    const d = await request.call<DomainName>('apigateway', 'GetDomainName', domainOf(request.physicalId));
    return {
      DomainName: d.domainName,
      CertificateArn: d.certificateArn,
      EndpointConfiguration: readEndpoint(p.EndpointConfiguration, d),
      SecurityPolicy: d.securityPolicy,
      Policy: jsonAsGiven(p.Policy, d.policy),
      RoutingMode: d.routingMode,
      Tags: templateTags(request, d.tags),
    };
  },
  createOnly: ['DomainName', 'SecurityPolicy', 'EndpointConfiguration'],
  properties: ['CertificateArn', 'DomainName', 'EndpointConfiguration', 'Policy', 'RoutingMode', 'SecurityPolicy', 'Tags'],
};

/** `AWS::ApiGateway::BasePathMappingV2` of a private custom domain name: Ref and GetAtt BasePathMappingArn. */
export const basePathMappingV2: ResourceType = {
  async create(request) {
    const p = request.properties;
    await request.call('apigateway', 'CreateBasePathMapping', { ...domainOf(p.DomainNameArn), basePath: p.BasePath, restApiId: p.RestApiId, stage: p.Stage });
    const arn = `${String(p.DomainNameArn)}/basepathmappings/${String(p.BasePath || '(none)')}`;
    return { physicalId: arn, attributes: { BasePathMappingArn: arn } };
  },
  async update(request) {
    const p = request.properties;
    const ops = patchChanges(request.previous, p, { RestApiId: '/restapiId', Stage: '/stage' });
    if (ops.length) await request.call('apigateway', 'UpdateBasePathMapping', { ...domainOf(p.DomainNameArn), basePath: p.BasePath || '(none)', patchOperations: ops });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    const p = request.properties;
    await request.call('apigateway', 'DeleteBasePathMapping', { ...domainOf(p.DomainNameArn), basePath: p.BasePath || '(none)' });
  },
  async read(request) {
    const p = request.properties;
    const mapping = await request.call<BasePathMapping>('apigateway', 'GetBasePathMapping', { ...domainOf(p.DomainNameArn), basePath: p.BasePath || '(none)' });
    return { DomainNameArn: p.DomainNameArn, ...readMapping(request, mapping) };
  },
  createOnly: ['DomainNameArn', 'BasePath'],
  properties: ['BasePath', 'DomainNameArn', 'RestApiId', 'Stage'],
};

/** `AWS::ApiGateway::DomainNameAccessAssociation` of a VPC endpoint: Ref and GetAtt its ARN; every change replaces it. */
export const domainNameAccessAssociation: ResourceType = {
  async create(request) {
    const p = request.properties;
    const association = await request.call<DomainNameAccessAssociation>('apigateway', 'CreateDomainNameAccessAssociation', {
      domainNameArn: p.DomainNameArn,
      accessAssociationSource: p.AccessAssociationSource,
      accessAssociationSourceType: p.AccessAssociationSourceType,
      tags: tagMap(request),
    });
    const arn = association.domainNameAccessAssociationArn!;
    return { physicalId: arn, attributes: { DomainNameAccessAssociationArn: arn } };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteDomainNameAccessAssociation', { domainNameAccessAssociationArn: request.physicalId });
  },
  async read(request) {
    let position: string | undefined;
    do {
      const page = await request.call<DomainNameAccessAssociations>('apigateway', 'GetDomainNameAccessAssociations', { resourceOwner: 'SELF', position });
      const found = page.items?.find((a) => a.domainNameAccessAssociationArn === request.physicalId);
      if (found) {
        return {
          DomainNameArn: found.domainNameArn,
          AccessAssociationSource: found.accessAssociationSource,
          AccessAssociationSourceType: found.accessAssociationSourceType,
          Tags: templateTags(request, found.tags),
        };
      }
      position = page.position;
    } while (position);
    throw notFound('Invalid domain name access association identifier specified');
  },
  properties: ['AccessAssociationSource', 'AccessAssociationSourceType', 'DomainNameArn', 'Tags'],
};
