import { changedProperties } from '../../cloudformation/provider.ts';
import { policyText } from './attachments.ts';
import { templateTags } from '../../cloudformation/read-back.ts';
import { identityType, tagsInput } from './identities.ts';
import { templateDocument } from './read.ts';

/** `AWS::IAM::Role`: Ref is the role name; GetAtt Arn, RoleId. */
export const role = identityType({
  kind: 'Role',
  createInput: (request) => ({
    AssumeRolePolicyDocument: policyText(request.properties.AssumeRolePolicyDocument),
    // CloudFormation's roles always have a description: AWS's GetRole of a stack's role without one answers "".
    Description: request.properties.Description ?? '',
    MaxSessionDuration: request.properties.MaxSessionDuration === undefined ? undefined : Number(request.properties.MaxSessionDuration),
    PermissionsBoundary: request.properties.PermissionsBoundary,
    ...tagsInput(request),
  }),
  attributes: (role) => ({ Arn: role.Arn, RoleId: role.RoleId }),
  readMore: (request, role) => ({
    AssumeRolePolicyDocument: templateDocument(request.properties.AssumeRolePolicyDocument, role.AssumeRolePolicyDocument),
    Description: role.Description,
    MaxSessionDuration: role.MaxSessionDuration,
    PermissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn,
    Tags: templateTags(request, role.Tags),
  }),
  async update(request, name) {
    const changed = changedProperties(request.previous, request.properties);
    const p = request.properties;
    if (changed.has('AssumeRolePolicyDocument')) await request.call('iam', 'UpdateAssumeRolePolicy', { RoleName: name, PolicyDocument: policyText(p.AssumeRolePolicyDocument) });
    if (changed.has('Description') || changed.has('MaxSessionDuration')) {
      await request.call('iam', 'UpdateRole', { RoleName: name, Description: p.Description ?? '', MaxSessionDuration: p.MaxSessionDuration === undefined ? undefined : Number(p.MaxSessionDuration) });
    }
    if (changed.has('PermissionsBoundary')) {
      if (p.PermissionsBoundary) await request.call('iam', 'PutRolePermissionsBoundary', { RoleName: name, PermissionsBoundary: p.PermissionsBoundary });
      else await request.call('iam', 'DeleteRolePermissionsBoundary', { RoleName: name });
    }
    if (changed.has('Tags')) {
      const old = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key);
      if (old.length) await request.call('iam', 'UntagRole', { RoleName: name, TagKeys: old });
      const { Tags } = tagsInput(request);
      if (Tags) await request.call('iam', 'TagRole', { RoleName: name, Tags });
    }
  },
  createOnly: [],
  properties: ['AssumeRolePolicyDocument', 'Description', 'MaxSessionDuration', 'PermissionsBoundary', 'Tags'],
});
