import { invalidToken } from './errors.ts';

/** One page of a listing with an opaque token holding the next position. */
export function page<T>(items: T[], nextToken: string | undefined, limit: number, defaultLimit = 50): { items: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const decoded = Buffer.from(nextToken, 'base64url').toString('utf8');
    if (!/^p\/\d+$/.test(decoded)) throw invalidToken();
    start = Number(decoded.slice(2));
  }
  const end = start + (limit || defaultLimit);
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(`p/${end}`).toString('base64url') : undefined };
}
