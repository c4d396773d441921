import { invalidParameter } from './errors.ts';

/** One page of a listing; the token is the index of the next item, opaque to clients. */
export function page<T>(all: T[], token: string | undefined, size: number): { items: T[]; nextToken?: string } {
  let start = 0;
  if (token !== undefined && token !== '') {
    const decoded = Number(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isInteger(decoded) || decoded < 0) throw invalidParameter('NextToken');
    start = decoded;
  }
  const items = all.slice(start, start + size);
  const next = start + size < all.length ? Buffer.from(String(start + size)).toString('base64') : undefined;
  return { items, nextToken: next };
}
