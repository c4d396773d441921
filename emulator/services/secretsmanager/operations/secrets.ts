import { parseArn } from '../../../core/arn.ts';
import { addReplicas, replicationStatus } from '../replication.ts';
import type {
  CreateSecretCommandInput,
  DeleteSecretCommandInput,
  DescribeSecretCommandInput,
  ListSecretsCommandInput,
  RestoreSecretCommandInput,
  SecretListEntry,
  UpdateSecretCommandInput,
} from '@aws-sdk/client-secrets-manager';
import { SecretsErrors } from '../errors.ts';
import { checkName, findSecret, requireLiveSecret, requireSecret, secretArn, versionsToStages, type SecretsContext } from '../secrets.ts';
import type { Secret } from '../state.ts';
import { checkTags } from '../tags.ts';
import { addVersion } from './values.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** While rotation is on with a rotation interval: that many days after the last rotation (or the secret's creation). */
function nextRotation(secret: Secret): Date | undefined {
  const days = secret.rotation?.enabled ? secret.rotation.rules?.AutomaticallyAfterDays : undefined;
  if (days === undefined) return undefined;
  return new Date((secret.rotation!.lastRotatedDate ?? secret.createDate).getTime() + days * DAY_MS);
}

export function secretEntry(secret: Secret): SecretListEntry {
  return {
    ARN: secret.arn,
    Name: secret.name,
    // An empty description is not shown (recorded in test_create_secret_version_from_empty_secret).
    Description: secret.description || undefined,
    KmsKeyId: secret.kmsKeyId,
    RotationEnabled: secret.rotation?.enabled,
    RotationLambdaARN: secret.rotation?.lambdaArn,
    RotationRules: secret.rotation?.rules,
    LastRotatedDate: secret.rotation?.lastRotatedDate,
    NextRotationDate: nextRotation(secret),
    LastChangedDate: secret.lastChangedDate,
    LastAccessedDate: secret.lastAccessedDate,
    DeletedDate: secret.deletedDate,
    Tags: secret.tags?.map((t) => ({ ...t })),
    CreatedDate: secret.createDate,
    PrimaryRegion: secret.primaryRegion ?? (secret.replicas?.size ? parseArn(secret.arn)?.region : undefined),
  };
}

function hasValue(input: { SecretString?: string; SecretBinary?: Uint8Array }): boolean {
  return input.SecretString !== undefined || input.SecretBinary !== undefined;
}

export function checkOneValue(input: { SecretString?: string; SecretBinary?: Uint8Array }): void {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) {
    throw SecretsErrors.invalidParameter('You can\'t specify both a binary secret value and a string secret value in the same secret.');
  }
}

export async function createSecret(input: CreateSecretCommandInput, ctx: SecretsContext) {
  const name = input.Name!;
  checkName(name);
  checkOneValue(input);
  const existing = findSecret(ctx, name);
  if (existing?.deletedDate) throw SecretsErrors.scheduledForDeletion();
  if (existing) throw SecretsErrors.exists(name);
  if (input.Tags) checkTags(input.Tags, input.Tags, ctx.caller);
  const now = ctx.emulator.clock.date();
  const secret: Secret = {
    name,
    arn: secretArn(ctx, name),
    description: input.Description,
    kmsKeyId: input.KmsKeyId,
    createDate: now,
    lastChangedDate: now,
    tags: input.Tags?.map((t) => ({ Key: t.Key, Value: t.Value })),
    versions: new Map(),
  };
  let versionId: string | undefined;
  if (hasValue(input)) {
    if (!input.ClientRequestToken) throw SecretsErrors.noToken();
    versionId = (await addVersion(ctx, secret, input.ClientRequestToken, input, ['AWSCURRENT'])).id;
  }
  ctx.state.secrets.set(name, secret);
  if (input.AddReplicaRegions?.length) await addReplicas(ctx, secret, input.AddReplicaRegions, input.ForceOverwriteReplicaSecret ?? false);
  return { ARN: secret.arn, Name: secret.name, VersionId: versionId, ReplicationStatus: replicationStatus(secret) };
}

export function describeSecret(input: DescribeSecretCommandInput, ctx: SecretsContext) {
  const secret = requireSecret(ctx, input.SecretId!);
  return { ...secretEntry(secret), VersionIdsToStages: versionsToStages(secret), ReplicationStatus: replicationStatus(secret) };
}

/** Description, KMS key and (as a new AWSCURRENT version) the value. */
export async function updateSecret(input: UpdateSecretCommandInput, ctx: SecretsContext) {
  // A new value needs its token, asked for before the secret is looked up (recorded in test_no_client_request_token).
  if (hasValue(input) && !input.ClientRequestToken) throw SecretsErrors.noToken();
  const secret = requireLiveSecret(ctx, input.SecretId!);
  checkOneValue(input);
  if (input.Description !== undefined) secret.description = input.Description;
  if (input.KmsKeyId !== undefined) secret.kmsKeyId = input.KmsKeyId;
  let versionId: string | undefined;
  if (hasValue(input)) versionId = (await addVersion(ctx, secret, input.ClientRequestToken!, input, ['AWSCURRENT'])).id;
  secret.lastChangedDate = ctx.emulator.clock.date();
  return { ARN: secret.arn, Name: secret.name, VersionId: versionId };
}

