import { GatewayFailure } from './responses.ts';

/**
 * A payload on its way through a non-proxy integration: its bytes, and whether API Gateway holds it as binary data
 * (mapping templates take text only). The conversions follow API Gateway's payload encodings: a payload is binary
 * when its content type is one of the API's binary media types, and `contentHandling` converts between the two.
 */
export interface Payload {
  bytes: Buffer;
  binary: boolean;
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Text as API Gateway passes it on: UTF-8, invalid bytes replaced (U+FFFD). */
const asText = (bytes: Buffer): Payload => ({ bytes: Buffer.from(bytes.toString('utf8'), 'utf8'), binary: false });
const encoded = (bytes: Buffer): Payload => ({ bytes: Buffer.from(bytes.toString('base64'), 'latin1'), binary: false });

/** Text taken as base64 and decoded; text that is not base64 fails the integration (a 500 to the client). */
function decoded(bytes: Buffer): Payload {
  const text = bytes.toString('latin1');
  if (!STRICT_BASE64.test(text)) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500, { logReason: 'Unable to base64 decode the body' });
  return { bytes: Buffer.from(text, 'base64'), binary: true };
}

// An empty body is empty in either form: there is nothing to convert.

/** The method request's body as the integration receives it, by the integration's `contentHandling`. */
export function convertRequest(bytes: Buffer, binary: boolean, contentHandling: string | undefined): Payload {
  if (!bytes.length) return { bytes, binary: false };
  if (binary) return contentHandling === 'CONVERT_TO_TEXT' ? encoded(bytes) : { bytes, binary: true };
  return contentHandling === 'CONVERT_TO_BINARY' ? decoded(bytes) : asText(bytes);
}

/**
 * The integration's answer as the method response carries it, by the integration response's `contentHandling`;
 * without one, it becomes what the client accepts (binary when its Accept is a binary media type, else text).
 */
export function convertResponse(bytes: Buffer, binary: boolean, acceptsBinary: boolean, contentHandling: string | undefined): Payload {
  if (!bytes.length) return { bytes, binary: false };
  if (contentHandling === 'CONVERT_TO_TEXT') return binary ? encoded(bytes) : asText(bytes);
  if (contentHandling === 'CONVERT_TO_BINARY' || acceptsBinary) return binary ? { bytes, binary: true } : decoded(bytes);
  return binary ? encoded(bytes) : asText(bytes);
}

/** A mapping template's input: text; binary data cannot go through one (a 500, as AWS answers). */
export function templateInput(payload: Payload): string {
  if (payload.binary) throw new GatewayFailure('DEFAULT_5XX', 'Internal server error', 500, { logReason: 'Unable to transform binary data with a mapping template' });
  return payload.bytes.toString('utf8');
}
