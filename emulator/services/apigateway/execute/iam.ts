import { buildArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { GoverningPolicy, RequestContext } from '../../../core/service.ts';
import { parseScope } from '../../../gateway/route.ts';
import type { RawRequest } from '../../../protocols/types.ts';
import { GatewayFailure } from './responses.ts';

/** Why an execute-api request failed IAM authentication or authorization. */
export type IamRefusal = 'missing' | 'incomplete' | 'invalidToken' | 'expiredToken' | 'mismatch' | 'expired' | 'denied';

export class IamDenied extends Error {
  constructor(
    readonly reason: IamRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The signer of an IAM-authorized request, as `$context.identity` and `requestContext.authorizer.iam` name it. */
export interface IamIdentity {
  accessKey: string;
  accountId: string;
  userArn: string;
  /** The principal's id: `AIDA…` for users, `AROA…:<session>` for role sessions, the account id for its root. */
  userId: string;
}

/** The API's own policy owner and document, for the request's method or route ARN. */
export interface ApiPolicy {
  apiId: string;
  accountId: string;
  region: string;
  /** The REST API's resource policy as stored (HTTP APIs have none). */
  document?: string;
}

/** How AWS shows an execute-api ARN in its denials: the account id masked but for its last four digits. */
export function maskedArn(arn: string, accountId: string): string {
  return arn.replace(`:${accountId}:`, `:********${accountId.slice(-4)}:`);
}

/**
 * How denials show the resource, and the policy text with `execute-api:/…` resources (the short form AWS's policy examples use) written out as the
 * API's own ARNs; API Gateway may store the document JSON-escaped, as GetRestApi returns it.
 */
function governing(policy: ApiPolicy, resource: string): GoverningPolicy {
  const shown = { ownerAccount: policy.accountId, resource, shownAs: maskedArn(resource, policy.accountId) };
  if (!policy.document) return shown;
  let text = policy.document;
  try {
    JSON.parse(text);
  } catch {
    text = text.replace(/\\"/g, '"');
  }
  const apiArn = buildArn({ service: 'execute-api', region: policy.region, accountId: policy.accountId, resource: policy.apiId });
  return { ...shown, document: text.replace(/"execute-api:\//g, `"${apiArn}/`) };
}

/**
 * The client of one execute-api request and how API Gateway judges it: AWS_IAM methods and routes need a SigV4
 * signature for `execute-api` (verified in strict signature mode, as every request's is) whose signer may
 * `execute-api:Invoke` the method ARN, by its identity policies and the REST API's resource policy (with
 * `--enforce-iam`); other methods of an API with a resource policy are judged as the `anonymous` caller.
 */
export class InvokeCaller {
  constructor(
    private readonly ctx: RequestContext,
    private readonly req: RawRequest,
  ) {}

  async iam(resource: string, policy: ApiPolicy): Promise<IamIdentity> {
    const scope = parseScope(this.req);
    if (!scope) throw new IamDenied('missing', 'Missing Authentication Token');
    const failure = await this.ctx.emulator.signatureFailure(this.req);
    if (failure) throw new IamDenied(failure.kind, failure.message || 'Missing Authentication Token');
    if (scope.service !== 'execute-api') throw new IamDenied('mismatch', "Credential should be scoped to correct service: 'execute-api'. ");
    await this.judge(resource, { governing: governing(policy, resource) });
    const { caller } = this.ctx;
    const known = this.ctx.emulator.credentials.lookup(scope.accessKeyId);
    return { accessKey: scope.accessKeyId, accountId: caller.accountId, userArn: caller.arn, userId: known?.userId ?? caller.accountId };
  }

  /** A method or route without IAM authorization: the REST API's resource policy, if any, must allow everyone. */
  async anonymous(resource: string, policy: ApiPolicy): Promise<void> {
    if (policy.document) await this.judge(resource, { governing: governing(policy, resource), anonymous: true });
  }

  /**
   * A Lambda-authorized method's resource policy (with `--enforce-iam`), judged for the anonymous caller in AWS's two
   * phases: an explicit deny refuses before the authorizer runs (thrown), an allow lets an authorizer policy that
   * neither allows nor denies the method pass ('allow'); otherwise the authorizer's policy alone decides ('none').
   */
  async lambdaAuthorized(resource: string, policy: ApiPolicy): Promise<'allow' | 'none'> {
    if (!policy.document || !this.ctx.emulator.enforcesIam) return 'none';
    try {
      await this.judge(resource, { governing: governing(policy, resource), anonymous: true });
      return 'allow';
    } catch (error) {
      if (error instanceof IamDenied && !error.message.includes(' with an explicit deny ')) return 'none';
      throw error;
    }
  }

  private async judge(resource: string, options: { governing?: GoverningPolicy; anonymous?: boolean }): Promise<void> {
    try {
      await this.ctx.emulator.authorizeAction(this.ctx, 'execute-api:Invoke', resource, options);
    } catch (error) {
      if (error instanceof AwsError) throw new IamDenied('denied', error.message);
      throw error;
    }
  }
}

/**
 * A REST API's answer to a refused request: its gateway response types and `x-amzn-ErrorType`s as AWS's
 * "troubleshoot HTTP 403 errors" guide lists them; IAM denials carry their message under `Message`.
 */
export function restRefusal(denied: IamDenied): GatewayFailure {
  switch (denied.reason) {
    case 'missing':
      return new GatewayFailure('MISSING_AUTHENTICATION_TOKEN', denied.message);
    case 'incomplete':
      return new GatewayFailure('INVALID_SIGNATURE', denied.message, undefined, { errorType: 'IncompleteSignatureException' });
    case 'mismatch':
    case 'expired':
      return new GatewayFailure('INVALID_SIGNATURE', denied.message);
    case 'expiredToken':
      return new GatewayFailure('EXPIRED_TOKEN', denied.message);
    case 'invalidToken':
      return new GatewayFailure('ACCESS_DENIED', denied.message);
    case 'denied':
      return new GatewayFailure('ACCESS_DENIED', denied.message, undefined, { messageKey: 'Message' });
  }
}
