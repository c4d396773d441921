import { randomBytes, randomUUID } from 'node:crypto';
import type { FunctionUrlConfig } from '@aws-sdk/client-lambda';
import { accountRootArn } from '../../core/arn.ts';
import type { Emulator } from '../../core/emulator.ts';
import { ANY_IDENTITY, contextOf, evaluate, parseCached, sessionRoleArn, type Decision } from '../../core/policy/index.ts';
import type { Caller, RequestContext } from '../../core/service.ts';
import type { RawRequest, RawResponse } from '../../protocols/types.ts';
import { functionArn, governingStatements, type LambdaFunction } from './function.ts';
import type { LambdaState } from './state.ts';

/**
 * Function URLs, served on the emulator's own port under LocalStack's host form
 * `http://<url-id>.lambda-url.<region>.localhost.localstack.cloud:<port>/` (the gateway sends `lambda-url` hosts to
 * Lambda's `http.intercept`). Requests become payload format 2.0 events; results map back to HTTP as AWS maps them.
 */
const HOST = /^([a-z0-9]{32})\.lambda-url\.([a-z0-9-]+)\./;
/** AWS's request payload limit for function URLs (the synchronous invoke limit). */
const MAX_BODY = 6_291_456;
const FORBIDDEN = 'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html';
/** Separates a streaming response's JSON prelude (status, headers, cookies) from its body (HttpResponseStream.from). */
const PRELUDE_END = Buffer.alloc(8);

export function isFunctionUrlRequest(req: RawRequest): boolean {
  return HOST.test(req.headers['host'] ?? '');
}

/** A new URL id (32 lower-case letters and digits, as AWS's) and the URL it makes on this emulator. */
export function newFunctionUrl(emulator: Emulator, region: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const id = [...randomBytes(32)].map((b) => alphabet[b % alphabet.length]).join('');
  const port = new URL(emulator.endpoint).port || '80';
  return `http://${id}.lambda-url.${region}.localhost.localstack.cloud:${port}/`;
}

interface Target {
  state: LambdaState;
  fn: LambdaFunction;
  qualifier: string;
  config: FunctionUrlConfig;
}

/** The URL config an id names, in whichever account holds it (ids are unique across accounts, as on AWS). */
function findTarget(emulator: Emulator, id: string, region: string): Target | undefined {
  const prefix = `http://${id}.`;
  for (const [service, store] of emulator.stores()) {
    if (service !== 'lambda') continue;
    for (const [, value] of store.entries()) {
      const state = value as LambdaState;
      if (state.region !== region) continue;
      for (const fn of state.functions.values()) {
        for (const [qualifier, config] of fn.urlConfigs) if (config.FunctionUrl?.startsWith(prefix)) return { state, fn, qualifier, config };
      }
    }
  }
  return undefined;
}

function reply(status: number, headers: Record<string, string>, body: string | Buffer | AsyncIterable<Buffer>): RawResponse {
  return { status, headers: { ...headers, 'x-amzn-requestid': randomUUID() }, body };
}

