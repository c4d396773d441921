import type { DeliveryPayload } from './types.ts';

/** An HTTP endpoint that did not answer 2xx (status 0: no answer at all). */
export class HttpDeliveryError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** How long an HTTP endpoint may take to answer before the attempt counts as failed (SNS waits 15 seconds). */
const TIMEOUT_MS = 15_000;

/** POSTs a payload to an HTTP(S) endpoint; SNS counts only a 2xx answer as delivered. */
export async function postToEndpoint(url: string, payload: DeliveryPayload): Promise<{ status: number }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: payload.headers,
      body: payload.body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.arrayBuffer();
  } catch (error) {
    throw new HttpDeliveryError(0, `POST ${url} failed: ${(error as Error).message}`);
  }
  if (response.status < 200 || response.status >= 300) throw new HttpDeliveryError(response.status, `POST ${url} answered ${response.status}`);
  return { status: response.status };
}
