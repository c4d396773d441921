import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { Integration, IntegrationResponse } from '@aws-sdk/client-api-gateway';
import { Agent, fetch as fetchWith } from 'undici';
import { AwsError } from '../../../core/errors.ts';
import { parseArn } from '../../../core/arn.ts';
import type { RawResponse } from '../../../protocols/types.ts';
import { convertRequest, convertResponse, templateInput, type Payload } from './content-handling.ts';
import { functionOfUri, invokeFunction, type Invoker } from './lambda.ts';
import { isBinary } from './proxy.ts';
import { header, type ExecRequest } from './request.ts';
import { GatewayFailure, resolveValue } from './responses.ts';
import { callS3 } from './s3-integration.ts';
import { callServiceAction } from './service-integration.ts';
import { renderTemplate, type TemplateScope } from './vtl.ts';

/** What a non-proxy integration answered, before the integration response maps it. */
interface BackendResult {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
  /** For Lambda: the function's errorMessage, which selection patterns match. */
  errorMessage?: string;
}

/**
 * The integration request's body: the request template for the request's content type, or the body passed through
 * by the integration's passthrough behaviour (415 when none may pass), converted by its `contentHandling`.
 */
function requestPayload(integration: Integration, request: ExecRequest, scope: Omit<TemplateScope, 'body'>, binaryMediaTypes: string[]): Payload {
  const contentType = (header(request, 'content-type') ?? 'application/json').split(';')[0].trim();
  const templates = integration.requestTemplates ?? {};
  const template = Object.hasOwn(templates, contentType) ? templates[contentType] : undefined;
  if (template === undefined) {
    const behaviour = integration.passthroughBehavior ?? 'WHEN_NO_MATCH';
    if (behaviour === 'NEVER' || (behaviour === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length)) throw new GatewayFailure('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type', 415);
  }
  if (template === null) return { bytes: Buffer.alloc(0), binary: false };
  const payload = convertRequest(request.body, isBinary(header(request, 'content-type'), binaryMediaTypes), integration.contentHandling);
  if (template === undefined) return payload;
  return { bytes: Buffer.from(renderTemplate(template, { ...scope, body: templateInput(payload) })), binary: false };
}

/** `integration.request.<where>.<name>` mappings into the backend request's headers, query and path. */
function mappedParameters(integration: Integration, scope: Omit<TemplateScope, 'body'>) {
  const out = { header: {} as Record<string, string>, querystring: {} as Record<string, string>, path: {} as Record<string, string> };
  for (const [target, source] of Object.entries(integration.requestParameters ?? {})) {
    const [, where, name] = /^integration\.request\.(header|querystring|path)\.(.+)$/.exec(target) ?? [];
    if (where) out[where as keyof typeof out][name] = resolveValue(source, scope);
  }
  return out;
}

const substitute = (text: string, values: Record<string, string>) => text.replace(/\{([^}+]+)\+?\}/g, (_, name: string) => values[name] ?? '');
const stageSubstitute = (text: string, stageVariables: Record<string, string>) => text.replace(/\$\{stageVariables\.([^}]+)\}/g, (_, name: string) => stageVariables[name] ?? '');

/**
 * An HTTP integration's endpoint, its stage variables and path parameters filled in; one that is no URL (a stage
 * variable left undefined) fails as AWS does: 500 to the client, `Invalid endpoint address` in the execution log.
 */
export function endpointUrl(uri: string | undefined, stageVariables: Record<string, string>, pathParameters: Record<string, string>): URL {
  try {
    const url = new URL(substitute(stageSubstitute(uri ?? '', stageVariables), pathParameters));
    if (url.hostname) return url;
  } catch {
    // not a URL: the failure below
  }
  throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500, { logReason: 'Invalid endpoint address' });
}

async function callLambda(invoker: Invoker, integration: Integration, payload: string, stageVariables: Record<string, string>): Promise<BackendResult> {
  const functionArn = functionOfUri(stageSubstitute(integration.uri ?? '', stageVariables));
  if (!functionArn) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  let result;
  try {
    result = await invokeFunction(invoker, functionArn, Buffer.from(payload || '{}'), integration.credentials);
  } catch (error) {
    if (error instanceof AwsError) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
    throw error;
  }
  const body = result.payload.toString('utf8');
  if (!result.functionError) return { status: 200, body: result.payload, headers: {} };
  let errorMessage = body;
  try {
    errorMessage = String((JSON.parse(body) as { errorMessage?: unknown }).errorMessage ?? body);
  } catch {
    // a non-JSON error payload is matched as it is
  }
  return { status: 200, body: result.payload, headers: {}, errorMessage };
}

