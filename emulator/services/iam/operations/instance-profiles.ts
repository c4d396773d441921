import type {
  AddRoleToInstanceProfileCommandInput,
  CreateInstanceProfileCommandInput,
  DeleteInstanceProfileCommandInput,
  GetInstanceProfileCommandInput,
  InstanceProfile as InstanceProfileOutput,
  ListInstanceProfilesCommandInput,
  ListInstanceProfilesForRoleCommandInput,
  RemoveRoleFromInstanceProfileCommandInput,
} from '@aws-sdk/client-iam';
import { iamArn, requireInstanceProfile, requireRole, tagsOrUndefined, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { byPathPrefix, paginate } from '../paging.ts';
import type { InstanceProfile } from '../state.ts';
import { copyTags } from '../tags.ts';
import { roleOutput } from './roles.ts';

export function profileOutput(ctx: IamContext, profile: InstanceProfile, withTags: boolean): InstanceProfileOutput {
  return {
    Path: profile.path,
    InstanceProfileName: profile.name,
    InstanceProfileId: profile.id,
    Arn: profile.arn,
    CreateDate: profile.createDate,
    Roles: profile.roles.map((key) => roleOutput(ctx.state.roles.get(key)!, 'list')),
    Tags: withTags ? tagsOrUndefined(profile.tags) : undefined,
  };
}

export function createInstanceProfile(input: CreateInstanceProfileCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const name = input.InstanceProfileName!;
  if (state.instanceProfiles.has(name.toLowerCase())) throw IamErrors.alreadyExists(`Instance Profile ${name} already exists.`);
  const path = input.Path ?? '/';
  const profile: InstanceProfile = {
    name,
    id: IamIds.instanceProfile(),
    path,
    arn: iamArn(ctx, `instance-profile${path}${name}`),
    createDate: ctx.emulator.clock.date(),
    roles: [],
    tags: copyTags(input.Tags),
  };
  state.instanceProfiles.set(name.toLowerCase(), profile);
  return { InstanceProfile: profileOutput(ctx, profile, true) };
}

export function getInstanceProfile(input: GetInstanceProfileCommandInput, ctx: IamContext) {
  return { InstanceProfile: profileOutput(ctx, requireInstanceProfile(ctx.state, input.InstanceProfileName!), true) };
}

export function listInstanceProfiles(input: ListInstanceProfilesCommandInput, ctx: IamContext) {
  const page = paginate(byPathPrefix(ctx.state.instanceProfiles.values(), input.PathPrefix), input);
  return { InstanceProfiles: page.items.map((p) => profileOutput(ctx, p, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function listInstanceProfilesForRole(input: ListInstanceProfilesForRoleCommandInput, ctx: IamContext) {
  const role = requireRole(ctx.state, input.RoleName!);
  const key = role.name.toLowerCase();
  const page = paginate(byPathPrefix([...ctx.state.instanceProfiles.values()].filter((p) => p.roles.includes(key))), input);
  return { InstanceProfiles: page.items.map((p) => profileOutput(ctx, p, false)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

/** An instance profile holds one role at most. */
export function addRoleToInstanceProfile(input: AddRoleToInstanceProfileCommandInput, ctx: IamContext) {
  const profile = requireInstanceProfile(ctx.state, input.InstanceProfileName!);
  const role = requireRole(ctx.state, input.RoleName!);
  if (profile.roles.length) throw IamErrors.limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
  profile.roles.push(role.name.toLowerCase());
  return {};
}

export function removeRoleFromInstanceProfile(input: RemoveRoleFromInstanceProfileCommandInput, ctx: IamContext) {
  const profile = requireInstanceProfile(ctx.state, input.InstanceProfileName!);
  const role = requireRole(ctx.state, input.RoleName!);
  const index = profile.roles.indexOf(role.name.toLowerCase());
  if (index < 0) throw IamErrors.noSuchEntity(`The role with name ${role.name} cannot be found.`);
  profile.roles.splice(index, 1);
  return {};
}

export function deleteInstanceProfile(input: DeleteInstanceProfileCommandInput, ctx: IamContext) {
  const profile = requireInstanceProfile(ctx.state, input.InstanceProfileName!);
  if (profile.roles.length) throw IamErrors.deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
  ctx.state.instanceProfiles.delete(profile.name.toLowerCase());
  return {};
}
