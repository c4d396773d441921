import { AwsError } from '../../core/errors.ts';
import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { validateInput } from '../../protocols/validate.ts';
import { assumeRole } from './assume-role.ts';
import { assumeRoleWithSaml } from './assume-role-with-saml.ts';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity.ts';
import { assumeRoot } from './assume-root.ts';
import { getAccessKeyInfo, getCallerIdentity } from './caller-identity.ts';
import { StsErrors } from './errors.ts';
import { ISSUER_ROUTE, issuerRoute } from './oidc-issuer.ts';
import { getFederationToken, getSessionToken } from './session-token.ts';
import { createStsState, type StsState } from './state.ts';
import { decodeAuthorizationMessage, getDelegatedAccessToken } from './unissued-tokens.ts';
import { getWebIdentityToken } from './web-identity-token.ts';

const model = loadModel('sts');

/** Coral's constraint checks, reported under the code query-protocol services use (`ValidationError`). */
function validated(operation: string, handler: Handler<StsState>): Handler<StsState> {
  return (input, ctx) => {
    try {
      validateInput(model, model.operations[operation].input, input);
    } catch (error) {
      if (error instanceof AwsError && error.code === 'ValidationException') throw StsErrors.validation(error.message);
      throw error;
    }
    return handler(input, ctx);
  };
}

const operations: Record<string, Handler<StsState>> = {
  AssumeRole: assumeRole,
  AssumeRoleWithSAML: assumeRoleWithSaml,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
  AssumeRoot: assumeRoot,
  DecodeAuthorizationMessage: decodeAuthorizationMessage,
  GetAccessKeyInfo: getAccessKeyInfo,
  GetCallerIdentity: getCallerIdentity,
  GetDelegatedAccessToken: getDelegatedAccessToken,
  GetFederationToken: getFederationToken,
  GetSessionToken: getSessionToken,
  GetWebIdentityToken: getWebIdentityToken,
};

const sts: ServiceDefinition<StsState> = {
  name: 'sts',
  model,
  // STS is global: one state per account, whatever the region.
  global: true,
  createState: (_accountId, _region, emulator) => createStsState(emulator.clock),
  validation: 'none',
  handlers: Object.fromEntries(Object.entries(operations).map(([name, handler]) => [name, validated(name, handler)])),
  // The credentials it issued stop working when its state goes (a reset).
  disposeState(state, emulator) {
    for (const accessKeyId of state.sessions.keys()) emulator.credentials.forget(accessKeyId);
  },
  // Sessions, signing keys and the credentials issued are plain data; these Get* operations issue new ones.
  persistence: { writes: ['GetSessionToken', 'GetFederationToken', 'GetWebIdentityToken', 'GetDelegatedAccessToken'] },
  // The OIDC discovery document and key set of each account's web identity token issuer.
  internalRoutes: { [ISSUER_ROUTE]: issuerRoute },
};

export default sts;
