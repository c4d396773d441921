import type { ResourceType } from '../../cloudformation/provider.ts';

/**
 * `AWS::IAM::ServiceLinkedRole`: the role IAM makes for a service; Ref (and GetAtt RoleName) is its name. The
 * description changes in place; deleting goes through DeleteServiceLinkedRole, the only way such a role is deleted.
 */
export const serviceLinkedRole: ResourceType = {
  /** AWS's schema has no list handler. */
  unlisted: true,
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
  async read(request) {
    const { Role } = await request.call('iam', 'GetRole', { RoleName: request.physicalId });
    // A service-linked role's path is /aws-service-role/<service principal>/, and a custom suffix follows its name's `_`.
    const suffix = /_(.+)$/.exec(Role.RoleName)?.[1];
    return { AWSServiceName: Role.Path.split('/')[2], Description: Role.Description, ...(suffix ? { CustomSuffix: suffix } : {}) };
  },
  createOnly: ['AWSServiceName', 'CustomSuffix'],
  properties: ['AWSServiceName', 'CustomSuffix', 'Description'],
};
