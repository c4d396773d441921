import type {
  CreateRoleCommandInput,
  DeleteRoleCommandInput,
  GetRoleCommandInput,
  ListRolesCommandInput,
  Role as RoleOutput,
  UpdateAssumeRolePolicyCommandInput,
  UpdateRoleCommandInput,
  UpdateRoleDescriptionCommandInput,
} from '@aws-sdk/client-iam';
import { checkTrustSize, validateDocument } from '../documents.ts';
import { boundaryOutput, encodedDocument, iamArn, requireAttachablePolicy, requireRole, tagsOrUndefined, usageOf, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { byPathPrefix, paginate } from '../paging.ts';
import type { Role } from '../state.ts';
import { copyTags } from '../tags.ts';

/**
 * A role as each operation returns it: CreateRole without MaxSessionDuration, GetRole with it and RoleLastUsed,
 * ListRoles with MaxSessionDuration but no tags, boundary or RoleLastUsed (as AWS answers each).
 */
export function roleOutput(role: Role, form: 'create' | 'get' | 'list'): RoleOutput {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodedDocument(role.trustPolicy),
    Description: role.description,
    MaxSessionDuration: form === 'create' ? undefined : role.maxSessionDuration,
    PermissionsBoundary: form === 'list' ? undefined : boundaryOutput(role.boundary),
    Tags: form === 'list' ? undefined : tagsOrUndefined(role.tags),
    RoleLastUsed: form === 'get' ? (role.lastUsed ? { LastUsedDate: role.lastUsed.date, Region: role.lastUsed.region } : {}) : undefined,
  };
}

function checkTrustPolicy(text: string): void {
  validateDocument(text, 'trust');
  checkTrustSize(text);
}

export function createRole(input: CreateRoleCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const name = input.RoleName!;
  if (state.roles.has(name.toLowerCase())) throw IamErrors.alreadyExists(`Role with name ${name} already exists.`);
  checkTrustPolicy(input.AssumeRolePolicyDocument!);
  const tags = copyTags(input.Tags);
  if (input.PermissionsBoundary !== undefined) requireAttachablePolicy(state, input.PermissionsBoundary);
  const role = storeRole(ctx, {
    name,
    path: input.Path ?? '/',
    trustPolicy: input.AssumeRolePolicyDocument!,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration ?? 3600,
    boundary: input.PermissionsBoundary,
    tags,
  });
  return { Role: roleOutput(role, 'create') };
}

type NewRole = Pick<Role, 'name' | 'path' | 'trustPolicy' | 'description' | 'maxSessionDuration' | 'boundary' | 'tags'> & { attached?: Role['attached'] };

/** Adds a role to the account, counting its boundary's and its attached policies' use. */
export function storeRole(ctx: IamContext, fields: NewRole): Role {
  const { state } = ctx;
  const role: Role = {
    kind: 'role',
    id: IamIds.role(),
    arn: iamArn(ctx, `role${fields.path}${fields.name}`),
    createDate: ctx.emulator.clock.date(),
    inline: new Map(),
    ...fields,
    attached: fields.attached ?? new Map(),
  };
  if (role.boundary) usageOf(state, role.boundary).boundaries++;
  for (const arn of role.attached.keys()) usageOf(state, arn).attachments++;
  state.roles.set(role.name.toLowerCase(), role);
  return role;
}

export function getRole(input: GetRoleCommandInput, ctx: IamContext) {
  return { Role: roleOutput(requireRole(ctx.state, input.RoleName!), 'get') };
}

export function listRoles(input: ListRolesCommandInput, ctx: IamContext) {
  const page = paginate(byPathPrefix(ctx.state.roles.values(), input.PathPrefix), input);
  return { Roles: page.items.map((r) => roleOutput(r, 'list')), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function updateRole(input: UpdateRoleCommandInput, ctx: IamContext) {
  const role = requireRole(ctx.state, input.RoleName!);
  if (input.Description !== undefined) role.description = input.Description;
  if (input.MaxSessionDuration !== undefined) role.maxSessionDuration = input.MaxSessionDuration;
  return {};
}

export function updateRoleDescription(input: UpdateRoleDescriptionCommandInput, ctx: IamContext) {
  const role = requireRole(ctx.state, input.RoleName!);
  role.description = input.Description;
  return { Role: roleOutput(role, 'get') };
}

export function updateAssumeRolePolicy(input: UpdateAssumeRolePolicyCommandInput, ctx: IamContext) {
  const role = requireRole(ctx.state, input.RoleName!);
  checkTrustPolicy(input.PolicyDocument!);
  role.trustPolicy = input.PolicyDocument!;
  return {};
}

export function deleteRole(input: DeleteRoleCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const role = requireRole(state, input.RoleName!);
  if (/^\/aws-service-role\//.test(role.path)) {
    throw IamErrors.unmodifiable(`Cannot perform the operation on the protected role '${role.name}' - this role is only modifiable by AWS`);
  }
  const key = role.name.toLowerCase();
  if ([...state.instanceProfiles.values()].some((p) => p.roles.includes(key))) {
    throw IamErrors.deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  }
  if (role.inline.size) throw IamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
  if (role.attached.size) throw IamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
  if (role.boundary) usageOf(state, role.boundary).boundaries--;
  state.roles.delete(key);
  return {};
}
