import type {
  BatchGetSecretValueCommandInput,
  GetSecretValueCommandInput,
  ListSecretVersionIdsCommandInput,
  PutSecretValueCommandInput,
  UpdateSecretVersionStageCommandInput,
} from '@aws-sdk/client-secrets-manager';
import { AwsError } from '../../../core/errors.ts';
import { authorizeSecretUse } from '../access.ts';
import { SecretsErrors, secretsError } from '../errors.ts';
import { moveStage, requireLiveSecret, requireSecret, versionWithStage, type SecretsContext } from '../secrets.ts';
import type { Secret, SecretVersion } from '../state.ts';
import { readValue, sameValue, storeValue } from '../values.ts';
import { checkOneValue, listedSecrets, pageOf } from './secrets.ts';

/** Secrets Manager keeps about 100 versions; the oldest unlabelled ones go first. */
const MAX_VERSIONS = 100;

const sortedStages = (version: SecretVersion) => [...version.stages].sort();

/**
 * A new version with the given staging labels. The ClientRequestToken is the version id: sending the same token
 * with the same value again changes nothing (idempotency); with another value it is refused.
 */
export async function addVersion(
  ctx: SecretsContext,
  secret: Secret,
  token: string,
  value: { SecretString?: string; SecretBinary?: Uint8Array },
  stages: string[],
): Promise<SecretVersion> {
  const existing = secret.versions.get(token);
  if (existing) {
    if (await sameValue(ctx, secret, existing, value)) return existing;
    throw secretsError('ResourceExistsException', "You can't modify an existing version, you can only create a new version.");
  }
  const version: SecretVersion = { id: token, stages: new Set(), createDate: ctx.emulator.clock.date() };
  await storeValue(ctx, secret, version, value);
  secret.versions.set(token, version);
  for (const stage of stages) moveStage(secret, stage, version);
  for (const [id, old] of secret.versions) {
    if (secret.versions.size <= MAX_VERSIONS) break;
    if (!old.stages.size) secret.versions.delete(id);
  }
  secret.lastChangedDate = ctx.emulator.clock.date();
  return version;
}

export async function putSecretValue(input: PutSecretValueCommandInput, ctx: SecretsContext) {
  // The token is asked for before the secret is looked up (recorded in test_no_client_request_token).
  if (!input.ClientRequestToken) throw SecretsErrors.noToken();
  const secret = requireLiveSecret(ctx, input.SecretId!);
  checkOneValue(input);
  if (input.SecretString === undefined && input.SecretBinary === undefined) {
    throw SecretsErrors.invalidRequest('You must provide either SecretString or SecretBinary.');
  }
  const version = await addVersion(ctx, secret, input.ClientRequestToken, input, input.VersionStages ?? ['AWSCURRENT']);
  return { ARN: secret.arn, Name: secret.name, VersionId: version.id, VersionStages: sortedStages(version) };
}

/** The version a request names by id and/or stage (AWSCURRENT by default). */
function selectVersion(secret: Secret, versionId: string | undefined, stage: string | undefined): SecretVersion {
  if (versionId !== undefined) {
    const version = secret.versions.get(versionId);
    if (!version) throw SecretsErrors.versionNotFound(versionId);
    if (stage !== undefined && !version.stages.has(stage)) {
      throw SecretsErrors.invalidRequest('You provided a VersionStage that is not associated to the provided VersionId.');
    }
    return version;
  }
  const label = stage ?? 'AWSCURRENT';
  const version = versionWithStage(secret, label);
  if (!version) throw SecretsErrors.stageNotFound(label);
  return version;
}

async function secretValue(ctx: SecretsContext, secret: Secret, version: SecretVersion) {
  const now = ctx.emulator.clock.now();
  // AWS records the access date to the day, of the secret and of the version read.
  secret.lastAccessedDate = new Date(now - (now % (24 * 60 * 60 * 1000)));
  version.lastAccessedDate = secret.lastAccessedDate;
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.id,
    ...(await readValue(ctx, secret, version)),
    VersionStages: sortedStages(version),
    CreatedDate: version.createDate,
  };
}

