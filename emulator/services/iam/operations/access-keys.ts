import type {
  CreateAccessKeyCommandInput,
  DeleteAccessKeyCommandInput,
  GetAccessKeyLastUsedCommandInput,
  ListAccessKeysCommandInput,
  UpdateAccessKeyCommandInput,
} from '@aws-sdk/client-iam';
import { requireUser, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { paginate } from '../paging.ts';
import type { AccessKey, IamState, User } from '../state.ts';
import type { Emulator } from '../../../core/emulator.ts';

/** IAM's quota of access keys per user. */
const MAX_KEYS_PER_USER = 2;

/**
 * The user whose credentials an operation manages: the named one, else the calling IAM user (AWS's rule for the
 * credential operations without UserName).
 */
export function targetUser(userName: string | undefined, ctx: IamContext): User {
  if (userName !== undefined) return requireUser(ctx.state, userName);
  const own = /:user\/(?:.*\/)?([^/]+)$/.exec(ctx.caller.arn)?.[1];
  if (!own) throw IamErrors.validation('Must specify userName when calling with non-User credentials');
  return requireUser(ctx.state, own);
}

function keysOf(ctx: IamContext, user: User): AccessKey[] {
  const name = user.name.toLowerCase();
  return [...ctx.state.accessKeys.values()].filter((k) => k.userName.toLowerCase() === name);
}

/** Active keys act as their user against every service: they go into the emulator's credential registry. */
function activate(emulator: Emulator, state: IamState, key: AccessKey, user: User): void {
  emulator.credentials.register({
    accessKeyId: key.accessKeyId,
    secretAccessKey: key.secretAccessKey,
    accountId: state.accountId,
    arn: user.arn,
    userId: user.id,
  });
}

/** A restored state's active keys work again. */
export function registerActiveKeys(state: IamState, emulator: Emulator): void {
  for (const key of state.accessKeys.values()) {
    const user = state.users.get(key.userName.toLowerCase());
    if (key.status === 'Active' && user) activate(emulator, state, key, user);
  }
}

export function createAccessKey(input: CreateAccessKeyCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  if (keysOf(ctx, user).length >= MAX_KEYS_PER_USER) {
    throw IamErrors.limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${MAX_KEYS_PER_USER}`);
  }
  const key: AccessKey = {
    accessKeyId: IamIds.accessKey(),
    secretAccessKey: IamIds.secretKey(),
    userName: user.name,
    status: 'Active',
    createDate: ctx.emulator.clock.date(),
  };
  ctx.state.accessKeys.set(key.accessKeyId, key);
  activate(ctx.emulator, ctx.state, key, user);
  return {
    AccessKey: { UserName: user.name, AccessKeyId: key.accessKeyId, Status: key.status, SecretAccessKey: key.secretAccessKey, CreateDate: key.createDate },
  };
}

export function listAccessKeys(input: ListAccessKeysCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const page = paginate(keysOf(ctx, user), input);
  return {
    AccessKeyMetadata: page.items.map((k) => ({ UserName: user.name, AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: k.createDate })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

function requireKey(ctx: IamContext, user: User, accessKeyId: string): AccessKey {
  const key = ctx.state.accessKeys.get(accessKeyId);
  if (!key || key.userName.toLowerCase() !== user.name.toLowerCase()) {
    throw IamErrors.noSuchEntity(`The Access Key with id ${accessKeyId} cannot be found.`);
  }
  return key;
}

/** An inactive key stops working as a credential; activating it again restores it. */
export function updateAccessKey(input: UpdateAccessKeyCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const key = requireKey(ctx, user, input.AccessKeyId!);
  key.status = input.Status!;
  if (key.status === 'Active') activate(ctx.emulator, ctx.state, key, user);
  else ctx.emulator.credentials.forget(key.accessKeyId);
  return {};
}

export function deleteAccessKey(input: DeleteAccessKeyCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const key = requireKey(ctx, user, input.AccessKeyId!);
  ctx.state.accessKeys.delete(key.accessKeyId);
  ctx.emulator.credentials.forget(key.accessKeyId);
  return {};
}

/** A key never used reports N/A for service and region, as IAM does. */
export function getAccessKeyLastUsed(input: GetAccessKeyLastUsedCommandInput, ctx: IamContext) {
  const key = ctx.state.accessKeys.get(input.AccessKeyId!);
  if (!key) throw IamErrors.noSuchEntity(`The Access Key with id ${input.AccessKeyId} cannot be found.`);
  return {
    UserName: key.userName,
    AccessKeyLastUsed: key.lastUsed
      ? { LastUsedDate: key.lastUsed.date, ServiceName: key.lastUsed.service, Region: key.lastUsed.region }
      : { ServiceName: 'N/A', Region: 'N/A' },
  };
}
