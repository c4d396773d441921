import { randomUUID } from 'node:crypto';
import { AwsError } from '../../../core/errors.ts';
import type { IamContext } from '../entities.ts';

/**
 * Outbound identity federation: while enabled, the account's principals get JWTs from STS GetWebIdentityToken. The
 * issuer URL is made on first enabling and kept after (trust set up with external services stays valid); STS serves
 * its OIDC discovery document and JWKS under it (`/.well-known/openid-configuration`, `/.well-known/jwks.json`).
 * AWS's issuers are `https://<id>.tokens.sts.global.api.aws`; here they live under the emulator's own endpoint.
 */
export function enableOutboundWebIdentityFederation(_input: object, ctx: IamContext) {
  const current = ctx.state.outboundFederation;
  if (current?.enabled) {
    throw new AwsError('FeatureEnabledException', 'Outbound web identity federation is already enabled for this account.');
  }
  const issuer = current?.issuer ?? `${ctx.endpoint}/_twinstack/sts/oidc/${ctx.state.accountId}/${randomUUID()}`;
  ctx.state.outboundFederation = { issuer, enabled: true };
  return { IssuerIdentifier: issuer };
}

export function disableOutboundWebIdentityFederation(_input: object, ctx: IamContext) {
  const current = ctx.state.outboundFederation;
  if (!current?.enabled) throw featureDisabled();
  current.enabled = false;
  return {};
}

/** Never enabled: FeatureDisabled (the API reference's only error); enabled once: the issuer and whether it is on. */
export function getOutboundWebIdentityFederationInfo(_input: object, ctx: IamContext) {
  const current = ctx.state.outboundFederation;
  if (!current) throw featureDisabled();
  return { IssuerIdentifier: current.issuer, JwtVendingEnabled: current.enabled };
}

function featureDisabled() {
  return new AwsError('FeatureDisabledException', 'Outbound web identity federation is disabled for this account.');
}
