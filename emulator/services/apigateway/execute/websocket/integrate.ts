import type { Integration, IntegrationResponse } from '@aws-sdk/client-apigatewayv2';
import { AwsError } from '../../../../core/errors.ts';
import { fetchBackend } from '../integrations.ts';
import { jsonPath } from '../jsonpath.ts';
import { functionOfUri, invokeFunction, type Invoker } from '../lambda.ts';
import { GatewayFailure } from '../responses.ts';
import { renderTemplate, type TemplateScope } from '../vtl.ts';

/** What a route's integration answered: a status (which `$connect` turns into the handshake's) and the body for two-way routes. */
export interface IntegrationOutcome {
  status: number;
  body?: string;
  headers: Record<string, string>;
}

const internalError = () => new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500);

/**
 * A selection expression's value: `$request.body.<path>` (and `${...}` forms) from the JSON message, literal text
 * around them; `\$default` is the literal `$default`. Undefined when a referenced value is missing.
 */
export function selectionValue(expression: string, body: unknown): string | undefined {
  if (expression === '\\$default' || expression === '$default') return '$default';
  let missing = false;
  const value = expression.replace(/\$\{request\.body\.([^}]+)\}|\$request\.body\.([\w.[\]'"*-]+)/g, (_m, braced: string | undefined, bare: string | undefined) => {
    const found = jsonPath(body, `$.${braced ?? bare}`);
    if (found === undefined || found === null || typeof found === 'object') missing = true;
    return String(found);
  });
  return missing ? undefined : value;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The request template the integration's template selection expression picks, by its passthrough behaviour. */
function requestPayload(integration: Integration, message: string, scope: Omit<TemplateScope, 'body'>): string {
  const templates = integration.RequestTemplates ?? {};
  const key = selectionValue(integration.TemplateSelectionExpression ?? '\\$default', parse(message));
  const chosen = key !== undefined && Object.hasOwn(templates, key) ? templates[key] : Object.hasOwn(templates, '$default') ? templates.$default : undefined;
  if (chosen !== undefined) return renderTemplate(chosen, { ...scope, body: message });
  const behaviour = integration.PassthroughBehavior ?? 'WHEN_NO_MATCH';
  if (behaviour === 'NEVER' || (behaviour === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length)) throw internalError();
  return message;
}

/** The integration response whose key (`$default`, or a `/regex/` on the status) fits the backend's status. */
function selectResponse(responses: IntegrationResponse[], status: number): IntegrationResponse | undefined {
  for (const response of responses) {
    const pattern = /^\/(.*)\/$/s.exec(response.IntegrationResponseKey ?? '')?.[1];
    if (pattern === undefined) continue;
    try {
      if (new RegExp(`^(?:${pattern})$`).test(String(status))) return response;
    } catch {
      // an invalid pattern matches nothing
    }
  }
  return responses.find((r) => r.IntegrationResponseKey === '$default');
}

/** Lambda's answer to a proxy event: `statusCode`, `headers` and `body` when structured, else a 200 with no body. */
function proxyOutcome(payload: Buffer, functionError: string | undefined): IntegrationOutcome {
  if (functionError) throw internalError();
  const parsed = parse(payload.toString('utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 200, headers: {}, body: parsed === undefined ? undefined : JSON.stringify(parsed) };
  const response = parsed as { statusCode?: unknown; headers?: Record<string, unknown>; body?: unknown; isBase64Encoded?: boolean };
  const status = response.statusCode === undefined ? 200 : Number(response.statusCode);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw internalError();
  const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const text = typeof response.body === 'string' ? response.body : response.body === undefined || response.body === null ? undefined : JSON.stringify(response.body);
  return { status, headers, body: text !== undefined && response.isBase64Encoded ? Buffer.from(text, 'base64').toString('utf8') : text };
}

async function callLambda(invoker: Invoker, functionArn: string, payload: string, credentials: string | undefined) {
  try {
    return await invokeFunction(invoker, functionArn, Buffer.from(payload), credentials);
  } catch (error) {
    if (error instanceof AwsError) throw internalError();
    throw error;
  }
}

const withStageVariables = (text: string, variables: Record<string, string>) => text.replace(/\$\{stageVariables\.([^}]+)\}/g, (_, name: string) => variables[name] ?? '');

/**
 * Runs a route's integration: Lambda proxy (the event as it is), HTTP proxy (the message POSTed as it is), or the
 * mapped kinds (MOCK, HTTP, Lambda through AWS) with request templates and integration responses. Throws a
 * GatewayFailure when the backend fails.
 */
export async function runIntegration(
  invoker: Invoker,
  integration: Integration,
  responses: IntegrationResponse[],
  event: Record<string, unknown>,
  message: string,
  scope: Omit<TemplateScope, 'body'>,
): Promise<IntegrationOutcome> {
  const uri = withStageVariables(integration.IntegrationUri ?? '', scope.stageVariables);
  if (integration.IntegrationType === 'AWS_PROXY') {
    const functionArn = functionOfUri(uri) ?? (uri.includes(':lambda:') ? uri : undefined);
    if (!functionArn) throw internalError();
    const out = await callLambda(invoker, functionArn, JSON.stringify(event), integration.CredentialsArn);
    return proxyOutcome(out.payload, out.functionError);
  }
  if (integration.IntegrationType === 'HTTP_PROXY') {
    const backend = await fetchBackend(new URL(uri), integration.IntegrationMethod ?? 'POST', { 'content-type': 'application/json' }, message, integration.TimeoutInMillis);
    return { status: backend.status, headers: backend.headers, body: backend.body.toString('utf8') };
  }
  const payload = requestPayload(integration, message, scope);
  let status: number;
  let body: string;
  if (integration.IntegrationType === 'MOCK') {
    const statusCode = (parse(payload || '{}') as { statusCode?: unknown } | undefined)?.statusCode;
    status = statusCode === undefined ? 200 : Number(statusCode);
    body = '';
  } else if (integration.IntegrationType === 'HTTP') {
    const backend = await fetchBackend(new URL(uri), integration.IntegrationMethod ?? 'POST', { 'content-type': 'application/json' }, payload, integration.TimeoutInMillis);
    status = backend.status;
    body = backend.body.toString('utf8');
  } else {
    // AWS: Lambda's Invoke with the mapped payload; other AWS service actions are not integrated for WebSocket APIs.
    const functionArn = functionOfUri(uri);
    if (!functionArn) throw internalError();
    const out = await callLambda(invoker, functionArn, payload || '{}', integration.CredentialsArn);
    status = out.functionError ? 500 : 200;
    body = out.payload.toString('utf8');
  }
  if (!responses.length) return { status, headers: {}, body: integration.IntegrationType === 'MOCK' ? undefined : body };
  const selected = selectResponse(responses, status);
  if (!selected) throw internalError();
  const templates = selected.ResponseTemplates ?? {};
  const key = selectionValue(selected.TemplateSelectionExpression ?? '\\$default', parse(body));
  const template = key !== undefined && Object.hasOwn(templates, key) ? templates[key] : Object.hasOwn(templates, '$default') ? templates.$default : Object.values(templates)[0];
  return { status, headers: {}, body: template !== undefined ? renderTemplate(template, { ...scope, body }) : integration.IntegrationType === 'MOCK' ? undefined : body };
}
