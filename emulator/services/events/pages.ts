import { validation } from './errors.ts';

/** One page of a listing: items after the token's position, at most `limit` (AWS's maximum 100). */
export function page<T>(items: T[], nextToken: string | undefined, limit: number | undefined): { items: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const decoded = /^\d+$/.test(Buffer.from(nextToken, 'base64').toString('utf8')) ? Number(Buffer.from(nextToken, 'base64').toString('utf8')) : NaN;
    if (Number.isNaN(decoded)) throw validation('The NextToken provided is invalid.');
    start = decoded;
  }
  const end = start + (limit ?? 100);
  return { items: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64') : undefined };
}
