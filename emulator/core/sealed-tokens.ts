import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens one service hands out and another redeems through its own front door (IAM's delegation exchange tokens,
 * redeemed by STS GetDelegatedAccessToken): a JSON payload and an HMAC under a key of this process, so that a token
 * can be neither forged nor altered, and neither service reads the other's state. Tokens do not outlive the process.
 */
const KEY = randomBytes(32);

function mac(body: string): Buffer {
  return createHmac('sha256', KEY).update(body).digest();
}

export function sealToken(payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body).toString('base64url')}`;
}

/** The payload of a token this process sealed, or undefined for anything else. */
export function openToken<T>(token: string): T | undefined {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const expected = mac(body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** What IAM's exchange token for a finalized delegation request carries to STS. */
export interface DelegatedAccessGrant {
  kind: 'delegated-access';
  delegationRequestId: string;
  /** The customer account the credentials act in, and the identity whose permissions they carry (the approver). */
  accountId: string;
  principalArn: string;
  /** End of the delegation period (epoch ms): the token and the credentials it buys are valid until then. */
  expiresAt: number;
}
