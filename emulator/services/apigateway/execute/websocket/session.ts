import type { IncomingMessage } from 'node:http';
import type { Authorizer, Route } from '@aws-sdk/client-apigatewayv2';
import { WebSocketServer, type WebSocket } from 'ws';
import { buildArn } from '../../../../core/arn.ts';
import type { Emulator } from '../../../../core/emulator.ts';
import type { RequestContext } from '../../../../core/service.ts';
import type { RawRequest, RawResponse } from '../../../../protocols/types.ts';
import type { ApiGatewayV2State, StoredV2Api, V2Snapshot } from '../../../apigatewayv2/state.ts';
import type { ApiGatewayState } from '../../state.ts';
import { authorizerAllows } from '../http-api.ts';
import { IamDenied, InvokeCaller, type IamIdentity } from '../iam.ts';
import { functionOfUri, invokeFunction, type Invoker } from '../lambda.ts';
import { GatewayFailure } from '../responses.ts';
import { checkApiKey, meter } from '../usage.ts';
import { MAX_MESSAGE_BYTES, webSocketId, WebSocketConnection, type ConnectionFacts } from './connection.ts';
import { connectEvent, disconnectEvent, messageEvent, type EventScope } from './events.ts';
import { runIntegration, selectionValue, type IntegrationOutcome } from './integrate.ts';

/** The sub-protocol each handshake's `$connect` integration chose (its `Sec-WebSocket-Protocol` response header). */
const chosenProtocols = new WeakMap<IncomingMessage, string>();
let handshakes: WebSocketServer | undefined;

/** `ws` completes handshakes and frames messages; sockets come from the emulator's own server (no listener of its own). */
function handshaker(): WebSocketServer {
  handshakes ??= new WebSocketServer({
    noServer: true,
    clientTracking: false,
    maxPayload: MAX_MESSAGE_BYTES,
    handleProtocols: (offered, request) => {
      const chosen = chosenProtocols.get(request);
      return chosen !== undefined && offered.has(chosen) ? chosen : false;
    },
  });
  return handshakes;
}

/** A refused handshake, as API Gateway answers it: the status and a JSON message. */
const refuse = (status: number, message: string): RawResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) });

/** The messages API Gateway sends a client when it cannot process one of its messages. */
const errorFrame = (message: string, connectionId: string, requestId: string) => Buffer.from(JSON.stringify({ message, connectionId, requestId }));

interface Session {
  emulator: Emulator;
  state: ApiGatewayV2State;
  api: StoredV2Api;
  snapshot: V2Snapshot;
  stageName: string;
  stageVariables: Record<string, string>;
  domainName: string;
  facts: ConnectionFacts;
  /** The API key a `$connect` authorizer returned, for `$context.authorizer.usageIdentifierKey` key selection. */
  usageIdentifierKey?: string;
}

const scopeOf = (session: Session, requestId = webSocketId()): EventScope => ({
  connection: session.facts,
  apiId: session.api.api.ApiId,
  stageName: session.stageName,
  stageVariables: session.stageVariables,
  domainName: session.domainName,
  nowMs: session.emulator.clock.now(),
  requestId,
});

const invokerFor = (session: Session, routeKey: string): Invoker => ({
  emulator: session.emulator,
  accountId: session.state.accountId,
  region: session.state.region,
  sourceArn: buildArn({ service: 'execute-api', region: session.state.region, accountId: session.state.accountId, resource: `${session.api.api.ApiId}/${session.stageName}/${routeKey}` }),
});

/** Runs a route's integration with its event; a route without one answers 200. */
async function runRoute(session: Session, route: Route, event: Record<string, unknown>, message: string, query: URLSearchParams): Promise<IntegrationOutcome> {
  const integrationId = /^integrations\/(.+)$/.exec(route.Target ?? '')?.[1];
  if (!integrationId) return { status: 200, headers: {} };
  const integration = session.snapshot.integrations.find((i) => i.IntegrationId === integrationId);
  if (!integration) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  const header = Object.fromEntries(session.facts.headers);
  const scope = { context: event.requestContext as Record<string, unknown>, stageVariables: session.stageVariables, params: { path: {}, querystring: Object.fromEntries(query), header } };
  return runIntegration(invokerFor(session, route.RouteKey!), integration, session.snapshot.integrationResponses?.[integrationId] ?? [], event, message, scope);
}

