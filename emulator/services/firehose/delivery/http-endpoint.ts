import { gzipSync } from 'node:zlib';
import type { HttpEndpointDestinationConfiguration } from '@aws-sdk/client-firehose';
import type { Emulator } from '../../../core/emulator.ts';

/** AWS gives an endpoint 3 minutes to answer, and reads at most 1 MiB of the answer. */
const REQUEST_TIMEOUT_MS = 180_000;
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** Firehose retries a failed request for `RetryOptions.DurationInSeconds` (default 300); between attempts it backs off. */
const DEFAULT_RETRY_SECONDS = 300;
const FIRST_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

export interface EndpointOutcome {
  delivered: boolean;
  attempts: number;
  /** Why the last attempt failed: AWS's error code (`HttpEndpoint.DestinationException`...) and message. */
  errorCode?: string;
  errorMessage?: string;
}

type Attempt = { ok: true } | { ok: false; errorCode: string; errorMessage: string };

const invalid = (requestId: string, status: number, text: string): Attempt => ({
  ok: false,
  errorCode: 'HttpEndpoint.InvalidResponseFromDestination',
  errorMessage: `The response received from the specified endpoint is invalid. Contact the owner of the endpoint to resolve the issue. Response for request ${requestId} is not recognized as valid JSON or has unexpected fields. Raw response received: ${status} ${text}`,
});

/** Reads at most 1 MiB of an answer; undefined when it is larger. */
async function boundedText(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.length;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One request and AWS's judgement of its answer: only a 200 with `content-type: application/json` and a JSON body
 * holding the request's `requestId` and a numeric `timestamp` is a delivery (other 2xx too are failures).
 */
async function attempt(url: string, body: Buffer, headers: Record<string, string>, requestId: string): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: new Uint8Array(body), redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    if ((error as Error).name === 'TimeoutError') return { ok: false, errorCode: 'HttpEndpoint.RequestTimeout', errorMessage: 'The endpoint took longer than 3 minutes to respond.' };
    if (cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET') return { ok: false, errorCode: 'HttpEndpoint.ConnectionReset', errorMessage: 'The connection was reset or closed by the endpoint.' };
    if (cause !== undefined && /CERT|SSL|TLS/i.test(cause)) return { ok: false, errorCode: 'HttpEndpoint.SSLHandshakeFailure', errorMessage: 'The SSL handshake with the endpoint could not be completed.' };
    return { ok: false, errorCode: 'HttpEndpoint.ConnectionFailed', errorMessage: 'A connection could not be established with the endpoint.' };
  }
  const text = await boundedText(response);
  if (text === undefined) return { ok: false, errorCode: 'HttpEndpoint.ResponseTooLarge', errorMessage: 'The response is larger than 1 MiB.' };
  if (response.status !== 200) return { ok: false, errorCode: 'HttpEndpoint.DestinationException', errorMessage: `The following response was received from the endpoint destination. ${response.status}: ${text.slice(0, 4096)}` };
  if (!/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) return invalid(requestId, response.status, text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid(requestId, response.status, text);
  }
  const answer = parsed as { requestId?: unknown; timestamp?: unknown } | null;
  if (answer === null || typeof answer !== 'object' || answer.requestId !== requestId || typeof answer.timestamp !== 'number') return invalid(requestId, response.status, text);
  return { ok: true };
}

/**
 * POSTs records to an HTTP endpoint in Firehose's request format (base64 data, the request id and timestamp in the
 * body and `X-Amz-Firehose-*` headers, GZIP when `ContentEncoding` says so), retrying with the same request id on
 * the emulator clock until `RetryOptions.DurationInSeconds` has passed.
 */
export async function sendToEndpoint(emulator: Emulator, config: HttpEndpointDestinationConfiguration, sourceArn: string, records: Buffer[], requestId: string, alive: () => boolean): Promise<EndpointOutcome> {
  const attributes = Object.fromEntries((config.RequestConfiguration?.CommonAttributes ?? []).map((a) => [a.AttributeName!, a.AttributeValue!]));
  const gzip = config.RequestConfiguration?.ContentEncoding === 'GZIP';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-amz-firehose-protocol-version': '1.0',
    'x-amz-firehose-request-id': requestId,
    'x-amz-firehose-source-arn': sourceArn,
    ...(config.EndpointConfiguration?.AccessKey ? { 'x-amz-firehose-access-key': config.EndpointConfiguration.AccessKey } : {}),
    ...(Object.keys(attributes).length ? { 'x-amz-firehose-common-attributes': JSON.stringify({ commonAttributes: attributes }) } : {}),
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  };
  const json = Buffer.from(JSON.stringify({ requestId, timestamp: emulator.clock.now(), records: records.map((data) => ({ data: data.toString('base64') })) }));
  const body = gzip ? gzipSync(json) : json;
  const { result, attempts } = await retrying(emulator, config.RetryOptions?.DurationInSeconds ?? DEFAULT_RETRY_SECONDS, alive, () => attempt(config.EndpointConfiguration!.Url!, body, headers, requestId));
  return result.ok ? { delivered: true, attempts } : { delivered: false, attempts, errorCode: result.errorCode, errorMessage: result.errorMessage };
}

/**
 * Firehose's retries of a destination: attempts until one succeeds or the retry duration (on the emulator clock) has
 * passed, backing off between them (1 s, doubling, at most 30 s); the last attempt's result and how many were made.
 */
export async function retrying<T extends { ok: boolean }>(emulator: Emulator, durationSeconds: number, alive: () => boolean, once: () => Promise<T>): Promise<{ result: T; attempts: number }> {
  const giveUpAt = emulator.clock.now() + durationSeconds * 1000;
  let backoff = FIRST_BACKOFF_MS;
  for (let attempts = 1; ; attempts++) {
    const result = await once();
    if (result.ok || !alive() || emulator.clock.now() + backoff > giveUpAt) return { result, attempts };
    await new Promise<void>((resume) => emulator.schedule(resume, backoff));
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }
}

/** A request to a destination's own endpoint that failed before any answer, as Firehose names such failures. */
export function transportFailure(error: unknown, prefix: string): { errorCode: string; errorMessage: string } {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  if ((error as Error).name === 'TimeoutError') return { errorCode: `${prefix}.RequestTimeout`, errorMessage: 'The endpoint took too long to respond.' };
  if (cause === 'ECONNRESET' || cause === 'UND_ERR_SOCKET') return { errorCode: `${prefix}.ConnectionReset`, errorMessage: 'The connection was reset or closed by the endpoint.' };
  return { errorCode: `${prefix}.ConnectionFailed`, errorMessage: 'A connection could not be established with the endpoint.' };
}
