import { createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { GetOutboundWebIdentityFederationInfoCommandOutput } from '@aws-sdk/client-iam';
import { accountRootArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { Emulator } from '../../core/emulator.ts';
import type { InternalRequest } from '../../server/http.ts';
import { ControlError } from '../../control/http.ts';
import type { StsState } from './state.ts';

export const SIGNING_ALGORITHMS = ['RS256', 'ES384'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** Where STS serves the OIDC issuers of accounts: `<endpoint>/_twinstack/sts/oidc/<account>[/<id>]`. */
export const ISSUER_ROUTE = '/_twinstack/sts/oidc/';

/** The account's signing key for an algorithm, created on first use (AWS keeps one per account and algorithm). */
export function signingKey(state: StsState, algorithm: SigningAlgorithm): { kid: string; privateKey: KeyObject } {
  let key = state.signingKeys.get(algorithm);
  if (!key) {
    const { privateKey } =
      algorithm === 'RS256' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-384' });
    key = { kid: randomUUID(), privateKey };
    state.signingKeys.set(algorithm, key);
  }
  return key;
}

/**
 * The issuer of an account's web identity tokens. With IAM, the one EnableOutboundWebIdentityFederation made, or
 * undefined while the feature is off (IAM asked through its front door, as the account's root); without IAM, STS
 * stands alone (as it does for role trust) and issues under a fixed URL of the account.
 */
export async function accountIssuer(emulator: Emulator, accountId: string, region: string, endpoint: string): Promise<{ url: string; enabled: boolean } | undefined> {
  if (!emulator.isEnabled('iam')) return { url: `${endpoint}${ISSUER_ROUTE}${accountId}`, enabled: true };
  try {
    const caller = { accountId, arn: accountRootArn(accountId, region) };
    const info = await emulator.call<GetOutboundWebIdentityFederationInfoCommandOutput>('iam', 'GetOutboundWebIdentityFederationInfo', {}, { caller, region });
    return { url: info.IssuerIdentifier!, enabled: info.JwtVendingEnabled! };
  } catch (error) {
    if (error instanceof AwsError && error.code === 'FeatureDisabledException') return undefined;
    throw error;
  }
}

/**
 * `GET <issuer>/.well-known/openid-configuration` and `<issuer>/.well-known/jwks.json`: what a relying party reads to
 * verify the tokens (RFC 8414 discovery, RFC 7517 key set). Served while the account has that issuer, enabled or not
 * (tokens issued before a disable stay verifiable until they expire).
 */
export async function issuerRoute(emulator: Emulator, request: InternalRequest): Promise<unknown> {
  const match = /^oidc\/(\d{12})((?:\/[^/]+)?)\/\.well-known\/(openid-configuration|jwks\.json)$/.exec(request.params.path);
  const notFound = new ControlError(404, `no such issuer: ${request.params.path}`);
  if (!match || request.method !== 'GET') throw notFound;
  const [, accountId, id, document] = match;
  const issuer = await accountIssuer(emulator, accountId, emulator.defaultRegion, emulator.endpoint);
  if (!issuer || !issuer.url.endsWith(`${ISSUER_ROUTE}${accountId}${id}`)) throw notFound;
  if (document === 'openid-configuration') {
    return {
      issuer: issuer.url,
      jwks_uri: `${issuer.url}/.well-known/jwks.json`,
      response_types_supported: ['id_token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [...SIGNING_ALGORITHMS],
    };
  }
  const state = emulator.state<StsState>('sts', accountId, emulator.defaultRegion);
  return {
    keys: SIGNING_ALGORITHMS.map((algorithm) => {
      const { kid, privateKey } = signingKey(state, algorithm);
      return { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: algorithm, use: 'sig' };
    }),
  };
}
