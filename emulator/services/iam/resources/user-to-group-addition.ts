import type { Properties, ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';

type Membership = [group: string, user: string];

function memberships(properties: Properties): Membership[] {
  return ((properties.Users ?? []) as string[]).map((user) => [properties.GroupName, user]);
}

async function change(request: ResourceRequest, operation: 'AddUserToGroup' | 'RemoveUserFromGroup', list: Membership[], except: Membership[] = []) {
  for (const [group, user] of list) {
    if (!except.some(([g, u]) => g === group && u === user)) await request.call('iam', operation, { GroupName: group, UserName: user });
  }
}

/** `AWS::IAM::UserToGroupAddition`: adds users to a group; Ref is a generated name. A changed group or user list is applied in place. */
export const userToGroupAddition: ResourceType = {
  async create(request) {
    const physicalId = request.physicalName({ maxLength: 128 });
    request.initiated?.(physicalId);
    await change(request, 'AddUserToGroup', memberships(request.properties));
    return { physicalId, attributes: { Id: physicalId } };
  },
  async update(request) {
    const before = memberships(request.previous);
    const after = memberships(request.properties);
    await change(request, 'RemoveUserFromGroup', before, after);
    await change(request, 'AddUserToGroup', after, before);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    // Users or a group deleted since are already out of the group.
    for (const [group, user] of memberships(request.properties)) {
      await request.call('iam', 'RemoveUserFromGroup', { GroupName: group, UserName: user }).catch(() => undefined);
    }
  },
  async read(request) {
    const { GroupName, Users = [] } = request.properties;
    const { Users: members } = await request.call<{ Users: { UserName: string }[] }>('iam', 'GetGroup', { GroupName, MaxItems: 1000 });
    // The group's other members are not the resource's: only the template's users still in it are.
    const names = members.map((u) => u.UserName);
    return { GroupName, Users: (Users as string[]).filter((user) => names.includes(user)) };
  },
  properties: ['GroupName', 'Users'],
};