export async function getSecretValue(input: GetSecretValueCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  authorizeSecretUse(ctx, secret, 'GetSecretValue');
  return secretValue(ctx, secret, selectVersion(secret, input.VersionId, input.VersionStage));
}

/** Up to 20 secrets by id, or those the filters select; per-secret failures are listed in Errors. */
export async function batchGetSecretValue(input: BatchGetSecretValueCommandInput, ctx: SecretsContext) {
  if ((input.SecretIdList === undefined) === (input.Filters === undefined)) {
    throw SecretsErrors.invalidParameter('Either SecretIdList or Filters must be provided, but not both.');
  }
  const values: Array<Awaited<ReturnType<typeof secretValue>>> = [];
  const errors: Array<{ SecretId: string; ErrorCode: string; Message: string }> = [];
  if (input.SecretIdList) {
    for (const secretId of input.SecretIdList) {
      try {
        const secret = requireLiveSecret(ctx, secretId);
        authorizeSecretUse(ctx, secret, 'GetSecretValue');
        values.push(await secretValue(ctx, secret, selectVersion(secret, undefined, undefined)));
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
        errors.push({ SecretId: secretId, ErrorCode: error.code, Message: error.message });
      }
    }
    return { SecretValues: values, Errors: errors };
  }
  const { items, NextToken } = pageOf(listedSecrets(ctx, input.Filters), input.MaxResults ?? 20, input.NextToken);
  for (const secret of items) {
    const current = versionWithStage(secret, 'AWSCURRENT');
    if (current) values.push(await secretValue(ctx, secret, current));
  }
  return { SecretValues: values, Errors: errors, NextToken };
}

export function listSecretVersionIds(input: ListSecretVersionIdsCommandInput, ctx: SecretsContext) {
  const secret = requireSecret(ctx, input.SecretId!);
  const versions = [...secret.versions.values()].filter((v) => input.IncludeDeprecated || v.stages.size);
  const { items, NextToken } = pageOf(versions, input.MaxResults, input.NextToken);
  return {
    Versions: items.map((v) => ({
      VersionId: v.id,
      VersionStages: v.stages.size ? sortedStages(v) : undefined,
      CreatedDate: v.createDate,
      LastAccessedDate: v.lastAccessedDate,
      KmsKeyIds: [v.kmsKeyId ?? 'DefaultEncryptionKey'],
    })),
    ARN: secret.arn,
    Name: secret.name,
    NextToken,
  };
}

/** Moves (or removes) one staging label; a label attached elsewhere must be named in RemoveFromVersionId. */
export function updateSecretVersionStage(input: UpdateSecretVersionStageCommandInput, ctx: SecretsContext) {
  const secret = requireLiveSecret(ctx, input.SecretId!);
  const stage = input.VersionStage!;
  const holder = versionWithStage(secret, stage);
  if (input.RemoveFromVersionId !== undefined && holder?.id !== input.RemoveFromVersionId) {
    throw SecretsErrors.invalidParameter(`The staging label ${stage} is not attached to version ${input.RemoveFromVersionId}.`);
  }
  if (input.MoveToVersionId !== undefined) {
    const target = secret.versions.get(input.MoveToVersionId);
    if (!target) throw SecretsErrors.versionNotFound(input.MoveToVersionId);
    if (holder && holder !== target && input.RemoveFromVersionId === undefined) {
      throw SecretsErrors.invalidParameter(
        `The staging label ${stage} is currently attached to version ${holder.id}. You must specify RemoveFromVersionId to move it.`,
      );
    }
    moveStage(secret, stage, target);
  } else if (holder) {
    holder.stages.delete(stage);
  }
  secret.lastChangedDate = ctx.emulator.clock.date();
  return { ARN: secret.arn, Name: secret.name };
}
