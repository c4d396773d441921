import type { Properties, ResourceRequest } from '../../cloudformation/provider.ts';
import { identityType, tagsInput } from './identities.ts';

async function syncGroups(request: ResourceRequest, name: string, before: string[] = [], after: string[] = []) {
  for (const group of before) if (!after.includes(group)) await request.call('iam', 'RemoveUserFromGroup', { UserName: name, GroupName: group });
  for (const group of after) if (!before.includes(group)) await request.call('iam', 'AddUserToGroup', { UserName: name, GroupName: group });
}

/** `AWS::IAM::User`: Ref is the user name; GetAtt Arn. */
export const user = identityType({
  kind: 'User',
  createInput: (request) => ({ PermissionsBoundary: request.properties.PermissionsBoundary, ...tagsInput(request) }),
  attributes: (entity: Properties) => ({ Arn: entity.Arn }),
  async afterCreate(request, name) {
    await syncGroups(request, name, [], request.properties.Groups);
  },
  async update(request, name) {
    await syncGroups(request, name, request.previous.Groups, request.properties.Groups);
  },
  async beforeDelete(request, name) {
    await syncGroups(request, name, request.properties.Groups, []).catch(() => undefined);
  },
  createOnly: [],
});

/** `AWS::IAM::Group`: Ref is the group name; GetAtt Arn. */
export const group = identityType({
  kind: 'Group',
  createInput: () => ({}),
  attributes: (entity: Properties) => ({ Arn: entity.Arn }),
  createOnly: [],
});
