import type {
  CreateLoginProfileCommandInput,
  DeleteLoginProfileCommandInput,
  GetLoginProfileCommandInput,
  UpdateLoginProfileCommandInput,
} from '@aws-sdk/client-iam';
import type { IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import type { User } from '../state.ts';
import { checkPassword } from './account.ts';
import { targetUser } from './access-keys.ts';

function requireLoginProfile(user: User): NonNullable<User['loginProfile']> {
  if (!user.loginProfile) throw IamErrors.noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
  return user.loginProfile;
}

function profileOutput(user: User) {
  const profile = requireLoginProfile(user);
  return { LoginProfile: { UserName: user.name, CreateDate: profile.createDate, PasswordResetRequired: profile.passwordResetRequired } };
}

/** IAM keeps only the fact that a console password exists: the password itself is checked against the policy, then dropped. */
export function createLoginProfile(input: CreateLoginProfileCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  if (user.loginProfile) throw IamErrors.alreadyExists(`Login Profile for user ${user.name} already exists.`);
  if (input.Password !== undefined) checkPassword(ctx, input.Password);
  user.loginProfile = { createDate: ctx.emulator.clock.date(), passwordResetRequired: input.PasswordResetRequired ?? false };
  return profileOutput(user);
}

export function getLoginProfile(input: GetLoginProfileCommandInput, ctx: IamContext) {
  return profileOutput(targetUser(input.UserName, ctx));
}

export function updateLoginProfile(input: UpdateLoginProfileCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const profile = requireLoginProfile(user);
  if (input.Password !== undefined) checkPassword(ctx, input.Password);
  if (input.PasswordResetRequired !== undefined) profile.passwordResetRequired = input.PasswordResetRequired;
  return {};
}

export function deleteLoginProfile(input: DeleteLoginProfileCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  requireLoginProfile(user);
  user.loginProfile = undefined;
  return {};
}
