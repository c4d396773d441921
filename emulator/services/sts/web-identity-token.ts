import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { GetWebIdentityTokenCommandInput, GetWebIdentityTokenCommandOutput } from '@aws-sdk/client-sts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import { callerIdentity } from './identity.ts';
import { callerSession } from './issue.ts';
import type { StsState } from './state.ts';
import { sessionTransitiveTags } from './tags.ts';

const ALGORITHMS = ['RS256', 'ES384'] as const;
type Algorithm = (typeof ALGORITHMS)[number];

/** The account's signing key for an algorithm, created on first use (AWS keeps one per account and algorithm). */
function signingKey(state: StsState, algorithm: Algorithm) {
  let key = state.signingKeys.get(algorithm);
  if (!key) {
    const { privateKey } =
      algorithm === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-384' });
    key = { kid: randomUUID(), privateKey };
    state.signingKeys.set(algorithm, key);
  }
  return key;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A signed JWT for the caller (outbound identity federation). The issuer is per account, under the emulator's
 * endpoint; claims follow AWS's documented token: sub is the role ARN for role sessions, AWS claims are namespaced.
 */
export function getWebIdentityToken(
  input: GetWebIdentityTokenCommandInput,
  ctx: RequestContext<StsState>,
): Omit<GetWebIdentityTokenCommandOutput, '$metadata'> {
  const algorithm = input.SigningAlgorithm as Algorithm;
  if (!ALGORITHMS.includes(algorithm)) {
    throw StsErrors.validation(
      `1 validation error detected: Value '${input.SigningAlgorithm}' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [${ALGORITHMS.join(', ')}]`,
    );
  }
  sessionTransitiveTags(input.Tags);
  const caller = callerIdentity(ctx);
  const issuedAt = Math.floor(ctx.emulator.clock.now() / 1000);
  const expiresAt = issuedAt + (input.DurationSeconds ?? 300);
  const audience = input.Audience ?? [];
  const requestTags = input.Tags?.length ? Object.fromEntries(input.Tags.map((t) => [t.Key, t.Value])) : undefined;
  const claims = {
    iss: `${ctx.endpoint}/_aws/sts/${caller.accountId}`,
    aud: audience.length === 1 ? audience[0] : audience,
    sub: callerSession(ctx)?.roleArn ?? caller.arn,
    iat: issuedAt,
    exp: expiresAt,
    jti: randomUUID(),
    'https://sts.amazonaws.com/': { aws_account: caller.accountId, source_region: ctx.region, request_tags: requestTags },
  };
  const key = signingKey(ctx.state, algorithm);
  const signingInput = `${base64url({ alg: algorithm, kid: key.kid, typ: 'JWT' })}.${base64url(claims)}`;
  const signature =
    algorithm === 'RS256'
      ? sign('sha256', Buffer.from(signingInput), key.privateKey)
      : sign('sha384', Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return { WebIdentityToken: `${signingInput}.${signature.toString('base64url')}`, Expiration: new Date(expiresAt * 1000) };
}
