import { randomBytes } from 'node:crypto';
import { buildArn, parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { authorizeSecretUse } from './access.ts';
import { SecretsErrors } from './errors.ts';
import type { Secret, SecretsState, SecretVersion } from './state.ts';

export type SecretsContext = RequestContext<SecretsState>;

const NAME = /^[A-Za-z0-9/_+=.@!-]+$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function checkName(name: string): void {
  if (!NAME.test(name)) throw SecretsErrors.validation('Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!');
}

/** A SecretId is a name (checked as one, before the secret is looked up) or an ARN (looked up as given). */
export function checkSecretId(secretId: string): void {
  if (!secretId.startsWith('arn:')) checkName(secretId);
}

/** A secret's ARN: its name and a hyphen with six random characters, as Secrets Manager makes them. */
export function secretArn(ctx: SecretsContext, name: string): string {
  const suffix = [...randomBytes(6)].map((b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join('');
  return buildArn({ service: 'secretsmanager', region: ctx.region, accountId: ctx.state.accountId, resource: `secret:${name}-${suffix}` });
}

/** A secret whose recovery window has passed is gone; checked whenever the secret is looked at. */
function expire(ctx: SecretsContext, state: SecretsState, secret: Secret): Secret | undefined {
  if (secret.deletionDate && secret.deletionDate.getTime() <= ctx.emulator.clock.now()) {
    state.secrets.delete(secret.name);
    return undefined;
  }
  return secret;
}

/** The state a SecretId lives in: another account's for an ARN naming it (its resource policy then decides). */
export function stateFor(ctx: SecretsContext, secretId: string): SecretsState {
  const arn = secretId.startsWith('arn:') ? parseArn(secretId) : undefined;
  if (arn && arn.accountId !== ctx.state.accountId && /^\d{12}$/.test(arn.accountId)) {
    return ctx.emulator.state<SecretsState>('secretsmanager', arn.accountId, ctx.region);
  }
  return ctx.state;
}

/**
 * A secret by name, full ARN or partial ARN (without the random suffix). An ARN ending in a hyphen and six characters
 * is taken as complete: AWS does not find a secret named `x-a1b2c3` by its partial ARN (recorded in
 * test_create_and_update_secret[Invalid/_+=.@-Name-a1b2c3-False]).
 */
export function findSecret(ctx: SecretsContext, secretId: string): Secret | undefined {
  const state = stateFor(ctx, secretId);
  let secret = state.secrets.get(secretId);
  if (!secret && secretId.startsWith('arn:')) {
    const complete = /-[^-/:]{6}$/.test(secretId);
    for (const candidate of state.secrets.values()) {
      if (candidate.arn === secretId || (!complete && candidate.arn.slice(0, -7) === secretId)) secret = candidate;
    }
  }
  return secret && expire(ctx, state, secret);
}

export function requireSecret(ctx: SecretsContext, secretId: string): Secret {
  const secret = findSecret(ctx, secretId);
  if (!secret) throw SecretsErrors.notFound();
  // Another account's secret answers only what its resource policy opens to the caller.
  if (secret.arn.split(':')[4] !== ctx.caller.accountId) authorizeSecretUse(ctx, secret, ctx.operation);
  return secret;
}

/** For operations refused on a secret scheduled for deletion. */
export function requireLiveSecret(ctx: SecretsContext, secretId: string): Secret {
  const secret = requireSecret(ctx, secretId);
  if (secret.deletedDate) throw SecretsErrors.markedForDeletion();
  return secret;
}

export function versionWithStage(secret: Secret, stage: string): SecretVersion | undefined {
  for (const version of secret.versions.values()) if (version.stages.has(stage)) return version;
  return undefined;
}

/**
 * Attaches a staging label to a version, taking it off whichever version had it (labels are unique per secret).
 * Moving AWSCURRENT gives the previous current version AWSPREVIOUS (and takes AWSPENDING off it), as AWS does.
 */
export function moveStage(secret: Secret, stage: string, to: SecretVersion): void {
  const from = versionWithStage(secret, stage);
  if (from === to) return;
  from?.stages.delete(stage);
  to.stages.add(stage);
  if (stage === 'AWSCURRENT' && from) {
    const previous = versionWithStage(secret, 'AWSPREVIOUS');
    previous?.stages.delete('AWSPREVIOUS');
    from.stages.add('AWSPREVIOUS');
    from.stages.delete('AWSPENDING');
  }
}

/** Versions with at least one staging label (others are deprecated and hidden unless asked for). */
export function versionsToStages(secret: Secret): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const version of secret.versions.values()) if (version.stages.size) out[version.id] = [...version.stages];
  return Object.keys(out).length ? out : undefined;
}
