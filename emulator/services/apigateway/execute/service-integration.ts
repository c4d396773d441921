import { accountRootArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import { awsJson } from '../../../protocols/json.ts';
import { encodeJson } from '../../../protocols/json-codec.ts';
import { awsQuery } from '../../../protocols/query.ts';
import type { ParsedRequest, RawRequest, RawResponse } from '../../../protocols/types.ts';
import type { Invoker } from './lambda.ts';
import { GatewayFailure } from './responses.ts';

/** The service an AWS integration URI names, its region, and the URI's `action/...` or `path/...` part. */
export interface ServiceTarget {
  service: string;
  region: string;
  resource: string;
}

/** The integration request as the mappings made it: body, headers and query string. */
export interface ServiceRequest {
  body: Buffer;
  headers: Record<string, string>;
  querystring: Record<string, string>;
  requestId: string;
}

const bodyText = (body: RawResponse['body']) => (typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '');

/**
 * Whether the request is a query-protocol one (`Action=...` form parameters): a form body, or parameters in the query
 * string only. AWS integrations call a service's query API by default (SSM answers them in its query form).
 */
function isQuery(request: ServiceRequest, headers: Record<string, string>): boolean {
  if (headers['x-amz-target']) return false;
  if ((headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return true;
  const text = request.body.toString('utf8');
  if (!text.trim()) return Object.keys(request.querystring).length > 0;
  return /^[\w.%-]+=/.test(text) && !text.trimStart().startsWith('{');
}

/**
 * The service request the integration makes, decoded by the wire protocol that service's front door would read it
 * with: form parameters (an SQS queue path names the queue, `action/<Op>` the Action) or AWS JSON (`X-Amz-Target`
 * from the integration's headers, else from `action/<Op>`).
 */
function decode(target: ServiceTarget, request: ServiceRequest, model: Parameters<typeof awsJson.parse>[1]): { parsed: ParsedRequest; query: boolean } {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const action = /^action\/(\w+)/.exec(target.resource)?.[1];
  const query = isQuery(request, headers);
  if (query) {
    const params = new URLSearchParams(request.querystring);
    for (const [k, v] of new URLSearchParams(request.body.toString('utf8'))) params.set(k, v);
    if (action && !params.has('Action')) params.set('Action', action);
    const raw: RawRequest = { method: 'POST', path: '/', query: params, headers: {}, body: Buffer.alloc(0) };
    return { parsed: awsQuery.parse(raw, model), query };
  }
  if (action && !headers['x-amz-target']) headers['x-amz-target'] = `${model.metadata.targetPrefix}.${action}`;
  const raw: RawRequest = { method: 'POST', path: '/', query: new URLSearchParams(), headers, body: request.body };
  return { parsed: awsJson.parse(raw, model), query };
}

/**
 * An AWS service integration through that service's front door, as the integration's role (else the account). The
 * answer is the service's own: AWS JSON, or for a query request its JSON form (`{"<Op>Response": {"<Op>Result":
 * ..., "ResponseMetadata": ...}}`), or its XML when the integration asked for `application/xml`.
 */
export async function callServiceAction(invoker: Invoker, credentials: string | undefined, target: ServiceTarget, request: ServiceRequest) {
  const definition = await invoker.emulator.loadService(target.service);
  const queue = /^path\/(\d{12})\/([^/?]+)/.exec(target.resource);
  if (!definition || !(queue || /^action\/\w+/.test(target.resource))) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);
  const model = definition.model;
  const accept = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'accept')?.[1] ?? '';
  let decoded: ReturnType<typeof decode> | undefined;
  let raw: RawResponse;
  try {
    decoded = decode(target, request, model);
    const { operation, input } = decoded.parsed;
    if (queue && !input.QueueUrl) input.QueueUrl = `${invoker.emulator.endpoint}/${queue[1]}/${queue[2]}`;
    const caller = { accountId: invoker.accountId, arn: credentials ?? accountRootArn(invoker.accountId, target.region) };
    const output = await invoker.emulator.call(definition.name, operation, input, { caller, region: target.region });
    if (!decoded.query) raw = awsJson.serialize(operation, output, model, request.requestId, definition);
    else if (accept.startsWith('application/xml')) raw = awsQuery.serialize(operation, output, model, request.requestId, definition);
    else {
      const ref = model.operations[operation].output;
      const result = ref ? encodeJson(model, ref, output ?? {}) : undefined;
      const body = { [`${operation}Response`]: { ...(result !== undefined ? { [`${operation}Result`]: result } : {}), ResponseMetadata: { RequestId: request.requestId } } };
      raw = { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    }
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    if (decoded && !decoded.query) raw = awsJson.serializeError(error, model, definition, request.requestId);
    else {
      const body = { Error: { Code: error.code, Message: error.message, Type: error.sender ? 'Sender' : 'Receiver' }, RequestId: request.requestId };
      raw = { status: error.status ?? 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    }
  }
  const headers = Object.fromEntries(Object.entries(raw.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { status: raw.status, body: Buffer.from(bodyText(raw.body)), headers };
}