/** The emulator service behind an AWS integration URI's service part. */
const SERVICES: Record<string, string> = { states: 'stepfunctions', sqs: 'sqs', sns: 'sns', dynamodb: 'dynamodb', events: 'events', kinesis: 'kinesis', s3: 's3', lambda: 'lambda', firehose: 'firehose', logs: 'logs', ssm: 'ssm', secretsmanager: 'secretsmanager' };

/**
 * An AWS service integration: S3 by path, else the service request the mapped body and headers make (see
 * service-integration.ts).
 */
async function callService(invoker: Invoker, integration: Integration, body: Buffer, request: ExecRequest, mapped: ReturnType<typeof mappedParameters>): Promise<BackendResult> {
  const arn = parseArn(integration.uri ?? '');
  const service = arn ? SERVICES[arn.accountId] : undefined;
  if (!arn || !service) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  if (service === 's3' && arn.resource.startsWith('path/')) {
    const method = integration.httpMethod === 'ANY' ? request.method : (integration.httpMethod ?? request.method);
    const path = substitute(arn.resource.slice('path/'.length), mapped.path);
    return callS3(invoker, integration, { path, method, body, headers: mapped.header, querystring: mapped.querystring }, arn.region || invoker.region);
  }
  return callServiceAction(invoker, integration.credentials, { service, region: arn.region || invoker.region, resource: arn.resource }, { body, headers: mapped.header, querystring: mapped.querystring, requestId: request.requestId });
}

async function callHttp(integration: Integration, payload: Buffer, request: ExecRequest, mapped: ReturnType<typeof mappedParameters>, stageVariables: Record<string, string>): Promise<BackendResult> {
  const url = endpointUrl(integration.uri, stageVariables, mapped.path);
  for (const [k, v] of Object.entries(mapped.querystring)) url.searchParams.set(k, v);
  const method = integration.httpMethod === 'ANY' ? request.method : (integration.httpMethod ?? request.method);
  const response = await fetchBackend(url, method, { 'content-type': header(request, 'content-type') ?? 'application/json', ...mapped.header }, payload, integration.timeoutInMillis);
  return { status: response.status, body: response.body, headers: response.headers };
}

/** The emulator's own names (`<id>.lambda-url.<region>.localhost.localstack.cloud`): this machine, as their public DNS record says, offline too. */
const EMULATOR_NAME = /(^|\.)localhost\.localstack\.cloud$/;
type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
const backends = new Agent({
  connect: {
    lookup: (hostname: string, options: LookupOptions, callback: LookupCallback) =>
      EMULATOR_NAME.test(hostname) ? callback(null, options.all ? [{ address: '127.0.0.1', family: 4 }] : '127.0.0.1', 4) : lookup(hostname, options, callback as never),
  },
});

/** One request to an HTTP backend; an unreachable one is AWS's 500, a slow one its 504. */
export async function fetchBackend(url: URL, method: string, headers: Record<string, string>, body: Buffer | string, timeoutMs = 29000): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  let response: Awaited<ReturnType<typeof fetchWith>>;
  try {
    response = await fetchWith(url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || !body.length ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      dispatcher: backends,
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new GatewayFailure('INTEGRATION_TIMEOUT', 'Endpoint request timed out', 504);
    throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  }
  const out: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(k)) out[k] = v;
  });
  return { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) };
}

/** The integration response whose selection pattern matches (Lambda: the error message; others: the status), else the default. */
function selectResponse(integration: Integration, result: BackendResult): IntegrationResponse | undefined {
  const responses = Object.values(integration.integrationResponses ?? {});
  const subject = integration.type === 'AWS' && functionOfUri(integration.uri) ? result.errorMessage : String(result.status);
  if (subject !== undefined) {
    for (const r of responses) {
      if (!r.selectionPattern) continue;
      try {
        if (new RegExp(`^(?:${r.selectionPattern})$`, 's').test(subject)) return r;
      } catch {
        // an invalid pattern matches nothing
      }
    }
  }
  return responses.find((r) => !r.selectionPattern);
}

/**
 * The status a MOCK integration's request template asks for: its `statusCode`. AWS reads it from text that is not
 * strict JSON too (CDK's CORS template `{statusCode: 200}`, a template that printed other text before the object).
 */