/** `route.request.header.x`, `route.request.querystring.x`, `stageVariables.x`, `context.x` of the handshake. */
function identityValue(source: string, session: Session, query: URLSearchParams, context: Record<string, unknown>): string | undefined {
  const [, where, name] = /^route\.request\.(header|querystring)\.(.+)$/.exec(source) ?? [];
  if (where === 'header') return session.facts.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (where === 'querystring') return query.get(name) ?? undefined;
  const variable = /^stageVariables\.(.+)$/.exec(source)?.[1];
  if (variable !== undefined) return session.stageVariables[variable];
  const key = /^context\.(.+)$/.exec(source)?.[1];
  return key !== undefined ? (context[key] as string | undefined) : undefined;
}

/** The `$connect` route's Lambda REQUEST authorizer: 401 without its identity sources, 403 when denied, 500 when broken. */
async function authorizeConnect(session: Session, authorizer: Authorizer | undefined, event: Record<string, unknown>, query: URLSearchParams): Promise<void> {
  const functionArn = functionOfUri(authorizer?.AuthorizerUri);
  if (!authorizer || !functionArn) throw new GatewayFailure('AUTHORIZER_CONFIGURATION_ERROR', 'Internal server error', 500);
  const context = event.requestContext as Record<string, unknown>;
  const identity = (authorizer.IdentitySource ?? []).map((source) => identityValue(source, session, query, context));
  if (identity.some((value) => !value)) throw new GatewayFailure('UNAUTHORIZED', 'Unauthorized', 401);
  const invoker = invokerFor(session, '$connect');
  const request = { type: 'REQUEST', methodArn: invoker.sourceArn, ...event, stageVariables: Object.keys(session.stageVariables).length ? session.stageVariables : null };
  // API Gateway invokes an authorizer for the authorizer's ARN (what `lambda add-permission --source-arn` names), as for REST and HTTP APIs.
  const authorizerArn = buildArn({ service: 'execute-api', region: session.state.region, accountId: session.state.accountId, resource: `${session.api.api.ApiId}/authorizers/${authorizer.AuthorizerId}` });
  const out = await invokeFunction({ ...invoker, sourceArn: authorizerArn }, functionArn, Buffer.from(JSON.stringify(request)), authorizer.AuthorizerCredentialsArn).catch(() => undefined);
  const text = out?.payload.toString('utf8') ?? '';
  if (out?.functionError && text.includes('Unauthorized')) throw new GatewayFailure('UNAUTHORIZED', 'Unauthorized', 401);
  let result: Record<string, unknown> | undefined;
  try {
    result = out && !out.functionError ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    result = undefined;
  }
  if (!result) throw new GatewayFailure('AUTHORIZER_FAILURE', 'Internal server error', 500);
  if (!authorizerAllows(result, false)) throw new GatewayFailure('ACCESS_DENIED', 'Forbidden', 403);
  session.facts.authorizer = { ...((result.context as Record<string, unknown> | undefined) ?? {}), principalId: result.principalId ?? null, integrationLatency: 0 };
  if (typeof result.usageIdentifierKey === 'string') session.usageIdentifierKey = result.usageIdentifierKey;
}

/**
 * An IAM-authorized `$connect`: the handshake must be SigV4-signed for `execute-api` (verified in strict signature
 * mode), and with `--enforce-iam` the signer's policies must allow `execute-api:Invoke` on the route's ARN; 403
 * Forbidden otherwise. The signer is the event's identity.
 */
async function authorizeIam(session: Session, ctx: RequestContext, req: RawRequest): Promise<void> {
  const { state, api } = session;
  let signer: IamIdentity;
  try {
    signer = await new InvokeCaller(ctx, req).iam(invokerFor(session, '$connect').sourceArn!, { apiId: api.api.ApiId!, accountId: state.accountId, region: state.region });
  } catch (error) {
    if (error instanceof IamDenied) throw new GatewayFailure(error.reason === 'missing' ? 'MISSING_AUTHENTICATION_TOKEN' : 'ACCESS_DENIED', 'Forbidden', 403);
    throw error;
  }
  Object.assign(session.facts.identity, { accessKey: signer.accessKey, accountId: signer.accountId, userArn: signer.userArn, caller: signer.userId, user: signer.userId });
}

