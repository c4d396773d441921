import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { templateOrder } from '../../cloudformation/read-back.ts';

async function roles(request: ResourceRequest, name: string, verb: 'Add' | 'Remove', list: string[] = [], except: string[] = []) {
  for (const role of list) {
    if (!except.includes(role)) await request.call('iam', `${verb}RoleToInstanceProfile`.replace('RemoveRoleTo', 'RemoveRoleFrom'), { InstanceProfileName: name, RoleName: role });
  }
}

/** `AWS::IAM::InstanceProfile`: Ref is its name; GetAtt Arn. */
export const instanceProfile: ResourceType = {
  async create(request) {
    const name: string = request.properties.InstanceProfileName ?? request.physicalName({ maxLength: 128 });
    const { InstanceProfile } = await request.call('iam', 'CreateInstanceProfile', { InstanceProfileName: name, Path: request.properties.Path });
    await roles(request, name, 'Add', request.properties.Roles);
    return { physicalId: name, attributes: { Arn: InstanceProfile.Arn } };
  },
  async update(request) {
    await roles(request, request.physicalId, 'Remove', request.previous.Roles, request.properties.Roles);
    await roles(request, request.physicalId, 'Add', request.properties.Roles, request.previous.Roles);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await roles(request, request.physicalId, 'Remove', request.properties.Roles).catch(() => undefined);
    await request.call('iam', 'DeleteInstanceProfile', { InstanceProfileName: request.physicalId });
  },
  async read(request) {
    const { InstanceProfile } = await request.call('iam', 'GetInstanceProfile', { InstanceProfileName: request.physicalId });
    const roles = (InstanceProfile.Roles as { RoleName: string }[]).map((r) => r.RoleName);
    return { InstanceProfileName: InstanceProfile.InstanceProfileName, Path: InstanceProfile.Path, Roles: templateOrder(request.properties.Roles, roles, String) };
  },
  createOnly: ['InstanceProfileName', 'Path'],
  properties: ['InstanceProfileName', 'Path', 'Roles'],
};
