import assert from 'node:assert/strict';
import {
  DisableOutboundWebIdentityFederationCommand,
  EnableOutboundWebIdentityFederationCommand,
  GetOutboundWebIdentityFederationInfoCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import { GetWebIdentityTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { expectError } from '../support/aws-error.ts';
import { useTwinstack } from '../support/twinstack.ts';

// Operations, errors and statuses follow the IAM API reference (EnableOutboundWebIdentityFederation: FeatureEnabled
// 409; Disable/GetOutboundWebIdentityFederationInfo: FeatureDisabled 404; the issuer hosts
// /.well-known/openid-configuration and /.well-known/jwks.json) and the STS model (GetWebIdentityToken:
// OutboundWebIdentityFederationDisabledException 403). The messages are twinstack's: no AWS recording has them.
describe('Outbound web identity federation: IAM turns it on, STS vends JWTs a relying party verifies with the JWKS', function () {
  this.timeout(30_000);
  const context = useTwinstack(
    { services: ['iam', 'sts'], accessKeyId: '444455556666' },
    { iam: (settings) => new IAMClient(settings), sts: (settings) => new STSClient(settings) },
  );
  const token = () => context.sts.send(new GetWebIdentityTokenCommand({ Audience: ['https://relying.example'], SigningAlgorithm: 'RS256' }));

  it('is off until enabled: GetWebIdentityToken is refused, the info is FeatureDisabled', async () => {
    await assert.rejects(token(), expectError('OutboundWebIdentityFederationDisabledException', 403));
    await assert.rejects(context.iam.send(new GetOutboundWebIdentityFederationInfoCommand({})), expectError('FeatureDisabledException', 404));
    await assert.rejects(context.iam.send(new DisableOutboundWebIdentityFederationCommand({})), expectError('FeatureDisabledException', 404));
  });

  it('enabled: one issuer URL per account whose discovery document and JWKS verify the tokens (RS256 and ES384)', async () => {
    const { IssuerIdentifier: issuer } = await context.iam.send(new EnableOutboundWebIdentityFederationCommand({}));
    assert.match(issuer!, /^http:\/\/127\.0\.0\.1:\d+\/_twinstack\/sts\/oidc\/444455556666\/[0-9a-f-]{36}$/);
    await assert.rejects(context.iam.send(new EnableOutboundWebIdentityFederationCommand({})), expectError('FeatureEnabledException', 409));
    const info = await context.iam.send(new GetOutboundWebIdentityFederationInfoCommand({}));
    assert.deepEqual([info.IssuerIdentifier, info.JwtVendingEnabled], [issuer, true]);

    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, issuer);
    assert.equal(discovery.jwks_uri, `${issuer}/.well-known/jwks.json`);
    const keys = createRemoteJWKSet(new URL(discovery.jwks_uri as string));
    for (const algorithm of ['RS256', 'ES384']) {
      const { WebIdentityToken } = await context.sts.send(new GetWebIdentityTokenCommand({ Audience: ['https://relying.example'], SigningAlgorithm: algorithm }));
      const { payload, protectedHeader } = await jwtVerify(WebIdentityToken!, keys, { issuer, audience: 'https://relying.example', algorithms: [algorithm] });
      assert.equal(protectedHeader.alg, algorithm);
      assert.equal(payload.sub, 'arn:aws:iam::444455556666:root');
    }
    assert.equal((await fetch(`${issuer!.replace(/[0-9a-f-]{36}$/, '00000000-0000-0000-0000-000000000000')}/.well-known/jwks.json`)).status, 404);
  });

  it('disabled again: tokens are refused, the issuer stays (and is the same when enabled once more)', async () => {
    const { IssuerIdentifier: issuer } = await context.iam.send(new GetOutboundWebIdentityFederationInfoCommand({}));
    await context.iam.send(new DisableOutboundWebIdentityFederationCommand({}));
    await assert.rejects(token(), expectError('OutboundWebIdentityFederationDisabledException', 403));
    const info = await context.iam.send(new GetOutboundWebIdentityFederationInfoCommand({}));
    assert.deepEqual([info.IssuerIdentifier, info.JwtVendingEnabled], [issuer, false]);
    assert.equal((await fetch(`${issuer}/.well-known/jwks.json`)).status, 200);
    assert.equal((await context.iam.send(new EnableOutboundWebIdentityFederationCommand({}))).IssuerIdentifier, issuer);
    assert.ok((await token()).WebIdentityToken);
  });
});