/** Usage-plan failures refuse the handshake with API Gateway's statuses. */
const KEY_FAILURE_STATUS: Record<string, number> = { INVALID_API_KEY: 403, THROTTLED: 429, QUOTA_EXCEEDED: 429 };

/**
 * A `$connect` route that requires an API key: the key the API's key selection expression names (the `x-api-key`
 * header, or the authorizer's `usageIdentifierKey`) must be an enabled key of a usage plan of this stage, within its
 * throttle and quota (API Gateway v1's keys and plans, as on AWS).
 */
function checkConnectKey(session: Session, event: Record<string, unknown>): void {
  const expression = session.api.api.ApiKeySelectionExpression ?? '$request.header.x-api-key';
  const value =
    expression === '$context.authorizer.usageIdentifierKey' ? session.usageIdentifierKey : session.facts.headers.find(([name]) => name.toLowerCase() === 'x-api-key')?.[1];
  const keys = session.emulator.state<ApiGatewayState>('apigateway', session.state.accountId, session.state.region);
  const { key, plan } = checkApiKey(keys, value, session.api.api.ApiId, session.stageName);
  meter(keys, plan, key.id!, session.emulator.clock.now());
  Object.assign(session.facts.identity, { apiKey: key.value, apiKeyId: key.id });
  Object.assign((event.requestContext as { identity: object }).identity, { apiKey: key.value, apiKeyId: key.id });
}

/** What a WebSocket handshake must carry for `ws` to complete it (checked before `$connect` runs). */
function validHandshake(request: IncomingMessage): boolean {
  const key = request.headers['sec-websocket-key'];
  const version = request.headers['sec-websocket-version'];
  return request.method === 'GET' && typeof key === 'string' && /^[+/0-9A-Za-z]{22}==$/.test(key) && (version === '13' || version === '8');
}

/** Pairs of the handshake's raw headers, original case. */
function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i], raw[i + 1]]);
  return pairs;
}

/**
 * A client's handshake with a WebSocket API's stage (`wss://<api-id>.execute-api.../<stage>`): runs the `$connect`
 * route (authorizer, integration: a non-2xx answer refuses the handshake with that status), then completes the
 * handshake and serves the connection's messages and its `$disconnect`.
 */
export async function openWebSocket(ctx: RequestContext, state: ApiGatewayV2State, api: StoredV2Api, rest: string, req: RawRequest, domainName: string): Promise<RawResponse> {
  const emulator = ctx.emulator;
  const upgrade = req.upgrade!;
  const [, stageName = '', after = ''] = /^\/([^/]*)(.*)$/.exec(rest) ?? [];
  const stage = api.stages.get(decodeURIComponent(stageName));
  const snapshot = stage?.DeploymentId ? api.deployments.get(stage.DeploymentId)?.snapshot : undefined;
  if (!stage || !snapshot || (after !== '' && after !== '/')) return refuse(403, 'Forbidden');
  if (!validHandshake(upgrade.request)) return refuse(400, 'Bad Request');
  const headers = headerPairs(upgrade.request.rawHeaders);
  const identity = { sourceIp: req.headers['x-forwarded-for']?.split(',')[0].trim() || '127.0.0.1', userAgent: req.headers['user-agent'] ?? '' };
  const facts: ConnectionFacts = { id: webSocketId(), connectedAt: emulator.clock.now(), identity, headers };
  const session: Session = { emulator, state, api, snapshot, stageName: stage.StageName!, stageVariables: stage.StageVariables ?? {}, domainName, facts };
  const connectRoute = snapshot.routes.find((r) => r.RouteKey === '$connect');
  let protocol: string | undefined;
  if (connectRoute) {
    try {
      if (connectRoute.AuthorizationType === 'AWS_IAM') await authorizeIam(session, ctx, req);
      const event = connectEvent(scopeOf(session), req.query);
      if (connectRoute.AuthorizationType === 'CUSTOM') await authorizeConnect(session, snapshot.authorizers.find((a) => a.AuthorizerId === connectRoute.AuthorizerId), event, req.query);
      if (session.facts.authorizer) (event.requestContext as Record<string, unknown>).authorizer = session.facts.authorizer;
      if (connectRoute.ApiKeyRequired) checkConnectKey(session, event);
      const outcome = await runRoute(session, connectRoute, event, '', req.query);
      if (outcome.status < 200 || outcome.status > 299) return refuse(outcome.status, outcome.status === 403 ? 'Forbidden' : 'Internal server error');
      protocol = outcome.headers['sec-websocket-protocol'];
    } catch (error) {
      if (!(error instanceof GatewayFailure)) throw error;
      return refuse(error.status ?? KEY_FAILURE_STATUS[error.type] ?? 500, error.errorMessage ?? 'Internal server error');
    }
  }
  if (upgrade.socket.destroyed) return refuse(400, 'Bad Request');
  upgrade.claim();
  if (protocol !== undefined) chosenProtocols.set(upgrade.request, protocol);
  handshaker().handleUpgrade(upgrade.request, upgrade.socket, upgrade.head, (socket) => serveConnection(session, socket));
  return { status: 101, headers: {}, body: '' };
}

