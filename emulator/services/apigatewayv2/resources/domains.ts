import type { DomainName, VpcLink } from '@aws-sdk/client-apigatewayv2';
import type { Properties, ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers, templateOrder, templateTags } from '../../cloudformation/read-back.ts';
import { apiPart, arnOf, pick, retag, tagMap } from './common.ts';

const DOMAIN_MEMBERS = ['DomainNameConfigurations', 'MutualTlsAuthentication', 'RoutingMode'];

function domainState(domain: DomainName) {
  const [regional] = domain.DomainNameConfigurations ?? [];
  return {
    physicalId: domain.DomainName!,
    attributes: { RegionalDomainName: regional?.ApiGatewayDomainName, RegionalHostedZoneId: regional?.HostedZoneId, DomainNameArn: domain.DomainNameArn },
  };
}

/** `AWS::ApiGatewayV2::DomainName`: Ref is the domain name; GetAtt RegionalDomainName, RegionalHostedZoneId, DomainNameArn. */
export const domainName: ResourceType = {
  async create(request) {
    const p = request.properties;
    return domainState(await request.call<DomainName>('apigatewayv2', 'CreateDomainName', { DomainName: p.DomainName, ...pick(p, DOMAIN_MEMBERS), Tags: tagMap(request) }));
  },
  async update(request) {
    const domain = await request.call<DomainName>('apigatewayv2', 'UpdateDomainName', { DomainName: request.physicalId, ...pick(request.properties, DOMAIN_MEMBERS) });
    await retag(request, arnOf(request, `/domainnames/${request.physicalId}`));
    return domainState(domain);
  },
  async delete(request) {
    await request.call('apigatewayv2', 'DeleteDomainName', { DomainName: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const d = await request.call<DomainName>('apigatewayv2', 'GetDomainName', { DomainName: request.physicalId });
    // Each configuration with the members the template's gave (API Gateway adds its own: status, hosted zone…).
    const given = (p.DomainNameConfigurations ?? []) as Properties[];
    const configurations = d.DomainNameConfigurations?.map((c, at) => givenMembers(given[at], c));
    return {
      DomainName: d.DomainName,
      DomainNameConfigurations: configurations,
      MutualTlsAuthentication: givenMembers(p.MutualTlsAuthentication, d.MutualTlsAuthentication),
      RoutingMode: d.RoutingMode,
      Tags: templateTags(request, d.Tags),
    };
  },
  createOnly: ['DomainName'],
  properties: ['DomainName', ...DOMAIN_MEMBERS, 'Tags'],
};

/** `AWS::ApiGatewayV2::ApiMapping` of a custom domain name to an API's stage: Ref and GetAtt ApiMappingId. */
export const apiMapping = apiPart('ApiMapping', ['ApiId', 'Stage', 'ApiMappingKey'], { parents: ['DomainName'], primaryIdentifier: ['ApiMappingId', 'DomainName'] });

/** `AWS::ApiGatewayV2::VpcLink`: Ref and GetAtt VpcLinkId; new subnets or security groups make a new link. */
export const vpcLink: ResourceType = {
  async create(request) {
    const link = await request.call<VpcLink>('apigatewayv2', 'CreateVpcLink', { ...pick(request.properties, ['Name', 'SecurityGroupIds', 'SubnetIds']), Tags: tagMap(request) });
    return { physicalId: link.VpcLinkId!, attributes: { VpcLinkId: link.VpcLinkId } };
  },
  async update(request) {
    await request.call('apigatewayv2', 'UpdateVpcLink', { VpcLinkId: request.physicalId, Name: request.properties.Name });
    await retag(request, arnOf(request, `/vpclinks/${request.physicalId}`));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigatewayv2', 'DeleteVpcLink', { VpcLinkId: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const link = await request.call<VpcLink>('apigatewayv2', 'GetVpcLink', { VpcLinkId: request.physicalId });
    return {
      Name: link.Name,
      SecurityGroupIds: templateOrder(p.SecurityGroupIds, link.SecurityGroupIds ?? [], String),
      SubnetIds: templateOrder(p.SubnetIds, link.SubnetIds ?? [], String),
      Tags: templateTags(request, link.Tags),
    };
  },
  createOnly: ['SecurityGroupIds', 'SubnetIds'],
  properties: ['Name', 'SecurityGroupIds', 'SubnetIds', 'Tags'],
};
