import { randomUUID } from 'node:crypto';
import type { SplunkDestinationConfiguration } from '@aws-sdk/client-firehose';
import type { Emulator } from '../../../core/emulator.ts';
import { retrying, transportFailure } from './http-endpoint.ts';

// Firehose's Splunk destination as AWS's developer guide and Splunk's HTTP Event Collector (HEC) documentation
// describe it: the records POSTed to `/services/collector/event` (HECEndpointType Event) or `/services/collector/raw`
// (Raw) with `Authorization: Splunk <HECToken>` on a request channel; Firehose requires indexer acknowledgment, so each
// accepted request's `ackId` is polled at `/services/collector/ack` until acknowledged or HECAcknowledgmentTimeout-
// InSeconds (default 180) has passed. Failed requests are retried until RetryOptions.DurationInSeconds (default 3600).

/** HEC status codes (Splunk's "Format events for HTTP Event Collector" table) and Firehose's error code for each. */
const HEC_ERRORS: Record<number, string> = {
  1: 'Splunk.DisabledToken',
  2: 'Splunk.InvalidToken',
  3: 'Splunk.InvalidToken',
  4: 'Splunk.InvalidToken',
  5: 'Splunk.InvalidDataFormat',
  6: 'Splunk.InvalidDataFormat',
  7: 'Splunk.InvalidIndex',
  12: 'Splunk.InvalidDataFormat',
  13: 'Splunk.InvalidDataFormat',
  14: 'Splunk.DisabledAck',
};
const ACK_POLL_MS = 1000;

type HecAttempt = { ok: true } | { ok: false; errorCode: string; errorMessage: string };

async function post(url: string, token: string, channel: string, body: string): Promise<{ status: number; json?: Record<string, unknown>; text: string } | HecAttempt> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { authorization: `Splunk ${token}`, 'x-splunk-request-channel': channel, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    return { ok: false, ...transportFailure(error, 'Splunk') };
  }
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** One delivery: the events, then their acknowledgment. */
async function deliverOnce(emulator: Emulator, config: SplunkDestinationConfiguration, body: string, alive: () => boolean): Promise<HecAttempt> {
  const base = config.HECEndpoint!.replace(/\/$/, '');
  const channel = randomUUID();
  const path = config.HECEndpointType === 'Raw' ? `/services/collector/raw?channel=${channel}` : '/services/collector/event';
  const answer = await post(base + path, config.HECToken ?? '', channel, body);
  if ('ok' in answer) return answer;
  const code = typeof answer.json?.code === 'number' ? answer.json.code : undefined;
  if (answer.status >= 500) return { ok: false, errorCode: 'Splunk.ServerError', errorMessage: `The Splunk server answered ${answer.status}: ${answer.text.slice(0, 1024)}` };
  if (answer.status !== 200 || code !== 0) {
    return { ok: false, errorCode: (code !== undefined && HEC_ERRORS[code]) || 'Splunk.InvalidEndpoint', errorMessage: `Splunk answered ${answer.status}: ${answer.text.slice(0, 1024)}` };
  }
  const ackId = answer.json?.ackId;
  if (typeof ackId !== 'number') return { ok: false, errorCode: 'Splunk.DisabledAck', errorMessage: 'Indexer acknowledgment is disabled for the HEC token: Firehose requires it.' };
  const deadline = emulator.clock.now() + (config.HECAcknowledgmentTimeoutInSeconds ?? 180) * 1000;
  for (;;) {
    const ack = await post(`${base}/services/collector/ack?channel=${channel}`, config.HECToken ?? '', channel, JSON.stringify({ acks: [ackId] }));
    if ('ok' in ack) return ack;
    if ((ack.json?.acks as Record<string, boolean> | undefined)?.[String(ackId)] === true) return { ok: true };
    if (!alive() || emulator.clock.now() + ACK_POLL_MS > deadline) return { ok: false, errorCode: 'Splunk.AckTimeout', errorMessage: 'Did not receive an acknowledgement from HEC before the HEC acknowledgement timeout expired.' };
    await new Promise<void>((resume) => emulator.schedule(resume, ACK_POLL_MS));
  }
}

/** Sends the records (concatenated, as Firehose sends them) with its retries; the outcome of the last attempt. */
export async function sendToSplunk(emulator: Emulator, config: SplunkDestinationConfiguration, records: Buffer[], alive: () => boolean): Promise<{ result: HecAttempt; attempts: number }> {
  const body = Buffer.concat(records).toString('utf8');
  return retrying(emulator, config.RetryOptions?.DurationInSeconds ?? 3600, alive, () => deliverOnce(emulator, config, body, alive));
}