const denied = (message: string | null) =>
  reply(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' }, JSON.stringify({ Message: message }));

/** Whether a request was signed (SigV4 header or presigned query), as AWS_IAM URLs require. */
function signed(req: RawRequest): boolean {
  return req.headers['authorization']?.startsWith('AWS4-') === true || req.query.has('X-Amz-Credential');
}

/**
 * The actions a URL request needs (Lambda's urls-auth page): `lambda:InvokeFunctionUrl`, and since October 2025
 * `lambda:InvokeFunction` as well, which a statement may grant for URL calls only (`lambda:InvokedViaFunctionUrl`).
 * Accounts AWS exempted for a while (those that had made function URLs before the change) need the first alone:
 * `LAMBDA_URL_AUTH_EXCEPTION` lists them (account ids, or `*`).
 */
function requiredActions(accountId: string): string[] {
  const exempt = (process.env.LAMBDA_URL_AUTH_EXCEPTION ?? '').split(',').map((a) => a.trim());
  return exempt.includes('*') || exempt.includes(accountId) ? ['lambda:InvokeFunctionUrl'] : ['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction'];
}

/**
 * Every required action under the function's resource policy, with `lambda:FunctionUrlAuthType` and
 * `lambda:InvokedViaFunctionUrl` in the request context. A NONE URL serves anyone once statements allow each action
 * (AWS refuses a NONE URL without them). An AWS_IAM URL serves signed callers: the owner account's where its identity
 * policies or the resource policy allow, another account's where the resource policy allows (and, with
 * `--enforce-iam`, its identity policies too); an explicit Deny refuses.
 */
async function allowed(ctx: RequestContext<LambdaState>, target: Target, caller: Caller | undefined): Promise<boolean> {
  const { fn, qualifier, state, config } = target;
  const statements = governingStatements(fn, qualifier);
  const actions = requiredActions(state.accountId);
  const decisions = actions.map((action) => decide(target, caller, statements, action));
  if (config.AuthType === 'NONE') return decisions.every((d) => d === 'allowed');
  if (!caller || decisions.includes('explicitDeny')) return false;
  const own = caller.accountId === state.accountId;
  if (!own && !decisions.every((d) => d === 'allowed')) return false;
  if (!ctx.emulator.enforcesIam) return true;
  return identityAllows(ctx, target, own ? actions.filter((_, i) => decisions[i] !== 'allowed') : actions);
}

/** With `--enforce-iam`: whether the caller's identity policies allow each action. */
async function identityAllows(ctx: RequestContext<LambdaState>, target: Target, actions: string[]): Promise<boolean> {
  const resource = functionArn(target.state.region, target.state.accountId, target.fn.name, target.qualifier || undefined);
  try {
    for (const action of actions) await ctx.emulator.authorizeAction(ctx, action, resource);
    return true;
  } catch {
    return false;
  }
}

/** What the resource policy alone decides for one action ('allowed' only where it grants the caller). */
function decide(target: Target, caller: Caller | undefined, statements: unknown[], action: string): Decision {
  const { fn, qualifier, state, config } = target;
  if (!statements.length) return 'implicitDeny';
  return evaluate({
    principal: caller ? { arn: caller.arn, accountId: caller.accountId, roleArn: sessionRoleArn(caller.arn) } : { arn: 'anonymous', accountId: '' },
    action,
    resource: functionArn(state.region, state.accountId, fn.name, qualifier || undefined),
    resourceAccount: state.accountId,
    context: contextOf({
      'lambda:FunctionUrlAuthType': config.AuthType,
      'lambda:InvokedViaFunctionUrl': 'true',
      'aws:PrincipalAccount': caller?.accountId,
      'aws:PrincipalArn': caller?.arn,
    }),
    identityPolicies: ANY_IDENTITY,
    resourcePolicy: { id: 'resource policy', type: 'resource', policy: parseCached(JSON.stringify({ Version: '2012-10-17', Statement: statements })) },
    resourcePolicyRequired: true,
  }).decision;
}

/** The CORS headers of a URL's Cors configuration for a request's Origin (none when it is not allowed). */
function corsHeaders(config: FunctionUrlConfig, origin: string | undefined, preflight: boolean): Record<string, string> {
  const cors = config.Cors;
  if (!cors || !origin) return {};
  const origins = cors.AllowOrigins ?? [];
  if (!origins.includes('*') && !origins.includes(origin)) return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': origins.includes('*') && !cors.AllowCredentials ? '*' : origin, vary: 'Origin' };
  if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
  if (cors.ExposeHeaders?.length) headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  if (preflight) {
    if (cors.AllowMethods?.length) headers['access-control-allow-methods'] = cors.AllowMethods.join(',');
    if (cors.AllowHeaders?.length) headers['access-control-allow-headers'] = cors.AllowHeaders.join(',');
    if (cors.MaxAge !== undefined) headers['access-control-max-age'] = String(cors.MaxAge);
  }
  return headers;
}

/** `12/Mar/2020:19:03:58 +0000`, as requestContext.time. */
function httpTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+(json|xml))/;

