import type { ReplicateKeyCommandInput, UpdatePrimaryRegionCommandInput } from '@aws-sdk/client-kms';
import { parseArn } from '../../../core/arn.ts';
import { KmsErrors } from '../errors.ts';
import { findKey, keyMetadata, regionalArn, type KmsContext } from '../keys.ts';
import { checkKeyPolicy } from '../policy.ts';
import type { KmsKey, KmsState } from '../state.ts';
import { checkTags } from '../tags.ts';
import { defaultKeyPolicy } from './keys.ts';

function regionOf(key: KmsKey): string {
  return parseArn(key.arn)!.region;
}

/** The primary key of a multi-Region key set (AWS's wording for any other key, recorded for a replica). */
function primaryKey(ctx: KmsContext, keyId: string): KmsKey {
  const key = findKey(ctx, keyId, { aliases: false });
  if (!key.multiRegion || (key.primaryRegion ?? regionOf(key)) !== regionOf(key)) throw KmsErrors.unsupported(`${key.arn} is not a multi-region primary key.`);
  return key;
}

function kmsStateIn(ctx: KmsContext, region: string): KmsState {
  return ctx.emulator.state<KmsState>('kms', ctx.state.accountId, region);
}

/**
 * A replica in another region of the account: the same key id and key material (shared, so ciphertexts of one decrypt
 * with the other, rotations included), its own policy, description and tags. AWS answers while the replica is still
 * being created (KeyState Creating); here it is usable at once.
 */
export function replicateKey(input: ReplicateKeyCommandInput, ctx: KmsContext) {
  const primary = primaryKey(ctx, input.KeyId!);
  const region = input.ReplicaRegion!;
  if (region === regionOf(primary)) throw KmsErrors.validation(`${region} is the region of the primary key ${primary.arn}.`);
  const target = kmsStateIn(ctx, region);
  if (target.keys.has(primary.id)) throw KmsErrors.alreadyExists(`Replica key ${regionalArn(primary, region)} already exists.`);
  checkTags(input.Tags ?? [], ctx.caller);
  if (input.Policy !== undefined) checkKeyPolicy(input.Policy);
  primary.primaryRegion = regionOf(primary);
  primary.replicaRegions ??= [];
  primary.replicaRegions.push(region);
  const replica: KmsKey = {
    ...primary,
    arn: regionalArn(primary, region),
    createDate: ctx.emulator.clock.date(),
    description: input.Description ?? '',
    policy: input.Policy ?? defaultKeyPolicy(ctx),
    tags: (input.Tags ?? []).map((t) => ({ TagKey: t.TagKey, TagValue: t.TagValue })),
    state: primary.state === 'PendingDeletion' ? 'Disabled' : primary.state,
    deletionDate: undefined,
    pendingWindowInDays: undefined,
    rotations: primary.rotations,
  };
  target.keys.set(replica.id, replica);
  return {
    ReplicaKeyMetadata: { ...keyMetadata(replica), KeyState: 'Creating' as const, Enabled: false, CurrentKeyMaterialId: undefined },
    ReplicaPolicy: replica.policy,
    // AWS leaves ReplicaTags out for a replica made without tags.
    ...(replica.tags.length ? { ReplicaTags: replica.tags } : {}),
  };
}

/** Makes a replica the primary: every copy of the key learns the new primary region, the old primary becomes a replica. */
export function updatePrimaryRegion(input: UpdatePrimaryRegionCommandInput, ctx: KmsContext) {
  const primary = primaryKey(ctx, input.KeyId!);
  const region = input.PrimaryRegion!;
  const replicas = primary.replicaRegions ?? [];
  if (!replicas.includes(region)) throw KmsErrors.notFound(`Key '${regionalArn(primary, region)}' does not exist`);
  const oldRegion = regionOf(primary);
  const regions = [oldRegion, ...replicas];
  replicas.splice(replicas.indexOf(region), 1, oldRegion);
  for (const r of regions) {
    const copy = kmsStateIn(ctx, r).keys.get(primary.id);
    if (copy) copy.primaryRegion = region;
  }
  return {};
}
