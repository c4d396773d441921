import { requestTime } from '../proxy.ts';
import { webSocketId, type ConnectionFacts } from './connection.ts';

/** Where an event happens: the connection, its API's stage and the endpoint the client used. */
export interface EventScope {
  connection: ConnectionFacts;
  apiId: string;
  stageName: string;
  stageVariables: Record<string, string>;
  domainName: string;
  nowMs: number;
  requestId: string;
}

/** The `requestContext` API Gateway gives WebSocket events (and `$context` in templates). */
export function eventContext(scope: EventScope, routeKey: string, eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT', extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { connection } = scope;
  return {
    routeKey,
    ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
    ...extra,
    eventType,
    extendedRequestId: scope.requestId,
    requestTime: requestTime(scope.nowMs),
    messageDirection: 'IN',
    stage: scope.stageName,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: scope.nowMs,
    identity: {
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      principalOrgId: null,
      cognitoAuthenticationType: null,
      userArn: connection.identity.userArn ?? null,
      userAgent: connection.identity.userAgent || null,
      accountId: connection.identity.accountId ?? null,
      caller: connection.identity.caller ?? null,
      sourceIp: connection.identity.sourceIp,
      accessKey: connection.identity.accessKey ?? null,
      cognitoAuthenticationProvider: null,
      user: connection.identity.user ?? null,
      ...(connection.identity.apiKey !== undefined ? { apiKey: connection.identity.apiKey, apiKeyId: connection.identity.apiKeyId } : {}),
    },
    requestId: scope.requestId,
    domainName: scope.domainName,
    connectionId: connection.id,
    apiId: scope.apiId,
  };
}

function headerMaps(headers: [string, string][]) {
  const multi: Record<string, string[]> = {};
  for (const [name, value] of headers) (multi[name] ??= []).push(value);
  return { headers: Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v[v.length - 1]])), multiValueHeaders: multi };
}

/** `$connect`: the handshake's headers and query string. */
export function connectEvent(scope: EventScope, query: URLSearchParams): Record<string, unknown> {
  const multiQuery: Record<string, string[]> = {};
  for (const [key, value] of query) (multiQuery[key] ??= []).push(value);
  const hasQuery = Object.keys(multiQuery).length > 0;
  return {
    ...headerMaps(scope.connection.headers),
    ...(hasQuery ? { queryStringParameters: Object.fromEntries(Object.entries(multiQuery).map(([k, v]) => [k, v[v.length - 1]])), multiValueQueryStringParameters: multiQuery } : {}),
    requestContext: eventContext(scope, '$connect', 'CONNECT', { disconnectStatusCode: null, messageId: null, disconnectReason: null }),
    isBase64Encoded: false,
  };
}

/** A message, to the route its selection expression chose. */
export function messageEvent(scope: EventScope, routeKey: string, body: string): Record<string, unknown> {
  return { requestContext: eventContext(scope, routeKey, 'MESSAGE', { messageId: webSocketId() }), body, isBase64Encoded: false };
}

/** `$disconnect`: the close frame's status and reason (1005 and AWS's text when the client sent none). */
export function disconnectEvent(scope: EventScope, code: number, reason: string): Record<string, unknown> {
  const kept = scope.connection.headers.filter(([name]) => /^(host|x-forwarded-for|x-api-key)$/i.test(name));
  return {
    ...headerMaps(kept),
    requestContext: eventContext(scope, '$disconnect', 'DISCONNECT', { disconnectStatusCode: code, disconnectReason: reason }),
    isBase64Encoded: false,
  };
}