/** The payload format 2.0 event AWS sends a function for a URL request. */
function urlEvent(emulator: Emulator, req: RawRequest, id: string, region: string, caller: Caller | undefined) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (name !== 'cookie' && name !== 'connection') headers[name] = value;
  const domainName = `${id}.lambda-url.${region}.on.aws`;
  // The function sees the URL's own domain as the host, as requestContext.domainName (AWS-recorded echo tests).
  headers.host = domainName;
  headers['x-amzn-trace-id'] ??= `Root=1-${Math.floor(emulator.clock.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
  headers['x-forwarded-for'] ??= '127.0.0.1';
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= new URL(emulator.endpoint).port || '80';
  const query: Record<string, string> = {};
  for (const [k, v] of req.query) query[k] = Object.hasOwn(query, k) ? `${query[k]},${v}` : v;
  const cookies = req.headers['cookie']?.split(/;\s*/).filter(Boolean);
  const text = TEXT_TYPES.test(req.headers['content-type'] ?? '');
  const now = emulator.clock.date();
  const rawQuery = [...req.query].length ? req.query.toString() : '';
  const authorizer = caller
    ? { iam: { accessKey: caller.accessKeyId ?? null, accountId: caller.accountId, callerId: caller.arn.split(':').pop(), cognitoIdentity: null, principalOrgId: null, userArn: caller.arn, userId: caller.arn.split(':').pop() } }
    : undefined;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: req.path,
    rawQueryString: rawQuery,
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: caller ? caller.accountId : 'anonymous',
      apiId: id,
      ...(authorizer ? { authorizer } : {}),
      domainName,
      domainPrefix: id,
      http: { method: req.method, path: req.path, protocol: 'HTTP/1.1', sourceIp: headers['x-forwarded-for'].split(',')[0].trim(), userAgent: req.headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: httpTime(now),
      timeEpoch: now.getTime(),
    },
    ...(req.body.length ? { body: text ? req.body.toString('utf8') : req.body.toString('base64') } : {}),
    isBase64Encoded: req.body.length > 0 && !text,
  };
}

/** AWS's mapping of a function's result to the HTTP response (payload format 2.0). */
function mapResult(payload: Buffer, extra: Record<string, string>): RawResponse {
  let result: unknown;
  try {
    result = JSON.parse(payload.toString('utf8'));
  } catch {
    result = payload.toString('utf8');
  }
  if (result !== null && typeof result === 'object' && !Array.isArray(result) && 'statusCode' in result) {
    const r = result as { statusCode: number; headers?: Record<string, unknown>; body?: unknown; isBase64Encoded?: boolean; cookies?: string[] };
    const headers: Record<string, string> = { 'content-type': 'application/json', ...extra };
    for (const [name, value] of Object.entries(r.headers ?? {})) headers[name.toLowerCase()] = String(value);
    // Node writes a list as repeated header lines, as Set-Cookie needs.
    if (r.cookies?.length) (headers as Record<string, string | string[]>)['set-cookie'] = r.cookies;
    const body = r.body === undefined || r.body === null ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    return reply(Number(r.statusCode), headers, r.isBase64Encoded ? Buffer.from(body, 'base64') : body);
  }
  const body = typeof result === 'string' ? result : JSON.stringify(result);
  return reply(200, { 'content-type': 'application/json', ...extra }, body);
}

type StreamEvent = { PayloadChunk?: { Payload?: Uint8Array }; InvokeComplete?: { ErrorCode?: string } };

/**
 * RESPONSE_STREAM URLs: the chunks as the function writes them. A handler that opened its stream with
 * HttpResponseStream.from sends a JSON prelude (statusCode, headers, cookies) and eight null bytes first.
 */
async function streamed(events: AsyncIterable<StreamEvent>, extra: Record<string, string>): Promise<RawResponse> {
  const iterator = events[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  let failed = false;
  let done = false;
  // Read until the prelude is complete, the first bytes show there is none, or the stream ends.
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    if (next.value.InvokeComplete) {
      failed = Boolean(next.value.InvokeComplete.ErrorCode);
      done = true;
      break;
    }
    head = Buffer.concat([head, Buffer.from(next.value.PayloadChunk?.Payload ?? [])]);
    if (head.length && head[0] !== 0x7b) break;
    if (head.includes(PRELUDE_END)) break;
  }
  if (failed && !head.length) return reply(502, extra, 'Internal Server Error');
  let status = 200;
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream', ...extra };
  const end = head.indexOf(PRELUDE_END);
  if (head[0] === 0x7b && end >= 0) {
    try {
      const prelude = JSON.parse(head.subarray(0, end).toString('utf8')) as { statusCode?: number; headers?: Record<string, unknown>; cookies?: string[] };
      status = prelude.statusCode ?? 200;
      for (const [name, value] of Object.entries(prelude.headers ?? {})) headers[name.toLowerCase()] = String(value);
      if (prelude.cookies?.length) (headers as Record<string, string | string[]>)['set-cookie'] = prelude.cookies;
      head = head.subarray(end + PRELUDE_END.length);
    } catch {
      // not a prelude: the bytes are the body
    }
  }
  const first = head;
  async function* body(): AsyncGenerator<Buffer> {
    if (first.length) yield first;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.PayloadChunk?.Payload?.length) yield Buffer.from(next.value.PayloadChunk.Payload);
    }
  }
  return reply(status, headers, body());
}

/** Answers a request to a function URL: CORS preflight, authorization, then the invocation and its mapping. */
export async function serveFunctionUrl(req: RawRequest, ctx: RequestContext<LambdaState>): Promise<RawResponse> {
  const [, id, region] = HOST.exec(req.headers['host'] ?? '')!;
  const target = findTarget(ctx.emulator, id, region);
  if (!target) return denied(null);
  const { state, fn, qualifier, config } = target;
  if (qualifier && !fn.aliases.has(qualifier)) return denied(FORBIDDEN);
  const origin = req.headers['origin'];
  if (config.Cors && req.method === 'OPTIONS' && origin && req.headers['access-control-request-method']) {
    return reply(200, corsHeaders(config, origin, true), '');
  }
  const caller = signed(req) ? ctx.caller : undefined;
  if (!(await allowed(ctx, target, caller))) return denied(FORBIDDEN);
  if (req.body.length > MAX_BODY) return reply(413, { 'content-type': 'application/json' }, JSON.stringify({ Message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation' }));
  const extra = corsHeaders(config, origin, false);
  const event = Buffer.from(JSON.stringify(urlEvent(ctx.emulator, req, id, region, config.AuthType === 'AWS_IAM' ? caller : undefined)));
  const owner = { caller: { accountId: state.accountId, arn: accountRootArn(state.accountId, state.region) }, region: state.region, accountId: state.accountId };
  const input = { FunctionName: fn.name, Qualifier: qualifier || undefined, Payload: event };
  try {
    if (config.InvokeMode === 'RESPONSE_STREAM') {
      const out = await ctx.emulator.call<{ EventStream: AsyncIterable<StreamEvent> }>('lambda', 'InvokeWithResponseStream', input, owner);
      return await streamed(out.EventStream, extra);
    }
    const out = await ctx.emulator.call<{ FunctionError?: string; Payload?: Uint8Array }>('lambda', 'Invoke', input, owner);
    if (out.FunctionError) return reply(502, extra, 'Internal Server Error');
    return mapResult(Buffer.from(out.Payload ?? []), extra);
  } catch {
    return reply(502, extra, 'Internal Server Error');
  }
}
