import type { GatewayResponse } from '@aws-sdk/client-api-gateway';
import type { RawResponse } from '../../../protocols/types.ts';
import { defaultGatewayResponse } from '../operations/gateway-responses.ts';
import { renderTemplate, type TemplateScope } from './vtl.ts';

/** The `x-amzn-ErrorType` AWS sends with each gateway response type. */
const ERROR_TYPES: Record<string, string> = {
  MISSING_AUTHENTICATION_TOKEN: 'MissingAuthenticationTokenException',
  INVALID_API_KEY: 'ForbiddenException',
  ACCESS_DENIED: 'AccessDeniedException',
  INVALID_SIGNATURE: 'InvalidSignatureException',
  EXPIRED_TOKEN: 'ExpiredTokenException',
  UNAUTHORIZED: 'UnauthorizedException',
  AUTHORIZER_CONFIGURATION_ERROR: 'AuthorizerConfigurationException',
  AUTHORIZER_FAILURE: 'AuthorizerFailureException',
  THROTTLED: 'TooManyRequestsException',
  QUOTA_EXCEEDED: 'LimitExceededException',
  BAD_REQUEST_PARAMETERS: 'BadRequestException',
  BAD_REQUEST_BODY: 'BadRequestException',
  REQUEST_TOO_LARGE: 'RequestTooLargeException',
  INTEGRATION_FAILURE: 'InternalServerErrorException',
  INTEGRATION_TIMEOUT: 'InternalServerErrorException',
  DEFAULT_5XX: 'InternalServerErrorException',
  DEFAULT_4XX: 'BadRequestException',
};

export class GatewayFailure extends Error {
  constructor(
    readonly type: string,
    /** `null` renders as JSON null, as AWS does for authorizer configuration errors. */
    readonly errorMessage: string | null,
    readonly status?: number,
    /**
     * Where AWS answers otherwise than the type's default: its `x-amzn-ErrorType`, and `Message` as the body's key; and
     * the reason its execution log gives when that is not the message.
     */
    readonly shape: { errorType?: string; messageKey?: 'Message'; logReason?: string } = {},
  ) {
    super(errorMessage ?? type);
  }
}

/**
 * Renders a gateway response: the API's own for the type, else its DEFAULT_4XX/DEFAULT_5XX, else AWS's default, with
 * `$context.error.*` filled in. `scope` is undefined before a stage is known (no stage variables, no context).
 */
export function gatewayResponse(failure: GatewayFailure, custom: GatewayResponse[], requestId: string, scope?: Omit<TemplateScope, 'body'>): RawResponse {
  const defaults = defaultGatewayResponse(failure.type);
  const status = Number(failure.status ?? defaults.statusCode ?? (failure.type === 'DEFAULT_5XX' ? 500 : 400));
  const family = status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
  const chosen = custom.find((r) => r.responseType === failure.type) ?? custom.find((r) => r.responseType === family);
  const response = chosen ?? defaults;
  const messageString = failure.errorMessage === null ? 'null' : JSON.stringify(failure.errorMessage);
  const context = { ...(scope?.context ?? {}), error: { message: failure.errorMessage ?? '', messageString, responseType: failure.type } };
  const templateScope: TemplateScope = { body: '', context, stageVariables: scope?.stageVariables ?? {}, params: scope?.params ?? { path: {}, querystring: {}, header: {} } };
  const template = response.responseTemplates?.['application/json'] ?? Object.values(response.responseTemplates ?? {})[0];
  const body =
    !chosen && failure.shape.messageKey
      ? JSON.stringify({ [failure.shape.messageKey]: failure.errorMessage })
      : template !== undefined
        ? renderTemplate(template, templateScope)
        : '';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': failure.shape.errorType ?? ERROR_TYPES[failure.type] ?? ERROR_TYPES[family],
  };
  for (const [key, value] of Object.entries(response.responseParameters ?? {})) {
    const name = /^gatewayresponse\.header\.(.+)$/.exec(key)?.[1];
    if (name) headers[name.toLowerCase()] = resolveValue(value, templateScope);
  }
  return { status: chosen?.statusCode ? Number(chosen.statusCode) : status, headers, body };
}

/** A mapping value: `'literal'`, `method.request.header.x` (and querystring/path), or `stageVariables.x`. */
export function resolveValue(value: string, scope: Omit<TemplateScope, 'body'>): string {
  const literal = /^'(.*)'$/s.exec(value);
  if (literal) return literal[1];
  const param = /^method\.request\.(header|querystring|path)\.(.+)$/.exec(value);
  if (param) {
    const source = scope.params[param[1] as 'header' | 'querystring' | 'path'];
    return param[1] === 'header' ? (Object.entries(source).find(([k]) => k.toLowerCase() === param[2].toLowerCase())?.[1] ?? '') : (source[param[2]] ?? '');
  }
  const stageVariable = /^stageVariables\.(.+)$/.exec(value);
  if (stageVariable) return scope.stageVariables[stageVariable[1]] ?? '';
  const context = /^context\.(.+)$/.exec(value);
  if (context) return String(context[1].split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], scope.context) ?? '');
  return value;
}
