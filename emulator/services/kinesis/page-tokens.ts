import { AwsError } from '../../core/errors.ts';
import { invalidArgument } from './errors.ts';

/** NextToken values expire after 300 seconds, as AWS's do. */
const TOKEN_TTL_MS = 300_000;

/**
 * An opaque pagination token: which operation it belongs to, where the page ended and when it was issued (`now`, on
 * the emulator clock).
 */
export function encodeToken(operation: string, after: string, now: number, extra: Record<string, unknown> = {}): string {
  return Buffer.from(JSON.stringify({ op: operation, after, at: now, ...extra })).toString('base64');
}

export function decodeToken(token: string, operation: string, now: number): { after: string; [key: string]: unknown } {
  let decoded: { op?: string; after?: string; at?: number } | undefined;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (!decoded || decoded.op !== operation || typeof decoded.after !== 'string' || typeof decoded.at !== 'number') {
    throw invalidArgument(`NextToken ${token} is invalid.`);
  }
  if (now - decoded.at > TOKEN_TTL_MS) {
    throw new AwsError('ExpiredNextTokenException', `The timestamp of the NextToken has expired.`);
  }
  return decoded as { after: string };
}