export function deleteSecret(input: DeleteSecretCommandInput, ctx: SecretsContext) {
  if (input.ForceDeleteWithoutRecovery && input.RecoveryWindowInDays !== undefined) {
    throw SecretsErrors.invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
  }
  // Forcing the deletion of a secret that does not exist answers as if it did (LocalStack's AWS-validated
  // test_delete_non_existent_secret_returns_as_if_secret_exists): the name given, an ARN, the deletion date.
  if (input.ForceDeleteWithoutRecovery && !findSecret(ctx, input.SecretId!) && !input.SecretId!.startsWith('arn:')) {
    return { ARN: secretArn(ctx, input.SecretId!), Name: input.SecretId, DeletionDate: ctx.emulator.clock.date() };
  }
  const secret = requireSecret(ctx, input.SecretId!);
  // Wording of our own (the DeleteSecret reference: a replicated primary's replicas must be removed first).
  if (secret.replicas?.size) throw SecretsErrors.invalidRequest(`You can't delete secret ${secret.name} while it has replicas. Remove its replica regions first.`);
  const now = ctx.emulator.clock.now();
  if (input.ForceDeleteWithoutRecovery) {
    ctx.state.secrets.delete(secret.name);
    return { ARN: secret.arn, Name: secret.name, DeletionDate: new Date(now) };
  }
  if (secret.deletedDate) throw SecretsErrors.markedForDeletion();
  const days = input.RecoveryWindowInDays ?? 30;
  if (days < 7 || days > 30) throw SecretsErrors.invalidParameter('The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
  secret.deletedDate = new Date(now);
  secret.deletionDate = new Date(now + days * DAY_MS);
  return { ARN: secret.arn, Name: secret.name, DeletionDate: secret.deletionDate };
}

export function restoreSecret(input: RestoreSecretCommandInput, ctx: SecretsContext) {
  const secret = requireSecret(ctx, input.SecretId!);
  secret.deletedDate = undefined;
  secret.deletionDate = undefined;
  return { ARN: secret.arn, Name: secret.name };
}

type Filter = { Key?: string; Values?: string[] };

/** ListSecrets filters: values match as prefixes, `!` negates, every filter must match. */
function matches(secret: Secret, filter: Filter): boolean {
  const fields = (key: string): string[] => {
    if (key === 'name') return [secret.name];
    if (key === 'description') return secret.description ? [secret.description] : [];
    if (key === 'tag-key') return (secret.tags ?? []).map((t) => t.Key!);
    if (key === 'tag-value') return (secret.tags ?? []).map((t) => t.Value ?? '');
    if (key === 'all') return [secret.name, ...(secret.description ? [secret.description] : []), ...(secret.tags ?? []).flatMap((t) => [t.Key!, t.Value ?? ''])];
    return [];
  };
  const candidates = fields(filter.Key!);
  return (filter.Values ?? []).some((value) =>
    value.startsWith('!') ? !candidates.some((c) => c.startsWith(value.slice(1))) : candidates.some((c) => c.startsWith(value)),
  );
}

export function listedSecrets(ctx: SecretsContext, filters: Filter[] | undefined, includeDeleted = false): Secret[] {
  return [...ctx.state.secrets.keys()]
    .map((name) => findSecret(ctx, name))
    .filter((s): s is Secret => Boolean(s) && (includeDeleted || !s!.deletedDate))
    .filter((s) => (filters ?? []).every((f) => matches(s, f)));
}

export function listSecrets(input: ListSecretsCommandInput, ctx: SecretsContext) {
  const secrets = listedSecrets(ctx, input.Filters, input.IncludePlannedDeletion);
  if (input.SortOrder === 'desc') secrets.reverse();
  const { items, NextToken } = pageOf(secrets, input.MaxResults, input.NextToken);
  return { SecretList: items.map((s) => ({ ...secretEntry(s), SecretVersionsToStages: versionsToStages(s) })), NextToken };
}

/** MaxResults/NextToken pagination (default 100); tokens are opaque positions. */
export function pageOf<T>(all: T[], max: number | undefined, token: string | undefined): { items: T[]; NextToken?: string } {
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString());
  if (!Number.isInteger(start) || start < 0 || start > all.length) throw SecretsErrors.invalidNextToken();
  const items = all.slice(start, start + (max ?? 100));
  const next = start + items.length;
  return { items, NextToken: next < all.length ? Buffer.from(String(next)).toString('base64url') : undefined };
}
