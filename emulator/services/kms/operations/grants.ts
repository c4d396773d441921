import { randomBytes } from 'node:crypto';
import type {
  CreateGrantCommandInput,
  ListGrantsCommandInput,
  ListRetirableGrantsCommandInput,
  RetireGrantCommandInput,
  RevokeGrantCommandInput,
} from '@aws-sdk/client-kms';
import { AwsError } from '../../../core/errors.ts';
import { accountRootArn } from '../../../core/arn.ts';
import { findKey, type KmsContext } from '../keys.ts';
import { page } from '../paging.ts';
import type { Grant } from '../state.ts';

const invalidGrantId = () => new AwsError('InvalidGrantIdException', 'Grant ID not valid');
const invalidGrantToken = () => new AwsError('InvalidGrantTokenException', 'Grant token not valid');

function grantOutput(ctx: KmsContext, grant: Grant) {
  return {
    KeyId: findKey(ctx, grant.keyId).arn,
    GrantId: grant.id,
    Name: grant.name,
    CreationDate: grant.createDate,
    GranteePrincipal: grant.granteePrincipal,
    RetiringPrincipal: grant.retiringPrincipal,
    IssuingAccount: grant.issuingAccount,
    Operations: grant.operations,
    Constraints: grant.constraints,
  };
}

/** A grant with the same name, key, grantee, operations and constraints is the same grant (idempotent by Name). */
export function createGrant(input: CreateGrantCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  if (input.Name) {
    const same = [...ctx.state.grants.values()].find(
      (g) => g.name === input.Name && g.keyId === key.id && g.granteePrincipal === input.GranteePrincipal && g.operations.join() === input.Operations!.join(),
    );
    if (same) return { GrantToken: same.token, GrantId: same.id };
  }
  const grant: Grant = {
    id: randomBytes(32).toString('hex'),
    token: randomBytes(96).toString('base64url'),
    keyId: key.id,
    name: input.Name,
    createDate: ctx.emulator.clock.date(),
    granteePrincipal: input.GranteePrincipal!,
    retiringPrincipal: input.RetiringPrincipal,
    issuingAccount: accountRootArn(ctx.state.accountId, ctx.region),
    operations: [...input.Operations!],
    constraints: input.Constraints,
  };
  if (input.DryRun) return { GrantToken: grant.token, GrantId: grant.id };
  ctx.state.grants.set(grant.id, grant);
  return { GrantToken: grant.token, GrantId: grant.id };
}

export function listGrants(input: ListGrantsCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  const grants = [...ctx.state.grants.values()].filter(
    (g) =>
      g.keyId === key.id && (input.GrantId === undefined || g.id === input.GrantId) && (input.GranteePrincipal === undefined || g.granteePrincipal === input.GranteePrincipal),
  );
  const { items, Truncated, NextMarker } = page(grants, input.Limit, input.Marker);
  return { Grants: items.map((g) => grantOutput(ctx, g)), Truncated, NextMarker };
}

export function listRetirableGrants(input: ListRetirableGrantsCommandInput, ctx: KmsContext) {
  const grants = [...ctx.state.grants.values()].filter((g) => g.retiringPrincipal === input.RetiringPrincipal);
  const { items, Truncated, NextMarker } = page(grants, input.Limit, input.Marker);
  return { Grants: items.map((g) => grantOutput(ctx, g)), Truncated, NextMarker };
}

export function revokeGrant(input: RevokeGrantCommandInput, ctx: KmsContext) {
  const key = findKey(ctx, input.KeyId!, { aliases: false });
  const grant = ctx.state.grants.get(input.GrantId!);
  if (!grant || grant.keyId !== key.id) throw invalidGrantId();
  if (!input.DryRun) ctx.state.grants.delete(grant.id);
  return {};
}

/** By grant token, or by key and grant id. */
export function retireGrant(input: RetireGrantCommandInput, ctx: KmsContext) {
  let grant: Grant | undefined;
  if (input.GrantToken !== undefined) {
    grant = [...ctx.state.grants.values()].find((g) => g.token === input.GrantToken);
    if (!grant) throw invalidGrantToken();
  } else {
    const key = findKey(ctx, input.KeyId!, { aliases: false });
    grant = ctx.state.grants.get(input.GrantId ?? '');
    if (!grant || grant.keyId !== key.id) throw invalidGrantId();
  }
  if (!input.DryRun) ctx.state.grants.delete(grant.id);
  return {};
}
