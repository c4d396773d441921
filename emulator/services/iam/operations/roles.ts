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
  const path = input.Path ?? '/';
  const role: Role = {
    kind: 'role',
    name,
    id: IamIds.role(),
    path,
    arn: iamArn(ctx, `role${path}${name}`),
    createDate: ctx.emulator.clock.date(),
    inline: new Map(),
    attached: new Map(),
    trustPolicy: input.AssumeRolePolicyDocument!,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration ?? 3600,
    boundary: input.PermissionsBoundary,
    tags,
  };
  if (role.boundary) usageOf(state, role.boundary).boundaries++;
  state.roles.set(name.toLowerCase(), role);
  return { Role: roleOutput(role, 'create') };
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
