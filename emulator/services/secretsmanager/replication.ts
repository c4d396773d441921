import type { ReplicaRegionType, ReplicationStatusType } from '@aws-sdk/client-secrets-manager';
import { buildArn, parseArn } from '../../core/arn.ts';
import { SecretsErrors } from './errors.ts';
import type { SecretsContext } from './secrets.ts';
import type { Secret, SecretsState, SecretVersion } from './state.ts';
import { readValue, storeValue } from './values.ts';

/** The context of the same request in another region (KMS calls for a replica's values go to its region's KMS). */
function inRegion(ctx: SecretsContext, region: string): SecretsContext {
  return { ...ctx, region, state: ctx.emulator.state<SecretsState>('secretsmanager', ctx.state.accountId, region) };
}

/** A replica keeps its primary's name and ARN suffix, in its own region. */
function replicaArn(primary: Secret, region: string): string {
  const arn = parseArn(primary.arn)!;
  return buildArn({ service: 'secretsmanager', region, accountId: arn.accountId, resource: arn.resource });
}

/** AWS's wording for changes asked of a replica (they belong to the primary). */
export function notOnReplica(secret: Secret): void {
  if (secret.primaryRegion) throw SecretsErrors.invalidRequest("Operation not permitted on a replica secret. Call must be made in primary secret's region.");
}

/**
 * Writes (or rewrites) the replica of a primary secret in one region: its description, tags, policy and every version
 * with its staging labels, the values re-encrypted for the replica (under its KMS key, bound to its ARN).
 */
async function writeReplica(ctx: SecretsContext, primary: Secret, region: string, kmsKeyId: string | undefined): Promise<void> {
  const there = inRegion(ctx, region);
  const replica: Secret = {
    name: primary.name,
    arn: replicaArn(primary, region),
    description: primary.description,
    kmsKeyId,
    createDate: there.state.secrets.get(primary.name)?.createDate ?? ctx.emulator.clock.date(),
    lastChangedDate: primary.lastChangedDate,
    tags: primary.tags?.map((t) => ({ ...t })),
    versions: new Map(),
    policy: primary.policy,
    primaryRegion: ctx.region,
  };
  for (const version of primary.versions.values()) {
    const copy: SecretVersion = { id: version.id, stages: new Set(version.stages), createDate: version.createDate };
    if (version.string !== undefined || version.binary !== undefined || version.encrypted) await storeValue(there, replica, copy, await readValue(ctx, primary, version));
    replica.versions.set(copy.id, copy);
  }
  there.state.secrets.set(replica.name, replica);
}

/**
 * Adds replicas in the given regions. A region that already holds another secret of the name fails (its status says
 * so) unless the request forces the overwrite; the other regions are written at once and report InSync.
 */
export async function addReplicas(ctx: SecretsContext, secret: Secret, regions: ReplicaRegionType[], force: boolean): Promise<void> {
  notOnReplica(secret);
  for (const { Region } of regions) {
    if (Region === ctx.region) throw SecretsErrors.invalidParameter('Invalid replica region.');
  }
  secret.replicas ??= new Map();
  for (const { Region, KmsKeyId } of regions) {
    const region = Region!;
    const existing = inRegion(ctx, region).state.secrets.get(secret.name);
    const ours = existing?.primaryRegion === ctx.region;
    if (existing && !ours && !force) {
      // Wording of our own: AWS's message for this case was not recorded.
      secret.replicas.set(region, { kmsKeyId: KmsKeyId, status: 'Failed', message: `Replication failed: a secret named ${secret.name} already exists in region ${region}.` });
      continue;
    }
    await writeReplica(ctx, secret, region, KmsKeyId);
    secret.replicas.set(region, { kmsKeyId: KmsKeyId, status: 'InSync', message: 'Replication succeeded' });
  }
}

/** After a change to a primary secret, its in-sync replicas take it over. */
export async function syncReplicas(ctx: SecretsContext, secret: Secret): Promise<void> {
  for (const [region, status] of secret.replicas ?? []) {
    if (status.status === 'InSync') await writeReplica(ctx, secret, region, status.kmsKeyId);
  }
}

export function removeReplica(ctx: SecretsContext, secret: Secret, region: string): void {
  const status = secret.replicas?.get(region);
  if (!status) return;
  secret.replicas!.delete(region);
  const there = inRegion(ctx, region).state;
  if (status.status === 'InSync' && there.secrets.get(secret.name)?.primaryRegion === ctx.region) there.secrets.delete(secret.name);
}

export function replicationStatus(secret: Secret): ReplicationStatusType[] | undefined {
  if (!secret.replicas?.size) return undefined;
  return [...secret.replicas].map(([region, r]) => ({ Region: region, KmsKeyId: r.kmsKeyId ?? 'alias/aws/secretsmanager', Status: r.status, StatusMessage: r.message }));
}

/** The primary secret of a replica, in its region. */
export function primaryOf(ctx: SecretsContext, replica: Secret): Secret | undefined {
  return inRegion(ctx, replica.primaryRegion!).state.secrets.get(replica.name);
}
