import type {
  CreateUserCommandInput,
  DeleteUserCommandInput,
  GetUserCommandInput,
  ListUsersCommandInput,
  UpdateUserCommandInput,
  User as UserOutput,
} from '@aws-sdk/client-iam';
import { boundaryOutput, iamArn, requireAttachablePolicy, requireUser, tagsOrUndefined, usageOf, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { byPathPrefix, paginate } from '../paging.ts';
import type { User } from '../state.ts';
import { copyTags } from '../tags.ts';

function userOutput(user: User, withTags: boolean): UserOutput {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: user.createDate,
    PermissionsBoundary: boundaryOutput(user.boundary),
    Tags: withTags ? tagsOrUndefined(user.tags) : undefined,
  };
}

export function createUser(input: CreateUserCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const name = input.UserName!;
  if (state.users.has(name.toLowerCase())) throw IamErrors.alreadyExists(`User with name ${name} already exists.`);
  const tags = copyTags(input.Tags);
  if (input.PermissionsBoundary !== undefined) requireAttachablePolicy(state, input.PermissionsBoundary);
  const path = input.Path ?? '/';
  const user: User = {
    kind: 'user',
    name,
    id: IamIds.user(),
    path,
    arn: iamArn(ctx, `user${path}${name}`),
    createDate: ctx.emulator.clock.date(),
    inline: new Map(),
    attached: new Map(),
    tags,
    boundary: input.PermissionsBoundary,
    groups: new Set(),
    sshKeys: new Map(),
    signingCertificates: new Map(),
    mfaDevices: new Set(),
    serviceCredentials: new Map(),
  };
  if (user.boundary) usageOf(state, user.boundary).boundaries++;
  state.users.set(name.toLowerCase(), user);
  return { User: userOutput(user, true) };
}

/** Without a name, GetUser describes the caller (an IAM user's key) or the account's root user. */
export function getUser(input: GetUserCommandInput, ctx: IamContext) {
  if (input.UserName !== undefined) return { User: userOutput(requireUser(ctx.state, input.UserName), true) };
  const callerUser = /:user\/(?:.*\/)?([^/]+)$/.exec(ctx.caller.arn)?.[1];
  if (callerUser) return { User: userOutput(requireUser(ctx.state, callerUser), true) };
  if (!ctx.caller.arn.endsWith(':root')) throw IamErrors.validation('Must specify userName when calling with non-User credentials');
  return { User: { UserId: ctx.state.accountId, Arn: ctx.caller.arn, CreateDate: ctx.emulator.clock.date() } };
}

export function listUsers(input: ListUsersCommandInput, ctx: IamContext) {
  const page = paginate(byPathPrefix(ctx.state.users.values(), input.PathPrefix), input);
  return { Users: page.items.map((u) => userOutput(u, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function updateUser(input: UpdateUserCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const user = requireUser(state, input.UserName!);
  const newName = input.NewUserName ?? user.name;
  if (newName.toLowerCase() !== user.name.toLowerCase() && state.users.has(newName.toLowerCase())) {
    throw IamErrors.alreadyExists(`User with name ${newName} already exists.`);
  }
  state.users.delete(user.name.toLowerCase());
  const oldKey = user.name.toLowerCase();
  user.name = newName;
  user.path = input.NewPath ?? user.path;
  user.arn = iamArn(ctx, `user${user.path}${user.name}`);
  state.users.set(newName.toLowerCase(), user);
  for (const groupName of user.groups) {
    const members = state.groups.get(groupName)?.members;
    if (members?.delete(oldKey)) members.add(newName.toLowerCase());
  }
  for (const key of state.accessKeys.values()) if (key.userName.toLowerCase() === oldKey) key.userName = newName;
  return {};
}

/** IAM refuses to delete a user that still has credentials, policies or group memberships. */
export function deleteUser(input: DeleteUserCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const user = requireUser(state, input.UserName!);
  const key = user.name.toLowerCase();
  if ([...state.accessKeys.values()].some((k) => k.userName.toLowerCase() === key)) {
    throw IamErrors.deleteConflict('Cannot delete entity, must delete access keys first.');
  }
  if (user.loginProfile) throw IamErrors.deleteConflict('Cannot delete entity, must delete login profile first.');
  if (user.mfaDevices.size) throw IamErrors.deleteConflict('Cannot delete entity, must delete MFA device first.');
  // AWS's wording for service-specific credentials (LocalStack's AWS-validated test_delete_user_after_service_credential_created).
  if (user.serviceCredentials.size || user.sshKeys.size || user.signingCertificates.size) {
    throw IamErrors.deleteConflict('Cannot delete entity, must remove referenced objects first.');
  }
  if (user.inline.size) throw IamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
  if (user.attached.size) throw IamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
  if (user.groups.size) throw IamErrors.deleteConflict('Cannot delete entity, must remove users from group first.');
  if (user.boundary) usageOf(state, user.boundary).boundaries--;
  state.users.delete(key);
  return {};
}
