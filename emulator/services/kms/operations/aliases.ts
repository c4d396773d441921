import type { CreateAliasCommandInput, DeleteAliasCommandInput, ListAliasesCommandInput, UpdateAliasCommandInput } from '@aws-sdk/client-kms';
import { KmsErrors } from '../errors.ts';
import { findKey, kmsArn, type KmsContext } from '../keys.ts';
import { page } from '../paging.ts';

const ALIAS_PREFIX_MESSAGE = 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html';

function checkAliasName(name: string): void {
  if (!name.startsWith('alias/')) throw KmsErrors.validation(ALIAS_PREFIX_MESSAGE);
  // The alias/aws/ names belong to AWS managed keys.
  if (name.startsWith('alias/aws/')) throw KmsErrors.notAuthorized();
}

/** Aliases point at keys (not at other aliases) of the same account and region. */
function targetKey(ctx: KmsContext, targetKeyId: string) {
  const key = findKey(ctx, targetKeyId, { aliases: false });
  if (key.accountId !== ctx.state.accountId) throw KmsErrors.notFound(`Key '${key.arn}' does not exist`);
  return key;
}

export function createAlias(input: CreateAliasCommandInput, ctx: KmsContext) {
  const name = input.AliasName!;
  checkAliasName(name);
  const key = targetKey(ctx, input.TargetKeyId!);
  const arn = kmsArn(ctx, name);
  if (ctx.state.aliases.has(name)) throw KmsErrors.alreadyExists(`An alias with the name ${arn} already exists`);
  const now = ctx.emulator.clock.date();
  ctx.state.aliases.set(name, { name, arn, keyId: key.id, createDate: now, updateDate: now });
  return {};
}

function requireAlias(ctx: KmsContext, name: string) {
  checkAliasName(name);
  const alias = ctx.state.aliases.get(name);
  if (!alias) throw KmsErrors.notFound(`Alias ${kmsArn(ctx, name)} is not found.`);
  return alias;
}

export function updateAlias(input: UpdateAliasCommandInput, ctx: KmsContext) {
  const alias = requireAlias(ctx, input.AliasName!);
  alias.keyId = targetKey(ctx, input.TargetKeyId!).id;
  alias.updateDate = ctx.emulator.clock.date();
  return {};
}

export function deleteAlias(input: DeleteAliasCommandInput, ctx: KmsContext) {
  ctx.state.aliases.delete(requireAlias(ctx, input.AliasName!).name);
  return {};
}

export function listAliases(input: ListAliasesCommandInput, ctx: KmsContext) {
  const keyId = input.KeyId === undefined ? undefined : findKey(ctx, input.KeyId, { aliases: false }).id;
  const aliases = [...ctx.state.aliases.values()].filter((a) => keyId === undefined || a.keyId === keyId).sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, Truncated, NextMarker } = page(aliases, input.Limit, input.Marker);
  return {
    Aliases: items.map((a) => ({ AliasName: a.name, AliasArn: a.arn, TargetKeyId: a.keyId, CreationDate: a.createDate, LastUpdatedDate: a.updateDate })),
    Truncated,
    NextMarker,
  };
}
