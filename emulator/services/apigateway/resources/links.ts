import type { ClientCertificate, VpcLink } from '@aws-sdk/client-api-gateway';
import type { ResourceType } from '../../cloudformation/provider.ts';
import { templateOrder, templateTags } from '../../cloudformation/read-back.ts';
import { arnOf, patchChanges, retag, tagMap } from './values.ts';

/** `AWS::ApiGateway::ClientCertificate`: Ref is the certificate's id; GetAtt ClientCertificateId. */
export const clientCertificate: ResourceType = {
  async create(request) {
    const certificate = await request.call<ClientCertificate>('apigateway', 'GenerateClientCertificate', { description: request.properties.Description, tags: tagMap(request) });
    return { physicalId: certificate.clientCertificateId!, attributes: { ClientCertificateId: certificate.clientCertificateId } };
  },
  async update(request) {
    const ops = patchChanges(request.previous, request.properties, { Description: '/description' });
    if (ops.length) await request.call('apigateway', 'UpdateClientCertificate', { clientCertificateId: request.physicalId, patchOperations: ops });
    await retag(request, arnOf(request, `/clientcertificates/${request.physicalId}`));
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteClientCertificate', { clientCertificateId: request.physicalId });
  },
  async read(request) {
    const c = await request.call<ClientCertificate>('apigateway', 'GetClientCertificate', { clientCertificateId: request.physicalId });
    return { Description: c.description, Tags: templateTags(request, c.tags) };
  },
  properties: ['Description', 'Tags'],
};

// AWS's schema for VPC links says `cloudFormationSystemTags: false`: only the stack's and the template's tags.
const NO_SYSTEM_TAGS = { systemTags: false };

/** `AWS::ApiGateway::VpcLink`: Ref is the link's id; GetAtt VpcLinkId. New target ARNs make a new link. */
export const vpcLink: ResourceType = {
  async create(request) {
    const p = request.properties;
    const link = await request.call<VpcLink>('apigateway', 'CreateVpcLink', { name: p.Name, description: p.Description, targetArns: p.TargetArns, tags: tagMap(request, NO_SYSTEM_TAGS) });
    return { physicalId: link.id!, attributes: { VpcLinkId: link.id } };
  },
  async update(request) {
    const ops = patchChanges(request.previous, request.properties, { Name: '/name', Description: '/description' });
    if (ops.length) await request.call('apigateway', 'UpdateVpcLink', { vpcLinkId: request.physicalId, patchOperations: ops });
    await retag(request, arnOf(request, `/vpclinks/${request.physicalId}`), NO_SYSTEM_TAGS);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteVpcLink', { vpcLinkId: request.physicalId });
  },
  async read(request) {
    const link = await request.call<VpcLink>('apigateway', 'GetVpcLink', { vpcLinkId: request.physicalId });
    return { Name: link.name, Description: link.description, TargetArns: templateOrder(request.properties.TargetArns, link.targetArns ?? [], String), Tags: templateTags(request, link.tags) };
  },
  createOnly: ['TargetArns'],
  properties: ['Description', 'Name', 'Tags', 'TargetArns'],
};
