import type {
  AddUserToGroupCommandInput,
  CreateGroupCommandInput,
  DeleteGroupCommandInput,
  GetGroupCommandInput,
  Group as GroupOutput,
  ListGroupsCommandInput,
  ListGroupsForUserCommandInput,
  RemoveUserFromGroupCommandInput,
  UpdateGroupCommandInput,
} from '@aws-sdk/client-iam';
import { iamArn, requireGroup, requireUser, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { byPathPrefix, compareNames, paginate } from '../paging.ts';
import type { Group } from '../state.ts';

function groupOutput(group: Group): GroupOutput {
  return { Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: group.createDate };
}

export function createGroup(input: CreateGroupCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const name = input.GroupName!;
  if (state.groups.has(name.toLowerCase())) throw IamErrors.alreadyExists(`Group with name ${name} already exists.`);
  const path = input.Path ?? '/';
  const group: Group = {
    kind: 'group',
    name,
    id: IamIds.group(),
    path,
    arn: iamArn(ctx, `group${path}${name}`),
    createDate: ctx.emulator.clock.date(),
    inline: new Map(),
    attached: new Map(),
    members: new Set(),
  };
  state.groups.set(name.toLowerCase(), group);
  return { Group: groupOutput(group) };
}

/** A group and its members (paginated by Marker, like the other listings). */
export function getGroup(input: GetGroupCommandInput, ctx: IamContext) {
  const group = requireGroup(ctx.state, input.GroupName!);
  const members = [...group.members].map((key) => ctx.state.users.get(key)!).filter(Boolean);
  const page = paginate(members, input);
  return {
    Group: groupOutput(group),
    Users: page.items.map((u) => ({ Path: u.path, UserName: u.name, UserId: u.id, Arn: u.arn, CreateDate: u.createDate })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

export function listGroups(input: ListGroupsCommandInput, ctx: IamContext) {
  const page = paginate(byPathPrefix(ctx.state.groups.values(), input.PathPrefix), input);
  return { Groups: page.items.map(groupOutput), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function listGroupsForUser(input: ListGroupsForUserCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  const groups = [...user.groups].map((key) => ctx.state.groups.get(key)!).sort((a, b) => compareNames(a.name, b.name));
  const page = paginate(groups, input);
  return { Groups: page.items.map(groupOutput), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function updateGroup(input: UpdateGroupCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const group = requireGroup(state, input.GroupName!);
  const newName = input.NewGroupName ?? group.name;
  const oldKey = group.name.toLowerCase();
  if (newName.toLowerCase() !== oldKey && state.groups.has(newName.toLowerCase())) {
    throw IamErrors.alreadyExists(`Group with name ${newName} already exists.`);
  }
  state.groups.delete(oldKey);
  group.name = newName;
  group.path = input.NewPath ?? group.path;
  group.arn = iamArn(ctx, `group${group.path}${group.name}`);
  state.groups.set(newName.toLowerCase(), group);
  for (const member of group.members) {
    const groups = state.users.get(member)?.groups;
    if (groups?.delete(oldKey)) groups.add(newName.toLowerCase());
  }
  return {};
}

export function deleteGroup(input: DeleteGroupCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const group = requireGroup(state, input.GroupName!);
  if (group.members.size) throw IamErrors.deleteConflict('Cannot delete entity, must remove users from group first.');
  if (group.inline.size) throw IamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
  if (group.attached.size) throw IamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
  state.groups.delete(group.name.toLowerCase());
  return {};
}

export function addUserToGroup(input: AddUserToGroupCommandInput, ctx: IamContext) {
  const group = requireGroup(ctx.state, input.GroupName!);
  const user = requireUser(ctx.state, input.UserName!);
  group.members.add(user.name.toLowerCase());
  user.groups.add(group.name.toLowerCase());
  return {};
}

export function removeUserFromGroup(input: RemoveUserFromGroupCommandInput, ctx: IamContext) {
  const group = requireGroup(ctx.state, input.GroupName!);
  const user = requireUser(ctx.state, input.UserName!);
  if (!group.members.delete(user.name.toLowerCase())) {
    throw IamErrors.noSuchEntity(`User ${user.name} is not in group ${group.name}.`);
  }
  user.groups.delete(group.name.toLowerCase());
  return {};
}
