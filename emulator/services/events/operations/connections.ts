import type {
  ConnectionAuthResponseParameters,
  CreateConnectionRequest,
  CreateConnectionResponse,
  DeauthorizeConnectionRequest,
  DeleteConnectionRequest,
  DescribeConnectionRequest,
  DescribeConnectionResponse,
  ListConnectionsRequest,
  ListConnectionsResponse,
  UpdateConnectionRequest,
} from '@aws-sdk/client-eventbridge';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/service.ts';
import { createConnectionSecret, deleteConnectionSecret, updateConnectionSecret } from '../connection-secret.ts';
import { alreadyExists, notFound, validation } from '../errors.ts';
import { page } from '../pages.ts';
import type { Connection, EventsState } from '../state.ts';

type Ctx = RequestContext<EventsState>;

const AUTH_MEMBER: Record<string, string> = { BASIC: 'BasicAuthParameters', API_KEY: 'ApiKeyAuthParameters', OAUTH_CLIENT_CREDENTIALS: 'OAuthParameters' };

export function findConnection(state: EventsState, name: string): Connection {
  const connection = state.connections.get(name);
  if (!connection) throw notFound(`Failed to describe the connection(s). Connection '${name}' does not exist.`);
  return connection;
}

/** OAuth connections start authorizing (the token is fetched later); the others are authorized at once. */
function initialState(type: string): string {
  return type === 'OAUTH_CLIENT_CREDENTIALS' ? 'AUTHORIZING' : 'AUTHORIZED';
}

function checkAuth(type: string, params: Record<string, unknown>): void {
  if (!params[AUTH_MEMBER[type]]) throw validation(`${AUTH_MEMBER[type]} must be specified for authorization type ${type}.`);
}

function times(c: Connection) {
  return { ConnectionArn: c.arn, ConnectionState: c.state as CreateConnectionResponse['ConnectionState'], CreationTime: c.created, LastModifiedTime: c.modified };
}

export async function createConnection(input: CreateConnectionRequest, ctx: Ctx): Promise<CreateConnectionResponse> {
  if (ctx.state.connections.has(input.Name!)) throw alreadyExists(`Connection ${input.Name} already exists.`);
  checkAuth(input.AuthorizationType!, input.AuthParameters as Record<string, unknown>);
  const now = ctx.emulator.clock.date();
  const id = randomUUID();
  const connection: Connection = {
    name: input.Name!,
    arn: ctx.state.arn(`connection/${input.Name}/${id}`),
    description: input.Description,
    authorizationType: input.AuthorizationType!,
    authParameters: input.AuthParameters as Record<string, unknown>,
    state: initialState(input.AuthorizationType!),
    secretArn: await createConnectionSecret(ctx, input.Name!, input.AuthParameters as Record<string, unknown>),
    kmsKeyIdentifier: input.KmsKeyIdentifier,
    created: now,
    modified: now,
    authorized: now,
  };
  // Another request may have made the name's connection while the secret was being made.
  if (ctx.state.connections.has(connection.name)) {
    await deleteConnectionSecret(ctx, connection.secretArn);
    throw alreadyExists(`Connection ${input.Name} already exists.`);
  }
  ctx.state.connections.set(connection.name, connection);
  return times(connection);
}

/** What DescribeConnection shows of the auth parameters: never the secrets. */
function publicAuth(c: Connection): ConnectionAuthResponseParameters {
  const p = c.authParameters as {
    BasicAuthParameters?: { Username?: string };
    ApiKeyAuthParameters?: { ApiKeyName?: string };
    OAuthParameters?: { ClientParameters?: { ClientID?: string }; AuthorizationEndpoint?: string; HttpMethod?: string; OAuthHttpParameters?: object };
    InvocationHttpParameters?: object;
  };
  return {
    ...(p.BasicAuthParameters ? { BasicAuthParameters: { Username: p.BasicAuthParameters.Username } } : {}),
    ...(p.ApiKeyAuthParameters ? { ApiKeyAuthParameters: { ApiKeyName: p.ApiKeyAuthParameters.ApiKeyName } } : {}),
    ...(p.OAuthParameters
      ? {
          OAuthParameters: {
            AuthorizationEndpoint: p.OAuthParameters.AuthorizationEndpoint,
            ClientParameters: { ClientID: p.OAuthParameters.ClientParameters?.ClientID },
            HttpMethod: p.OAuthParameters.HttpMethod as 'POST',
            OAuthHttpParameters: p.OAuthParameters.OAuthHttpParameters,
          },
        }
      : {}),
    ...(p.InvocationHttpParameters ? { InvocationHttpParameters: p.InvocationHttpParameters } : {}),
  };
}

export function describeConnection(input: DescribeConnectionRequest, ctx: Ctx): DescribeConnectionResponse {
  const c = findConnection(ctx.state, input.Name!);
  return {
    ...times(c),
    Name: c.name,
    Description: c.description,
    AuthorizationType: c.authorizationType as DescribeConnectionResponse['AuthorizationType'],
    SecretArn: c.secretArn,
    KmsKeyIdentifier: c.kmsKeyIdentifier,
    AuthParameters: publicAuth(c),
    LastAuthorizedTime: c.authorized,
  };
}

export async function updateConnection(input: UpdateConnectionRequest, ctx: Ctx) {
  const c = findConnection(ctx.state, input.Name!);
  if (input.Description !== undefined) c.description = input.Description;
  if (input.AuthorizationType !== undefined) {
    c.authorizationType = input.AuthorizationType;
    c.state = initialState(input.AuthorizationType);
  }
  if (input.AuthParameters) {
    // Each given part replaces the stored part, keeping what was not given (secrets included).
    for (const [key, value] of Object.entries(input.AuthParameters)) {
      const current = c.authParameters[key];
      c.authParameters[key] = current && typeof current === 'object' && value && typeof value === 'object' ? { ...current, ...value } : value;
    }
    await updateConnectionSecret(ctx, c.secretArn, c.authParameters);
  }
  if (input.KmsKeyIdentifier !== undefined) c.kmsKeyIdentifier = input.KmsKeyIdentifier || undefined;
  c.modified = ctx.emulator.clock.date();
  c.authorized = c.modified;
  return { ...times(c), LastAuthorizedTime: c.authorized };
}

export async function deleteConnection(input: DeleteConnectionRequest, ctx: Ctx) {
  const c = findConnection(ctx.state, input.Name!);
  ctx.state.connections.delete(c.name);
  await deleteConnectionSecret(ctx, c.secretArn);
  return { ...times(c), ConnectionState: 'DELETING' as const, LastAuthorizedTime: c.authorized };
}

export function deauthorizeConnection(input: DeauthorizeConnectionRequest, ctx: Ctx) {
  const c = findConnection(ctx.state, input.Name!);
  c.state = 'DEAUTHORIZED';
  c.modified = ctx.emulator.clock.date();
  return { ...times(c), ConnectionState: 'DEAUTHORIZING' as const, LastAuthorizedTime: c.authorized };
}

export function listConnections(input: ListConnectionsRequest, ctx: Ctx): ListConnectionsResponse {
  const connections = [...ctx.state.connections.values()]
    .filter((c) => (!input.NamePrefix || c.name.startsWith(input.NamePrefix)) && (!input.ConnectionState || c.state === input.ConnectionState))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const { items, nextToken } = page(connections, input.NextToken, input.Limit);
  return {
    Connections: items.map((c) => ({
      ...times(c),
      Name: c.name,
      AuthorizationType: c.authorizationType as DescribeConnectionResponse['AuthorizationType'],
      LastAuthorizedTime: c.authorized,
    })),
    NextToken: nextToken,
  };
}
