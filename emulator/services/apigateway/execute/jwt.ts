import type { JWTConfiguration } from '@aws-sdk/client-apigatewayv2';
import type { ApiGatewayV2State } from '../../apigatewayv2/state.ts';

type KeySet = Parameters<typeof import('jose').jwtVerify>[1];

/**
 * Verifies a JWT as HTTP APIs' JWT authorizers do: the key from the issuer's JWKS (found through its
 * `/.well-known/openid-configuration`), `iss` equal to the issuer, `aud` or `client_id` among the audiences, and
 * `exp`/`nbf` against the emulator clock. Resolves with the claims; rejects when the token is not valid.
 */
export async function verifyJwt(state: ApiGatewayV2State, token: string, config: JWTConfiguration, now: Date): Promise<Record<string, unknown>> {
  const jose = await import('jose');
  const issuer = config.Issuer!;
  let keySet = state.keySets.get(issuer) as KeySet | undefined;
  if (!keySet) {
    const discovery = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5000) });
    const jwksUri = ((await discovery.json()) as { jwks_uri?: string }).jwks_uri;
    if (!jwksUri) throw new Error('the issuer has no jwks_uri');
    keySet = jose.createRemoteJWKSet(new URL(jwksUri)) as KeySet;
    state.keySets.set(issuer, keySet);
  }
  const { payload } = await jose.jwtVerify(token, keySet, { issuer, currentDate: now });
  const audiences = config.Audience ?? [];
  const tokenAudiences = [payload.aud ?? []].flat();
  const clientId = (payload as { client_id?: string }).client_id;
  if (audiences.length && !tokenAudiences.some((a) => audiences.includes(a)) && !(clientId && audiences.includes(clientId))) throw new Error('audience not allowed');
  return payload as Record<string, unknown>;
}
