import type { Properties, ResourceRequest } from '../../cloudformation/provider.ts';
import { templateOrder, templateTags } from '../../cloudformation/read-back.ts';
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
  async readMore(request, entity) {
    const { Groups } = await request.call<{ Groups: { GroupName: string }[] }>('iam', 'ListGroupsForUser', { UserName: entity.UserName, MaxItems: 1000 });
    return {
      Groups: templateOrder(request.properties.Groups, Groups.map((g) => g.GroupName), String),
      PermissionsBoundary: entity.PermissionsBoundary?.PermissionsBoundaryArn,
      Tags: templateTags(request, entity.Tags),
    };
  },
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
  // AWS's LoginProfile is not among them: twinstack does not make a user's console password.
  properties: ['Groups', 'PermissionsBoundary', 'Tags'],
});

/** `AWS::IAM::Group`: Ref is the group name; GetAtt Arn. */
export const group = identityType({
  kind: 'Group',
  createInput: () => ({}),
  attributes: (entity: Properties) => ({ Arn: entity.Arn }),
  readMore: () => ({}),
  createOnly: [],
  properties: [],
});
