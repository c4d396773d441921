import type { RawResponse } from '../../../protocols/types.ts';
import type { IamIdentity } from './iam.ts';
import { all, first, header, type ExecRequest } from './request.ts';
import { GatewayFailure } from './responses.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `09/Apr/2015:12:34:56 +0000`, API Gateway's requestTime. */
export function requestTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** Whether the request's content type (or, for responses, Accept) is one of the API's binary media types. */
export function isBinary(contentType: string | undefined, binaryMediaTypes: string[]): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return binaryMediaTypes.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === '*/*') return true;
    if (p.endsWith('/*')) return type.startsWith(p.slice(0, -1));
    return p === type;
  });
}

export interface ProxyScope {
  request: ExecRequest;
  resourcePath: string;
  resourceId: string;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  stage: string;
  apiId: string;
  accountId: string;
  deploymentId: string;
  binaryMediaTypes: string[];
  authorizer?: Record<string, unknown>;
  /** The signer of an IAM-authorized request. */
  iam?: IamIdentity;
}

const orNull = <T extends object>(value: T): T | null => (Object.keys(value).length ? value : null);

/** The `$context` values AWS gives templates, and the `requestContext` of the proxy event. */
export function requestContext(scope: ProxyScope): Record<string, unknown> {
  const { request, iam } = scope;
  return {
    resourceId: scope.resourceId,
    resourcePath: scope.resourcePath,
    httpMethod: request.method,
    extendedRequestId: request.extendedRequestId,
    requestTime: requestTime(request.receivedAtMs),
    path: `/${scope.stage}${request.rawPath}`,
    accountId: scope.accountId,
    protocol: 'HTTP/1.1',
    stage: scope.stage,
    domainPrefix: request.domainName.split('.')[0],
    requestTimeEpoch: request.receivedAtMs,
    requestId: request.requestId,
    identity: {
      cognitoIdentityPoolId: null,
      accountId: iam?.accountId ?? null,
      cognitoIdentityId: null,
      caller: iam?.userId ?? null,
      sourceIp: request.sourceIp,
      principalOrgId: null,
      accessKey: iam?.accessKey ?? null,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: iam?.userArn ?? null,
      userAgent: request.userAgent,
      user: iam?.userId ?? null,
      apiKey: header(request, 'x-api-key'),
    },
    domainName: request.domainName,
    deploymentId: scope.deploymentId,
    apiId: scope.apiId,
    ...(scope.authorizer ? { authorizer: scope.authorizer } : {}),
  };
}

/** The Lambda proxy integration's event, format 1.0. */
export function proxyEvent(scope: ProxyScope): Record<string, unknown> {
  const { request } = scope;
  const binary = isBinary(header(request, 'content-type'), scope.binaryMediaTypes);
  const context = requestContext(scope);
  (context.identity as Record<string, unknown>).apiKey = undefined;
  return {
    resource: scope.resourcePath,
    path: request.path,
    httpMethod: request.method,
    headers: orNull(first(request.headers)),
    multiValueHeaders: orNull(all(request.headers)),
    queryStringParameters: orNull(first(request.query)),
    multiValueQueryStringParameters: orNull(all(request.query)),
    pathParameters: orNull(scope.pathParameters),
    stageVariables: orNull(scope.stageVariables),
    requestContext: context,
    body: request.body.length ? (binary ? request.body.toString('base64') : request.body.toString('utf8')) : null,
    isBase64Encoded: binary && request.body.length > 0,
  };
}

const ALLOWED_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded', 'cookies']);

/**
 * A function's proxy response as HTTP; anything off the contract is AWS's 502 `Internal server error`. A base64 body
 * is decoded when the client accepts one of the API's binary media types, else passed on as the text it is.
 */
export function proxyResponse(payload: Buffer, functionError: string | undefined, binaryAccepted: boolean): RawResponse {
  const malformed = new GatewayFailure('DEFAULT_5XX', 'Internal server error', 502);
  if (functionError) throw malformed;
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw malformed;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw malformed;
  const response = parsed as Record<string, unknown>;
  if (Object.keys(response).some((k) => !ALLOWED_KEYS.has(k))) throw malformed;
  const status = response.statusCode === undefined ? 200 : Number(response.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw malformed;
  const single = response.headers ?? {};
  const multi = response.multiValueHeaders ?? {};
  if (typeof single !== 'object' || typeof multi !== 'object' || Object.values(multi).some((v) => !Array.isArray(v))) throw malformed;
  // A header in both maps carries the multi-value values first, then the single one, as AWS joins them.
  const headers: Record<string, string> = {};
  const add = (name: string, values: unknown[]) => {
    const key = name.toLowerCase();
    headers[key] = [...(headers[key] !== undefined ? [headers[key]] : []), ...values.map(String)].join(', ');
  };
  for (const [k, v] of Object.entries(multi as Record<string, unknown[]>)) add(k, v);
  for (const [k, v] of Object.entries(single as Record<string, unknown>)) add(k, [v]);
  if (response.body !== undefined && response.body !== null && typeof response.body !== 'string') throw malformed;
  const text = (response.body as string | undefined) ?? '';
  const body = response.isBase64Encoded === true && binaryAccepted ? Buffer.from(text, 'base64') : Buffer.from(text);
  headers['content-type'] ??= 'application/json';
  return { status, headers, body };
}
