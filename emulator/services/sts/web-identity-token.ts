import { randomUUID, sign } from 'node:crypto';
import type { GetWebIdentityTokenCommandInput, GetWebIdentityTokenCommandOutput } from '@aws-sdk/client-sts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import { StsErrors } from './errors.ts';
import { callerIdentity } from './identity.ts';
import { callerSession } from './issue.ts';
import { accountIssuer, SIGNING_ALGORITHMS, signingKey, type SigningAlgorithm } from './oidc-issuer.ts';
import type { StsState } from './state.ts';
import { sessionTransitiveTags } from './tags.ts';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A signed JWT for the caller (outbound identity federation), once IAM's EnableOutboundWebIdentityFederation turned
 * it on for the account. The issuer is the account's (its JWKS is served under it, see oidc-issuer.ts); claims
 * follow AWS's documented token: sub is the role ARN for role sessions, AWS claims are namespaced.
 */
export async function getWebIdentityToken(
  input: GetWebIdentityTokenCommandInput,
  ctx: RequestContext<StsState>,
): Promise<Omit<GetWebIdentityTokenCommandOutput, '$metadata'>> {
  const algorithm = input.SigningAlgorithm as SigningAlgorithm;
  if (!SIGNING_ALGORITHMS.includes(algorithm)) {
    throw StsErrors.validation(
      `1 validation error detected: Value '${input.SigningAlgorithm}' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [${SIGNING_ALGORITHMS.join(', ')}]`,
    );
  }
  sessionTransitiveTags(input.Tags);
  const caller = callerIdentity(ctx);
  const issuer = await accountIssuer(ctx.emulator, caller.accountId, ctx.region, ctx.endpoint);
  if (!issuer?.enabled) {
    throw new AwsError('OutboundWebIdentityFederationDisabledException', 'Outbound web identity federation is disabled for this account.');
  }
  const issuedAt = Math.floor(ctx.emulator.clock.now() / 1000);
  const expiresAt = issuedAt + (input.DurationSeconds ?? 300);
  const audience = input.Audience ?? [];
  const requestTags = input.Tags?.length ? Object.fromEntries(input.Tags.map((t) => [t.Key, t.Value])) : undefined;
  const claims = {
    iss: issuer.url,
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
