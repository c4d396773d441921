import { randomBytes, randomUUID } from 'node:crypto';
import { buildArn } from '../../core/arn.ts';
import { AwsError } from '../../core/errors.ts';
import type { RequestContext } from '../../core/service.ts';
import type { EventsState } from './state.ts';

type Ctx = RequestContext<EventsState>;

/**
 * A connection's credentials live in a Secrets Manager secret EventBridge manages, `events!connection/<name>/<uuid>`,
 * holding them as snake_case JSON (recorded: `{"username", "password", "invocation_http_parameters"}` for BASIC,
 * `{"api_key_name", "api_key_value"}` for API_KEY, `{"client_id", "client_secret", "authorization_endpoint",
 * "http_method"}` for OAuth client credentials). Nested parameters keep that naming (their form was not recorded).
 */
export function secretStringOf(authParameters: Record<string, unknown>): string {
  const p = authParameters as {
    BasicAuthParameters?: { Username?: string; Password?: string };
    ApiKeyAuthParameters?: { ApiKeyName?: string; ApiKeyValue?: string };
    OAuthParameters?: { ClientParameters?: { ClientID?: string; ClientSecret?: string }; AuthorizationEndpoint?: string; HttpMethod?: string; OAuthHttpParameters?: unknown };
    InvocationHttpParameters?: unknown;
  };
  const oauth = p.OAuthParameters;
  const secret = {
    ...(p.BasicAuthParameters ? { username: p.BasicAuthParameters.Username, password: p.BasicAuthParameters.Password } : {}),
    ...(p.ApiKeyAuthParameters ? { api_key_name: p.ApiKeyAuthParameters.ApiKeyName, api_key_value: p.ApiKeyAuthParameters.ApiKeyValue } : {}),
    ...(oauth
      ? {
          client_id: oauth.ClientParameters?.ClientID,
          client_secret: oauth.ClientParameters?.ClientSecret,
          authorization_endpoint: oauth.AuthorizationEndpoint,
          http_method: oauth.HttpMethod,
          ...(oauth.OAuthHttpParameters ? { oauth_http_parameters: snakeCased(oauth.OAuthHttpParameters) } : {}),
        }
      : {}),
    ...(p.InvocationHttpParameters ? { invocation_http_parameters: snakeCased(p.InvocationHttpParameters) } : {}),
  };
  return JSON.stringify(secret);
}

function snakeCased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCased);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase(), snakeCased(v)]));
}

const options = (ctx: Ctx) => ({ caller: ctx.caller, accountId: ctx.accountId, region: ctx.region });

/**
 * Creates the connection's secret and returns its ARN. Without Secrets Manager in this twinstack the connection still
 * gets the ARN its secret would have (its credentials stay with EventBridge alone).
 */
export async function createConnectionSecret(ctx: Ctx, connectionName: string, authParameters: Record<string, unknown>): Promise<string> {
  const name = `events!connection/${connectionName}/${randomUUID()}`;
  try {
    const out = await ctx.emulator.call<{ ARN: string }>('secretsmanager', 'CreateSecret', { Name: name, SecretString: secretStringOf(authParameters), ClientRequestToken: randomUUID() }, options(ctx));
    return out.ARN;
  } catch (error) {
    if (!(error instanceof AwsError) || error.code !== 'ServiceNotEnabled') throw error;
    return buildArn({ service: 'secretsmanager', region: ctx.region, accountId: ctx.accountId, resource: `secret:${name}-${randomBytes(3).toString('hex')}` });
  }
}

/** A new AWSCURRENT version with the connection's credentials as they are now. */
export async function updateConnectionSecret(ctx: Ctx, secretArn: string, authParameters: Record<string, unknown>): Promise<void> {
  await quietly(ctx.emulator.call('secretsmanager', 'PutSecretValue', { SecretId: secretArn, SecretString: secretStringOf(authParameters), ClientRequestToken: randomUUID() }, options(ctx)));
}

/** The secret goes with its connection, without a recovery window. */
export async function deleteConnectionSecret(ctx: Ctx, secretArn: string): Promise<void> {
  await quietly(ctx.emulator.call('secretsmanager', 'DeleteSecret', { SecretId: secretArn, ForceDeleteWithoutRecovery: true }, options(ctx)));
}

/** A secret that is not there (no Secrets Manager here, or its owner deleted it) leaves the connection as it is. */
async function quietly(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof AwsError) || (error.code !== 'ServiceNotEnabled' && error.code !== 'ResourceNotFoundException')) throw error;
  }
}
