import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  ChangePasswordCommandInput,
  CreateLoginProfileCommandInput,
  DeleteLoginProfileCommandInput,
  GetLoginProfileCommandInput,
  UpdateLoginProfileCommandInput,
} from '@aws-sdk/client-iam';
import type { IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { AwsError } from '../../../core/errors.ts';
import type { LoginProfile, User } from '../state.ts';
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

/** A salted hash of a password (`salt$sha256`): enough to check the old password of ChangePassword and the reuse policy. */
function hashPassword(password: string, salt = randomBytes(16).toString('hex')): string {
  return `${salt}$${createHash('sha256').update(salt).update(password, 'utf8').digest('hex')}`;
}

function matches(hash: string, password: string): boolean {
  const expected = Buffer.from(hash);
  const actual = Buffer.from(hashPassword(password, hash.slice(0, hash.indexOf('$'))));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A new password: the account's password policy, including PasswordReusePrevention over the user's last passwords. */
function setPassword(ctx: IamContext, profile: LoginProfile, password: string): void {
  checkPassword(ctx, password);
  const remembered = ctx.state.passwordPolicy?.PasswordReusePrevention ?? 0;
  const history = profile.passwordHashes ?? [];
  if (remembered && history.slice(-remembered).some((hash) => matches(hash, password))) {
    throw IamErrors.passwordPolicyViolation('Password does not conform to the account password policy.');
  }
  profile.passwordHashes = [...history, hashPassword(password)].slice(-24);
}

/** IAM never returns a password: it keeps salted hashes, to check ChangePassword's old password and the reuse policy. */
export function createLoginProfile(input: CreateLoginProfileCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  if (user.loginProfile) throw IamErrors.alreadyExists(`Login Profile for user ${user.name} already exists.`);
  const profile: LoginProfile = { createDate: ctx.emulator.clock.date(), passwordResetRequired: input.PasswordResetRequired ?? false };
  if (input.Password !== undefined) setPassword(ctx, profile, input.Password);
  user.loginProfile = profile;
  return profileOutput(user);
}

export function getLoginProfile(input: GetLoginProfileCommandInput, ctx: IamContext) {
  return profileOutput(targetUser(input.UserName, ctx));
}

export function updateLoginProfile(input: UpdateLoginProfileCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const profile = requireLoginProfile(user);
  if (input.Password !== undefined) setPassword(ctx, profile, input.Password);
  if (input.PasswordResetRequired !== undefined) profile.passwordResetRequired = input.PasswordResetRequired;
  return {};
}

export function deleteLoginProfile(input: DeleteLoginProfileCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  requireLoginProfile(user);
  user.loginProfile = undefined;
  return {};
}

/**
 * An IAM user changes its own console password with its own credentials: the old password must be the current one and
 * the new one must meet the account's password policy; a pending reset is then done. Not for the account root or a
 * role session (InvalidUserType, as the AWS CLI reference says of root credentials). AWS documents no error for a
 * wrong old password: it is refused here as AccessDenied.
 */
export function changePassword(input: ChangePasswordCommandInput, ctx: IamContext) {
  const own = /^arn:[^:]+:iam::\d{12}:user\/(?:.*\/)?([^/]+)$/.exec(ctx.caller.arn)?.[1];
  if (!own) throw new AwsError('InvalidUserTypeException', 'Only IAM users can change their own password.');
  const user = targetUser(own, ctx);
  const profile = requireLoginProfile(user);
  const current = profile.passwordHashes?.at(-1);
  if (!current || !matches(current, input.OldPassword!)) throw new AwsError('AccessDenied', 'The old password is incorrect.', { status: 403 });
  setPassword(ctx, profile, input.NewPassword!);
  profile.passwordResetRequired = false;
  return {};
}
