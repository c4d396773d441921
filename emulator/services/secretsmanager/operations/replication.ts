import type {
  RemoveRegionsFromReplicationCommandInput,
  ReplicateSecretToRegionsCommandInput,
  StopReplicationToReplicaCommandInput,
} from '@aws-sdk/client-secrets-manager';
import { SecretsErrors } from '../errors.ts';
import { addReplicas, notOnReplica, primaryOf, removeReplica, replicationStatus } from '../replication.ts';
import { requireLiveSecret, type SecretsContext } from '../secrets.ts';

export async function replicateSecretToRegions(input: ReplicateSecretToRegionsCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  await addReplicas(ctx, secret, input.AddReplicaRegions!, input.ForceOverwriteReplicaSecret ?? false);
  return { ARN: secret.arn, ReplicationStatus: replicationStatus(secret) };
}

export function removeRegionsFromReplication(input: RemoveRegionsFromReplicationCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  notOnReplica(secret);
  for (const region of input.RemoveReplicaRegions!) removeReplica(ctx, secret, region);
  return { ARN: secret.arn, ReplicationStatus: replicationStatus(secret) ?? [] };
}

/** Called on a replica, in its region: it becomes a standalone secret, and its primary forgets it. */
export function stopReplicationToReplica(input: StopReplicationToReplicaCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  // Wording of our own: AWS's message for a secret that is not a replica was not recorded.
  if (!secret.primaryRegion) throw SecretsErrors.invalidRequest('The secret is not a replica secret.');
  primaryOf(ctx, secret)?.replicas?.delete(ctx.region);
  secret.primaryRegion = undefined;
  return { ARN: secret.arn };
}
