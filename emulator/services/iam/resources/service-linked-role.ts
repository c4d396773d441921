import type { ResourceType } from '../../cloudformation/provider.ts';

/**
 * `AWS::IAM::ServiceLinkedRole`: the role IAM makes for a service; Ref (and GetAtt RoleName) is its name. The
 * description changes in place; deleting goes through DeleteServiceLinkedRole, the only way such a role is deleted.
 */
export const serviceLinkedRole: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { Role } = await request.call('iam', 'CreateServiceLinkedRole', { AWSServiceName: p.AWSServiceName, Description: p.Description, CustomSuffix: p.CustomSuffix });
    return { physicalId: Role.RoleName, attributes: { RoleName: Role.RoleName } };
  },
  async update(request) {
    if (request.properties.Description !== request.previous.Description) {
      await request.call('iam', 'UpdateRoleDescription', { RoleName: request.physicalId, Description: request.properties.Description ?? '' });
    }
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('iam', 'DeleteServiceLinkedRole', { RoleName: request.physicalId });
  },
  createOnly: ['AWSServiceName', 'CustomSuffix'],
  properties: ['AWSServiceName', 'CustomSuffix', 'Description'],
};