function mockStatus(payload: string): number {
  if (!payload.trim()) return 200;
  let document: unknown;
  try {
    document = JSON.parse(payload);
  } catch {
    const object = payload.slice(payload.indexOf('{'), payload.lastIndexOf('}') + 1);
    try {
      document = JSON.parse(object);
    } catch {
      const loose = /^\{[^]*?["']?statusCode["']?\s*:\s*(-?\d+)\s*[,}]/.exec(object)?.[1];
      if (loose === undefined) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
      return Number(loose);
    }
  }
  const statusCode = (document as { statusCode?: unknown } | null)?.statusCode;
  if (statusCode === undefined) return 200;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode)) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  return statusCode;
}

/**
 * `$context.requestOverride` and `$context.responseOverride`, which mapping templates set (`#set($context.responseOverride.status = 444)`):
 * one pair for the whole request, so the response template sees what the request template set.
 */
function withOverrides(scope: Omit<TemplateScope, 'body'>) {
  const requestOverride = { header: {} as Record<string, unknown>, path: {} as Record<string, unknown>, querystring: {} as Record<string, unknown> };
  const responseOverride: { header: Record<string, unknown>; status?: unknown } = { header: {} };
  return { scope: { ...scope, context: { ...scope.context, requestOverride, responseOverride } }, requestOverride, responseOverride };
}

/** The overrides a template set, as text values (objects set through `put` too). */
const overrideValues = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));

/** A non-proxy integration (AWS, HTTP, MOCK): request mapping, the backend call, response selection and mapping. */
export async function runMappedIntegration(
  invoker: Invoker,
  integration: Integration,
  request: ExecRequest,
  baseScope: Omit<TemplateScope, 'body'>,
  binaryMediaTypes: string[],
): Promise<RawResponse> {
  const { scope, requestOverride, responseOverride } = withOverrides(baseScope);
  const payload = requestPayload(integration, request, scope, binaryMediaTypes);
  const mapped = mappedParameters(integration, scope);
  Object.assign(mapped.header, overrideValues(requestOverride.header));
  Object.assign(mapped.querystring, overrideValues(requestOverride.querystring));
  Object.assign(mapped.path, overrideValues(requestOverride.path));
  let result: BackendResult;
  if (integration.type === 'MOCK') {
    result = { status: mockStatus(payload.bytes.toString('utf8')), body: Buffer.alloc(0), headers: {} };
  } else if (integration.type === 'HTTP') result = await callHttp(integration, payload.bytes, request, mapped, scope.stageVariables);
  else if (functionOfUri(integration.uri)) result = await callLambda(invoker, integration, payload.bytes.toString('utf8'), scope.stageVariables);
  else result = await callService(invoker, integration, payload.bytes, request, mapped);

  const selected = selectResponse(integration, result);
  if (!selected) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  const accept = (header(request, 'accept') ?? 'application/json').split(',')[0].split(';')[0].trim();
  const templates = selected.responseTemplates ?? {};
  const templateType = Object.hasOwn(templates, accept) ? accept : Object.hasOwn(templates, 'application/json') ? 'application/json' : Object.keys(templates)[0];
  const template = templateType !== undefined ? templates[templateType] : undefined;
  const answer = convertResponse(result.body, isBinary(result.headers['content-type'], binaryMediaTypes), isBinary(header(request, 'accept'), binaryMediaTypes), selected.contentHandling);
  const body = template ? renderTemplate(template, { ...scope, body: templateInput(answer) }) : answer.bytes;
  const headers: Record<string, string> = { 'content-type': templateType ?? result.headers['content-type'] ?? 'application/json' };
  let parsedBackend: unknown;
  for (const [target, source] of Object.entries(selected.responseParameters ?? {})) {
    const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
    if (!name) continue;
    const fromHeader = /^integration\.response\.header\.(.+)$/.exec(source)?.[1];
    const fromBody = /^integration\.response\.body(?:\.(.+))?$/.exec(source);
    if (fromHeader) headers[name.toLowerCase()] = result.headers[fromHeader.toLowerCase()] ?? '';
    else if (fromBody) {
      try {
        parsedBackend ??= JSON.parse(result.body.toString('utf8'));
      } catch {
        parsedBackend = result.body.toString('utf8');
      }
      const value = fromBody[1] ? fromBody[1].split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], parsedBackend) : result.body.toString('utf8');
      headers[name.toLowerCase()] = typeof value === 'string' ? value : JSON.stringify(value ?? '');
    } else headers[name.toLowerCase()] = resolveValue(source, scope);
  }
  for (const [name, value] of Object.entries(overrideValues(responseOverride.header))) headers[name.toLowerCase()] = value;
  const status = Number(responseOverride.status);
  return { status: Number.isInteger(status) && status >= 100 && status <= 599 ? status : Number(selected.statusCode), headers, body };
}
