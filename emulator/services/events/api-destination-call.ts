import type { Target } from '@aws-sdk/client-eventbridge';
import type { Emulator } from '../../core/emulator.ts';
import { retryPolicyDelays } from '../../delivery/retry-policy.ts';
import type { EventsState } from './state.ts';

interface Parameter {
  Key?: string;
  Value?: string;
}

/** AWS gives an API destination call this long. */
const TIMEOUT_MS = 5000;

/**
 * Calls an API destination (a rule target): the destination's method and endpoint (path parameters filled from the
 * target's HttpParameters), the connection's authorization (Basic or an API key header) and its invocation HTTP
 * parameters, the target's headers and query string, the event as the body. Failed calls (network errors, 429 and 5xx)
 * are retried by the target's retry policy; `onFailure` gets the last error.
 */
export function callApiDestination(state: EventsState, emulator: Emulator, target: Target, body: string, onFailure: (error: unknown) => void): void {
  const name = target.Arn!.split(':api-destination/')[1]?.split('/')[0];
  const destination = name === undefined ? undefined : state.apiDestinations.get(name);
  const connection = destination && state.connections.get(destination.connectionArn.split(':connection/')[1]?.split('/')[0] ?? '');
  if (!destination || !connection) {
    onFailure(new Error(`API destination ${target.Arn} does not exist.`));
    return;
  }
  let path = destination.endpoint;
  for (const value of target.HttpParameters?.PathParameterValues ?? []) path = path.replace('*', encodeURIComponent(value));
  const url = new URL(path);
  const auth = connection.authParameters as {
    BasicAuthParameters?: { Username?: string; Password?: string };
    ApiKeyAuthParameters?: { ApiKeyName?: string; ApiKeyValue?: string };
    InvocationHttpParameters?: { HeaderParameters?: Parameter[]; QueryStringParameters?: Parameter[] };
  };
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Amazon/EventBridge/ApiDestinations' };
  if (auth.BasicAuthParameters) {
    headers.authorization = `Basic ${Buffer.from(`${auth.BasicAuthParameters.Username}:${auth.BasicAuthParameters.Password}`).toString('base64')}`;
  }
  if (auth.ApiKeyAuthParameters?.ApiKeyName) headers[auth.ApiKeyAuthParameters.ApiKeyName.toLowerCase()] = auth.ApiKeyAuthParameters.ApiKeyValue ?? '';
  for (const p of auth.InvocationHttpParameters?.HeaderParameters ?? []) if (p.Key) headers[p.Key.toLowerCase()] = p.Value ?? '';
  for (const [k, v] of Object.entries(target.HttpParameters?.HeaderParameters ?? {})) headers[k.toLowerCase()] = v;
  for (const p of auth.InvocationHttpParameters?.QueryStringParameters ?? []) if (p.Key) url.searchParams.set(p.Key, p.Value ?? '');
  for (const [k, v] of Object.entries(target.HttpParameters?.QueryStringParameters ?? {})) url.searchParams.set(k, v);

  const delays = retryPolicyDelays(target.RetryPolicy);
  const attempt = (n: number) => {
    fetch(url, { method: destination.httpMethod, headers, body: destination.httpMethod === 'GET' || destination.httpMethod === 'HEAD' ? undefined : body, signal: AbortSignal.timeout(TIMEOUT_MS) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.status === 429 || response.status >= 500) throw new Error(`API destination answered ${response.status}`);
      })
      .catch((error: unknown) => {
        if (n < delays.length) emulator.schedule(() => attempt(n + 1), delays[n]);
        else onFailure(error);
      });
  };
  attempt(0);
}
