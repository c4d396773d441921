import type { Emulator } from '../../../../core/emulator.ts';
import type { RawResponse } from '../../../../protocols/types.ts';
import type { ApiGatewayV2State } from '../../../apigatewayv2/state.ts';
import { MAX_MESSAGE_BYTES, type WebSocketConnection } from './connection.ts';

/** `/@connections/<id>` after an execute-api endpoint's stage (or alone, on the emulator's endpoint). */
export const CONNECTIONS_PATH = /^(?:\/([^/]+))?\/@connections\/([^/]+)\/?$/;

const answer = (status: number, body?: unknown, errorType?: string): RawResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) },
  body: body === undefined ? '' : JSON.stringify(body),
});

/** The open connection with this id, in any account and region (ids are unique), of the API and stage when named. */
function findConnection(emulator: Emulator, connectionId: string, apiId?: string, stage?: string): WebSocketConnection | undefined {
  for (const [name, store] of emulator.stores()) {
    if (name !== 'apigatewayv2') continue;
    for (const [, state] of store.entries()) {
      const connection = (state as ApiGatewayV2State).connections.get(connectionId);
      if (connection?.open && (apiId === undefined || connection.apiId === apiId) && (stage === undefined || connection.stage === stage)) return connection;
    }
  }
  return undefined;
}

/**
 * The @connections management API of WebSocket APIs (the `ApiGatewayManagementApi` client): PostToConnection sends
 * the body as a message, GetConnection describes the connection, DeleteConnection closes it. A connection that is
 * not open is `GoneException` (410).
 */
export function manageConnection(emulator: Emulator, method: string, connectionId: string, body: Buffer, apiId?: string, stage?: string): RawResponse {
  const connection = findConnection(emulator, connectionId, apiId, stage);
  if (method !== 'POST' && method !== 'GET' && method !== 'DELETE') return answer(403, { message: 'Forbidden' }, 'ForbiddenException');
  if (!connection) return answer(410, {}, 'GoneException');
  if (method === 'GET') {
    const identity = { sourceIp: connection.identity.sourceIp, userAgent: connection.identity.userAgent };
    return answer(200, { connectedAt: new Date(connection.connectedAt).toISOString(), identity, lastActiveAt: new Date(connection.lastActiveAt).toISOString() });
  }
  if (method === 'DELETE') {
    connection.close(1000, '');
    return answer(204);
  }
  if (body.length > MAX_MESSAGE_BYTES) return answer(413, { message: 'Message too long' }, 'PayloadTooLargeException');
  connection.send(body);
  return answer(200);
}
