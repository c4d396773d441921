import type { AssumeRoleWithWebIdentityCommandInput, AssumeRoleWithWebIdentityCommandOutput } from '@aws-sdk/client-sts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import { roleFromArn } from './identity.ts';
import { startRoleSession } from './role-session.ts';
import { hasSessionPolicy, packedPolicySize } from './session-policy.ts';

interface JwtClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
}

/** The claims of an OIDC ID token; undefined for opaque OAuth 2.0 access tokens. */
function jwtClaims(token: string): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * twinstack trusts every identity provider (it has no IAM OIDC providers to check against) but reports what AWS
 * reports from the token: its subject, audience and issuer (as the IAM OIDC provider ARN), and refuses expired tokens.
 */
export function assumeRoleWithWebIdentity(
  input: AssumeRoleWithWebIdentityCommandInput,
  ctx: RequestContext,
): Omit<AssumeRoleWithWebIdentityCommandOutput, '$metadata'> {
  const role = roleFromArn(input.RoleArn!, ctx.accountId);
  const claims = jwtClaims(input.WebIdentityToken!);
  const now = Math.floor(ctx.emulator.clock.now() / 1000);
  if (claims?.exp !== undefined && claims.exp <= now) {
    // AWS's wording, including the missing space before the expiry.
    throw new AwsError('ExpiredTokenException', `Token expired: current date/time ${now} must be before the expiration date/time${claims.exp}`);
  }
  const issuer = claims?.iss?.replace(/^https:\/\//, '');
  const packed = hasSessionPolicy(input) ? packedPolicySize(input) : undefined;
  return {
    ...startRoleSession(ctx, { role, sessionName: input.RoleSessionName!, durationSeconds: input.DurationSeconds ?? 3600 }),
    SubjectFromWebIdentityToken: claims?.sub,
    Audience: Array.isArray(claims?.aud) ? claims.aud[0] : claims?.aud,
    Provider: issuer ? `arn:${role.partition}:iam::${role.accountId}:oidc-provider/${issuer}` : input.ProviderId,
    PackedPolicySize: packed,
  };
}
