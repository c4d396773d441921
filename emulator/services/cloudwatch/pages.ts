import { AwsError } from '../../core/errors.ts';

/** One page of a listing: the items after the token's position, at most `limit`; the token is an opaque offset. */
export function page<T>(items: T[], nextToken: string | undefined, limit: number): { items: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    start = Number(Buffer.from(nextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw new AwsError('InvalidNextToken', 'The service returned an invalid next token.');
  }
  const end = start + limit;
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