/** An open connection: each message to the route its selection expression picks, the close to `$disconnect`. */
function serveConnection(session: Session, socket: WebSocket): void {
  const { state, api, facts } = session;
  const connection = new WebSocketConnection(facts, api.api.ApiId, session.stageName, socket, session.emulator);
  state.connections.set(connection.id, connection);
  // Protocol errors (a message over 128 KB: close 1009) close the socket; the close handler does the rest.
  socket.on('error', () => {});
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) {
      // AWS does not accept binary frames from clients: it closes with 1003.
      connection.close(1003, 'Binary frames are not supported');
      return;
    }
    void onMessage(session, connection, data.toString('utf8'));
  });
  socket.once('close', (code: number, reason: Buffer) => {
    state.connections.delete(connection.id);
    void onClose(session, code, reason.toString('utf8'));
  });
}

/** The route for a message: its selection expression's value among the custom routes, else `$default`. */
function routeFor(session: Session, message: string): Route | undefined {
  let body: unknown;
  try {
    body = JSON.parse(message);
  } catch {
    body = undefined;
  }
  const key = body === undefined ? undefined : selectionValue(session.api.api.RouteSelectionExpression ?? '$request.body.action', body);
  const routes = session.snapshot.routes;
  const custom = key !== undefined && key !== '$connect' && key !== '$disconnect' ? routes.find((r) => r.RouteKey === key) : undefined;
  return custom ?? routes.find((r) => r.RouteKey === '$default');
}

async function onMessage(session: Session, connection: WebSocketConnection, message: string): Promise<void> {
  connection.touch();
  const requestId = webSocketId();
  const route = routeFor(session, message);
  if (!route) {
    connection.send(errorFrame('Forbidden', connection.id, requestId));
    return;
  }
  const event = messageEvent(scopeOf(session, requestId), route.RouteKey!, message);
  try {
    const outcome = await runRoute(session, route, event, message, new URLSearchParams());
    const twoWay = (session.snapshot.routeResponses?.[route.RouteId!] ?? []).some((r) => r.RouteResponseKey === '$default');
    if (twoWay && outcome.body !== undefined && connection.open) connection.send(Buffer.from(outcome.body));
  } catch {
    // A failed integration (or any other failure) is told to the client as AWS tells it, never left unanswered.
    if (connection.open) connection.send(errorFrame('Internal server error', connection.id, requestId));
  }
}

/** `$disconnect` runs after the close, best effort: nobody is left to tell of its failure. */
async function onClose(session: Session, code: number, reason: string): Promise<void> {
  const route = session.snapshot.routes.find((r) => r.RouteKey === '$disconnect');
  if (!route) return;
  const event = disconnectEvent(scopeOf(session), code, code === 1005 && !reason ? 'Client-side close frame status not set' : reason);
  await runRoute(session, route, event, '', new URLSearchParams()).catch(() => undefined);
}
